package dev.kbtool.query;

import dev.kbtool.layout.DocumentNames;
import dev.kbtool.render.Frontmatter;
import dev.kbtool.render.Wikilinks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code wiki/answers/<slug>.md}: an answer filed in the wiki — the question as its title, the
 * answer with its {@code [n]} markers, then the numbered sources linked to their pages and the
 * documents' summaries, so the answer is one hop from everything it rests on.
 */
final class AnswerPage {
    /** The folder under {@code wiki/}. */
    static final String FOLDER = "answers";
    private static final int MAX_SLUG = 80;

    private AnswerPage() {
    }

    /** The page's name: the question, as a file name; never empty. */
    static String slug(String question) {
        String s = DocumentNames.slug(question.toLowerCase(Locale.ROOT));
        if (s.length() > MAX_SLUG) {
            int cut = s.lastIndexOf('-', MAX_SLUG);
            s = s.substring(0, cut > MAX_SLUG / 2 ? cut : MAX_SLUG);
        }
        return s.isEmpty() ? "answer" : s;
    }

    static String render(Answer a, Instant at) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("type", "Answer");
        fm.put("description", a.question().strip());
        fm.put("question", a.question().strip());
        fm.put("mode", a.mode());
        fm.put("asked_at", at.toString());
        StringBuilder body = new StringBuilder("# ").append(a.question().strip().replace('\n', ' ')).append("\n\n");
        body.append(a.text().strip()).append("\n\n## Sources\n\n");
        Set<String> documents = new LinkedHashSet<>();
        for (Citation c : a.citations()) {
            String target = c.wikilink().substring(2, c.wikilink().length() - 2);
            body.append(c.n()).append(". ").append(Wikilinks.link(target, label(c)));
            if (c.quote() != null && !c.quote().isBlank()) {
                body.append(" — “").append(c.quote().strip().replace('\n', ' ')).append('”');
            }
            body.append('\n');
            if (c.document() != null) {
                documents.add(c.document());
            }
        }
        if (!documents.isEmpty()) {
            body.append("\nDocuments: ");
            List<String> links = new ArrayList<>();
            for (String d : documents) {
                links.add(Wikilinks.link("summaries/" + d, d));
            }
            body.append(String.join(" · ", links)).append('\n');
        }
        return Frontmatter.render(fm, body.toString());
    }

    private static String label(Citation c) {
        String title = c.title() == null || c.title().isBlank() ? c.path() : c.title().strip();
        return title + (c.file() != null ? " — " + c.file() : "") + (c.page() > 0 ? ", page " + c.page() : "");
    }
}
