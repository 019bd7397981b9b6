package io.throughline.knowledge;

import java.util.List;

/**
 * What one ingestion run did.
 *
 * @param files    knowledge files found
 * @param changed  files (re)parsed and (re)embedded because they are new or their content changed
 * @param removed  sources deleted because their file is gone or can no longer be ingested
 * @param chunks   chunks in the index after the run
 * @param embedded chunks embedded in this run
 * @param failed   files that could not be ingested: an unknown type, too large, empty or damaged (their earlier version
 *                 is removed), or not stored because another node was writing them (retried by the next run)
 * @param millis   duration of the run
 * @param failures the files that failed, each with why
 */
public record IngestReport(int files, int changed, int removed, int chunks, int embedded, int failed, long millis,
                           List<IngestFailure> failures) {

    public IngestReport {
        failures = List.copyOf(failures);
    }
}
