package org.unionplatform.infrastructure;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;

/**
 * A unique index in an H2 map whose keys compare by value ({@link KeyValueType}), otherwise what the library's
 * own H2 index does: key -> position (the document's {@code _id}). Its map has a name of its own, so a data file
 * written before is indexed afresh from its documents on first open (the collection fills an empty index).
 */
final class OrderedH2UniqueIndex extends AbstractUniqueIndex<Object> {

    /** Appended to the library's map name for an index. */
    static final String MAP_SUFFIX = "#ordered";

    private final MVMap<KeyValue, Object> map;

    OrderedH2UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        map.clear();
    }
}
