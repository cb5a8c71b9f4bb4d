package io.relaysms.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds the platform's data folder for one process. A second platform started on the same folder (with other ports,
 * say) reached the embedded broker's metadata log before Kafka's own log-folder lock refused it, and left the running
 * broker spinning and unable to stop; so the folder is locked before anything in it is touched. The lock is the
 * operating system's, so it goes with the process, even a killed one; the file keeps the holder's process id for the
 * error message.
 */
final class DataFolderLock implements AutoCloseable {

    static final String FILE_NAME = "relay.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code folder} (creating it), or fails with {@link FolderInUseException} when another platform holds it. */
    static DataFolderLock acquire(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process: another platform in the same JVM
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new FolderInUseException("the data folder " + folder.toAbsolutePath() + " is in use by another Relay platform"
                        + (holder.isEmpty() ? "" : " (process " + holder + ")") + ": stop that one first, or give this one its own"
                        + " folder with platform.data-dir (RELAY_PLATFORM_DATA_DIR)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the data folder " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
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
    }

    /** Another platform holds the folder; the message says what to do. */
    static final class FolderInUseException extends IllegalStateException {
        FolderInUseException(String message) {
            super(message);
        }
    }
}
