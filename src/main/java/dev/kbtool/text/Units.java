package dev.kbtool.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The human forms of durations ("30s", "5m"), sizes ("200MB") and moments used in config, flags and listings. */
public final class Units {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|kib|mib|gib|k|m|g)?");

    private Units() {
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}; a bare number means seconds. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 30s, 5m or 1h, got '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> value;
            case "s" -> value * 1_000;
            case "m" -> value * 60_000;
            default -> value * 3_600_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /** A size such as {@code 200MB}, {@code 1GiB}, {@code 4096}; KB/MB/GB are powers of 1024 like most tools show. */
    public static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIZE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 512KB, 200MB or 1GB, got '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit) {
            case "b" -> 1L;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            default -> 1L << 30;
        };
        return Math.round(value * factor);
    }

    public static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int i = -1;
        while (value >= 1024 && i < units.length - 1) {
            value /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[i]);
    }

    public static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        return s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }

    /** A moment as people read it in listings: local date and time to the minute. */
    public static String formatMinute(Instant t) {
        return MINUTE.format(t);
    }
}
