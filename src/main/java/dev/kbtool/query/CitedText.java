package dev.kbtool.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An LLM's answer read for its citations: {@code [n]}, {@code [n, m]}, {@code [n-m]} markers
 * naming the numbered passages it was given. Numbers outside them are dropped; the rest are
 * numbered again from 1 in the order they first appear, as the answer's sources.
 *
 * @param text      the reply as written
 * @param cited     the passage numbers cited that were given, in order of first citation
 * @param dropped   the numbers cited that no passage has
 * @param notInKb   the reply says the passages do not answer the question
 * @param nonAnswer the reply is no answer at all: empty, a refusal, a placeholder
 */
record CitedText(String text, List<Integer> cited, List<Integer> dropped, boolean notInKb, boolean nonAnswer) {
    private static final Pattern MARKER = Pattern.compile(
            "[ \\t]?\\[(\\d{1,3}(?:\\s*(?:[,;]|[-–])\\s*\\d{1,3})*)]");
    private static final Pattern NOT_IN_KB = Pattern.compile(
            "^(not in the knowledge base|the knowledge base does not (say|answer|mention|contain)"
                    + "|the (given |provided )?passages do not (answer|say|mention|contain))");
    private static final Pattern REFUSAL = Pattern.compile(
            "^(i['’]?m sorry|i am sorry|sorry[,.!]|i apologi[sz]e|i cannot|i can['’]?t|i can not|i['’]?m unable"
                    + "|i am unable|i don['’]?t know|i do not know|as an ai|as a language model|n/?a$|none$|unknown$"
                    + "|no answer|lorem ipsum)");
    /** A range wider than this is a typo, not a citation of every passage in it. */
    private static final int MAX_RANGE = 10;

    static CitedText check(String raw, int passages) {
        String text = raw == null ? "" : raw.strip();
        List<Integer> cited = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            for (int n : numbers(m.group(1))) {
                List<Integer> into = n >= 1 && n <= passages ? cited : dropped;
                if (!into.contains(n)) {
                    into.add(n);
                }
            }
        }
        String bare = text.toLowerCase(Locale.ROOT).replaceAll("^[\\s\"'`*_#>-]+", "");
        boolean notInKb = cited.isEmpty() && NOT_IN_KB.matcher(bare).find();
        boolean nonAnswer = cited.isEmpty() && !notInKb
                && (REFUSAL.matcher(bare).find() || !bare.matches("(?s).*[\\p{L}\\p{N}].*"));
        return new CitedText(text, List.copyOf(cited), List.copyOf(dropped), notInKb, nonAnswer);
    }

    /** The text with its citations numbered as the answer's sources (1, 2, ...) and the dropped ones taken out. */
    String renumbered() {
        Map<Integer, Integer> numberOf = new LinkedHashMap<>();
        for (int n : cited) {
            numberOf.put(n, numberOf.size() + 1);
        }
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> kept = new ArrayList<>();
            for (int n : numbers(m.group(1))) {
                Integer to = numberOf.get(n);
                if (to != null && !kept.contains(String.valueOf(to))) {
                    kept.add(String.valueOf(to));
                }
            }
            String lead = m.group().startsWith("[") ? "" : m.group().substring(0, 1);
            m.appendReplacement(out, Matcher.quoteReplacement(kept.isEmpty() ? "" : lead + "[" + String.join(", ", kept) + "]"));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static List<Integer> numbers(String inside) {
        List<Integer> out = new ArrayList<>();
        for (String part : inside.split("\\s*[,;]\\s*")) {
            String[] range = part.split("\\s*[-–]\\s*");
            int from = Integer.parseInt(range[0].strip());
            int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
            if (to < from || to - from > MAX_RANGE) {
                to = from;
            }
            for (int n = from; n <= to; n++) {
                out.add(n);
            }
        }
        return out;
    }
}
