package io.relaysms.kafka.testing;

import io.relaysms.kafka.embedded.EmbeddedKafkaBroker;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded Kafka broker per test JVM, started by the first test class that asks for it and stopped when
 * JUnit finishes the run. Register it in a test class with
 * <pre>
 * &#64;RegisterExtension
 * static final SharedKafkaBroker kafka = new SharedKafkaBroker();
 * </pre>
 * and isolate tests from each other with {@link #uniquePrefix()} for topic names and group ids rather than
 * restarting the broker. A test that must stop the broker (a fault test) builds its own
 * {@link EmbeddedKafkaBroker} instead.
 */
public final class SharedKafkaBroker implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SharedKafkaBroker.class);

    private EmbeddedKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> new RunningBroker(EmbeddedKafkaBroker.builder().build().start()),
                        RunningBroker.class)
                .broker();
    }

    public EmbeddedKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("SharedKafkaBroker must be registered as a static @RegisterExtension field");
        }
        return broker;
    }

    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** A prefix no other test uses, for topic names ({@code topics.prefix}), group ids and application ids. */
    public String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    /** Client properties pointing at the shared broker, plus the given ones. */
    public Properties clientProperties(Map<String, ?> more) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers());
        properties.putAll(more);
        return properties;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker();
    }

    /** Lets JUnit close the broker when the root context closes at the end of the run. */
    private record RunningBroker(EmbeddedKafkaBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            broker.close();
        }
    }
}
