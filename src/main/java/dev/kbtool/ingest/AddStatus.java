package dev.kbtool.ingest;

import java.util.Locale;

/**
 * How one input file ended. A dry run ends files with the {@code WOULD_} statuses, saying what
 * the real run would do. {@code kb sync} also moves a document whose file was renamed and
 * removes one whose file is gone.
 */
public enum AddStatus {
    ADDED, UPDATED, SKIPPED, FAILED, MOVED, REMOVED,
    WOULD_ADD, WOULD_UPDATE, WOULD_SKIP, WOULD_FAIL, WOULD_MOVE, WOULD_REMOVE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a person reads: "added", "would skip". */
    public String words() {
        return label().replace('_', ' ');
    }

    /** The status a dry run reports for a file the real run would end with this status. */
    public AddStatus planned() {
        return switch (this) {
            case ADDED -> WOULD_ADD;
            case UPDATED -> WOULD_UPDATE;
            case SKIPPED -> WOULD_SKIP;
            case FAILED -> WOULD_FAIL;
            case MOVED -> WOULD_MOVE;
            case REMOVED -> WOULD_REMOVE;
            default -> this;
        };
    }

    /** Whether the file failed (or would). */
    public boolean failed() {
        return this == FAILED || this == WOULD_FAIL;
    }
}
