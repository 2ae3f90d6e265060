package org.unionplatform.infrastructure;

import java.util.List;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** An in-memory database whose unique indexes also serve key-plus-condition queries ({@link KeyLookupIndex}). */
final class KeyLookupMemoryDatabase extends MemoryDatabase {

    KeyLookupMemoryDatabase(String name, CursorRegistry cursors) {
        super(name, cursors);
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new KeyLookupIndex<>(super.openOrCreateUniqueIndex(collection, indexName, keys, sparse), indexName,
                keys, sparse);
    }
}
