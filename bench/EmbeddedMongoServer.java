import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.unionplatform.infrastructure.EmbeddedMongo;

/**
 * The embedded default's MongoDB (mongo-java-server, H2 file backend) in a process of its own, so a benchmark
 * measures the service's heap, not the database's. Run as a single-file program:
 *   java -cp <embedded-infrastructure classpath> bench/EmbeddedMongoServer.java <h2 file> <port>
 */
public class EmbeddedMongoServer {
    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo mongo = EmbeddedMongo.onFile(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        System.out.println("[bench] embedded MongoDB (H2 file) on 127.0.0.1:" + args[1]);
        new CountDownLatch(1).await();
    }
}
