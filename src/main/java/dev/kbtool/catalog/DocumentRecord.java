package dev.kbtool.catalog;

import java.time.Instant;

/**
 * One document of the catalog.
 *
 * @param name        the document name: the stem of its wiki pages, unique in the KB
 * @param hash        SHA-256 of the original bytes, lower-case hex
 * @param fileName    the original file name
 * @param type        the format, as the lower-case extension ({@code md}, {@code pdf}, ...)
 * @param origin      where it was added from (absolute path), so a changed file keeps its name
 * @param rawPath     KB-relative path of the raw copy
 * @param sourcePath  KB-relative path of the converted source
 * @param summaryPath KB-relative path of the summary page
 * @param pages       page count when the format has pages, else 0
 * @param description the one-line description shown in listings
 * @param addedAt     when it was first committed
 */
public record DocumentRecord(
        String name,
        String hash,
        String fileName,
        String type,
        String origin,
        String rawPath,
        String sourcePath,
        String summaryPath,
        int pages,
        String description,
        Instant addedAt) {
    /**
     * The source page a reader opens: for a long document the Markdown page beside kb's own
     * per-page data ({@link #sourcePath} is then that {@code .json}), else the source page itself.
     */
    public String readablePath() {
        return sourcePath.endsWith(".json") ? sourcePath.substring(0, sourcePath.length() - 5) + ".md" : sourcePath;
    }
}
