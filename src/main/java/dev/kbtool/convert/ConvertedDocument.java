package dev.kbtool.convert;

/**
 * What a converter extracted from one file.
 *
 * @param title    the document's own title, or null when it has none
 * @param markdown the text as Markdown
 * @param pages    the page count for paged formats, 0 otherwise
 */
public record ConvertedDocument(String title, String markdown, int pages) {
}
