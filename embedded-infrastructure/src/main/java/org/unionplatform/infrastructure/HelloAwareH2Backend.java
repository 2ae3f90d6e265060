package org.unionplatform.infrastructure;

import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend, answering {@code hello} like real MongoDB (see {@link HelloCommand}), finding documents
 * by a unique key even when the query has further conditions ({@link KeyLookupIndex}), and holding on to the
 * store version each request reads.
 * <p>
 * H2's store writes and compacts in the background and frees a chunk once no registered reader needs it; the
 * backend itself registers none, so a scan running while others wrote could find its next page gone ("Chunk 504
 * not found", seen on a count of 100,000 members during a bulk enrolment). Every request now registers the
 * version it reads for as long as it runs (query results are complete when the request returns).
 */
final class HelloAwareH2Backend extends H2Backend {

    HelloAwareH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return KeyLookupH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (HelloCommand.matches(command)) {
            return HelloCommand.fromIsMaster(pinned(() ->
                    super.handleCommand(channel, databaseName, HelloCommand.LEGACY_NAME, query)));
        }
        return pinned(() -> super.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return pinned(() -> super.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return pinned(() -> super.handleMessage(message));
    }

    private <T> T pinned(Supplier<T> request) {
        MVStore store = getMvStore();
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return request.get();
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }
}
