package io.throughline.knowledge;

/**
 * What one ingestion run did.
 *
 * @param files    knowledge files found
 * @param changed  files (re)parsed and (re)embedded because they are new or their content changed
 * @param removed  sources deleted because their file is gone
 * @param chunks   chunks in the index after the run
 * @param embedded chunks embedded in this run
 * @param failed   changed files that could not be stored (logged; retried by the next run)
 * @param millis   duration of the run
 */
public record IngestReport(int files, int changed, int removed, int chunks, int embedded, int failed, long millis) {
}
