package dev.kbtool.compile.llm;

import dev.kbtool.language.EnglishNouns;
import dev.kbtool.text.Scripts;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises text that only looks like an answer: empty strings, "no change", "N/A",
 * refusals ("I'm sorry…", "As an AI…"), placeholders, and statements that merely restate a
 * name. Such text must never reach a page, so replies containing it are sent back for repair
 * and, if still there, dropped or failed.
 */
final class NonAnswers {
    private static final Set<String> EXACT = Set.of(
            "", "n/a", "na", "n.a", "none", "null", "nil", "nothing", "no change", "no changes", "unchanged",
            "same", "same as before", "no update", "no updates", "tbd", "todo", "unknown", "not applicable",
            "not available", "no information", "no info", "no content", "no description", "no summary",
            "no contribution", "not mentioned", "description", "summary", "contribution", "text", "string",
            "placeholder", "overview", "none found", "nothing to add", "nothing to report", "no new information");
    private static final Pattern REFUSAL = Pattern.compile(
            "^(i['’]?m sorry|i am sorry|sorry[,.!]|i apologi[sz]e|i cannot|i can['’]?t|i can not|i['’]?m unable"
                    + "|i am unable|i['’]?m not able|i am not able|i do not have|i don['’]?t have|i won['’]?t"
                    + "|as an ai|as a language model|as an assistant|unfortunately,? (i|there is no|the document does not)"
                    + "|there is no (information|mention|content)"
                    + "|(the|this) (document|text|passage) (does not|doesn['’]?t) (mention|say|discuss|provide|contain"
                    + "|describe|include) (anything|any)|no (relevant )?information (is )?(provided|available|given))");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "lorem ipsum|<\\s*(insert|your|placeholder|description|summary|sentence|contribution)[^>]*>"
                    + "|\\[\\s*(insert|placeholder|todo|tbd|your)[^\\]]*]|\\{\\{[^}]*}}");
    private static final Set<String> STOP = Set.of(
            "the", "and", "for", "with", "that", "this", "these", "those", "from", "into", "are", "was", "were",
            "been", "being", "has", "have", "had", "its", "their", "also", "which", "who", "about", "document",
            "documents", "text", "article", "paper", "source", "mention", "mentions", "mentioned", "discuss",
            "discusses", "discussed", "describe", "describes", "described", "refer", "refers", "referred",
            "concept", "entity", "term", "topic", "named", "called", "known", "briefly", "here", "there", "not",
            "appear", "appears", "appeared", "talk", "talks", "relate", "relates", "related", "covers",
            "covered", "includes", "included", "present", "presents", "presented");

    private NonAnswers() {
    }

    /** True for empty text, stock non-answers, refusals and placeholders. */
    static boolean isNonAnswer(String text) {
        if (text == null) {
            return true;
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (PLACEHOLDER.matcher(t).find()) {
            return true;
        }
        String bare = t.replaceAll("^[\\s\"'`*_(\\[-]+|[\\s\"'`*_.!?)\\]:;-]+$", "");
        return EXACT.contains(bare) || REFUSAL.matcher(bare).find() || !bare.matches("(?s).*[\\p{L}\\p{N}].*");
    }

    /** True when two texts are the same apart from case, spacing and punctuation. */
    static boolean sameText(String a, String b) {
        return a != null && b != null && letters(a).equals(letters(b));
    }

    /**
     * True when {@code text} says nothing beyond {@code name}: fewer than two words of
     * substance once the name's own words and filler ("this document mentions…") are removed.
     */
    static boolean restatesName(String name, String text) {
        Set<String> nameWords = Set.copyOf(words(name));
        int substance = 0;
        for (String w : words(text)) {
            if (nameWords.contains(w) || STOP.contains(w)) {
                continue;
            }
            if (Scripts.unspaced(w.codePointAt(0))) {
                // Chinese, Japanese, Thai…: no spaces between words, so count characters instead
                substance += w.codePointCount(0, w.length()) / 2;
            } else if (w.length() >= 3 || w.chars().allMatch(Character::isDigit)) {
                substance++;
            }
            if (substance >= 2) {
                return false;
            }
        }
        return true;
    }

    private static List<String> words(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(t.split("[^\\p{L}\\p{N}\\p{M}]+"))
                .filter(w -> !w.isEmpty())
                .map(EnglishNouns::singular)
                .toList();
    }

    private static String letters(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
