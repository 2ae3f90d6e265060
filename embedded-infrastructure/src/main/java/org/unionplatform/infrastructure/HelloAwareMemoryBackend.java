package org.unionplatform.infrastructure;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The in-memory backend, answering {@code hello} like real MongoDB (see {@link HelloCommand}) and finding documents
 * by a unique key even when the query has further conditions ({@link KeyLookupIndex}).
 */
final class HelloAwareMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new KeyLookupMemoryDatabase(databaseName, getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (HelloCommand.matches(command)) {
            return HelloCommand.fromIsMaster(super.handleCommand(channel, databaseName, HelloCommand.LEGACY_NAME, query));
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
