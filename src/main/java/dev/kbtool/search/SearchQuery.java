package dev.kbtool.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a person types into an FTS5 query that cannot fail to parse: every word and
 * every "quoted phrase" becomes a quoted FTS5 string (so {@code -}, {@code :}, {@code *} and
 * keywords like {@code OR} are just text), all of which must match. A trailing {@code *} on a
 * word keeps its meaning as a prefix search.
 */
public final class SearchQuery {
    private SearchQuery() {
    }

    /** The FTS5 expression as the index reads it ({@link SearchText}), or empty when there is nothing to search for. */
    public static String toIndexQuery(String text) {
        return SearchText.normalize(toFts(text));
    }

    /** The FTS5 expression, or empty when the text holds nothing to search for. */
    public static String toFts(String text) {
        List<String> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (inQuote) {
                    add(terms, current.toString(), false);
                    current.setLength(0);
                }
                inQuote = !inQuote;
            } else if (Character.isWhitespace(c) && !inQuote) {
                addWord(terms, current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (inQuote) {
            add(terms, current.toString(), false);
        } else {
            addWord(terms, current.toString());
        }
        return String.join(" ", terms);
    }

    private static void addWord(List<String> terms, String word) {
        boolean prefix = word.length() > 1 && word.endsWith("*");
        add(terms, prefix ? word.substring(0, word.length() - 1) : word, prefix);
    }

    private static void add(List<String> terms, String term, boolean prefix) {
        String t = term.strip();
        if (t.isEmpty() || t.chars().noneMatch(Character::isLetterOrDigit)) {
            return;
        }
        terms.add("\"" + t.replace("\"", "\"\"") + "\"" + (prefix ? " *" : ""));
    }
}
