package dev.kbtool.catalog;

/**
 * What kb last wrote to a wiki page: the text's hash, the hash of kb's own part of it (its
 * frontmatter keys and the text between its markers), and the size and modification time the
 * file had right after — so an untouched page is recognised with one stat, and a person's edit
 * of kb's part from their own text around it.
 *
 * @param path      KB-relative, e.g. {@code wiki/concepts/graph.md}
 * @param generated the hash of kb's part ({@code text.GeneratedRegion.hash})
 * @param modified  the file's modification time in nanoseconds since the epoch
 */
public record WrittenPage(String path, String sha256, String generated, long size, long modified) {
}
