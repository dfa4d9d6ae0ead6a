package dev.kbtool.search;

import dev.kbtool.convert.ConvertedPage;
import dev.kbtool.text.CodeFences;
import dev.kbtool.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a document's text into the passages the search index holds: a page of a paged document
 * (PDF), else sections of about {@value #TARGET} characters, cut at headings and paragraph ends.
 * A passage is what a search result and a citation point at, so it must be small enough to be
 * read as one place: a 30 MB book indexed as one row took minutes to rank and to show.
 */
public final class Passages {
    /** A section this long is closed at the next paragraph end. */
    static final int TARGET = 2_000;
    /** A passage this long is closed at the next line end, whatever it is. */
    static final int MAX = 4_000;
    /** A section shorter than this runs on past a heading, so headings alone make no passages. */
    static final int MIN = 300;
    /**
     * A page longer than this is cut into sections like other text. A PDF page holds a few
     * thousand characters and stays one passage; a part of a big text file is a "page" of 64 KB,
     * and as one passage it made every search of a 30 MB book rank 64 KB texts (240 ms a query).
     */
    static final int LONG_PAGE = 3 * MAX;

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.+?)[ \\t#]*$");
    private static final Pattern PAGE_MARKER = Pattern.compile("^<!-- page (\\d+) -->\\s*$");
    private static final Pattern FRONTMATTER_END = Pattern.compile("^(---|\\.\\.\\.)\\s*$");

    private Passages() {
    }

    /**
     * One passage of a document, as written (not yet normalized for the index).
     *
     * @param page     the page it is, or 0
     * @param line     its first line in the text after any frontmatter, 1-based
     * @param section  the heading it stands under, or empty
     * @param headings the headings inside it, one per line
     * @param text     its plain text, markup removed
     */
    public record Passage(int page, int line, String section, String headings, String text) {
    }

    /** The passages of a document: its pages when it has pages, else sections of its text. */
    public static List<Passage> of(String markdown, List<ConvertedPage> pages) {
        return pages.isEmpty() ? sections(markdown) : pages(markdown, pages);
    }

    private static List<Passage> pages(String markdown, List<ConvertedPage> pages) {
        List<Integer> markerLines = markerLines(markdown);
        List<Passage> out = new ArrayList<>(pages.size());
        String section = "";
        for (ConvertedPage p : pages) {
            List<String> headings = headings(p.markdown());
            String first = headings.isEmpty() ? section : headings.get(0);
            int line = p.number() - 1 < markerLines.size() ? markerLines.get(p.number() - 1) : 0;
            if (p.markdown().length() > LONG_PAGE) {
                String around = section;
                for (Passage part : sections(p.markdown())) {
                    out.add(new Passage(p.number(), line == 0 ? 0 : line + part.line() - 1,
                            part.section().isEmpty() ? around : part.section(), part.headings(), part.text()));
                }
            } else {
                String text = plain(p.markdown());
                if (!text.isBlank() || !headings.isEmpty()) {
                    out.add(new Passage(p.number(), line, section.isEmpty() ? first : section,
                            String.join("\n", headings), text));
                }
            }
            if (!headings.isEmpty()) {
                section = headings.get(headings.size() - 1);
            }
        }
        return out;
    }

    /** The line (1-based, after frontmatter) of each page marker, in page order. */
    private static List<Integer> markerLines(String markdown) {
        List<Integer> out = new ArrayList<>();
        int line = 0;
        for (String l : body(markdown)) {
            line++;
            Matcher m = PAGE_MARKER.matcher(l);
            if (m.matches() && Integer.parseInt(m.group(1)) == out.size() + 1) {
                out.add(line + 1);
            }
        }
        return out;
    }

    private static List<Passage> sections(String markdown) {
        List<Passage> out = new ArrayList<>();
        Builder current = new Builder(1, "");
        CodeFences fences = new CodeFences();
        int line = 0;
        for (String l : body(markdown)) {
            line++;
            boolean code = fences.code(l);
            Matcher heading = code ? null : HEADING.matcher(l);
            if (heading != null && heading.matches()) {
                String title = heading.group(2).strip();
                if (current.size >= MIN) {
                    current.closeInto(out);
                    current = new Builder(line, title);
                } else if (current.size == 0) {
                    current = new Builder(line, title);
                }
                current.heading(title);
                current.add(l);
                continue;
            }
            if (l.length() > MAX) {
                // One enormous line (a text without line ends): cut it at spaces.
                for (String piece : cut(l)) {
                    current.add(piece);
                    current.closeInto(out);
                    current = new Builder(line, current.section);
                }
                continue;
            }
            if (!code && l.isBlank() && current.size >= TARGET || current.size + l.length() > MAX) {
                current.closeInto(out);
                current = new Builder(l.isBlank() ? line + 1 : line, current.section);
            }
            current.add(l);
        }
        current.closeInto(out);
        return out;
    }

    /** A line longer than {@link #MAX}, in pieces of about {@link #TARGET} characters ending at a space. */
    private static List<String> cut(String line) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < line.length()) {
            int end = Math.min(line.length(), start + TARGET);
            if (end < line.length()) {
                int space = line.lastIndexOf(' ', end);
                end = space > start + TARGET / 2 ? space + 1 : end;
            }
            out.add(line.substring(start, end));
            start = end;
        }
        return out;
    }

    /**
     * Plain text with every heading on a line of its own: a heading stays apart from the
     * sentence after it, so a quote never starts with one. Paragraphs run on, as PDF text breaks
     * them at lines and columns, not always where sentences end.
     */
    static String plain(String markdown) {
        StringBuilder out = new StringBuilder();
        StringBuilder block = new StringBuilder();
        CodeFences fences = new CodeFences();
        for (String l : markdown.split("\n", -1)) {
            boolean heading = !fences.code(l) && HEADING.matcher(l).matches();
            if (heading) {
                flush(block, out);
            }
            block.append(l).append('\n');
            if (heading) {
                flush(block, out);
            }
        }
        flush(block, out);
        return out.toString();
    }

    private static void flush(StringBuilder block, StringBuilder out) {
        if (block.length() > 0) {
            String text = MarkdownText.plainDocument(block.toString());
            if (!text.isBlank()) {
                out.append(out.length() > 0 ? "\n" : "").append(text);
            }
            block.setLength(0);
        }
    }

    /** The Markdown headings of a text, outside code blocks. */
    static List<String> headings(String markdown) {
        List<String> out = new ArrayList<>();
        CodeFences fences = new CodeFences();
        for (String l : markdown.split("\n", -1)) {
            if (!fences.code(l)) {
                Matcher m = HEADING.matcher(l);
                if (m.matches()) {
                    out.add(m.group(2).strip());
                }
            }
        }
        return out;
    }

    /**
     * The lines of a text after its frontmatter, if it opens with one, and the blank lines after
     * that: line 1 is the first line of text, however the frontmatter was written (kb puts a blank
     * line after the one it writes on a converted document's source page).
     */
    private static List<String> body(String markdown) {
        List<String> lines = List.of(markdown.split("\n", -1));
        int start = 0;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (int i = 1; i < lines.size(); i++) {
                if (FRONTMATTER_END.matcher(lines.get(i)).matches()) {
                    start = i + 1;
                    break;
                }
            }
        }
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        return lines.subList(start, lines.size());
    }

    /** The lines of one passage as they accumulate. */
    private static final class Builder {
        final int line;
        final String section;
        final StringBuilder markdown = new StringBuilder();
        final List<String> headings = new ArrayList<>();
        int size;

        Builder(int line, String section) {
            this.line = line;
            this.section = section;
        }

        void heading(String title) {
            headings.add(title);
        }

        void add(String l) {
            if (size > 0 || !l.isBlank()) {
                markdown.append(l).append('\n');
                size += l.length() + 1;
            }
        }

        void closeInto(List<Passage> out) {
            String text = plain(markdown.toString());
            if (!text.isBlank()) {
                out.add(new Passage(0, line, section, String.join("\n", headings), text));
            }
        }
    }
}
