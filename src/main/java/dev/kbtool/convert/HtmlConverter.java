package dev.kbtool.convert;

import java.io.IOException;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML to Markdown with jsoup: only the page's main content (see {@link HtmlMainContent}),
 * rendered by {@link HtmlMarkdown}. The charset comes from the byte order mark or the meta
 * tag, UTF-8 otherwise; the title from {@code <title>}, else the first {@code <h1>}.
 */
public final class HtmlConverter implements Converter {
    @Override
    public List<String> extensions() {
        return List.of("html", "htm", "xhtml");
    }

    @Override
    public ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException {
        Document document = Jsoup.parse(request.input().toFile(), null);
        String title = document.title().strip();
        if (title.isEmpty()) {
            Element h1 = document.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        Element main = HtmlMainContent.find(document);
        String markdown = HtmlMarkdown.render(main);
        return ConvertedDocument.text(title.isEmpty() ? null : title, markdown);
    }
}
