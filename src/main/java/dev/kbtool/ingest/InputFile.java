package dev.kbtool.ingest;

import java.nio.file.Path;

/**
 * A file kb add will try.
 *
 * @param path    absolute, normalized path
 * @param display how to name it to the user
 */
public record InputFile(Path path, String display) {
}
