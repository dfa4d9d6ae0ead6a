package dev.kbtool.compile.offline;

import dev.kbtool.language.Token;
import dev.kbtool.language.TokenShapes;
import dev.kbtool.language.WordFrequencies;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Acronyms a document defines, as in "graphics processing unit (GPU)": the acronym then
 * counts as a mention of its long form and never becomes a topic of its own.
 */
final class Acronyms {
    /** Small words a long form may contain without an initial in the acronym. */
    private static final Set<String> SKIPPABLE = Set.of("of", "and", "for", "the", "in", "on", "to", "&", "de", "du", "des", "der",
            "und", "für", "a", "an", "by", "with");

    private Acronyms() {
    }

    /** Acronym (as written, plural s dropped) to its long form as written. */
    static Map<String, String> definitions(List<TaggedSentence> sentences) {
        Map<String, String> out = new HashMap<>();
        for (TaggedSentence s : sentences) {
            for (int i = 1; i + 2 < s.size(); i++) {
                if (s.token(i).text().equals("(") && abbreviation(s.token(i + 1)) && s.token(i + 2).text().equals(")")) {
                    String acronym = bare(s.token(i + 1).text());
                    String longForm = longForm(s, i, acronym);
                    if (longForm != null) {
                        out.putIfAbsent(acronym, longForm);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether a long form is made of ordinary English words ("Group Relative Policy
     * Optimization", "Mixture-of-Experts"), so that it names an idea, not a thing with a name
     * of its own ("InterPlanetary File System", "Debian Free Software Guidelines").
     */
    static boolean ordinaryWords(String longForm) {
        for (String word : longForm.split("[\\s-]+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (word.isEmpty() || SKIPPABLE.contains(lower)) {
                continue;
            }
            boolean innerCapital = false;
            for (int i = 1; i < word.length(); i++) {
                innerCapital |= Character.isUpperCase(word.charAt(i));
            }
            if (innerCapital || !TokenShapes.plainWord(lower) || !WordFrequencies.known(lower) || EntityTypes.institutional(lower)) {
                return false;
            }
        }
        return true;
    }

    /** An acronym ("GPU", "GPUs") or a short abbreviation in mixed case ("MoE", "FiM"). */
    static boolean abbreviation(Token t) {
        if (t.acronym()) {
            return true;
        }
        String text = t.text();
        if (!t.word() || text.length() < 2 || text.length() > 6 || !Character.isUpperCase(text.charAt(0))) {
            return false;
        }
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            upper += Character.isUpperCase(c) ? 1 : 0;
            lower += Character.isLowerCase(c) ? 1 : 0;
            if (!Character.isLetter(c)) {
                return false;
            }
        }
        return upper >= 2 && lower <= 2 && upper > lower;
    }

    /** "GPUs" -> "GPU". */
    static String bare(String acronym) {
        return acronym.endsWith("s") ? acronym.substring(0, acronym.length() - 1) : acronym;
    }

    /** The words before {@code paren} whose initials spell the acronym, or null. */
    private static String longForm(TaggedSentence s, int paren, String acronym) {
        String letters = acronym.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        int k = letters.length() - 1;
        int start = paren;
        for (int j = paren - 1; j >= 0 && k >= 0; j--) {
            Token t = s.token(j);
            if (!t.word()) {
                return null;
            }
            String lower = t.text().toLowerCase(Locale.ROOT);
            String[] parts = lower.split("-");
            int matched = 0;
            for (int p = parts.length - 1; p >= 0 && k - matched >= 0; p--) {
                if (!parts[p].isEmpty() && parts[p].charAt(0) == letters.charAt(k - matched)) {
                    matched++;
                } else if (!(parts.length > 1 && SKIPPABLE.contains(parts[p]))) {
                    break;
                }
            }
            if (matched == 0 && SKIPPABLE.contains(lower) && j < paren - 1) {
                continue;
            }
            if (matched == 0) {
                return null;
            }
            k -= matched;
            start = j;
        }
        if (k >= 0 || start == paren) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int j = start; j < paren; j++) {
            out.append(j > start ? " " : "").append(s.token(j).text());
        }
        return out.toString();
    }
}
