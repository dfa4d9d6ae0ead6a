package dev.kbtool.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Running text out of Markdown: the paragraphs a reader would read, without markup. */
public final class MarkdownText {
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern WIKILINK = Pattern.compile("\\[\\[(?:[^\\]|]*\\|)?([^\\]]*)]]");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|`)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]{1,200}>");

    private MarkdownText() {
    }

    /** Paragraphs of prose: no frontmatter, headings, code blocks, tables, quotes' markers or list markers. */
    public static List<String> paragraphs(String markdown) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inFence = false;
        boolean inFrontmatter = markdown.startsWith("---\n");
        boolean first = true;
        for (String raw : markdown.split("\n", -1)) {
            String line = raw.strip();
            if (inFrontmatter) {
                if (!first && (line.equals("---") || line.equals("..."))) {
                    inFrontmatter = false;
                }
                first = false;
                continue;
            }
            first = false;
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
                flush(current, out);
                continue;
            }
            if (inFence || line.isEmpty() || line.startsWith("#") || line.startsWith("|")
                    || raw.startsWith("    ") || raw.startsWith("\t") || line.matches("[-=*_]{3,}")) {
                flush(current, out);
                continue;
            }
            line = line.replaceFirst("^(>\\s*)+", "").replaceFirst("^([-*+]|\\d+[.)])\\s+", "");
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(line);
        }
        flush(current, out);
        return out;
    }

    public static String plain(String markdownLine) {
        String s = WIKILINK.matcher(markdownLine).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = HTML_TAG.matcher(s).replaceAll("");
        s = EMPHASIS.matcher(s).replaceAll("$2");
        return s.replaceAll("\\s+", " ").strip();
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            String p = plain(current.toString());
            if (!p.isEmpty()) {
                out.add(p);
            }
            current.setLength(0);
        }
    }
}
