package io.relaysms.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void givesEveryStoreSmallMemtablesChargedToOneSharedBudget() {
        try (Options first = new Options().setTableFormatConfig(new BlockBasedTableConfig());
             Options second = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();

            setter.setConfig("store-a", first, Map.of());
            setter.setConfig("store-b", second, Map.of());

            for (Options options : new Options[] {first, second}) {
                assertThat(options.writeBufferSize()).isEqualTo(BoundedRocksDbMemory.MEMTABLE_SIZE);
                assertThat(options.maxWriteBufferNumber()).isEqualTo(BoundedRocksDbMemory.MEMTABLES_PER_STORE);
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            }
            assertThat(BoundedRocksDbMemory.MEMTABLE_BYTES).isLessThan(BoundedRocksDbMemory.TOTAL_BYTES);
        }
    }
}
