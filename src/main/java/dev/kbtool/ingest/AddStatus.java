package dev.kbtool.ingest;

import java.util.Locale;

/** How one input file ended; {@link #WOULD_ADD} only in a dry run. */
public enum AddStatus {
    ADDED, SKIPPED, FAILED, WOULD_ADD;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
