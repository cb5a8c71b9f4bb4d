package io.relaysms.runtime;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompactionStyle;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.Priority;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB store in the process. Kafka Streams' defaults give each store instance its own
 * 50 MiB block cache and up to three 16 MiB memtables; with a store per partition per application that is gigabytes
 * of native memory outside the heap (the all-in-one platform measured 1.7 GiB RSS with a 768 MiB heap). Here all
 * stores share one LRU cache, and their memtables are charged to it through a write buffer manager, as the Kafka
 * Streams memory-management guide describes. Installed by {@link KafkaEnvironment#streamsProperties}; a deployment
 * that wants other sizes sets {@code kafka.rocksdb.config.setter} to its own class.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Block cache and memtables of all stores together. */
    static final long TOTAL_BYTES = 64L * 1024 * 1024;
    /** The part of {@link #TOTAL_BYTES} memtables may take; beyond it, the store that writes next flushes its memtable. */
    static final long MEMTABLE_BYTES = 24L * 1024 * 1024;
    static final long MEMTABLE_SIZE = 4L * 1024 * 1024;
    /**
     * A memtable takes memory in blocks of this size, and the write buffer manager counts the blocks, not the data.
     * RocksDB's default (an eighth of {@link #MEMTABLE_SIZE}, 512 KiB) made the process's sixty-odd stores count
     * about 30 MiB as soon as each held a few kilobytes: always over {@link #MEMTABLE_BYTES}, so every write to any
     * store flushed that store's memtable at a few hundred entries (1,276 flushes of one of the tracker's stores in
     * under four minutes of the end-to-end benchmark), and the flushes could not keep up ("Stopping writes" about 5,800
     * times in one run, 9 with 64 KiB blocks).
     */
    static final long ARENA_BLOCK_SIZE = 64L * 1024;
    /**
     * Memtables a store may have before RocksDB stops its writes. The write buffer manager flushes whichever store
     * writes next once the process's memtables exceed {@link #MEMTABLE_BYTES}, so with dozens of stores (one per
     * partition per store name) flushes are small and frequent; with two memtables a store whose flush had not
     * finished stopped the stream thread ("Stopping writes because we have 2 immutable memtables", thousands of times
     * per minute in the end-to-end benchmark, where RocksDB's put was 40 % of the tracker's stream thread). The total
     * stays bounded by the write buffer manager.
     */
    static final int MEMTABLES_PER_STORE = 6;
    /** Threads flushing memtables, for all stores of the process (RocksDB's default is one). */
    static final int FLUSH_THREADS = 2;
    /** Index and filter blocks are cached with high priority and get this share of the cache. */
    static final double HIGH_PRIORITY_SHARE = 0.1;

    /**
     * Shared by every store of every Streams application in the JVM, for the life of the process: closing them when
     * one store closes would pull the cache from under the others. A holder, because Streams loads the setter class
     * while parsing its configuration, before anything has loaded RocksDB's native library.
     */
    private static final class Budget {
        static {
            RocksDB.loadLibrary();
        }

        static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, HIGH_PRIORITY_SHARE);
        static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(Budget.CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(Budget.WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setArenaBlockSize(ARENA_BLOCK_SIZE);
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        // Size-tiered: the stores take writes at random keys (messageIds) far more than reads, and leveled
        // compaction rewrote a store's whole last level on every compaction of its small flushes.
        options.setCompactionStyle(CompactionStyle.UNIVERSAL);
        // Per store, not once per process: Kafka Streams calls setIncreaseParallelism before this for every store it
        // opens, which sets the process's flush pool back to one thread.
        options.getEnv().setBackgroundThreads(FLUSH_THREADS, Priority.HIGH);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager belong to the process, not to this store
    }
}
