package dev.kbtool.catalog;

/**
 * What kb last wrote to a wiki page: the text's hash, and the size and modification time the
 * file had right after, so an unchanged page is recognised with one stat and a person's edit
 * with a hash.
 *
 * @param path     KB-relative, e.g. {@code wiki/concepts/graph.md}
 * @param modified the file's modification time in nanoseconds since the epoch
 */
public record WrittenPage(String path, String sha256, long size, long modified) {
}
