package org.unionplatform.membership.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The spool folder ({@code membership.bulk.spool-directory}): each upload waits there as {@code <id>.upload} until
 * its enrolment ends, so an instance that stopped can start it again. Instances may share the folder.
 */
@Component
class BulkSpool {

    private static final Logger log = LoggerFactory.getLogger(BulkSpool.class);

    private final BulkProperties properties;

    BulkSpool(BulkProperties properties) {
        this.properties = properties;
    }

    Path store(MultipartFile upload, String enrolmentId) {
        try {
            Files.createDirectories(properties.spoolDirectory());
            Path spooled = file(enrolmentId);
            upload.transferTo(spooled);
            return spooled;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not spool the upload", e);
        }
    }

    Path file(String enrolmentId) {
        return properties.spoolDirectory().resolve(enrolmentId + ".upload");
    }

    boolean holds(String enrolmentId) {
        return Files.exists(file(enrolmentId));
    }

    void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete spooled upload {}", file.getFileName());
        }
    }
}
