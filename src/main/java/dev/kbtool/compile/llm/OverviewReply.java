package dev.kbtool.compile.llm;

import com.fasterxml.jackson.databind.JsonNode;

/** The merge stage's reply: {@code {"overview": "paragraph"}}, a few sentences combining what documents say about a topic. */
record OverviewReply(String overview) {
    static final int MAX_SENTENCES = 6;

    static ReplyParser<OverviewReply> parser(String name) {
        return (reply, lenient) -> {
            Problems problems = new Problems();
            JsonNode node = reply.get("overview");
            String text = node != null && node.isTextual() ? Sentences.plain(node.asText()) : null;
            if (text == null) {
                problems.add("\"overview\" must be a string");
            } else if (NonAnswers.isNonAnswer(text)) {
                problems.add("\"overview\" is empty or not a real overview");
            } else if (NonAnswers.restatesName(name, text)) {
                problems.add("\"overview\" only restates the name; combine what the documents say");
            } else if (Sentences.split(text).size() > MAX_SENTENCES) {
                if (lenient) {
                    text = Sentences.first(text, MAX_SENTENCES);
                } else {
                    problems.add("\"overview\" must be at most " + MAX_SENTENCES + " sentences");
                }
            }
            problems.throwIfAny();
            return new OverviewReply(text);
        };
    }
}
