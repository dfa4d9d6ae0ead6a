package dev.kbtool.tx;

import java.util.List;

/**
 * The undo record of one transaction, written durably before the first live change.
 *
 * @param version    format version; recovery refuses versions it does not know
 * @param txid       32 lower-case hex digits, also the journal's file name and backup folder
 * @param operation  what the transaction does (add, remove, ...)
 * @param detail     a human hint, e.g. the document name
 * @param status     always {@code active} on disk: whether it committed is decided by the
 *                   catalog's committed marker, never by this file
 * @param createdAt  ISO-8601 instant; recovery undoes newer journals first
 * @param attempts   rollbacks that failed with an error so far (an attempt that was killed is
 *                   not a failure and is not counted)
 * @param catalogSeq the sequence number of the last committed transaction when this one began
 *                   (version 2 on): a journal is pending only until the next commit, so one
 *                   older than a committed transaction is stale and must not be rolled back
 * @param entries    the planned paths and their state before
 */
public record Journal(int version, String txid, String operation, String detail, String status,
        String createdAt, int attempts, long catalogSeq, List<JournalEntry> entries) {
    public static final int VERSION = 2;
    /** Journals of kb versions before the stale-journal check: read, without that check. */
    static final int VERSION_WITHOUT_SEQ = 1;

    public Journal {
        entries = List.copyOf(entries);
    }

    Journal withAttempts(int n) {
        return new Journal(version, txid, operation, detail, status, createdAt, n, catalogSeq, entries);
    }

    /** Whether the catalog had committed {@code lastCommitted} when this journal was written. */
    boolean predates(long lastCommitted) {
        return version >= VERSION && lastCommitted > catalogSeq;
    }
}
