package org.unionplatform.testsupport;

import java.util.List;

/** Drops the databases the tests created on a MongoDB that outlives the JVM. */
final class TestDatabases {

    private static final String DRIVER_CLASS = "com.mongodb.client.MongoClients";

    private TestDatabases() {
    }

    static void drop(String uri, List<String> names) {
        if (names.isEmpty() || !driverPresent()) {
            return;
        }
        try {
            SyncDriver.drop(uri, names);
        } catch (RuntimeException e) {
            System.err.println("[test-infrastructure] could not drop test databases " + names + ": " + e.getMessage());
        }
    }

    private static boolean driverPresent() {
        try {
            Class.forName(DRIVER_CLASS, false, TestDatabases.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Separate class: loaded only when the (optional) sync driver is on the classpath. */
    private static final class SyncDriver {

        static void drop(String uri, List<String> names) {
            try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(uri)) {
                names.forEach(name -> client.getDatabase(name).drop());
            }
        }
    }
}
