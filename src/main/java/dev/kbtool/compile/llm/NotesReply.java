package dev.kbtool.compile.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes on one part of a long document: {@code {"notes": ["sentence", ...]}}. A part may
 * hold nothing worth noting (a table of figures, say), so the repaired answer may be empty.
 */
record NotesReply(List<String> notes) {
    static final int MAX_NOTES = 15;

    static ReplyParser<NotesReply> parser() {
        return (reply, lenient) -> {
            JsonNode node = reply.get("notes");
            if (node == null || !node.isArray()) {
                throw new InvalidReplyException("\"notes\" must be a list of sentences");
            }
            Problems problems = new Problems();
            List<String> notes = new ArrayList<>();
            for (JsonNode item : node) {
                String text = item.isTextual() ? item.asText() : "";
                for (String s : Sentences.split(text)) {
                    if (!NonAnswers.isNonAnswer(s)) {
                        notes.add(s);
                    } else if (!lenient) {
                        problems.add("\"notes\" contains \"" + s + "\", which is not a note");
                    }
                }
            }
            if (notes.isEmpty() && !lenient) {
                problems.add("\"notes\" is empty; note the main points of this part");
            }
            problems.throwIfAny();
            return new NotesReply(notes.subList(0, Math.min(MAX_NOTES, notes.size())));
        };
    }
}
