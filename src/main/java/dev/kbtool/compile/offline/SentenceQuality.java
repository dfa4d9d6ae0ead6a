package dev.kbtool.compile.offline;

import dev.kbtool.language.Language;
import dev.kbtool.text.Scripts;
import dev.kbtool.text.ShortText;
import java.util.Locale;
import java.util.regex.Matcher;
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
    /** A citation in running text ("Smith et al. (2020)", "[3]"): fine for statistics, poor in a summary. */
    private static final Pattern CITATION = Pattern.compile("\\bet al\\.?,? \\(?\\d{4}|\\[\\d+(,\\s*\\d+)*]");
    /** A section number run into the text: a heading the converter did not set apart. */
    private static final Pattern SECTION_NUMBER_START = Pattern.compile("(\\d+(\\.\\d+)*|[A-Z](\\.\\d+)+)\\.?\\s+\\p{Lu}");
    /** A LaTeX command with an argument, or an internal one ("\\day@english"). */
    private static final Pattern LATEX = Pattern.compile("\\\\[a-zA-Z]+\\s*[{\\[]|\\\\[a-zA-Z]*@[a-zA-Z@]*");
    private static final Pattern CALL_AT_END = Pattern.compile("\\w+\\([^)]*\\);?$");
    /** "minitoc(hints)": a call or log syntax, not prose, when it comes twice. */
    private static final Pattern CALL = Pattern.compile("\\w\\(\\w[^()\\s]*\\)");
    private static final String[] CODE_MARKS = {"==", "!=", "->", "=>", "::", "&&", "||", "()", "%%", "⟨∗"};
    private static final String[] BOILERPLATE = {"all rights reserved", "intentionally left blank", "licensed under",
            "permission is hereby granted", "permission is granted to copy", "free documentation license",
            "without any warranty", "this program is free software", "provided \"as is\"", "everyone is permitted to copy",
            "redistribute it and/or modify", "under the terms of the", "general public license", "public licence",
            "verbatim copies", "creative commons attribution", "licensed to the apache"};
    /** A table row run into text: this many tokens at least, this share of them figures and marks. */
    private static final int TABLE_ROW_TOKENS = 8;
    private static final double TABLE_ROW_SHARE = 0.4;
    /** Words a line of labels has at least: fewer may be a name on its own line ("Debian Free Software Guidelines"). */
    private static final int LABEL_WORDS = 5;
    private static final String TERMINALS = ".!?…。！？｡।॥؟۔";
    private static final String CLOSERS = "\"'”’»)]」』）";

    private SentenceQuality() {
    }

    /**
     * @param text         the sentence
     * @param language     the document's language
     * @param inReferences whether it sits in a references or bibliography section
     * @param opening      whether it is the document's first sentence, which may be short ("Renames a key.")
     */
    static Grade grade(String text, Language language, boolean inReferences, boolean opening) {
        if (inReferences || text.length() < 3 || text.length() > 2000) {
            return Grade.NOISE;
        }
        Shape shape = Shape.of(text);
        if (shape.letters < 0.6 * shape.visible || shape.digits > 0.25 * shape.visible || layout(text, shape)) {
            return Grade.NOISE;
        }
        if (language.unspaced() && spacedOut(text)) {
            return Grade.NOISE;
        }
        String withoutUrls = text.contains("://") || text.contains("www.") || text.indexOf('@') >= 0
                ? URL.matcher(text).replaceAll(" ") : text;
        int urlChars = text.length() - withoutUrls.length();
        int words = language.unspaced() ? shape.letters / 3 : urlChars > 0 ? wordCount(withoutUrls) : shape.words;
        if (words < 3) {
            return Grade.NOISE;
        }
        boolean terminated = terminated(text) || language == Language.THAI;
        if (!terminated && language.bicameral() && labels(text)) {
            return Grade.NOISE;
        }
        if (terminated && words >= (opening ? 3 : 6) && words <= 80 && text.length() <= 500 && startsWell(text, language)
                && urlChars < 0.2 * text.length() && shape.symbols <= 0.08 * shape.visible && !text.contains(" | ")
                && !(shape.digits > 0 && Character.isLetterOrDigit(text.charAt(0)) && SECTION_NUMBER_START.matcher(text).lookingAt())
                && !((text.contains("et al") || text.indexOf('[') >= 0) && CITATION.matcher(text).find())) {
            return Grade.SUMMARY;
        }
        return words >= 4 || terminated ? Grade.PROSE : Grade.NOISE;
    }

    /**
     * A figure's labels or legend, a table's header row run into the text ("Und. Encoder Text
     * Tokenizer", "0.5 HellaSwag PIQA ARC-easy TriviaQA"): {@value #LABEL_WORDS} words or more,
     * not one of them in lower case. Running text has function words; a capital there says
     * nothing about names, and no summary quotes it.
     */
    private static boolean labels(String text) {
        int words = 0;
        for (String token : text.split("\\s+")) {
            int first = 0;
            while (first < token.length() && !Character.isLetterOrDigit(token.charAt(first))) {
                first++;
            }
            if (first < token.length()) {
                if (Character.isLowerCase(token.charAt(first))) {
                    return false;
                }
                words++;
            }
        }
        return words >= LABEL_WORDS;
    }

    /** Table-of-contents lines, table rows, captions, reference entries, code and boilerplate. */
    private static boolean layout(String text, Shape shape) {
        if (ShortText.hasDotLeaders(text) || shape.tokens >= TABLE_ROW_TOKENS && shape.cells >= TABLE_ROW_SHARE * shape.tokens) {
            return true;
        }
        if (CAPTION.matcher(text).lookingAt() || shape.digits > 0 && (REFERENCE_START.matcher(text).lookingAt()
                || REFERENCE_PARTS.matcher(text).find())) {
            return true;
        }
        if (text.contains("In Proceedings") || text.contains("Retrieved from") || text.indexOf('\uFFFD') >= 0
                || letterSpaced(text) || code(text)) {
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
                || (last == ')' || last == ';') && CALL_AT_END.matcher(text).find()
                || text.indexOf('(') >= 0 && calls(text) >= 2;
    }

    private static int calls(String text) {
        int n = 0;
        for (Matcher m = CALL.matcher(text); m.find(); ) {
            n++;
        }
        return n;
    }

    /** Starts like a sentence: a capital (where there are capitals) or a digit, maybe after a quote. */
    private static boolean startsWell(String text, Language language) {
        if (!language.bicameral()) {
            return Character.isLetterOrDigit(text.charAt(0)) || "\"“'‘(「『«".indexOf(text.charAt(0)) >= 0;
        }
        char first = text.charAt(0);
        if (Character.isDigit(first)) {
            return true;
        }
        int letter = "\"“'‘(¿¡«".indexOf(first) >= 0 && text.length() > 1 ? 1 : 0;
        return Character.isUpperCase(text.charAt(letter));
    }

    /** "o p t i m i z e": letters set apart by the layout, four in a row. */
    private static boolean letterSpaced(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            boolean single = Character.isLetter(text.charAt(i)) && (i == 0 || text.charAt(i - 1) == ' ')
                    && (i + 1 == text.length() || text.charAt(i + 1) == ' ');
            if (single) {
                if (++run >= 4) {
                    return true;
                }
            } else if (text.charAt(i) != ' ') {
                run = 0;
            }
        }
        return false;
    }

    /** "此 参 数 设 定": letter-spaced CJK from a PDF's layout. */
    private static boolean spacedOut(String text) {
        int spaced = 0;
        for (int i = 1; i + 1 < text.length(); i++) {
            if (text.charAt(i) == ' ' && Scripts.ideographic(text.charAt(i - 1)) && Scripts.ideographic(text.charAt(i + 1))) {
                spaced++;
            }
        }
        return spaced >= 3;
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

    /** Ends with a sentence mark: a whole sentence, not one the layout cut. */
    static boolean complete(String text) {
        return !text.isEmpty() && terminated(text);
    }

    /** Ends with a sentence mark, not one left alone by layout ("package ."). */
    private static boolean terminated(String text) {
        int i = text.length() - 1;
        while (i > 0 && CLOSERS.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return TERMINALS.indexOf(text.charAt(i)) >= 0 && (i == 0 || text.charAt(i - 1) != ' ');
    }

    /** Character classes and words of a sentence, counted in one pass. */
    private static final class Shape {
        int visible;
        int letters;
        int digits;
        int symbols;
        int words;
        /** Runs of non-blank characters. */
        int tokens;
        /** Of those, table cells: figures ("2.4B", "90.2%"), "N/A", lone dashes and marks. */
        int cells;

        static Shape of(String text) {
            Shape s = new Shape();
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Character.isWhitespace(c) && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                    s.tokens++;
                    boolean alone = i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1));
                    s.cells += c >= '0' && c <= '9' || alone && "-–—#±×/*".indexOf(c) >= 0
                            || text.startsWith("N/A", i) ? 1 : 0;
                }
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
