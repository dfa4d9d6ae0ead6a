package dev.kbtool.tx;

import java.util.List;

/**
 * The undo record of one transaction, written durably before the first live change.
 *
 * @param version   format version; recovery refuses versions it does not know
 * @param txid      32 lower-case hex digits, also the journal's file name and backup folder
 * @param operation what the transaction does (add, remove, ...)
 * @param detail    a human hint, e.g. the document name
 * @param status    always {@code active} on disk: whether it committed is decided by the
 *                  catalog's committed marker, never by this file
 * @param createdAt ISO-8601 instant; recovery undoes newer journals first
 * @param attempts  recovery attempts so far, persisted before each attempt
 * @param entries   the planned paths and their state before
 */
public record Journal(int version, String txid, String operation, String detail, String status,
        String createdAt, int attempts, List<JournalEntry> entries) {
    public static final int VERSION = 1;

    public Journal {
        entries = List.copyOf(entries);
    }

    Journal withAttempts(int n) {
        return new Journal(version, txid, operation, detail, status, createdAt, n, entries);
    }
}
