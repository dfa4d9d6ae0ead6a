package dev.kbtool.language;

/**
 * A word or mark of a sentence.
 *
 * @param text  as written
 * @param shape what kind of token it is
 */
public record Token(String text, Shape shape) {
    public enum Shape {
        /** Letters, possibly with inner hyphens, apostrophes or dots ("state-of-the-art", "U.S."). */
        WORD,
        /** Digits, possibly with separators ("3.14", "1,000", "2020"). */
        NUMBER,
        /** Punctuation. */
        MARK,
        /** URLs, e-mail addresses, paths, file names, code identifiers, LaTeX commands: never part of a topic. */
        NOISE
    }

    public boolean word() {
        return shape == Shape.WORD;
    }

    public boolean capitalized() {
        return shape == Shape.WORD && Character.isUpperCase(text.codePointAt(0));
    }

    /** Two or more letters, all capitals ("NASA", "GPU"), optionally with a plural s ("GPUs"). */
    public boolean acronym() {
        if (shape != Shape.WORD || text.length() < 2) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (!(i == text.length() - 1 && c == 's' && upper >= 2) && !Character.isDigit(c)) {
                return false;
            }
        }
        return upper >= 2;
    }
}
