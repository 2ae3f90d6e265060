package org.unionplatform.infrastructure;

import java.nio.file.Path;

/**
 * The embedded MongoDB's H2 store could not be opened. The file is left exactly as it was found; the message says
 * what can be done, for whoever reads the console.
 */
public final class DamagedStoreException extends RuntimeException {

    private final Path file;

    DamagedStoreException(Path file, Throwable cause) {
        super("The embedded MongoDB's store " + file + " could not be opened (" + cause.getMessage() + "). "
                + "The file was kept as it is. To go on, either restore it from a copy, or let H2 roll it back to its "
                + "newest readable version (the damaged file is kept beside it as .back), or move it away to start "
                + "with an empty database.", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
