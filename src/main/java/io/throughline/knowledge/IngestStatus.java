package io.throughline.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * Where the current ingestion run is, or what the last one did.
 *
 * @param state          {@code running} while a run is under way, else {@code idle}
 * @param filesDone      files looked at so far (unchanged, ingested or failed)
 * @param filesTotal     files the run found
 * @param chunks         chunks embedded so far
 * @param started        when the run began; null before the first run
 * @param finished       when it ended; null while running
 * @param lastReport     when progress was last logged; null before the first progress line
 * @param filesPerSecond files done per second of the run
 * @param chunksPerSecond chunks embedded per second of the run
 * @param failures       files the run could not take, with why
 */
public record IngestStatus(String state, int filesDone, int filesTotal, int chunks, Instant started, Instant finished,
                           Instant lastReport, double filesPerSecond, double chunksPerSecond, List<IngestFailure> failures) {
}
