package io.omnipulse.streamsupport;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of every RocksDB store of the process together. Left to Kafka Streams'
 * defaults, each store instance (one per store and partition: scoring-service alone has 10 stores
 * on every partition) may take a 50 MB block cache and three 16 MB memtables, so a service's memory
 * grows with its partitions and history until the host runs out. Here all stores share one LRU cache
 * (128 MiB by default), and their memtables are charged to that same cache through one
 * write-buffer manager, as the Kafka Streams memory-management guide recommends.
 *
 * <p>Set with {@code kafka-streams.rocksdb.config.setter} and sized with
 * {@code kafka-streams.omnipulse.rocksdb.total-bytes} and {@code ...memtable-bytes}. The cache is
 * made once per process, from the first store's configuration, and never closed: every store shares it.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String TOTAL_BYTES = "omnipulse.rocksdb.total-bytes";
    public static final String MEMTABLE_BYTES = "omnipulse.rocksdb.memtable-bytes";
    static final long DEFAULT_TOTAL_BYTES = 128L << 20;
    static final long DEFAULT_MEMTABLE_BYTES = 32L << 20;
    /** Share of the cache kept for index and filter blocks, so that data blocks cannot evict them. */
    private static final double INDEX_FILTER_RATIO = 0.1;
    /** Each store's memtable: small, since the write-buffer manager bounds their sum anyway. */
    private static final long MEMTABLE_SIZE = 4L << 20;
    private static final int MEMTABLES_PER_STORE = 2;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long total = bytes(configs, TOTAL_BYTES, DEFAULT_TOTAL_BYTES);
        long memtables = bytes(configs, MEMTABLE_BYTES, DEFAULT_MEMTABLE_BYTES);
        if (memtables >= total) {
            throw new ConfigException(MEMTABLE_BYTES, memtables, "must be less than " + TOTAL_BYTES);
        }
        synchronized (BoundedRocksDbMemory.class) {
            if (cache == null) {
                cache = new LRUCache(total, -1, false, INDEX_FILTER_RATIO);
                writeBuffers = new WriteBufferManager(memtables, cache);
            }
        }
        // Kafka Streams hands over block-based options; anything else would be replaced by them anyway
        BlockBasedTableConfig table = options.tableFormatConfig() instanceof BlockBasedTableConfig blockBased
                ? blockBased : new BlockBasedTableConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write-buffer manager are shared by every store of the process: never closed here
    }

    private static long bytes(Map<String, Object> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        long bytes;
        try {
            bytes = Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "must be a number of bytes");
        }
        if (bytes < (1L << 20)) {
            throw new ConfigException(key, value, "must be at least 1 MiB");
        }
        return bytes;
    }
}
