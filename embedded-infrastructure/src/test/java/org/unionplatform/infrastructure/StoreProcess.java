package org.unionplatform.infrastructure;

import java.nio.file.Path;

/**
 * A process holding the embedded MongoDB on a file, for tests that kill it: prints {@code port=<n>} once it
 * listens, then runs until killed (or until its input closes, when it stops cleanly).
 */
public final class StoreProcess {

    private StoreProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMongo mongo;
        try {
            mongo = EmbeddedMongo.onFile(Path.of(args[0]), "127.0.0.1", 0);
        } catch (DamagedStoreException e) {
            System.out.println("damaged=" + e.getMessage());
            System.out.flush();
            System.exit(3);
            return;
        }
        System.out.println("port=" + mongo.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until killed, or until the test closes our input
        }
        mongo.close();
    }
}
