package dev.kbtool.text;

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
    private static final Pattern PLACEHOLDER = Pattern.compile(PLACEHOLDER_START + "(\\d+)" + PLACEHOLDER_END);
    private static final Pattern STRONG_OR_EM = Pattern.compile("(\\*\\*|\\*)(?=\\S)(.+?)(?<=\\S)\\1");
    /** Underscore emphasis only between non-word characters: {@code snake_case_names} stay intact. */
    private static final Pattern UNDERSCORE_EM = Pattern.compile("(?<![\\w])(__|_)(?=\\S)(.+?)(?<=\\S)\\1(?![\\w])");
    private static final Pattern STRIKE = Pattern.compile("~~(.+?)~~");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->");
    private static final Pattern BLOCK_MARKERS = Pattern.compile(
            "(?m)^[ \\t]{0,3}(?:#{1,6}[ \\t]+|>[> \\t]*|[-*+][ \\t]+|\\d{1,9}[.)][ \\t]+)");
    private static final Pattern HTML_COMMENT_BLOCK = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern FRONTMATTER = Pattern.compile("---\\r?\\n.*?\\r?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)",
            Pattern.DOTALL);
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^>]{0,200}>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|nbsp|#\\d{1,6}|#x[0-9a-fA-F]{1,6});");

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
        return new MarkdownBlocks(markdown).parse();
    }

    /**
     * A whole document as plain text, for the search index and its snippets: the markup at line
     * starts (heading hashes, quote and list markers) goes as well.
     */
    public static String plainDocument(String markdown) {
        return plain(BLOCK_MARKERS.matcher(markdown).replaceAll(""), null);
    }

    static String plain(String markdown, List<String> codeOut) {
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
        if (!spans.isEmpty()) {
            // One pass: replacing the placeholders one by one rescans the text for each span,
            // which made a big document's search text quadratic in its size.
            Matcher placeholder = PLACEHOLDER.matcher(s);
            StringBuilder restored = new StringBuilder(s.length());
            while (placeholder.find()) {
                // A document may hold these private-use characters itself: only our numbers are spans.
                int index = placeholder.group(1).length() > 9 ? -1 : Integer.parseInt(placeholder.group(1));
                placeholder.appendReplacement(restored, Matcher.quoteReplacement(
                        index >= 0 && index < spans.size() ? spans.get(index) : placeholder.group()));
            }
            placeholder.appendTail(restored);
            s = restored.toString();
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
}
