package dev.kbtool.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Plain text stays as it is; only the encoding is normalised to UTF-8 and line ends to LF (see
 * {@link TextDecoding}). The title is the first line when it reads like one ({@link #title});
 * otherwise there is none and the file name stands in. Big files are split into parts
 * ({@link TextParts}).
 */
public final class TextConverter implements Converter {
    /** Longer than this, a first line is a sentence or a paragraph, not a title. */
    private static final int MAX_TITLE_CHARS = 100;
    private static final int MAX_TITLE_WORDS = 14;

    @Override
    public List<String> extensions() {
        return List.of("txt", "text");
    }

    @Override
    public ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException {
        String text = TextDecoding.decode(Files.readAllBytes(request.input()));
        return TextParts.split(title(text), text, List.of());
    }

    /**
     * The first non-blank line, when it reads like a title: short, with letters, not ending like
     * a sentence or a clause, and standing apart from what follows (a blank line or an underline
     * after it, or nothing).
     */
    static String title(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = text.indexOf('\n', start);
        String line = (end < 0 ? text.substring(start) : text.substring(start, end)).strip();
        String next = "";
        if (end >= 0) {
            int nextEnd = text.indexOf('\n', end + 1);
            next = (nextEnd < 0 ? text.substring(end + 1) : text.substring(end + 1, nextEnd)).strip();
        }
        boolean apart = next.isEmpty() || next.matches("[=\\-~*#_]{3,}");
        if (!apart || line.isEmpty() || line.length() > MAX_TITLE_CHARS
                || line.split("\\s+").length > MAX_TITLE_WORDS || !line.codePoints().anyMatch(Character::isLetter)) {
            return null;
        }
        char last = line.charAt(line.length() - 1);
        boolean underlined = !next.isEmpty();
        if (".,;:([{<>=/\\|&".indexOf(last) >= 0 || !underlined && Character.isLowerCase(line.codePointAt(0))
                || line.matches("[-=*#~_]{3,}.*")) {
            return null;
        }
        return line.replaceAll("\\s+", " ");
    }
}
