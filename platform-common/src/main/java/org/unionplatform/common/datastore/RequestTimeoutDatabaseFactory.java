package org.unionplatform.common.datastore;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.ClientSessionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Gives the operations of an HTTP request a deadline: the database handed out inside a request carries the
 * driver's operation timeout ({@code timeoutMS}), which covers server selection, the pool and the answer. Spring
 * Data asks for the database once per operation, so each operation gets the whole timeout. Work outside a request
 * (relays, sweeps, schedulers) is left to the client's socket timeouts: a sweep may read for longer.
 */
final class RequestTimeoutDatabaseFactory implements MongoDatabaseFactory {

    private final MongoDatabaseFactory delegate;
    private final long timeoutMillis;

    RequestTimeoutDatabaseFactory(MongoDatabaseFactory delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public MongoDatabase getMongoDatabase() throws DataAccessException {
        return withDeadline(delegate.getMongoDatabase());
    }

    @Override
    public MongoDatabase getMongoDatabase(String dbName) throws DataAccessException {
        return withDeadline(delegate.getMongoDatabase(dbName));
    }

    private MongoDatabase withDeadline(MongoDatabase database) {
        return RequestContextHolder.getRequestAttributes() != null
                ? database.withTimeout(timeoutMillis, TimeUnit.MILLISECONDS) : database;
    }

    @Override
    public PersistenceExceptionTranslator getExceptionTranslator() {
        return delegate.getExceptionTranslator();
    }

    @Override
    public CodecRegistry getCodecRegistry() {
        return delegate.getCodecRegistry();
    }

    @Override
    public ClientSession getSession(ClientSessionOptions options) {
        return delegate.getSession(options);
    }

    @Override
    public MongoDatabaseFactory withSession(ClientSession session) {
        return new RequestTimeoutDatabaseFactory(delegate.withSession(session), Duration.ofMillis(timeoutMillis));
    }

    @Override
    public boolean isTransactionActive() {
        return delegate.isTransactionActive();
    }
}
