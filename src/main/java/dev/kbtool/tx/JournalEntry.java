package dev.kbtool.tx;

/**
 * The state of one planned path before the transaction, which is what rollback restores.
 *
 * @param path   KB-relative path with forward slashes
 * @param before {@link #ABSENT} (remove whatever is there), {@link #FILE} (restore the file
 *               from the backup), {@link #TREE} (restore the directory tree from the backup)
 *               or {@link #APPEND} (truncate back to {@code length})
 * @param length the file's length before, for {@link #APPEND}; 0 otherwise
 */
public record JournalEntry(String path, String before, long length) {
    public static final String ABSENT = "absent";
    public static final String FILE = "file";
    public static final String TREE = "tree";
    public static final String APPEND = "append";
}
