package dev.kbtool.ingest;

import java.util.Locale;

/** How one input file ended. */
public enum AddStatus {
    ADDED, SKIPPED, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
