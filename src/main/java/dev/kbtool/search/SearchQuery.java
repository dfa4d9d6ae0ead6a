package dev.kbtool.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person types, as search terms: every word, every "quoted phrase" (a word written with
 * hyphens or dots, such as {@code DeepSeek-Coder-V2}, is a phrase too, since the index splits it),
 * and {@code word*} for a prefix. Each term becomes a quoted FTS5 string, so {@code -}, {@code :},
 * {@code *} and keywords like {@code OR} are just text and no query can fail to parse. A passage
 * matches when it has any term; ranking rewards those with more of them, close together.
 *
 * @param terms the distinct terms, in the order typed
 */
public record SearchQuery(List<Term> terms) {
    public SearchQuery {
        terms = List.copyOf(terms);
    }

    /**
     * One term.
     *
     * @param text   as typed (without quotes and the prefix star)
     * @param stems  its words as the index reads them
     * @param quoted typed in quotes: its words must stand together
     * @param prefix ends with {@code *}: its last word may go on
     */
    public record Term(String text, List<String> stems, boolean quoted, boolean prefix) {
        public Term {
            stems = List.copyOf(stems);
        }

        /** The term as one FTS5 string (a phrase when it has several words). */
        public String fts() {
            return "\"" + SearchText.normalize(text).replace("\"", "\"\"") + "\"" + (prefix ? " *" : "");
        }

        /** Whether it is one word, not a phrase. */
        public boolean word() {
            return stems.size() == 1;
        }
    }

    public static SearchQuery parse(String text) {
        Map<String, Term> terms = new LinkedHashMap<>();
        StringBuilder current = new StringBuilder();
        boolean inQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (inQuote) {
                    add(terms, current.toString(), true, false);
                } else {
                    addWord(terms, current.toString());
                }
                current.setLength(0);
                inQuote = !inQuote;
            } else if (Character.isWhitespace(c) && !inQuote) {
                addWord(terms, current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (inQuote) {
            add(terms, current.toString(), true, false);
        } else {
            addWord(terms, current.toString());
        }
        return new SearchQuery(new ArrayList<>(terms.values()));
    }

    /** This query with each of {@code compounds} replaced by its words, each a term of its own. */
    public SearchQuery splitting(List<Term> compounds) {
        Map<String, Term> out = new LinkedHashMap<>();
        for (Term t : terms) {
            if (!compounds.contains(t)) {
                out.putIfAbsent(key(t.stems(), t.prefix()), t);
                continue;
            }
            for (String part : t.text().split("[^\\p{L}\\p{N}]+")) {
                add(out, part, false, false);
            }
        }
        return new SearchQuery(new ArrayList<>(out.values()));
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** An FTS5 expression matching passages that have any of {@code terms}. */
    public static String anyOf(List<Term> terms) {
        List<String> parts = new ArrayList<>();
        for (Term t : terms) {
            parts.add(t.fts());
        }
        return String.join(" OR ", parts);
    }

    /**
     * An FTS5 expression matching passages where two neighbouring terms of the query stand
     * together as typed, for at most {@code pairs} pairs chosen by {@code order} (first = tried
     * first); empty for a single term.
     */
    public static String neighbours(List<Term> terms, java.util.Comparator<Term[]> order, int pairs) {
        List<Term[]> all = new ArrayList<>();
        for (int i = 0; i + 1 < terms.size(); i++) {
            if (!terms.get(i).prefix() && !terms.get(i + 1).prefix()) {
                all.add(new Term[] {terms.get(i), terms.get(i + 1)});
            }
        }
        all.sort(order);
        List<String> parts = new ArrayList<>();
        for (Term[] pair : all.subList(0, Math.min(pairs, all.size()))) {
            String a = pair[0].fts();
            String b = pair[1].fts();
            parts.add(a.substring(0, a.length() - 1) + " " + b.substring(1));
        }
        return String.join(" OR ", parts);
    }

    private static void addWord(Map<String, Term> terms, String word) {
        boolean prefix = word.length() > 1 && word.endsWith("*");
        add(terms, prefix ? word.substring(0, word.length() - 1) : word, false, prefix);
    }

    private static void add(Map<String, Term> terms, String raw, boolean quoted, boolean prefix) {
        String t = raw.strip();
        List<String> stems = Tokens.stems(SearchText.normalize(t));
        if (stems.isEmpty()) {
            return;
        }
        // The same word typed twice, or as "models" and "model", is one term.
        terms.putIfAbsent(key(stems, prefix), new Term(t, stems, quoted, prefix));
    }

    private static String key(List<String> stems, boolean prefix) {
        return String.join(" ", stems) + (prefix ? "*" : "");
    }
}
