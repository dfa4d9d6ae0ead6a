package dev.kbtool.lint;

/**
 * One thing wrong with a knowledge base.
 *
 * @param code    stable identifier scripts can match on, e.g. {@code journal-pending}
 * @param path    KB-relative path it concerns, or empty
 * @param message what is wrong and what to do, for people
 */
public record Problem(String code, String path, String message) {
}
