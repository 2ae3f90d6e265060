package org.unionplatform.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.h2.mvstore.MVStoreTool;
import org.unionplatform.infrastructure.DamagedStoreException;

/**
 * What a start that meets a damaged embedded MongoDB store prints, and {@code ./run.sh --repair-store}: H2's own
 * repair, which rolls the store back to its newest version that reads completely and keeps the damaged file beside
 * it as {@code .back}. Nothing is ever deleted.
 */
final class StoreRepair {

    static final String FLAG = "--repair-store";

    private final LauncherSettings settings;

    StoreRepair(LauncherSettings settings) {
        this.settings = settings;
    }

    /** The lines a start prints when the store cannot be opened. */
    static List<String> whatToDo(DamagedStoreException e, String file) {
        String folder = Path.of(file).getParent() == null ? "." : Path.of(file).getParent().toString();
        return List.of(
                "✗ The embedded MongoDB's store " + file + " could not be opened: "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
                "  The file was kept as it is. To go on, either:",
                "    ./run.sh " + FLAG + "    rolls it back to its newest readable version (the damaged file is kept as "
                        + file + ".back; writes after that version are lost), or",
                "    restore " + folder + "/ from a copy, or",
                "    mv " + folder + " " + folder + ".damaged    and start again with an empty database "
                        + "(the demo data is loaded again).");
    }

    int run() {
        Path file = settings.mongoFile();
        if (!Files.isRegularFile(file)) {
            System.err.println("✗ There is no store to repair at " + file);
            return 1;
        }
        if (Ports.inUse(settings.mongoPort())) {
            System.err.println("✗ Port " + settings.mongoPort() + " is in use: stop the platform before repairing its store.");
            return 1;
        }
        System.out.println("Repairing " + file + " (the damaged file is kept as " + file.getFileName() + ".back)…");
        MVStoreTool.repair(file.toString());
        return Files.isRegularFile(file.resolveSibling(file.getFileName() + ".back")) ? 0 : 1;
    }
}
