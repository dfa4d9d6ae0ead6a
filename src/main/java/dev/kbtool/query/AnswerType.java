package dev.kbtool.query;

import dev.kbtool.language.Language;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of thing a question asks for, from its question words, and whether a sentence
 * holds one the question does not already name: "Who founded X?" is answered by a sentence
 * naming someone besides X, "How many...?" by one with a number. A sentence that only repeats
 * the question's own names and numbers does not answer it, however many of its words it shares.
 */
enum AnswerType {
    PERSON, DATE, NUMBER;

    private static final Pattern WHO = Pattern.compile("(?i)^\\W*(who|whom|whose)\\b");
    private static final Pattern WHEN = Pattern.compile("(?i)\\b(when|what (date|year|day|month)|which (date|year))\\b");
    private static final Pattern HOW_MUCH = Pattern.compile("(?i)\\b(how (many|much|long|large|big|old|far|often|fast|"
            + "high|small|wide|heavy)|what (size|percentage|proportion|fraction|share|score|number|amount|accuracy|"
            + "rate|ratio|length|value)|up to what)\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b");
    private static final Pattern MONTH = Pattern.compile("(?i)(january|february|march|april|may|june|july|august|"
            + "september|october|november|december)");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern WEEKDAY = Pattern.compile("(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)");

    /** The kinds of answer a question asks for; empty when any sentence may answer it. */
    static Set<AnswerType> of(String question) {
        Set<AnswerType> out = EnumSet.noneOf(AnswerType.class);
        if (WHO.matcher(question).find()) {
            out.add(PERSON);
        }
        if (WHEN.matcher(question).find()) {
            out.add(DATE);
        }
        if (HOW_MUCH.matcher(question).find()) {
            out.add(NUMBER);
        }
        return out;
    }

    /** Whether the sentence holds an answer of one of the kinds (any sentence does when there are none). */
    static boolean anyIn(Set<AnswerType> types, String sentence, String question) {
        if (types.isEmpty()) {
            return true;
        }
        Set<String> asked = words(question);
        for (AnswerType t : types) {
            if (t.in(sentence, asked)) {
                return true;
            }
        }
        return false;
    }

    private boolean in(String sentence, Set<String> asked) {
        List<String> tokens = List.of(sentence.split("[\\s,;:()\\[\\]\"“”]+"));
        return switch (this) {
            case PERSON -> {
                Set<String> stop = Language.ENGLISH.stopWords();
                for (int i = 1; i < tokens.size(); i++) {
                    String w = tokens.get(i).replaceAll("[^\\p{L}\\p{N}'’-]", "");
                    // A month or a weekday is capitalised too, and names a date, not someone.
                    if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0)) && !asked.contains(key(w))
                            && !stop.contains(w.toLowerCase(Locale.ROOT)) && !MONTH.matcher(w).matches()
                            && !WEEKDAY.matcher(w).matches()) {
                        yield true;
                    }
                }
                yield false;
            }
            case DATE -> tokens.stream().anyMatch(w -> (YEAR.matcher(w).find() || MONTH.matcher(w).find())
                    && !asked.contains(key(w)));
            case NUMBER -> tokens.stream().anyMatch(w -> DIGIT.matcher(w).find() && !asked.contains(key(w)));
        };
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.split("[\\s,;:()\\[\\]\"“”?!.]+")) {
            out.add(key(w));
        }
        return out;
    }

    private static String key(String word) {
        return word.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }
}
