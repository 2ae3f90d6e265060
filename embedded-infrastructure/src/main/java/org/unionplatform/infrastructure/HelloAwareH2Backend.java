package org.unionplatform.infrastructure;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/** The H2 file backend, answering {@code hello} like real MongoDB (see {@link HelloCommand}). */
final class HelloAwareH2Backend extends H2Backend {

    HelloAwareH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (HelloCommand.matches(command)) {
            return HelloCommand.fromIsMaster(super.handleCommand(channel, databaseName, HelloCommand.LEGACY_NAME, query));
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
