package dev.kbtool.compile;

import dev.kbtool.convert.ConvertedPage;
import java.util.List;

/**
 * What the compiler reads of one converted document.
 *
 * @param title         the document's own title, or null
 * @param fallbackTitle a title to use when it has none (the file stem)
 * @param markdown      the whole text
 * @param pages         per-page text for paged documents, else empty
 */
public record CompileInput(String title, String fallbackTitle, String markdown, List<ConvertedPage> pages) {
    public CompileInput {
        pages = List.copyOf(pages);
    }

    public String displayTitle() {
        return title != null && !title.isBlank() ? title.strip() : fallbackTitle;
    }
}
