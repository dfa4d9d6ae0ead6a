package dev.kbtool.compile.offline;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Judges a sentence by its form alone: whether it is prose fit for a summary, prose good
 * enough for topic statistics, or noise — headings run into text, table rows, code, captions,
 * reference-list entries, bare links, table-of-contents lines and other layout debris.
 *
 * <p>It runs on every sentence of a document, so each pattern is tried only when a cheap
 * character test says it could match.
 */
final class SentenceQuality {
    /** From best to worst. */
    enum Grade { SUMMARY, PROSE, NOISE }

    private static final Pattern URL = Pattern.compile("(https?|ftp)://\\S+|www\\.\\S+|\\S+@\\S+\\.\\w+");
    private static final Pattern CAPTION = Pattern.compile(
            "(figure|fig\\.|table|tab\\.|listing|algorithm|chart|image|photo|plate|exhibit|source|abbildung|tabelle|tabla|figura|tableau)\\s*[\\dIVX]+[a-z]?\\s*[.:—–-]",
            Pattern.CASE_INSENSITIVE);
    /** Reference-list entries by their start: "[12]", "Smith, J., and". */
    private static final Pattern REFERENCE_START = Pattern.compile("\\[\\d+]|\\p{Lu}[\\p{L}'-]+, (\\p{Lu}\\.\\s?)+(,|and|&)");
    /** Reference-list entries by what they contain; all have digits. */
    private static final Pattern REFERENCE_PARTS = Pattern.compile(
            "\\b(doi|arxiv|isbn|issn)\\s*:|\\bpp\\.\\s*\\d|\\bvol\\.\\s*\\d|\\(\\d{4}[a-z]?\\)\\.\\s|Accessed( on)? \\d", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOT_LEADER = Pattern.compile("(\\.\\s?){4,}|(…\\s?){2,}|_{4,}");
    /** A citation in running text ("Smith et al. (2020)", "[3]"): fine for statistics, poor in a summary. */
    private static final Pattern CITATION = Pattern.compile("\\bet al\\.?,? \\(?\\d{4}|\\[\\d+(,\\s*\\d+)*]");
    /** A section number run into the text: a heading the converter did not set apart. */
    private static final Pattern SECTION_NUMBER_START = Pattern.compile("(\\d+(\\.\\d+)*|[A-Z](\\.\\d+)+)\\.?\\s+\\p{Lu}");
    private static final Pattern LATEX = Pattern.compile("\\\\[a-zA-Z]+\\s*[{\\[]");
    private static final Pattern TAG = Pattern.compile("</?\\w+>");
    private static final Pattern CALL_AT_END = Pattern.compile("\\w+\\([^)]*\\);?$");
    private static final String[] CODE_MARKS = {"==", "!=", "->", "=>", "::", "&&", "||", "()"};
    private static final String[] BOILERPLATE = {"all rights reserved", "intentionally left blank", "licensed under",
            "permission is hereby granted"};
    private static final String TERMINALS = ".!?…。！？｡।॥؟۔";
    private static final String CLOSERS = "\"'”’»)]」』）";

    private SentenceQuality() {
    }

    /**
     * @param text         the sentence
     * @param language     the document's language
     * @param inReferences whether it sits in a references or bibliography section
     */
    static Grade grade(String text, Language language, boolean inReferences) {
        if (inReferences || text.length() < 3 || text.length() > 2000) {
            return Grade.NOISE;
        }
        Shape shape = Shape.of(text);
        if (shape.letters < 0.6 * shape.visible || shape.digits > 0.25 * shape.visible || layout(text, shape)) {
            return Grade.NOISE;
        }
        int urlChars = text.contains("://") || text.contains("www.") || text.indexOf('@') >= 0
                ? text.length() - URL.matcher(text).replaceAll("").length() : 0;
        int words = language.unspaced() ? shape.letters / 3 : shape.words;
        if (words < 3) {
            return Grade.NOISE;
        }
        boolean terminated = terminated(text) || language == Language.THAI;
        if (terminated && words >= 6 && words <= 80 && text.length() <= 500 && startsWell(text, language)
                && urlChars < 0.2 * text.length() && shape.symbols <= 0.08 * shape.visible && !text.contains(" | ")
                && !(shape.digits > 0 && Character.isLetterOrDigit(text.charAt(0)) && SECTION_NUMBER_START.matcher(text).lookingAt())
                && !((text.contains("et al") || text.indexOf('[') >= 0) && CITATION.matcher(text).find())) {
            return Grade.SUMMARY;
        }
        return words >= 4 || terminated ? Grade.PROSE : Grade.NOISE;
    }

    /** Table-of-contents lines, captions, reference entries, code and boilerplate. */
    private static boolean layout(String text, Shape shape) {
        if ((text.contains("..") || text.contains(". .") || text.indexOf('…') >= 0 || text.contains("____"))
                && DOT_LEADER.matcher(text).find()) {
            return true;
        }
        if (CAPTION.matcher(text).lookingAt() || shape.digits > 0 && (REFERENCE_START.matcher(text).lookingAt()
                || REFERENCE_PARTS.matcher(text).find())) {
            return true;
        }
        if (text.contains("In Proceedings") || text.contains("Retrieved from") || code(text)) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("copyright") || lower.startsWith("©")) {
            return true;
        }
        for (String phrase : BOILERPLATE) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    private static boolean code(String text) {
        for (String mark : CODE_MARKS) {
            if (text.contains(mark)) {
                return true;
            }
        }
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        return last == '{' || last == '}' || first == '@' && text.length() > 1 && Character.isLetter(text.charAt(1))
                || "$#>%".indexOf(first) >= 0 && text.length() > 1 && text.charAt(1) == ' '
                || text.indexOf('\\') >= 0 && LATEX.matcher(text).find()
                || text.indexOf('<') >= 0 && TAG.matcher(text).find()
                || (last == ')' || last == ';') && CALL_AT_END.matcher(text).find();
    }

    private static boolean startsWell(String text, Language language) {
        if (!language.bicameral()) {
            return true;
        }
        char first = text.charAt(0);
        if (Character.isDigit(first) || "\"“'‘(¿¡«".indexOf(first) >= 0) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return Character.isUpperCase(text.charAt(i));
            }
        }
        return false;
    }

    static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !inWord) {
                words++;
            }
            inWord = letter || inWord && (c == '\'' || c == '-');
        }
        return words;
    }

    private static boolean terminated(String text) {
        int i = text.length() - 1;
        while (i > 0 && CLOSERS.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return TERMINALS.indexOf(text.charAt(i)) >= 0;
    }

    /** Character classes and words of a sentence, counted in one pass. */
    private static final class Shape {
        int visible;
        int letters;
        int digits;
        int symbols;
        int words;

        static Shape of(String text) {
            Shape s = new Shape();
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean wordChar = Character.isLetterOrDigit(c);
                if (wordChar && !inWord) {
                    s.words++;
                }
                inWord = wordChar || inWord && (c == '\'' || c == '-');
                if (c == ' ' || Character.isWhitespace(c)) {
                    continue;
                }
                s.visible++;
                if (c < 128) {
                    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                        s.letters++;
                    } else if (c >= '0' && c <= '9') {
                        s.digits++;
                    } else if ("=<>{}[]|\\/_^~*#$%@+`".indexOf(c) >= 0) {
                        s.symbols++;
                    }
                } else if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                        || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                    s.letters++;
                } else if (Character.isDigit(c)) {
                    s.digits++;
                }
            }
            s.visible = Math.max(1, s.visible);
            return s;
        }
    }
}
