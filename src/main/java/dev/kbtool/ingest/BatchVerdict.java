package dev.kbtool.ingest;

import java.util.List;

/**
 * How a batch ended, as one rule for every batch command's exit code: nothing failed; some
 * entries failed and some did not; every file given failed as bad data; every path given was
 * missing or unreadable. Entries the scan left out (unsupported types, links out of the folder)
 * and files skipped (known, failed before) are not failures.
 */
public enum BatchVerdict {
    OK, PARTIAL, ALL_BAD_DATA, ALL_UNREADABLE;

    public static BatchVerdict of(List<AddOutcome> outcomes) {
        List<AddOutcome> entries = outcomes.stream().filter(o -> !o.leftOut()).toList();
        List<AddOutcome> failed = entries.stream().filter(o -> o.status().failed()).toList();
        if (failed.isEmpty()) {
            return OK;
        }
        if (failed.size() < entries.size()) {
            return PARTIAL;
        }
        return failed.stream().allMatch(o -> o.failure() == AddOutcome.Failure.UNREADABLE)
                ? ALL_UNREADABLE : ALL_BAD_DATA;
    }
}
