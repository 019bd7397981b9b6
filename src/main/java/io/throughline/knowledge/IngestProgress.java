package io.throughline.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts an ingestion run as it goes and logs a progress line every {@code everyFiles} files or every {@code every},
 * whichever comes first, so a long first ingest of a large folder is not silent. Read from request threads while the run
 * writes, hence synchronized.
 */
final class IngestProgress {

    private static final Logger log = LoggerFactory.getLogger(IngestProgress.class);

    private final Clock clock;
    private final int everyFiles;
    private final Duration every;

    private boolean running;
    private int filesDone;
    private int filesTotal;
    private int chunks;
    private Instant started;
    private Instant finished;
    private Instant lastReport;
    private int filesAtLastReport;
    private List<IngestFailure> failures = List.of();

    IngestProgress(Clock clock, int everyFiles, Duration every) {
        this.clock = clock;
        this.everyFiles = everyFiles;
        this.every = every;
    }

    IngestProgress() {
        this(Clock.systemUTC(), 100, Duration.ofSeconds(5));
    }

    synchronized void started(int files) {
        running = true;
        filesDone = 0;
        filesTotal = files;
        chunks = 0;
        started = clock.instant();
        finished = null;
        lastReport = null;
        filesAtLastReport = 0;
        failures = new ArrayList<>();
    }

    synchronized void fileDone(int embeddedChunks) {
        filesDone++;
        chunks += embeddedChunks;
        Instant now = clock.instant();
        Instant since = lastReport == null ? started : lastReport;
        if (filesDone < filesTotal
                && (filesDone - filesAtLastReport >= everyFiles || !now.isBefore(since.plus(every)))) {
            lastReport = now;
            filesAtLastReport = filesDone;
            log.info("Knowledge ingest in progress: {}/{} files, {} chunks embedded, {} failed, {} files/s, {} chunks/s",
                    filesDone, filesTotal, chunks, failures.size(), rate(filesDone, now), rate(chunks, now));
        }
    }

    synchronized void failed(IngestFailure failure) {
        failures.add(failure);
        fileDone(0);
    }

    synchronized void finished() {
        running = false;
        finished = clock.instant();
    }

    synchronized IngestStatus status() {
        Instant until = finished == null ? clock.instant() : finished;
        return new IngestStatus(running ? "running" : "idle", filesDone, filesTotal, chunks, started, finished, lastReport,
                started == null ? 0 : perSecond(filesDone, until), started == null ? 0 : perSecond(chunks, until),
                List.copyOf(failures));
    }

    synchronized List<IngestFailure> failures() {
        return List.copyOf(failures);
    }

    private String rate(int count, Instant now) {
        return String.format(Locale.ROOT, "%.1f", perSecond(count, now));
    }

    private double perSecond(int count, Instant until) {
        double seconds = Math.max(Duration.between(started, until).toMillis(), 1) / 1000.0;
        return Math.round(count / seconds * 10) / 10.0;
    }
}
