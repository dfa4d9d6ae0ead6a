package dev.kbtool.ingest;

import dev.kbtool.compile.CompileUsage;

/**
 * The result for one input file.
 *
 * @param path     the file as the user named it (or as found in a folder they named)
 * @param status   added, skipped or failed
 * @param document the document name it was added as, or already has; null when failed early
 * @param reason   why it was skipped or failed; null when added
 * @param millis   wall time from the start of its preparation to the end of its commit
 * @param times    the per-stage breakdown
 * @param usage    LLM calls and tokens spent on it
 */
public record AddOutcome(String path, AddStatus status, String document, String reason, long millis,
        StageTimes times, CompileUsage usage) {

    public static AddOutcome failed(String path, String reason) {
        return new AddOutcome(path, AddStatus.FAILED, null, reason, 0, StageTimes.NONE, CompileUsage.NONE);
    }

    public static AddOutcome skipped(String path, String document, String reason) {
        return new AddOutcome(path, AddStatus.SKIPPED, document, reason, 0, StageTimes.NONE, CompileUsage.NONE);
    }

    public static AddOutcome added(String path, String document, CompileUsage usage) {
        return new AddOutcome(path, AddStatus.ADDED, document, null, 0, StageTimes.NONE, usage);
    }

    AddOutcome timed(long totalMillis, StageTimes stageTimes) {
        return new AddOutcome(path, status, document, reason, totalMillis, stageTimes, usage);
    }
}
