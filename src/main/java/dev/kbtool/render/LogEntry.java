package dev.kbtool.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One line group of {@code wiki/log.md}, the append-only chronology of operations. */
public final class LogEntry {
    /** Where the log lives, relative to the knowledge base. */
    public static final String PATH = "wiki/log.md";
    public static final String HEADER = "# Operations Log\n\n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private LogEntry() {
    }

    public static String render(Instant at, String operation, String description) {
        return "## [" + TIME.format(at) + "] " + operation + " | " + description.replace('\n', ' ') + "\n\n";
    }
}
