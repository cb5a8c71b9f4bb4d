package io.relaysms.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
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
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            }
            assertThat(BoundedRocksDbMemory.MEMTABLE_BYTES).isLessThan(BoundedRocksDbMemory.TOTAL_BYTES);
        }
    }
}
