package dev.kbtool.catalog;

/**
 * A file as kb sync last read it: unchanged size and modification time mean kb need not read
 * it again.
 *
 * @param path     absolute path, as the document's origin is recorded
 * @param modified modification time in nanoseconds since the epoch
 * @param hash     SHA-256 of the content read
 */
public record SeenFile(String path, long size, long modified, String hash) {
}
