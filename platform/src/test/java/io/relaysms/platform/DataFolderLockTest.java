package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {

    @TempDir
    Path data;

    /**
     * A refused second platform in this process must not cost the first its lock: the operating system drops a
     * process's lock when any handle of that process on the file closes, so another process would then get in.
     */
    @Test
    void aSecondPlatformInThisProcessIsRefusedAndTheFolderStaysLockedForOthers() throws Exception {
        try (DataFolderLock first = DataFolderLock.acquire(data)) {
            assertThatThrownBy(() -> DataFolderLock.acquire(data))
                    .isInstanceOf(DataFolderLock.FolderInUseException.class)
                    .hasMessageContaining("process " + ProcessHandle.current().pid());

            assertThat(inAnotherProcess("try", data)).isEqualTo("refused");
        }
        assertThat(inAnotherProcess("try", data)).isEqualTo("acquired");
        DataFolderLock.acquire(data).close();
    }

    /** The case that damaged a running broker: two `./relay start` on one folder, so two processes. */
    @Test
    void aFolderHeldByAnotherProcessIsRefusedWithThatProcessId() throws Exception {
        Process holder = start("hold", data);
        try {
            assertThat(firstLine(holder)).isEqualTo("locked");

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

    @Test
    void aFolderThatCannotBeCreatedSaysWhy() throws IOException {
        Path file = java.nio.file.Files.writeString(data.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> DataFolderLock.acquire(file.resolve("relay-data")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot lock the data folder").hasMessageContaining("platform.data-dir");
    }

    private static String inAnotherProcess(String mode, Path folder) throws Exception {
        Process process = start(mode, folder);
        try {
            return firstLine(process);
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(String mode, Path folder) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherPlatform.class.getName(), mode, folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }

    /** Another process: holds the folder until killed ("hold"), or tries once and says what happened ("try"). */
    public static final class OtherPlatform {
        public static void main(String[] args) throws InterruptedException {
            Path folder = Path.of(args[1]);
            if (args[0].equals("hold")) {
                DataFolderLock.acquire(folder);
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            try (DataFolderLock lock = DataFolderLock.acquire(folder)) {
                System.out.println("acquired");
            } catch (DataFolderLock.FolderInUseException e) {
                System.out.println("refused");
            }
        }
    }
}
