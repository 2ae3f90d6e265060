package org.unionplatform.infrastructure;

import java.util.List;
import java.util.Set;
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
 * by a unique key even when the query has further conditions ({@link KeyLookupIndex}), holding on to the
 * store version each request reads, and acknowledging a write only once it is on disk ({@link GroupCommit}).
 * <p>
 * H2's store frees a chunk once no registered reader needs it; the backend itself registers none, so a scan
 * running while others wrote could find its next page gone ("Chunk 504 not found", seen on a count of 100,000
 * members during a bulk enrolment). Every request now registers the version it reads for as long as it runs
 * (query results are complete when the request returns).
 * <p>
 * Every command that is not known to only read waits for the group commit before its reply is sent, whether it
 * succeeded or failed (a failed bulk insert may have written part of its documents).
 */
final class HelloAwareH2Backend extends H2Backend {

    /** Commands that never change the store: their replies go out at once. */
    private static final Set<String> READ_ONLY_COMMANDS = Set.of("find", "getMore", "count", "distinct",
            "listIndexes", "listCollections", "listDatabases", "hello", "isMaster", "ismaster", "ping", "buildInfo",
            "buildinfo", "killCursors", "endSessions", "serverStatus", "dbStats", "collStats", "whatsmyuri",
            "getParameter", "getLog", "getCmdLineOpts", "connectionStatus", "hostInfo", "explain", "getLastError",
            "getlasterror");

    private final GroupCommit groupCommit;

    HelloAwareH2Backend(MVStore store) {
        super(store);
        this.groupCommit = new GroupCommit(store);
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
        boolean writes = writes(message.getDocument());
        try {
            return pinned(() -> super.handleMessage(message));
        } finally {
            // The ticket is taken after the write was applied, on the thread that sends the reply next.
            if (writes && message.getChannel() != null) {
                DurableAcknowledgements.awaitDurable(message.getChannel(), groupCommit, groupCommit.ticket());
            }
        }
    }

    /** Commits and syncs what is left, then closes the store (which H2 marks as cleanly shut down). */
    @Override
    public void close() {
        groupCommit.close();
        super.close();
    }

    GroupCommit groupCommit() {
        return groupCommit;
    }

    static boolean writes(Document command) {
        if (command.isEmpty()) {
            return false;
        }
        String name = command.keySet().iterator().next();
        if ("aggregate".equals(name)) {
            return command.get("pipeline") instanceof List<?> stages && stages.stream()
                    .anyMatch(stage -> stage instanceof Document document
                            && (document.containsKey("$out") || document.containsKey("$merge")));
        }
        return !READ_ONLY_COMMANDS.contains(name);
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
