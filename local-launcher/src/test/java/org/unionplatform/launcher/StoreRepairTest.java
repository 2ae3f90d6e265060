package org.unionplatform.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionplatform.infrastructure.DamagedStoreException;
import org.unionplatform.infrastructure.EmbeddedMongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A start that meets a damaged store says what to do; nothing is deleted. */
class StoreRepairTest {

    @Test
    void aDamagedStoreIsAnsweredWithTheWaysOnAndTheFileIsKept(@TempDir Path project) throws IOException {
        LauncherSettings settings = LauncherSettings.from(Map.of("LOCAL_MONGO_PORT", "27199"), project,
                Path.of(System.getProperty("java.home")));
        EmbeddedMongo.onFile(settings.mongoFile(), "127.0.0.1", 0).close();
        try (RandomAccessFile raw = new RandomAccessFile(settings.mongoFile().toFile(), "rw")) {
            raw.write(new byte[2 * 4096]);
        }

        DamagedStoreException damaged = catchThrowableOfType(DamagedStoreException.class,
                () -> EmbeddedMongo.onFile(settings.mongoFile(), "127.0.0.1", 0));
        List<String> lines = StoreRepair.whatToDo(damaged, "data/mongo/union-platform.mv");

        assertThat(lines.get(0)).startsWith("✗ The embedded MongoDB's store data/mongo/union-platform.mv could not be opened");
        assertThat(String.join("\n", lines)).contains("kept as it is").contains("./run.sh --repair-store")
                .contains("data/mongo/union-platform.mv.back").contains("mv data/mongo data/mongo.damaged");
        assertThat(settings.mongoFile()).exists();
    }

    @Test
    void repairingWithoutAStoreSaysSo(@TempDir Path project) {
        LauncherSettings settings = LauncherSettings.from(Map.of(), project, Path.of(System.getProperty("java.home")));
        assertThat(new StoreRepair(settings).run()).isEqualTo(1);
        assertThat(Files.exists(settings.mongoFile())).isFalse();
    }
}
