package dev.kbtool.convert;

import java.nio.file.Path;

/**
 * One conversion job.
 *
 * @param input           the file to convert (read-only)
 * @param imagesDir       a folder the converter may write extracted images into; created on demand,
 *                        inside the process's staging area, never the live knowledge base
 * @param imageLinkPrefix the link from the source page to {@code imagesDir}, e.g. {@code images/report/};
 *                        image references in the Markdown are {@code ![alt](<prefix><file>)}
 */
public record ConversionRequest(Path input, Path imagesDir, String imageLinkPrefix) {
}
