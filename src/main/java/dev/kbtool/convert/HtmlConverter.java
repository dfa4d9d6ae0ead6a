package dev.kbtool.convert;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML to Markdown with jsoup: only the page's main content (see {@link HtmlMainContent}),
 * rendered by {@link HtmlMarkdown}. The charset comes from the byte order mark or the meta
 * tag, UTF-8 otherwise; the title from {@code <title>} and the first {@code <h1>} (see {@link #title}).
 */
public final class HtmlConverter implements Converter {
    /** What sites put between a page's name and theirs in {@code <title>}. */
    private static final Pattern SITE_SEPARATOR = Pattern.compile("\\s+[-–—|·•:»]{1,2}\\s+|\\s*[|·•»]\\s*");

    @Override
    public List<String> extensions() {
        return List.of("html", "htm", "xhtml");
    }

    @Override
    public ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException {
        Document document = Jsoup.parse(request.input().toFile(), null);
        Element h1 = document.selectFirst("h1");
        String title = title(document.title(), h1 == null ? "" : h1.text());
        Element main = HtmlMainContent.find(document);
        String markdown = HtmlMarkdown.render(main);
        return ConvertedDocument.text(title, markdown);
    }

    /**
     * The page's title: {@code <title>}, unless the first {@code <h1>} is one of its parts — a
     * {@code <title>} is usually "Page — Site" or "Site | Page", and the heading is the page's own
     * name without the site's; the heading alone when there is no {@code <title>}.
     */
    static String title(String titleTag, String h1) {
        String title = titleTag.strip().replaceAll("\\s+", " ");
        String heading = h1.strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            return heading.isEmpty() ? null : heading;
        }
        if (!heading.isEmpty() && !heading.equalsIgnoreCase(title)) {
            for (String part : SITE_SEPARATOR.split(title)) {
                if (part.strip().equalsIgnoreCase(heading) || heading.startsWith(part.strip()) && part.strip().length() >= 3) {
                    return heading;
                }
            }
        }
        return title;
    }
}
