package org.unionplatform.infrastructure;

import java.util.List;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

/** An H2-backed database whose unique indexes also serve key-plus-condition queries ({@link KeyLookupIndex}). */
final class KeyLookupH2Database extends H2Database {

    KeyLookupH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new KeyLookupIndex<>(super.openOrCreateUniqueIndex(collection, indexName, keys, sparse), indexName,
                keys, sparse);
    }
}
