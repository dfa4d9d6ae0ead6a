package dev.kbtool.compile.llm;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The key that merges a concept or entity across documents and names its page: Unicode
 * NFKC, lower case, runs of anything but letters and digits turned into {@code -}, and the
 * last word made singular with simple English rules ({@code Neural Networks} and
 * {@code neural network} meet at {@code neural-network}). Only the last word changes
 * because in English noun phrases the head noun comes last ({@code systems-biology} stays,
 * {@code data-structures} becomes {@code data-structure}).
 */
public final class TopicKeys {
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("people", "person"), Map.entry("children", "child"), Map.entry("men", "man"),
            Map.entry("women", "woman"), Map.entry("mice", "mouse"), Map.entry("geese", "goose"),
            Map.entry("teeth", "tooth"), Map.entry("feet", "foot"), Map.entry("indices", "index"),
            Map.entry("matrices", "matrix"), Map.entry("vertices", "vertex"), Map.entry("analyses", "analysis"),
            Map.entry("theses", "thesis"), Map.entry("hypotheses", "hypothesis"), Map.entry("crises", "crisis"),
            Map.entry("criteria", "criterion"), Map.entry("phenomena", "phenomenon"), Map.entry("leaves", "leaf"),
            Map.entry("lives", "life"), Map.entry("wives", "wife"), Map.entry("knives", "knife"),
            Map.entry("wolves", "wolf"), Map.entry("halves", "half"), Map.entry("shelves", "shelf"));
    /** Words that end in s but are not plurals, or whose plural is the same word. */
    private static final Set<String> UNCHANGED = Set.of(
            "news", "series", "species", "means", "physics", "mathematics", "economics", "ethics", "politics",
            "statistics", "linguistics", "genetics", "electronics", "logistics", "analytics", "semantics",
            "aids", "gas", "bias", "canvas", "atlas", "alias", "lens", "chaos", "kudos", "ethos", "pathos",
            "thermos", "corps", "always", "perhaps", "whereas", "its", "this", "yes", "does", "was", "has", "is");

    private TopicKeys() {
    }

    /** The key of {@code name}; empty when the name has no letters or digits. */
    public static String normalize(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String[] words = s.split("[^\\p{L}\\p{N}\\p{M}]+");
        StringBuilder key = new StringBuilder();
        int last = -1;
        for (int i = 0; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            if (key.length() > 0) {
                key.append('-');
            }
            key.append(i == last ? singular(words[i]) : words[i]);
        }
        return key.toString();
    }

    /** The singular of one lower-case English word; words in other scripts are returned as they are. */
    static String singular(String word) {
        if (word.length() <= 3 || !word.matches("[a-z]+")) {
            return word;
        }
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (UNCHANGED.contains(word) || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")
                || word.endsWith("ics") || !word.endsWith("s")) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")
                || word.endsWith("zzes")) {
            return word.substring(0, word.length() - 2);
        }
        return word.substring(0, word.length() - 1);
    }
}
