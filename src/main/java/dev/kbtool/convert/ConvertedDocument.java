package dev.kbtool.convert;

import java.util.List;

/**
 * What a converter extracted from one file.
 *
 * @param title    the document's own title (metadata or first heading), or null
 * @param author   the author from the document's metadata, or null
 * @param markdown the whole text as Markdown; for paged formats the pages in order, each
 *                 preceded by a {@code <!-- page N -->} marker line
 * @param pages    per-page Markdown for paged formats (PDF), empty for the others
 * @param outline  the document's own outline (PDF bookmarks), empty when it has none
 * @param images   file names written into the request's images folder
 */
public record ConvertedDocument(
        String title,
        String author,
        String markdown,
        List<ConvertedPage> pages,
        List<OutlineEntry> outline,
        List<String> images) {

    public ConvertedDocument {
        pages = List.copyOf(pages);
        outline = List.copyOf(outline);
        images = List.copyOf(images);
    }

    /** A document without pages, outline or images. */
    public static ConvertedDocument text(String title, String markdown) {
        return new ConvertedDocument(title, null, markdown, List.of(), List.of(), List.of());
    }

    public int pageCount() {
        return pages.size();
    }
}
