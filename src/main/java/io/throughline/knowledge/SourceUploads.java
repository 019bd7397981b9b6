package io.throughline.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.throughline.web.ApiException;

/**
 * Adds or refreshes one file in the knowledge folder and re-ingests. A file is checked before anything is written: a
 * plain name (no folders, so it cannot land outside the folder), a supported type, within the size limit, and parseable
 * with some text, so a bad upload never replaces a good file.
 */
@Component
public class SourceUploads {

    private static final int MAX_NAME_CHARS = 200;

    private final Path dir;
    private final long maxFileBytes;
    private final KnowledgeBase knowledgeBase;
    private final DocumentParser parser = new DocumentParser();

    private final KnowledgeUploads uploads;

    public SourceUploads(KnowledgeSettings settings, SourceSettings limits, KnowledgeBase knowledgeBase,
                         KnowledgeSources sources) {
        this.dir = settings.dir().toAbsolutePath().normalize();
        this.maxFileBytes = limits.maxFileSize().toBytes();
        this.knowledgeBase = knowledgeBase;
        this.uploads = sources.uploads();
    }

    /** The stored source and the report of the ingestion that took it in. */
    public record Upload(SourceSummary source, IngestReport report) {
    }

    public Upload add(String fileName, long size, InputStream content) {
        String name = plainName(fileName);
        if (SourceFormat.of(name).isEmpty()) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "'" + name + "' is not a type the knowledge base "
                    + "takes; upload one of " + SourceFormat.supported(), "file");
        }
        if (size > maxFileBytes) {
            throw tooLarge(name, size);
        }
        byte[] bytes = read(name, content);
        if (bytes.length == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "'" + name + "' is empty", "file");
        }
        check(name, bytes);
        synchronized (this) {
            write(name, bytes);
            // the row is what the other nodes of a cluster ingest from: their folders never see this file
            uploads.save(name, bytes);
        }
        IngestReport report = knowledgeBase.ingest();
        SourceSummary source = knowledgeBase.summaries().stream().filter(summary -> summary.path().equals(name))
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "'" + name + "' was stored but not "
                        + "ingested: " + reason(report, name), "file"));
        return new Upload(source, report);
    }

    private static String plainName(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the file part needs a file name, such as shipping.pdf", "file");
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.startsWith(".")
                || name.chars().anyMatch(c -> Character.isISOControl(c) || c == ':') || name.length() > MAX_NAME_CHARS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the file name must be a plain name of at most " + MAX_NAME_CHARS
                    + " characters, without folders, '..', ':' or a leading dot; was '" + printable(name) + "'", "file");
        }
        return name;
    }

    /** Reads at most one byte past the limit, so a part larger than it said is refused without being held whole. */
    private byte[] read(String name, InputStream content) {
        try (content) {
            byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                throw tooLarge(name, bytes.length);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload of " + name, e);
        }
    }

    private void check(String name, byte[] bytes) {
        try {
            ParsedDocument document = parser.parse(Path.of(name), bytes);
            if (document.sections().isEmpty()) {
                throw new RejectedSource("has no text to ingest (a scanned PDF needs text recognition first)");
            }
        } catch (RejectedSource e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "'" + name + "' " + e.getMessage(), "file");
        }
    }

    /** Through a hidden temporary file, which the ingestion skips, so it never sees half a file. */
    private void write(String name, byte[] bytes) {
        Path target = dir.resolve(name).normalize();
        if (!dir.equals(target.getParent())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the file name must not name a folder", "file");
        }
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".upload-", ".part");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + name + " in the knowledge folder " + dir, e);
        }
    }

    private ApiException tooLarge(String name, long size) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "'" + name + "' is " + FolderSync.megabytes(size)
                + ", over the limit of " + FolderSync.megabytes(maxFileBytes) + " (setting throughline.knowledge.max-file-size)",
                "file");
    }

    private static String reason(IngestReport report, String name) {
        List<String> reasons = report.failures().stream().filter(failure -> failure.path().equals(name))
                .map(IngestFailure::reason).toList();
        return reasons.isEmpty() ? "see the server log" : String.join("; ", reasons);
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
