package org.unionplatform.infrastructure;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A store that cannot be opened stops the start with what to do, and is left byte for byte as it was. */
class DamagedStoreTest {

    @Test
    void aDamagedStoreIsReportedAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo/union-platform.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            for (int i = 0; i < 200; i++) {
                client.getDatabase("union_station").getCollection("visits")
                        .insertOne(new Document("_id", "v-" + i).append("station", "xy-1"));
            }
        }
        overwriteHeaders(file);
        String before = sha256(file);

        DamagedStoreException damaged = catchThrowableOfType(DamagedStoreException.class,
                () -> EmbeddedMongo.onFile(file, "127.0.0.1", 0));

        assertThat(damaged.file()).isEqualTo(file.toAbsolutePath());
        assertThat(damaged.getMessage()).contains(file.toAbsolutePath().toString()).contains("kept")
                .contains("roll it back").contains("move it away");
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(Files.list(file.getParent())).containsExactly(file.toAbsolutePath());
    }

    /** Both copies of H2's store header (the first two 4 KiB blocks), as a torn write of them would leave them. */
    private static void overwriteHeaders(Path file) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(0);
            raw.write(new byte[2 * 4096]);
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
