package dev.kbtool.compile;

import dev.kbtool.convert.CodeFences;
import dev.kbtool.text.LineJoin;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Running text out of Markdown: the blocks a reader would read, without markup.
 *
 * <p>Converted documents mix real Markdown (from .md and HTML) with hard-wrapped text from
 * PDFs, so besides the Markdown rules this also undoes line-end hyphenation, keeps each list
 * item apart, treats a short title-like line standing alone in wrapped text as a heading,
 * and follows {@code <!-- page N -->} markers so every block knows its page.
 */
public final class MarkdownText {
    /** What a block of text was in the Markdown. */
    public enum Kind { PARAGRAPH, LIST_ITEM, QUOTE, HEADING }

    /**
     * One block of running text.
     *
     * @param kind  what it was
     * @param text  plain text, markup removed, whitespace collapsed
     * @param page  1-based page the block starts on, from the {@code <!-- page N -->} markers; 0 before any
     * @param code  contents of the inline code spans in it, in order
     */
    public record Block(Kind kind, String text, int page, List<String> code) {
        public Block {
            code = List.copyOf(code);
        }
    }

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");
    private static final Pattern WIKILINK = Pattern.compile("\\[\\[(?:[^\\]|]*\\|)?([^\\]]*)]]");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    /** Private-use characters around a code span's number while the other rules run. */
    private static final String PLACEHOLDER_START = "\uE000";
    private static final String PLACEHOLDER_END = "\uE001";
    private static final Pattern STRONG_OR_EM = Pattern.compile("(\\*\\*|\\*)(?=\\S)(.+?)(?<=\\S)\\1");
    /** Underscore emphasis only between non-word characters: {@code snake_case_names} stay intact. */
    private static final Pattern UNDERSCORE_EM = Pattern.compile("(?<![\\w])(__|_)(?=\\S)(.+?)(?<=\\S)\\1(?![\\w])");
    private static final Pattern STRIKE = Pattern.compile("~~(.+?)~~");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->");
    private static final Pattern BLOCK_MARKERS = Pattern.compile(
            "(?m)^[ \\t]{0,3}(?:#{1,6}[ \\t]+|(?:>[ \\t]?)+|[-*+][ \\t]+|\\d{1,9}[.)][ \\t]+)");
    private static final Pattern HTML_COMMENT_BLOCK = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern FRONTMATTER = Pattern.compile("---\\r?\\n.*?\\r?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)",
            Pattern.DOTALL);
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^>]{0,200}>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|nbsp|#\\d{1,6}|#x[0-9a-fA-F]{1,6});");
    private static final Pattern PAGE_MARKER = Pattern.compile("<!--\\s*page\\s+(\\d+)\\s*-->");
    private static final Pattern RULE = Pattern.compile("([-*_])(\\s*\\1){2,}");
    private static final Pattern SETEXT = Pattern.compile("(=+|-+)");
    private static final Pattern ATX_HEADING = Pattern.compile("^#{1,6}(\\s+|$)");
    private static final Pattern LIST_MARKER = Pattern.compile("^([-*+•]|\\d{1,3}[.)])\\s+");
    private static final Pattern QUOTE_MARKER = Pattern.compile("^(>\\s?)+");
    /** The label line of a callout ("> **Note**", "> [!WARNING]"): not part of the text that follows. */
    private static final Pattern CALLOUT_LABEL = Pattern.compile(
            "(\\*\\*|__)?\\[?!?(note|warning|tip|important|caution|info|hint|danger|attention)]?:?(\\*\\*|__)?:?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK_DEFINITION = Pattern.compile("^\\[[^\\]]+]:\\s*\\S+.*$");
    private static final Pattern HTML_BLOCK_LINE = Pattern.compile("^</?(div|table|tr|td|th|thead|tbody|ul|ol|li|dl|dt|dd|p|br|hr|img|span|section|nav|figure|figcaption|details|summary)\\b[^>]*>$",
            Pattern.CASE_INSENSITIVE);
    /** Longest line still taken for a heading when it stands alone inside wrapped text. */
    private static final int MAX_BARE_HEADING = 60;

    private MarkdownText() {
    }

    /**
     * Whether a document says anything at all: a letter or digit outside its frontmatter, HTML
     * comments (page markers) and image links.
     */
    public static boolean hasText(String markdown) {
        Matcher front = FRONTMATTER.matcher(markdown);
        String body = front.lookingAt() ? markdown.substring(front.end()) : markdown;
        if (body.contains("<!--")) {
            body = HTML_COMMENT_BLOCK.matcher(body).replaceAll(" ");
        }
        if (body.contains("![")) {
            body = IMAGE.matcher(body).replaceAll(" ");
        }
        return body.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Paragraphs of prose: no frontmatter, headings, code blocks, tables, quote or list markers. */
    public static List<String> paragraphs(String markdown) {
        List<String> out = new ArrayList<>();
        for (Block block : blocks(markdown)) {
            if (block.kind() != Kind.HEADING) {
                out.add(block.text());
            }
        }
        return out;
    }

    /** Every block of running text in document order, headings included; code blocks and tables left out. */
    public static List<Block> blocks(String markdown) {
        return new BlockParser(markdown).parse();
    }

    /**
     * A whole document as plain text, for the search index and its snippets: the markup at line
     * starts (heading hashes, quote and list markers) goes as well.
     */
    public static String plainDocument(String markdown) {
        return plain(BLOCK_MARKERS.matcher(markdown).replaceAll(""), null);
    }

    private static String plain(String markdown, List<String> codeOut) {
        // Each pattern runs only when its opening character is there: this runs on every
        // paragraph of a 500-page document.
        String s = markdown;
        if (s.contains("<!--")) {
            s = HTML_COMMENT.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('[') >= 0) {
            s = IMAGE.matcher(s).replaceAll(" ");
            s = WIKILINK.matcher(s).replaceAll("$1");
            s = LINK.matcher(s).replaceAll("$1");
            s = REF_LINK.matcher(s).replaceAll("$1");
        }
        List<String> spans = new ArrayList<>();
        if (s.indexOf('`') >= 0) {
            // Code is set aside so that the markup rules below leave "<key>" or "a_b_c" alone.
            StringBuilder withoutCode = new StringBuilder();
            Matcher code = CODE_SPAN.matcher(s);
            while (code.find()) {
                String content = code.group(2).strip();
                if (codeOut != null && !content.isEmpty()) {
                    codeOut.add(content);
                }
                code.appendReplacement(withoutCode, Matcher.quoteReplacement(PLACEHOLDER_START + spans.size() + PLACEHOLDER_END));
                spans.add(content);
            }
            code.appendTail(withoutCode);
            s = withoutCode.toString();
        }
        if (s.indexOf('<') >= 0) {
            s = HTML_TAG.matcher(s).replaceAll("");
        }
        if (s.indexOf('*') >= 0) {
            s = STRONG_OR_EM.matcher(s).replaceAll("$2");
        }
        if (s.indexOf('_') >= 0) {
            s = UNDERSCORE_EM.matcher(s).replaceAll("$2");
        }
        if (s.contains("~~")) {
            s = STRIKE.matcher(s).replaceAll("$1");
        }
        s = unescapeEntities(s);
        for (int i = 0; i < spans.size(); i++) {
            s = s.replace(PLACEHOLDER_START + i + PLACEHOLDER_END, spans.get(i));
        }
        return collapseSpaces(s);
    }

    private static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescapeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> codePoint(name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1)), m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp, String original) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : original;
    }

    /** Line-by-line block parser; holds the state of one parse. */
    private static final class BlockParser {
        private final String[] lines;
        private final List<Block> out = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private Kind currentKind = Kind.PARAGRAPH;
        private Kind lastKind = Kind.PARAGRAPH;
        private int currentLines;
        private int page;
        /** Page on which the block being read started. */
        private int blockPage;

        BlockParser(String markdown) {
            this.lines = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        }

        List<Block> parse() {
            int i = skipFrontmatter();
            CodeFences fences = new CodeFences();
            boolean previousBlank = true;
            for (; i < lines.length; i++) {
                String raw = lines[i];
                String line = raw.strip();
                Matcher marker = PAGE_MARKER.matcher(line);
                if (line.startsWith("<!--") && marker.matches()) {
                    // A page break is not a paragraph break: PDF paragraphs run on across pages.
                    page = Integer.parseInt(marker.group(1));
                    continue;
                }
                if (fences.code(line)) {
                    flush();
                    previousBlank = false;
                    continue;
                }
                if (line.isEmpty()) {
                    flush();
                    previousBlank = true;
                    continue;
                }
                if (isIndentedCode(raw, previousBlank)) {
                    flush();
                    continue;
                }
                if (!readStructure(line)) {
                    readLine(raw, line, previousBlank, i);
                }
                // After a heading, rule or table the next line starts a block as after a blank line.
                previousBlank = current.length() == 0;
            }
            flush();
            return out;
        }

        /** Code indented by four spaces starts only after a blank line, and not inside a list item. */
        private boolean isIndentedCode(String raw, boolean previousBlank) {
            return (raw.startsWith("    ") || raw.startsWith("\t")) && previousBlank && lastKind != Kind.LIST_ITEM;
        }

        /** Tables, rules, headings, link definitions and bare HTML tags: true when the line was one. */
        private boolean readStructure(String line) {
            char first = line.charAt(0);
            if (first == '|' || first == '[' && LINK_DEFINITION.matcher(line).matches()
                    || first == '<' && line.length() < 40 && HTML_BLOCK_LINE.matcher(line).matches()) {
                flush();
                return true;
            }
            if ((first == '=' || first == '-') && SETEXT.matcher(line).matches() && currentLines == 1
                    && currentKind == Kind.PARAGRAPH) {
                currentKind = Kind.HEADING;
                flush();
                return true;
            }
            if ("-*_".indexOf(first) >= 0 && RULE.matcher(line).matches()) {
                flush();
                return true;
            }
            Matcher atx = ATX_HEADING.matcher(line);
            if (first == '#' && atx.find()) {
                flush();
                add(Kind.HEADING, line.substring(atx.end()).replaceFirst("\\s+#+$", ""));
                flush();
                return true;
            }
            return false;
        }

        /** Reads a line of running text into the current block or a new one. */
        private void readLine(String raw, String line, boolean previousBlank, int index) {
            Matcher quote = QUOTE_MARKER.matcher(line);
            if (line.charAt(0) == '>' && quote.find()) {
                String content = line.substring(quote.end()).strip();
                if (currentKind != Kind.QUOTE || content.isEmpty() || CALLOUT_LABEL.matcher(content).matches()) {
                    flush();
                }
                if (!content.isEmpty() && !CALLOUT_LABEL.matcher(content).matches()) {
                    add(Kind.QUOTE, content);
                }
                return;
            }
            Matcher item = LIST_MARKER.matcher(line);
            if (("-*+•".indexOf(line.charAt(0)) >= 0 || Character.isDigit(line.charAt(0))) && item.find()) {
                // As in CommonMark, a numbered line interrupts a paragraph only when it starts at 1:
                // "... in\n12. The ..." in wrapped text is not a list.
                boolean interrupting = currentKind == Kind.PARAGRAPH && currentLines > 0 && !previousBlank;
                if (!interrupting || !Character.isDigit(line.charAt(0)) || line.startsWith("1.") || line.startsWith("1)")) {
                    flush();
                    add(Kind.LIST_ITEM, line.substring(item.end()));
                    return;
                }
            }
            if (bareHeading(line, previousBlank, index)) {
                flush();
                add(Kind.HEADING, line);
                flush();
                return;
            }
            if (currentKind == Kind.QUOTE) {
                flush();
            }
            add(currentLines == 0 ? Kind.PARAGRAPH : currentKind, line);
        }

        /**
         * A short title-like line standing alone in wrapped text (PDF section titles): it
         * follows a finished sentence or a blank line, ends without punctuation, and the next
         * line starts a new sentence.
         */
        private boolean bareHeading(String line, boolean previousBlank, int index) {
            if (line.length() > MAX_BARE_HEADING || !Character.isUpperCase(line.codePointAt(firstLetter(line)))) {
                return false;
            }
            char last = line.charAt(line.length() - 1);
            if (".,;:!?-–—)\"'”’".indexOf(last) >= 0) {
                return false;
            }
            boolean afterSentence = previousBlank || current.length() == 0 || endsSentence(current);
            String next = nextContentLine(index);
            return afterSentence && next != null && !next.isEmpty() && Character.isUpperCase(next.codePointAt(0))
                    && (next.length() > line.length() || current.length() > 0);
        }

        private String nextContentLine(int index) {
            for (int j = index + 1; j < lines.length; j++) {
                String s = lines[j].strip();
                if (!s.startsWith("<!--") || !PAGE_MARKER.matcher(s).matches()) {
                    return s;
                }
            }
            return null;
        }

        private void add(Kind kind, String line) {
            if (current.length() == 0) {
                currentKind = kind;
                blockPage = page;
            }
            LineJoin.append(current, line);
            currentLines++;
        }

        private void flush() {
            if (current.length() > 0) {
                List<String> code = new ArrayList<>();
                String text = plain(current.toString(), code);
                if (!text.isEmpty()) {
                    out.add(new Block(currentKind, text, blockPage, code));
                    lastKind = currentKind;
                }
                current.setLength(0);
            }
            currentKind = Kind.PARAGRAPH;
            currentLines = 0;
        }

        private int skipFrontmatter() {
            if (lines.length == 0 || !lines[0].strip().equals("---")) {
                return 0;
            }
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.equals("---") || line.equals("...")) {
                    return i + 1;
                }
            }
            return 0;
        }

        private static boolean endsSentence(StringBuilder s) {
            for (int i = s.length() - 1; i >= 0; i--) {
                char c = s.charAt(i);
                if (".!?:。！？".indexOf(c) >= 0) {
                    return true;
                }
                if (c != '"' && c != '\'' && c != ')' && c != '”' && c != '’') {
                    return false;
                }
            }
            return false;
        }

        private static int firstLetter(String line) {
            for (int i = 0; i < line.length(); i++) {
                if (Character.isLetter(line.charAt(i))) {
                    return i;
                }
            }
            return 0;
        }
    }
}
