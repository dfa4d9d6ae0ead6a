package dev.kbtool.compile.llm;

import dev.kbtool.text.ShortText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain sentences out of model text. Links the model adds would point at pages that may not
 * exist, so they become their text; tags, list markers and emphasis go too. Underscores stay:
 * in model text they are far more often part of an identifier ({@code max_tokens}) than emphasis.
 */
final class Sentences {
    private static final Pattern WIKILINK = Pattern.compile("\\[\\[(?:[^\\]|]*\\|)?([^\\]]*)]]");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9-]*(\\s[^<>]*)?/?>");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("\\*(?=\\S)([^*]+?)(?<=\\S)\\*");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LINE_MARKER = Pattern.compile("(?m)^\\s*(#+|>+|[-*+]|\\d+[.)])\\s+");

    private Sentences() {
    }

    /** One line of plain text. */
    static String plain(String text) {
        String s = LINE_MARKER.matcher(text).replaceAll("");
        s = WIKILINK.matcher(s).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = TAG.matcher(s).replaceAll("");
        s = BOLD.matcher(s).replaceAll("$1");
        s = ITALIC.matcher(s).replaceAll("$1");
        s = CODE.matcher(s).replaceAll("$1");
        return s.replaceAll("\\s+", " ").strip();
    }

    static List<String> split(String text) {
        return ShortText.sentences(plain(text));
    }

    /** The first {@code max} sentences of {@code text}, joined again. */
    static String first(String text, int max) {
        List<String> all = split(text);
        return String.join(" ", all.subList(0, Math.min(max, all.size())));
    }

    /** The leading sentences of {@code sentences} that fit in {@code maxChars} once joined with spaces. */
    static String within(List<String> sentences, int maxChars) {
        StringBuilder out = new StringBuilder();
        for (String s : sentences) {
            if (out.length() + 1 + s.length() > maxChars) {
                break;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(s);
        }
        return out.toString();
    }
}
