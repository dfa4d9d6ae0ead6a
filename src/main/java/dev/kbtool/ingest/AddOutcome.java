package dev.kbtool.ingest;

/**
 * The result for one input file.
 *
 * @param path     the file as the user named it (or as found in a folder they named)
 * @param status   added, skipped or failed
 * @param document the document name it was added as, or already has; null when failed early
 * @param reason   why it was skipped or failed; null when added
 * @param millis   wall time spent on this file
 */
public record AddOutcome(String path, AddStatus status, String document, String reason, long millis) {
    public static AddOutcome failed(String path, String reason) {
        return new AddOutcome(path, AddStatus.FAILED, null, reason, 0);
    }
}
