package dev.kbtool.ingest;

import dev.kbtool.compile.CompileUsage;

/**
 * The result for one input file.
 *
 * @param path     the file as the user named it (or as found in a folder they named)
 * @param status   added, updated, skipped or failed (moved or removed by kb sync)
 * @param document the document name it was added as, or already has; null when failed early
 * @param reason   why it was skipped or failed; null when added
 * @param failure  what kind of failure, for the exit code and for remembering it; null unless failed
 * @param hash     the content's SHA-256 when it was read, else null
 * @param leftOut  skipped by the scan as not kb's to add (an unsupported type, a link out of the
 *                 folder): reported in JSON and with -v, not among the files of the batch
 * @param millis   wall time from the start of its preparation to the end of its commit
 * @param times    the per-stage breakdown
 * @param usage    LLM calls and tokens spent on it
 */
public record AddOutcome(String path, AddStatus status, String document, String reason, Failure failure,
        String hash, boolean leftOut, long millis, StageTimes times, CompileUsage usage) {

    /** Why a file failed, as far as a script cares. */
    public enum Failure {
        /** The file is not what its type says, or holds nothing kb can read: it fails the same way again. */
        BAD_DATA,
        /** Missing, unreadable, or changed under kb's feet. */
        UNREADABLE,
        /** Over a limit of this run (size, time, memory): another run may do better. */
        LIMIT
    }

    public static AddOutcome failed(String path, Failure failure, String reason) {
        return new AddOutcome(path, AddStatus.FAILED, null, reason, failure, null, false, 0, StageTimes.NONE,
                CompileUsage.NONE);
    }

    public static AddOutcome skipped(String path, String document, String reason) {
        return new AddOutcome(path, AddStatus.SKIPPED, document, reason, null, null, false, 0, StageTimes.NONE,
                CompileUsage.NONE);
    }

    /** An entry the scan leaves out: not a file kb adds (an unsupported type, a link out of the folder). */
    public static AddOutcome leftOut(String path, String reason) {
        return new AddOutcome(path, AddStatus.SKIPPED, null, reason, null, null, true, 0, StageTimes.NONE,
                CompileUsage.NONE);
    }

    public static AddOutcome added(String path, String document, boolean update, CompileUsage usage) {
        return new AddOutcome(path, update ? AddStatus.UPDATED : AddStatus.ADDED, document, null, null, null, false, 0,
                StageTimes.NONE, usage);
    }

    /** A document kb sync found under another name: its file was renamed or moved. */
    public static AddOutcome moved(String path, String document, String from) {
        return new AddOutcome(path, AddStatus.MOVED, document, "moved from " + from, null, null, false, 0,
                StageTimes.NONE, CompileUsage.NONE);
    }

    /** A document kb sync removed because its file is gone. */
    public static AddOutcome removed(String path, String document) {
        return new AddOutcome(path, AddStatus.REMOVED, document, "the file is gone", null, null, false, 0,
                StageTimes.NONE, CompileUsage.NONE);
    }

    /** A planned outcome: what a dry run says the real run would do. */
    public static AddOutcome planned(String path, AddStatus status, String document, String reason) {
        return new AddOutcome(path, status, document, reason, null, null, false, 0, StageTimes.NONE, CompileUsage.NONE);
    }

    /** The outcome a dry run reports for a file the real run would end this way. */
    public AddOutcome asPlanned() {
        return new AddOutcome(path, status.planned(), document, reason, failure, hash, leftOut, millis, times, usage);
    }

    /** The same outcome for content with this hash: a failure of it can be remembered. */
    public AddOutcome withHash(String contentHash) {
        return new AddOutcome(path, status, document, reason, failure, contentHash, leftOut, millis, times, usage);
    }

    AddOutcome timed(long totalMillis, StageTimes stageTimes) {
        return new AddOutcome(path, status, document, reason, failure, hash, leftOut, totalMillis, stageTimes, usage);
    }
}
