package org.unionplatform.infrastructure;

import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server 1.47 answers the legacy {@code isMaster} on every database but not its successor
 * {@code hello}, which real MongoDB answers everywhere. Spring Boot 4's MongoDB health check sends
 * {@code hello} to each database, so without this a service turns DOWN once it has stored anything.
 */
final class HelloCommand {

    static final String NAME = "hello";
    static final String LEGACY_NAME = "ismaster";

    private HelloCommand() {
    }

    static boolean matches(String command) {
        return NAME.equalsIgnoreCase(command);
    }

    /** The isMaster reply with the field names {@code hello} uses. */
    static Document fromIsMaster(Document isMasterReply) {
        Document reply = new Document(isMasterReply);
        reply.put("isWritablePrimary", isMasterReply.getOrDefault(LEGACY_NAME, Boolean.TRUE));
        return reply;
    }
}
