package io.relaysms.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompactionStyle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    @Test
    void loadsBeforeRocksDbsNativeLibraryIsLoaded() throws Exception {
        // Streams parses rocksdb.config.setter, and so loads this class, before any store has loaded the library.
        assertThat(Class.forName(BoundedRocksDbMemory.class.getName())).isNotNull();
    }

    @Test
    void givesEveryStoreSmallMemtablesChargedToOneSharedBudget() {
        RocksDB.loadLibrary();
        try (Options first = new Options().setTableFormatConfig(new BlockBasedTableConfig());
             Options second = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();

            setter.setConfig("store-a", first, Map.of());
            setter.setConfig("store-b", second, Map.of());

            for (Options options : new Options[] {first, second}) {
                assertThat(options.writeBufferSize()).isEqualTo(BoundedRocksDbMemory.MEMTABLE_SIZE);
                assertThat(options.maxWriteBufferNumber()).isEqualTo(BoundedRocksDbMemory.MEMTABLES_PER_STORE);
                assertThat(options.compactionStyle()).isEqualTo(CompactionStyle.UNIVERSAL);
                assertThat(options.arenaBlockSize()).isEqualTo(BoundedRocksDbMemory.ARENA_BLOCK_SIZE);
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            }
            assertThat(BoundedRocksDbMemory.MEMTABLE_BYTES).isLessThan(BoundedRocksDbMemory.TOTAL_BYTES);
        }
    }

    /**
     * The write buffer manager flushes whichever store writes once the memtables of all stores pass 7/8 of the
     * budget. The platform opens some sixty stores; their memtables, ten kilobytes of data each, must leave that
     * budget to data, or every write flushes a memtable of a few hundred entries.
     */
    @Test
    void sixtySmallMemtablesLeaveTheBudgetToData(@TempDir Path dir) throws Exception {
        RocksDB.loadLibrary();
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        List<Options> options = new ArrayList<>();
        List<RocksDB> stores = new ArrayList<>();
        try {
            long memtables = 0;
            for (int i = 0; i < 60; i++) {
                Options storeOptions = new Options().setCreateIfMissing(true).setTableFormatConfig(new BlockBasedTableConfig());
                options.add(storeOptions);
                setter.setConfig("store-" + i, storeOptions, Map.of());
                RocksDB store = RocksDB.open(storeOptions, dir.resolve("store-" + i).toString());
                stores.add(store);
                for (int entry = 0; entry < 50; entry++) {
                    store.put(("key-" + entry).getBytes(StandardCharsets.UTF_8), new byte[200]);
                }
                memtables += store.getLongProperty("rocksdb.cur-size-all-mem-tables");
            }

            assertThat(memtables).isLessThan(BoundedRocksDbMemory.MEMTABLE_BYTES / 2);
        } finally {
            stores.forEach(RocksDB::close);
            options.forEach(Options::close);
        }
    }
}
