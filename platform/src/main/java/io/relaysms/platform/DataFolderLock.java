package io.relaysms.platform;

import io.relaysms.config.ExplainedFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the platform's data folder for one process. A second platform started on the same folder (with other ports,
 * say) reached the embedded broker's metadata log before Kafka's own log-folder lock refused it, and left the running
 * broker spinning and unable to stop; so the folder is locked before anything in it is touched. The lock is the
 * operating system's, so it goes with the process, even a killed one; the file keeps the holder's process id for the
 * error message.
 */
final class DataFolderLock implements AutoCloseable {

    static final String FILE_NAME = "relay.lock";

    /**
     * Folders this process holds. The operating system's lock belongs to the whole process and is dropped when any of
     * its handles on the file closes, so a second platform in this process must be refused before it opens one.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code folder} (creating it), or fails with {@link FolderInUseException} when another platform holds it. */
    static DataFolderLock acquire(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        Path held;
        try {
            Files.createDirectories(folder);
            held = folder.toRealPath();
        } catch (IOException e) {
            throw cannotLock(folder, e);
        }
        if (!HELD_HERE.add(held)) {
            throw inUse(folder, String.valueOf(ProcessHandle.current().pid()));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = holderOf(file);
                channel.close();
                HELD_HERE.remove(held);
                throw inUse(folder, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataFolderLock(held, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_HERE.remove(held);
            throw cannotLock(folder, e);
        }
    }

    /** The process id the holder wrote, or empty when the file says something else. */
    private static String holderOf(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
        return text.matches("\\d{1,10}") ? text : "";
    }

    private static FolderInUseException inUse(Path folder, String holder) {
        return new FolderInUseException("the data folder " + folder.toAbsolutePath() + " is in use by another Relay platform"
                + (holder.isEmpty() ? "" : " (process " + holder + ")") + ": stop that one first, or give this one its own"
                + " folder with platform.data-dir (RELAY_PLATFORM_DATA_DIR)");
    }

    private static UncheckedIOException cannotLock(Path folder, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied on " + e.getMessage() : e.toString();
        return new UncheckedIOException("cannot lock the data folder " + folder.toAbsolutePath() + " (" + reason
                + "); platform.data-dir (RELAY_PLATFORM_DATA_DIR) names another", e);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error is the one to report
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        HELD_HERE.remove(folder);
    }

    /** Another platform holds the folder; the message says what to do. */
    static final class FolderInUseException extends IllegalStateException implements ExplainedFailure {
        FolderInUseException(String message) {
            super(message);
        }
    }
}
