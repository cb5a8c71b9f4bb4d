package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {

    @TempDir
    Path data;

    @Test
    void aSecondPlatformInThisProcessIsRefusedUntilTheFirstLetsGo() {
        Path folder = data.resolve("relay-data");
        DataFolderLock first = DataFolderLock.acquire(folder);

        assertThatThrownBy(() -> DataFolderLock.acquire(folder))
                .isInstanceOf(DataFolderLock.FolderInUseException.class)
                .hasMessageContaining("process " + ProcessHandle.current().pid());

        first.close();
        DataFolderLock.acquire(folder).close();
    }

    /** The case that damaged a running broker: two `./relay start` on one folder, so two processes. */
    @Test
    void aFolderHeldByAnotherProcessIsRefusedWithThatProcessId() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDataFolder.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> DataFolderLock.acquire(data))
                    .isInstanceOf(DataFolderLock.FolderInUseException.class)
                    .hasMessageContaining("is in use by another Relay platform (process " + holder.pid() + ")")
                    .hasMessageContaining("RELAY_PLATFORM_DATA_DIR");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // The operating system drops a killed process's lock.
        DataFolderLock.acquire(data).close();
    }

    /** Holds a data folder's lock until killed. */
    public static final class HoldDataFolder {
        public static void main(String[] args) throws InterruptedException {
            DataFolderLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
