package dev.kbtool.compile.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into parts that fit one call: whole paragraphs where possible, a long
 * paragraph at sentence ends, and a run-on text with no sentence ends at spaces or, as a
 * last resort, anywhere.
 */
final class TextChunker {
    private TextChunker() {
    }

    static List<String> chunks(String text, int maxChars) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            for (String piece : p.length() <= maxChars ? List.of(p) : splitLong(p, maxChars)) {
                if (current.length() > 0 && current.length() + 2 + piece.length() > maxChars) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append("\n\n");
                }
                current.append(piece);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /**
     * At most {@code max} of the parts, spread evenly from the first to the last, so a very
     * long document costs a bounded number of calls and its summary still sees its whole span.
     */
    static List<String> spread(List<String> parts, int max) {
        if (parts.size() <= max) {
            return parts;
        }
        if (max == 1) {
            return List.of(parts.get(0));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            out.add(parts.get((int) Math.round((double) i * (parts.size() - 1) / (max - 1))));
        }
        return out;
    }

    private static List<String> splitLong(String paragraph, int maxChars) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (paragraph.length() - start > maxChars) {
            int end = lastBreak(paragraph, start, start + maxChars);
            out.add(paragraph.substring(start, end).strip());
            start = end;
        }
        out.add(paragraph.substring(start).strip());
        out.removeIf(String::isEmpty);
        return out;
    }

    /** The best place to cut in {@code [start, limit)}: after a sentence end, else at a space, else at the limit. */
    private static int lastBreak(String s, int start, int limit) {
        int floor = start + (limit - start) / 2;
        for (int i = limit - 1; i > floor; i--) {
            char c = s.charAt(i - 1);
            if (c == '。' || (c == '.' || c == '!' || c == '?') && Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        for (int i = limit - 1; i > floor; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(s.charAt(limit)) ? limit - 1 : limit;
    }
}
