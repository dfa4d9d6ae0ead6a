package dev.kbtool.query;

import dev.kbtool.catalog.PassageRow;
import dev.kbtool.search.Relevance;
import dev.kbtool.search.SearchResult;
import dev.kbtool.search.SearchText;
import dev.kbtool.text.ShortText;
import java.util.List;

/** The parts of passages an LLM reads and a citation quotes. */
final class Excerpts {
    /** A citation's quote: about a sentence. */
    private static final int QUOTE = 300;

    private Excerpts() {
    }

    /** How a passage is introduced to the model: its title, document and place. */
    static String heading(SearchResult r) {
        PassageRow p = r.passage();
        StringBuilder out = new StringBuilder(p.title().isBlank() ? p.target() : p.title().strip());
        if (p.fileName() != null) {
            out.append(" — ").append(p.fileName());
        }
        if (p.page() > 0) {
            out.append(", page ").append(p.page());
        }
        if (!p.section().isBlank() && !p.section().equals(p.title())) {
            out.append(" (").append(p.section().strip()).append(')');
        }
        return out.toString();
    }

    /**
     * At most {@code max} characters of a passage: all of it when short enough, else the
     * sentence holding most of the question and those around it.
     */
    static String excerpt(String indexed, Relevance relevance, int max) {
        String text = SearchText.readable(indexed);
        if (text.length() <= max) {
            return text;
        }
        List<String> sentences = Extractive.sentencesOf(text);
        if (sentences.isEmpty()) {
            return ShortText.oneLine(text, max);
        }
        int best = 0;
        double bestCoverage = -1;
        for (int i = 0; i < sentences.size(); i++) {
            double c = relevance.coverage(sentences.get(i));
            if (c > bestCoverage) {
                bestCoverage = c;
                best = i;
            }
        }
        int from = best;
        int to = best + 1;
        int length = sentences.get(best).length();
        while (from > 0 || to < sentences.size()) {
            boolean grew = false;
            if (to < sentences.size() && length + sentences.get(to).length() + 1 <= max) {
                length += sentences.get(to++).length() + 1;
                grew = true;
            }
            if (from > 0 && length + sentences.get(from - 1).length() + 1 <= max) {
                length += sentences.get(--from).length() + 1;
                grew = true;
            }
            if (!grew) {
                break;
            }
        }
        String joined = String.join(" ", sentences.subList(from, to));
        return (from > 0 ? "… " : "") + ShortText.oneLine(joined, max) + (to < sentences.size() ? " …" : "");
    }

    /** What a citation quotes from a passage: its sentence holding most of the question. */
    static String quote(SearchResult r, Relevance relevance) {
        String text = SearchText.readable(r.passage().text());
        String best = null;
        double bestCoverage = -1;
        for (String s : Extractive.sentences(r.passage().text())) {
            double c = relevance == null ? 0 : relevance.coverage(s);
            if (c > bestCoverage) {
                bestCoverage = c;
                best = s;
            }
        }
        return ShortText.oneLine(best != null ? best : text, QUOTE);
    }
}
