package org.unionplatform.testsupport;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.unionplatform.infrastructure.EmbeddedAmqpBroker;
import org.unionplatform.infrastructure.EmbeddedMongo;
import org.unionplatform.testsupport.InfrastructurePlan.Source;

/**
 * The MongoDB and AMQP broker every test in this JVM uses, decided once (see {@link InfrastructurePlan})
 * and started on first use, so a test that needs neither starts nothing.
 * <p>
 * Names handed out carry a run id, so runs sharing a RabbitMQ or MongoDB never see each other's data.
 * Databases created on an environment-provided MongoDB are dropped when the JVM ends. Embedded servers
 * and containers are left to die with the JVM: Spring contexts are still closing in other shutdown
 * hooks and would log connection errors if the servers went first.
 */
public final class TestInfrastructure {

    private static final String RUN_ID = newRunId();
    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static final List<String> DATABASES = new CopyOnWriteArrayList<>();

    private static volatile InfrastructurePlan plan;
    private static volatile String mongoUri;
    private static volatile BrokerAddress broker;

    private TestInfrastructure() {
    }

    /** A short id for this JVM's run, unique enough to share servers with other runs. */
    public static String runId() {
        return RUN_ID;
    }

    /** A fresh database name, {@code t<runId>_<n>}; dropped at exit when the MongoDB is not ours. */
    public static String newDatabaseName() {
        String name = "t" + RUN_ID + "_" + CONTEXTS.incrementAndGet();
        DATABASES.add(name);
        return name;
    }

    /** The MongoDB connection string (no database in it), starting the server on first call. */
    public static String mongoUri() {
        if (mongoUri == null) {
            synchronized (TestInfrastructure.class) {
                if (mongoUri == null) {
                    mongoUri = startMongo(plan().mongo());
                }
            }
        }
        return mongoUri;
    }

    /** The AMQP broker, starting it on first call. */
    public static BrokerAddress broker() {
        if (broker == null) {
            synchronized (TestInfrastructure.class) {
                if (broker == null) {
                    broker = startBroker(plan().broker());
                }
            }
        }
        return broker;
    }

    /** What is used and why, as printed once per JVM. */
    public static String describe() {
        return plan().describe();
    }

    static List<String> databasesHandedOut() {
        return Collections.unmodifiableList(DATABASES);
    }

    private static InfrastructurePlan plan() {
        if (plan == null) {
            synchronized (TestInfrastructure.class) {
                if (plan == null) {
                    InfrastructurePlan decided = InfrastructurePlan.decide(System.getenv(),
                            () -> DockerProbe.dockerAnswers(System.getenv()));
                    System.out.println(decided.describe());
                    plan = decided;
                }
            }
        }
        return plan;
    }

    private static String startMongo(InfrastructurePlan.MongoChoice choice) {
        return switch (choice.source()) {
            case ENVIRONMENT -> {
                Runtime.getRuntime().addShutdownHook(new Thread(
                        () -> TestDatabases.drop(choice.uri(), DATABASES), "drop-test-databases"));
                yield choice.uri();
            }
            case TESTCONTAINERS -> TestContainers.startMongo();
            case EMBEDDED -> EmbeddedMongo.inMemory("127.0.0.1", 0).connectionString();
        };
    }

    private static BrokerAddress startBroker(InfrastructurePlan.BrokerChoice choice) {
        if (choice.source() == Source.ENVIRONMENT) {
            return choice.address();
        }
        if (choice.source() == Source.TESTCONTAINERS) {
            return TestContainers.startRabbitMq();
        }
        EmbeddedAmqpBroker embedded = EmbeddedAmqpBroker.start("127.0.0.1", 0);
        return new BrokerAddress(embedded.host(), embedded.port(), embedded.username(), embedded.password(),
                embedded.virtualHost());
    }

    private static String newRunId() {
        // Six base-36 characters: short in queue and database names, and 2 billion values keep runs apart.
        long random = ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36);
        return Long.toString(random, 36).toLowerCase(Locale.ROOT);
    }
}
