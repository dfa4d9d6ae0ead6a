package dev.kbtool.tx;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Who holds a KB lock, as recorded in the lock file {@code .kb/lock} for the people who wait.
 *
 * @param since ISO-8601 instant the lock was taken
 */
public record LockHolder(long pid, String command, String since) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** As a person waiting reads it: the start in local time, to the second. */
    public String describe() {
        return "pid " + pid + " (" + command + ") since " + local(since);
    }

    private static String local(String instant) {
        try {
            return LOCAL.format(Instant.parse(instant));
        } catch (DateTimeParseException | NullPointerException e) {
            // A torn or foreign record: show what it says.
            return String.valueOf(instant);
        }
    }
}
