package dev.kbtool.lint;

import java.util.Locale;

/**
 * One thing wrong with a knowledge base.
 *
 * @param severity an error breaks a promise of the wiki (a broken link, a page that does not
 *                 parse); a warning is worth a look (an orphan page, a stale index)
 * @param code     stable identifier scripts can match on, e.g. {@code broken-link}
 * @param path     KB-relative path it concerns, or empty
 * @param message  what is wrong and what to do, for people
 */
public record Problem(Severity severity, String code, String path, String message) {
    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Problem error(String code, String path, String message) {
        return new Problem(Severity.ERROR, code, path, message);
    }

    public static Problem warning(String code, String path, String message) {
        return new Problem(Severity.WARNING, code, path, message);
    }
}
