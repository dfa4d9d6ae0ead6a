package dev.kbtool.compile.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kbtool.text.ShortText;
import java.util.ArrayList;
import java.util.List;

/**
 * The summarize stage's reply: {@code {"description": "...", "summary": ["sentence", ...]}}.
 *
 * @param description one line under 160 characters, not the title
 * @param sentences   the summary, sentence by sentence
 */
record SummaryReply(String description, List<String> sentences) {
    static final int MAX_DESCRIPTION = 160;
    static final int MAX_SENTENCES = 12;

    /**
     * @param title        the document title, which the description must not merely repeat
     * @param minSentences fewest sentences asked of the first answer (short documents allow fewer)
     */
    static ReplyParser<SummaryReply> parser(String title, int minSentences) {
        return (reply, lenient) -> {
            Problems problems = new Problems();
            String description = description(reply.get("description"), title, lenient, problems);
            List<String> sentences = sentences(reply.get("summary"), minSentences, lenient, problems);
            problems.throwIfAny();
            return new SummaryReply(description, sentences);
        };
    }

    private static String description(JsonNode node, String title, boolean lenient, Problems problems) {
        if (node == null || !node.isTextual()) {
            problems.add("\"description\" must be a string");
            return null;
        }
        String d = Sentences.plain(node.asText());
        if (NonAnswers.isNonAnswer(d)) {
            problems.add("\"description\" is empty or not a real description");
        } else if (NonAnswers.sameText(d, title)) {
            problems.add("\"description\" only repeats the title; say what the document is about");
        } else if (d.length() >= MAX_DESCRIPTION) {
            if (lenient) {
                return ShortText.describe(d);
            }
            problems.add("\"description\" has " + d.length() + " characters; it must be under " + MAX_DESCRIPTION);
        }
        return d;
    }

    private static List<String> sentences(JsonNode node, int minSentences, boolean lenient, Problems problems) {
        List<String> items = new ArrayList<>();
        if (node != null && node.isTextual()) {
            items.add(node.asText());
        } else if (node != null && node.isArray()) {
            node.forEach(item -> items.add(item.isTextual() ? item.asText() : ""));
        } else {
            problems.add("\"summary\" must be a list of sentences");
            return List.of();
        }
        List<String> sentences = new ArrayList<>();
        boolean flawed = false;
        for (String item : items) {
            for (String s : Sentences.split(item)) {
                if (NonAnswers.isNonAnswer(s)) {
                    flawed = true;
                } else {
                    sentences.add(s);
                }
            }
            flawed |= item.isBlank();
        }
        if (flawed && !lenient) {
            problems.add("\"summary\" contains empty items or sentences that are not real content");
        }
        if (sentences.size() > MAX_SENTENCES) {
            if (!lenient) {
                problems.add("\"summary\" has " + sentences.size() + " sentences; at most " + MAX_SENTENCES);
            }
            return sentences.subList(0, MAX_SENTENCES);
        }
        if (sentences.isEmpty() || (!lenient && sentences.size() < minSentences)) {
            problems.add("\"summary\" has " + sentences.size() + " sentences; write at least " + minSentences);
        }
        return sentences;
    }
}
