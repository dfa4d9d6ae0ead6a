package dev.kbtool.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which of kb's formats a download is, as a file extension: by the Content-Type the server
 * sent, else by the first bytes (servers send PDFs as application/octet-stream), else by the
 * URL's own extension. Text served as text/plain keeps a .md or .csv the URL names.
 */
final class ContentTypes {
    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/x-pdf", "pdf"),
            Map.entry("text/html", "html"),
            Map.entry("application/xhtml+xml", "html"),
            Map.entry("text/markdown", "md"),
            Map.entry("text/x-markdown", "md"),
            Map.entry("text/csv", "csv"),
            Map.entry("application/csv", "csv"),
            Map.entry("text/plain", "txt"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"));
    private static final Set<String> GENERIC = Set.of("", "application/octet-stream", "binary/octet-stream",
            "application/download", "application/force-download", "application/x-download");
    private static final Set<String> TEXT_KINDS = Set.of("md", "markdown", "csv", "txt", "text", "tsv");

    private ContentTypes() {
    }

    /** The media type alone, lower case: {@code text/html; charset=utf-8} is {@code text/html}. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The extension kb should read the download as, or null when nothing says it is a type kb reads.
     *
     * @param urlExtension the extension of the URL's last path segment, lower case, or ""
     * @param readable     the extensions kb reads
     */
    static String extension(String contentType, byte[] head, String urlExtension, Set<String> readable) {
        String media = mediaType(contentType);
        String byType = BY_TYPE.get(media);
        if (byType != null && !byType.equals("txt")) {
            return byType;
        }
        String sniffed = sniff(head);
        if (sniffed != null) {
            return sniffed;
        }
        if (byType != null || media.startsWith("text/")) {
            return TEXT_KINDS.contains(urlExtension) && readable.contains(urlExtension) ? urlExtension : "txt";
        }
        if (GENERIC.contains(media) && readable.contains(urlExtension)) {
            return urlExtension;
        }
        return null;
    }

    /** The format the first bytes show, or null. */
    static String sniff(byte[] head) {
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("%PDF-")) {
            return "pdf";
        }
        if (ascii.startsWith("PK\u0003\u0004") && ascii.contains("word/")) {
            return "docx";
        }
        String lower = ascii.stripLeading().replace("\u00EF\u00BB\u00BF", "").toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return "html";
        }
        return null;
    }
}
