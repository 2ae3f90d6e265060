package org.unionplatform.infrastructure;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** The in-memory backend, answering {@code hello} like real MongoDB (see {@link HelloCommand}). */
final class HelloAwareMemoryBackend extends MemoryBackend {

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (HelloCommand.matches(command)) {
            return HelloCommand.fromIsMaster(super.handleCommand(channel, databaseName, HelloCommand.LEGACY_NAME, query));
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
