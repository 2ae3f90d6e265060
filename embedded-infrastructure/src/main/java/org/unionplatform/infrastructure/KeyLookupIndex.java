package org.unionplatform.infrastructure;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index of mongo-java-server that also serves a query naming all its keys by plain equality plus further
 * conditions, such as the apply-once update {@code {_id: "s1|2026-11-29", visitIds: {$ne: "v9"}}}. The library's
 * own indexes serve only a query on exactly their keys, so such a query scanned the whole collection (every
 * document read and decoded). Here the index finds the one candidate by its keys; the collection then applies the
 * whole query to it, as it does for any index lookup, so the result is the same as the scan's.
 */
final class KeyLookupIndex<P> extends Index<P> {

    private final Index<P> unique;

    KeyLookupIndex(Index<P> unique, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.unique = unique;
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || lookupPart(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (unique.canHandle(query)) {
            return unique.getPositions(query);
        }
        return unique.getPositions(lookupPart(query));
    }

    /** The query's equality conditions on this index's keys when it has further conditions, else null. */
    private Document lookupPart(Document query) {
        if (query.size() <= keys().size()) {
            return null;
        }
        Document part = new Document();
        for (String key : keys()) {
            Object value = query.get(key);
            if (!isPlainValue(value)) {
                return null;
            }
            part.put(key, value);
        }
        return unique.canHandle(part) ? part : null;
    }

    /** A value compared by equality: not an operator document, an array, a pattern or null (missing field). */
    private static boolean isPlainValue(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
                && !(value instanceof Pattern) && !(value instanceof BsonRegularExpression);
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public boolean isUnique() {
        return unique.isUnique();
    }

    @Override
    public void drop() {
        unique.drop();
    }
}
