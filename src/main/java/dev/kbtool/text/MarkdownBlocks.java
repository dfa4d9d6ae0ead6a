package dev.kbtool.text;

import dev.kbtool.text.MarkdownText.Block;
import dev.kbtool.text.MarkdownText.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blocks of running text in a Markdown document, line by line ({@link MarkdownText#blocks}):
 * paragraphs, list items, quotes and headings, with the page each starts on; code blocks,
 * tables, rules and link definitions left out. One instance holds the state of one parse.
 */
final class MarkdownBlocks {
    private static final Pattern PAGE_MARKER = Pattern.compile("<!--\\s*page\\s+(\\d+)\\s*-->");
    private static final Pattern SETEXT = Pattern.compile("(=+|-+)");
    private static final Pattern ATX_HEADING = Pattern.compile("^#{1,6}(\\s+|$)");
    private static final Pattern LIST_MARKER = Pattern.compile("^([-*+•]|\\d{1,3}[.)])\\s+");
    // Character classes, not "(>\\s?)+": a repeated group recurses once per repetition in
    // java.util.regex, and 100,000 nested quote markers would overflow the stack.
    private static final Pattern QUOTE_MARKER = Pattern.compile("^>[>\\s]*");
    /** The label line of a callout ("> **Note**", "> [!WARNING]"): not part of the text that follows. */
    private static final Pattern CALLOUT_LABEL = Pattern.compile(
            "(\\*\\*|__)?\\[?!?(note|warning|tip|important|caution|info|hint|danger|attention)]?:?(\\*\\*|__)?:?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK_DEFINITION = Pattern.compile("^\\[[^\\]]+]:\\s*\\S+.*$");
    private static final Pattern HTML_BLOCK_LINE = Pattern.compile("^</?(div|table|tr|td|th|thead|tbody|ul|ol|li|dl|dt|dd|p|br|hr|img|span|section|nav|figure|figcaption|details|summary)\\b[^>]*>$",
            Pattern.CASE_INSENSITIVE);
    /** Longest line still taken for a heading when it stands alone inside wrapped text. */
    private static final int MAX_BARE_HEADING = 60;

    private final String[] lines;
    private final List<Block> out = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private Kind currentKind = Kind.PARAGRAPH;
    private Kind lastKind = Kind.PARAGRAPH;
    private int currentLines;
    private int page;
    /** Page on which the block being read started. */
    private int blockPage;

    MarkdownBlocks(String markdown) {
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
        if ("-*_".indexOf(first) >= 0 && isRule(line)) {
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
            String text = MarkdownText.plain(current.toString(), code);
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

    /** A thematic break: three or more of one of -, * or _, with only spaces between. */
    private static boolean isRule(String line) {
        char mark = line.charAt(0);
        int marks = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == mark) {
                marks++;
            } else if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return marks >= 3;
    }
}
