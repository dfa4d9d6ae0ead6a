package dev.kbtool.convert;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds the part of an HTML page that is its content. Page furniture (scripts, navigation,
 * header, footer, sidebars, cookie banners) is removed first; then the page's own marker of its
 * content ({@code <main>}, {@code role=main}, {@code <article>}) wins, else the element holding
 * the most paragraph text that is not link text.
 */
final class HtmlMainContent {
    private static final String FURNITURE = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "form, button, select, input, nav, header, footer, aside, dialog, "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], "
            + "[aria-hidden=true], [hidden]";
    private static final Pattern FURNITURE_NAME = Pattern.compile(
            "(^|[\\s_-])(cookie|consent|gdpr|banner|navbar|nav|menu|sidebar|breadcrumbs?|footer|header|masthead|"
                    + "share|social|advert|ads|popup|modal|newsletter|related|skip-link|toc-sidebar)($|[\\s_-])");

    private static final double CONTENT_SHARE = 0.8;
    /** The walk never enters a paragraph, list or table: those are content, not wrappers. */
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "center", "font", "span");

    private HtmlMainContent() {
    }

    static Element find(Document document) {
        Element body = document.body();
        body.select(FURNITURE).remove();
        for (Element e : body.select("[class], [id]")) {
            String name = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
            if (!isStructural(e) && FURNITURE_NAME.matcher(name).find() && e.parent() != null) {
                e.remove();
            }
        }
        Element marked = document.selectFirst("main, [role=main]");
        if (marked != null) {
            return marked;
        }
        Elements articles = body.select("article");
        if (articles.size() == 1) {
            return articles.first();
        }
        return densest(body);
    }

    private static boolean isStructural(Element e) {
        String tag = e.normalName();
        return tag.equals("body") || tag.equals("main") || tag.equals("article") || tag.equals("html");
    }

    /**
     * Text that is not link text is counted on the element that holds it; from the body down, the
     * walk enters the child holding most of the text as long as that child holds nearly all of it.
     * Content split over several sections stays together; a wrapper around it is left behind.
     */
    private static Element densest(Element body) {
        Map<Element, Integer> text = new HashMap<>();
        Elements all = body.getAllElements();
        for (int i = all.size() - 1; i >= 0; i--) {
            Element e = all.get(i);
            int own = e.normalName().equals("a") ? 0 : e.ownText().length();
            int sum = text.merge(e, own, Integer::sum);
            if (e != body && e.parent() != null) {
                text.merge(e.parent(), sum, Integer::sum);
            }
        }
        Element current = body;
        int total = text.getOrDefault(body, 0);
        while (true) {
            Element best = null;
            int bestText = 0;
            for (Element child : current.children()) {
                int t = text.getOrDefault(child, 0);
                if (t > bestText) {
                    best = child;
                    bestText = t;
                }
            }
            if (best == null || bestText < CONTENT_SHARE * total || !CONTAINERS.contains(best.normalName())) {
                return current;
            }
            current = best;
        }
    }
}
