package org.unionplatform.membership.help;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import org.unionplatform.common.web.BusinessRuleViolationException;

/**
 * Photos and documents of help cases, in MongoDB: the bytes in chunks of {@value #CHUNK} bytes
 * ({@code help_attachment_chunks}, keyed {@code <attachment>:<n>}, so reading is lookups by {@code _id}), the facts in
 * {@code help_attachments}. A file is read up to the size limit plus one byte, so a larger one is refused without
 * being held whole; its type is told from its bytes ({@link FileTypes}). Serving is the caller's decision: only a
 * case the asker may see names its attachments ({@link HelpCases}).
 */
@Component
class Attachments {

    static final int CHUNK = 255 * 1024;

    private final MongoOperations mongo;
    private final HelpProperties properties;

    Attachments(MongoOperations mongo, HelpProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @Document("help_attachments")
    record StoredAttachment(@Id String id, String caseId, String fileName, String contentType, long size,
            int chunks, Instant uploadedAt) {
    }

    @Document("help_attachment_chunks")
    record Chunk(@Id String id, String attachmentId, int n, byte[] data) {
    }

    /** A stored file's bytes and type. */
    record Content(String fileName, String contentType, byte[] bytes) {
    }

    /** Stores the file for the case; 422 when empty, too large or of a type not accepted. */
    HelpCase.AttachmentRef store(String caseId, String fileName, InputStream in, boolean fromWorker, Instant now) {
        long limit = properties.maxAttachmentSize().toBytes();
        byte[] bytes = readAtMost(in, limit + 1);
        if (bytes.length == 0) {
            throw new BusinessRuleViolationException("attachment-empty", "The file is empty.").with("field", "file");
        }
        if (bytes.length > limit) {
            throw new BusinessRuleViolationException("attachment-too-large", "A file may be at most "
                    + properties.maxAttachmentSize().toMegabytes() + " MB.").with("field", "file")
                    .with("maxBytes", limit);
        }
        String contentType = FileTypes.detect(bytes).orElseThrow(() -> new BusinessRuleViolationException(
                "attachment-type", "Only photos (JPEG, PNG, WebP) and PDF documents are accepted.")
                .with("field", "file"));
        String id = UUID.randomUUID().toString();
        int chunks = 0;
        for (int offset = 0; offset < bytes.length; offset += CHUNK) {
            mongo.insert(new Chunk(id + ":" + chunks, id, chunks,
                    Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + CHUNK))));
            chunks++;
        }
        String name = safeName(fileName, contentType);
        mongo.insert(new StoredAttachment(id, caseId, name, contentType, bytes.length, chunks, now));
        return new HelpCase.AttachmentRef(id, name, contentType, bytes.length, now, fromWorker);
    }

    /** The file's bytes; the caller has checked that the case names it. */
    Content read(HelpCase.AttachmentRef ref) {
        StoredAttachment stored = mongo.findById(ref.id(), StoredAttachment.class);
        if (stored == null) {
            throw new org.unionplatform.common.web.ResourceNotFoundException("Attachment", ref.id());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) stored.size());
        for (int n = 0; n < stored.chunks(); n++) {
            Chunk chunk = mongo.findById(stored.id() + ":" + n, Chunk.class);
            if (chunk == null) {
                throw new IllegalStateException("Attachment " + stored.id() + " lacks chunk " + n);
            }
            out.writeBytes(chunk.data());
        }
        return new Content(stored.fileName(), stored.contentType(), out.toByteArray());
    }

    private static byte[] readAtMost(InputStream in, long max) {
        try (in) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name as shown: no path, no control characters, at most 100 characters; a default by type. */
    private static String safeName(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = contentType.equals("application/pdf") ? "文件.pdf" : "照片";
        }
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
