package dev.kbtool.ingest;

/**
 * Where one file's time went, in milliseconds.
 *
 * @param hash     hashing for the duplicate prefilter
 * @param prepare  staging copy, conversion and document-local compile together
 * @param convert  the conversion alone (part of prepare)
 * @param compile  the document-local compile alone (part of prepare)
 * @param lockWait waiting for the KB lock before its commit
 * @param commit   the transaction under the lock
 */
public record StageTimes(long hash, long prepare, long convert, long compile, long lockWait, long commit) {
    public static final StageTimes NONE = new StageTimes(0, 0, 0, 0, 0, 0);

    public StageTimes plus(StageTimes o) {
        return new StageTimes(hash + o.hash, prepare + o.prepare, convert + o.convert, compile + o.compile,
                lockWait + o.lockWait, commit + o.commit);
    }

    StageTimes withCommit(long lockWaitMs, long commitMs) {
        return new StageTimes(hash, prepare, convert, compile, lockWaitMs, commitMs);
    }
}
