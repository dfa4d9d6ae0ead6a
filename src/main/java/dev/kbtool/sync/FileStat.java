package dev.kbtool.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * A file's size and modification time: what kb sync compares with what it recorded, and what
 * kb watch waits to see stand still before it takes a file.
 *
 * @param modified nanoseconds since the epoch
 */
public record FileStat(long size, long modified) {
    /** The file as it is now, links followed. */
    public static FileStat of(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStat(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
}
