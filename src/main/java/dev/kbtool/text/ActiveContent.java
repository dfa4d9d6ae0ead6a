package dev.kbtool.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a page what a reader could click or load into trouble: script, iframe, object and
 * embed elements, {@code on*} event attributes, and links or sources whose scheme runs code or
 * carries a document ({@code javascript:}, {@code vbscript:}, {@code data:}). A link keeps its
 * text. Code blocks are left alone: there such text is shown, never run.
 */
public final class ActiveContent {
    private static final Pattern ELEMENT = Pattern.compile(
            "<(script|iframe|object|embed|frameset|frame|applet)\\b[^>]*>.*?</\\1\\s*>|<(script|iframe|object|embed|frame|applet)\\b[^>]*/?>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[A-Za-z][^<>]*>");
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile(
            "\\s+on[a-z]+\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_ATTRIBUTE = Pattern.compile(
            "\\s+(href|src|action|formaction|xlink:href|data)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)",
            Pattern.CASE_INSENSITIVE);
    /** {@code [text](destination)} and {@code ![alt](destination)}, destination up to the closing parenthesis. */
    private static final Pattern MD_LINK = Pattern.compile("(!?)\\[([^\\]\\n]*)]\\(\\s*<?([^)\\s>]*)>?[^)\\n]*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\\s]*)>");

    private ActiveContent() {
    }

    /** The page without active content; unchanged when it has none. */
    public static String strip(String markdown) {
        if (markdown.indexOf('<') < 0 && markdown.indexOf("](") < 0) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length());
        StringBuilder prose = new StringBuilder();
        CodeFences fences = new CodeFences();
        for (String line : markdown.split("\n", -1)) {
            if (fences.code(line)) {
                out.append(clean(prose.toString()));
                prose.setLength(0);
                out.append(line).append('\n');
            } else {
                prose.append(line).append('\n');
            }
        }
        out.append(clean(prose.toString()));
        // split keeps a last empty element for a trailing newline: give back exactly what came in.
        return out.substring(0, out.length() - 1);
    }

    /** Whether a link destination would run code or carry a document instead of pointing somewhere. */
    public static boolean dangerous(String destination) {
        StringBuilder scheme = new StringBuilder();
        for (int i = 0; i < destination.length() && scheme.length() < 16; i++) {
            char c = destination.charAt(i);
            if (c == ':') {
                String s = scheme.toString().toLowerCase(Locale.ROOT);
                return s.equals("javascript") || s.equals("vbscript") || s.equals("data") || s.equals("livescript");
            }
            // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
            if (c > ' ' && c != 0x7f) {
                scheme.append(c);
            }
        }
        return false;
    }

    private static String clean(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String s = ELEMENT.matcher(text).replaceAll("");
        s = replace(TAG, s, tag -> {
            String t = EVENT_ATTRIBUTE.matcher(tag).replaceAll("");
            return replace(URL_ATTRIBUTE, t, attr -> dangerous(unquote(attr.substring(attr.indexOf('=') + 1).strip()))
                    ? "" : attr);
        });
        s = replace(MD_LINK, s, link -> {
            Matcher m = MD_LINK.matcher(link);
            return m.matches() && dangerous(m.group(3)) ? m.group(2) : link;
        });
        // Without its angle brackets an autolink is plain text.
        return replace(AUTOLINK, s, link -> dangerous(link.substring(1, link.length() - 1))
                ? link.substring(1, link.length() - 1) : link);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                ? value.substring(1, value.length() - 1) : value;
    }

    private interface Rewrite {
        String apply(String match);
    }

    private static String replace(Pattern pattern, String text, Rewrite rewrite) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(rewrite.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
