package org.unionplatform.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server), either in memory or on an H2 file.
 * <p>
 * On a file, a write is acknowledged only once it is on disk ({@link GroupCommit}): a killed process or a power
 * cut loses no acknowledged write. Close it to stop it cleanly (H2 then needs no recovery at the next open).
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** H2's page cache; 64 MB instead of its 16 re-reads fewer pages under random inserts (100,000 members: -8%). */
    private static final int CACHE_MB = 64;

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedMongo(MongoBackend backend, String host, int port, String description) {
        this.server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (Exception e) { // Netty throws java.net.BindException undeclared
            server.shutdownNow();
            throw new IllegalStateException("Cannot bind the embedded MongoDB to " + host + ":" + port, e);
        }
        this.address = server.getLocalAddress();
        this.description = description;
    }

    /** Starts an in-memory server; {@code port} 0 picks a free port. */
    public static EmbeddedMongo inMemory(String host, int port) {
        return new EmbeddedMongo(new HelloAwareMemoryBackend(), host, port, "in memory");
    }

    /** Starts a server that keeps its data in the H2 file {@code file}, creating parent folders as needed. */
    public static EmbeddedMongo onFile(Path file, String host, int port) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for " + absolute, e);
        }
        return new EmbeddedMongo(openBackend(absolute), host, port, "H2 file " + absolute);
    }

    /**
     * Opens the store with H2's background writer off: {@link GroupCommit} is its only committer. A store that
     * cannot be opened is left exactly as found ({@link DamagedStoreException} says what to do).
     */
    private static HelloAwareH2Backend openBackend(Path file) {
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).autoCommitDisabled().open();
        } catch (RuntimeException e) {
            if (e instanceof MVStoreException h2 && h2.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new IllegalStateException("The embedded MongoDB's store " + file
                        + " is in use by another process (is the platform already running?)", e);
            }
            throw new DamagedStoreException(file, e);
        }
        try {
            return new HelloAwareH2Backend(store);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw new DamagedStoreException(file, e);
        }
    }

    public String host() {
        return address.getHostString();
    }

    public int port() {
        return address.getPort();
    }

    /** {@code mongodb://host:port}, without a database: callers choose their own. */
    public String connectionString() {
        return "mongodb://" + host() + ":" + port();
    }

    /** Stops accepting connections, lets open ones finish, then commits and closes the backend. */
    @Override
    public void close() {
        server.shutdown();
    }

    @Override
    public String toString() {
        return "EmbeddedMongo[" + connectionString() + ", " + description + "]";
    }
}
