package org.unionplatform.infrastructure;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2-backed database whose unique indexes compare their keys by value ({@link OrderedH2UniqueIndex}) and also
 * serve key-plus-condition queries ({@link KeyLookupIndex}).
 */
final class KeyLookupH2Database extends H2Database {

    /** The store while the superclass constructor opens the existing indexes (before our field is set). */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private KeyLookupH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static KeyLookupH2Database open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new KeyLookupH2Database(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVMap<KeyValue, Object> map = store().openMap(mapName(collection, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        return new KeyLookupIndex<>(new OrderedH2UniqueIndex(map, indexName, keys, sparse), indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store().removeMap(mapName(collection.getCollectionName(), indexName));
    }

    /** The library's name for an index map (which a database drop removes by its prefix), plus a suffix. */
    private String mapName(String collection, String indexName) {
        return getDatabaseName() + "." + collection + "._index_" + indexName + OrderedH2UniqueIndex.MAP_SUFFIX;
    }
}
