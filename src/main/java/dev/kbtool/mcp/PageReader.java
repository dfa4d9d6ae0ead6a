package dev.kbtool.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.text.GeneratedRegion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a page of the wiki for an assistant, a stretch of lines at a time: by wikilink
 * ({@code [[sources/a#Heading|alias]]}) or path ({@code sources/a}, {@code wiki/sources/a.md}),
 * never outside {@code wiki/}. Lines are numbered from the first line of text after the
 * frontmatter, as search results give them; a long document's JSON source reads as its pages, each under a {@code <!-- page N -->}
 * line, and {@code sourcePage} reads one page of a paged document.
 */
final class PageReader {
    static final int DEFAULT_LINES = 200;
    static final int MAX_LINES = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAGE_MARKER = Pattern.compile("^<!-- page (\\d+) -->\\s*$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.+?)[ \\t#]*$");

    private final Path wiki;

    PageReader(Path wiki) {
        this.wiki = wiki;
    }

    /** Lines of a page and where they are. */
    record Lines(String path, String frontmatter, List<String> lines, int from, int to, int total) {
        String render() {
            StringBuilder out = new StringBuilder(path).append(" — ");
            if (total == 0) {
                out.append("empty");
            } else {
                out.append("lines ").append(from).append('–').append(to).append(" of ").append(total);
                if (to < total) {
                    out.append(" (offset ").append(to + 1).append(" reads on)");
                }
            }
            out.append("\n\n");
            if (!frontmatter.isEmpty()) {
                out.append(frontmatter).append('\n');
            }
            for (String l : lines) {
                out.append(l).append('\n');
            }
            return out.toString();
        }
    }

    /**
     * @param page       wikilink or path of the page
     * @param offset     first line to read, 1-based; 0 for the start, or the heading the link names
     * @param limit      lines to read at most
     * @param sourcePage only this page of a paged document; 0 for the whole text
     */
    Lines read(String page, int offset, int limit, int sourcePage) throws IOException {
        Target t = Target.parse(page);
        Path file = resolve(t.path());
        String rel = "wiki/" + wiki.relativize(file).toString().replace('\\', '/');
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw missing(page);
        }
        String frontmatter = "";
        List<String> lines;
        if (rel.endsWith(".json")) {
            lines = jsonPages(text, sourcePage, page);
        } else {
            List<String> all = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
                all.remove(all.size() - 1);
            }
            int body = bodyStart(all);
            frontmatter = String.join("\n", all.subList(0, body));
            lines = all.subList(body, all.size());
            if (sourcePage > 0) {
                lines = markedPage(lines, sourcePage, page);
            }
        }
        int start = offset > 0 ? offset : Math.max(1, headingLine(lines, t.heading()));
        if (start > Math.max(1, lines.size())) {
            throw new KbException(ExitCode.USAGE, "offset " + offset + " is past the end of " + rel + " ("
                    + lines.size() + " lines)");
        }
        int end = Math.min(lines.size(), start - 1 + Math.min(Math.max(1, limit), MAX_LINES));
        return new Lines(rel, start == 1 ? frontmatter : "", lines.subList(Math.min(start - 1, lines.size()), end),
                lines.isEmpty() ? 0 : start, end, lines.size());
    }

    /** The file a page names, inside the wiki; a name without extension is the .md, else the .json. */
    private Path resolve(String path) throws IOException {
        String p = path.startsWith("wiki/") ? path.substring("wiki/".length()) : path;
        if (p.isEmpty() || p.startsWith("/") || p.contains("\\") || List.of(p.split("/")).contains("..")) {
            throw new KbException(ExitCode.USAGE, "'" + path + "' is not a page of the wiki");
        }
        List<String> candidates = p.endsWith(".md") || p.endsWith(".json") ? List.of(p) : List.of(p + ".md", p + ".json");
        Path root = wiki.toRealPath();
        for (String c : candidates) {
            Path file = wiki.resolve(c).normalize();
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && file.toRealPath().startsWith(root)) {
                return file;
            }
        }
        throw missing(path);
    }

    private static KbException missing(String page) {
        return new KbException(ExitCode.NO_INPUT, "no page '" + page + "' in the knowledge base; search for it,"
                + " or list the documents");
    }

    /** A long document's pages as lines, each page under its marker; or one page's. */
    private static List<String> jsonPages(String text, int sourcePage, String page) throws IOException {
        JsonNode pages = JSON.readTree(text);
        List<String> out = new ArrayList<>();
        for (JsonNode p : pages) {
            int number = p.path("page").asInt();
            if (sourcePage > 0 && number != sourcePage) {
                continue;
            }
            if (sourcePage == 0) {
                out.add("<!-- page " + number + " -->");
            }
            out.addAll(List.of(p.path("content").asText().split("\n", -1)));
        }
        if (sourcePage > 0 && out.isEmpty()) {
            throw new KbException(ExitCode.NO_INPUT, "'" + page + "' has no page " + sourcePage);
        }
        return out;
    }

    /** The lines of page {@code n} of a text with page markers. */
    private static List<String> markedPage(List<String> lines, int n, String page) {
        int from = -1;
        int to = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = PAGE_MARKER.matcher(lines.get(i));
            if (m.matches()) {
                int number = Integer.parseInt(m.group(1));
                if (number == n) {
                    from = i + 1;
                } else if (from >= 0 && number > n) {
                    to = i;
                    break;
                }
            }
        }
        if (from < 0) {
            throw new KbException(ExitCode.NO_INPUT, "'" + page + "' has no page " + n);
        }
        return lines.subList(from, to);
    }

    /**
     * Where line 1 is, as the search index counts: after the frontmatter, the blank lines after
     * it and the marker opening kb's part of the page, since the index reads kb's text alone.
     */
    private static int bodyStart(List<String> lines) {
        int start = 0;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.equals("---") || l.equals("...")) {
                    start = i + 1;
                    break;
                }
            }
        }
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        if (start < lines.size() && lines.get(start).strip().equals(GeneratedRegion.BEGIN)) {
            start++;
            while (start < lines.size() && lines.get(start).isBlank()) {
                start++;
            }
        }
        return start;
    }

    /** The 1-based line of the heading a link names, or 1. */
    private static int headingLine(List<String> lines, String heading) {
        if (heading == null) {
            return 1;
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = HEADING.matcher(lines.get(i));
            if (m.matches() && m.group(1).strip().equalsIgnoreCase(heading.strip())) {
                return i + 1;
            }
        }
        return 1;
    }

    /** What a wikilink or path names: the page and, for a link to a heading, the heading. */
    record Target(String path, String heading) {
        static Target parse(String page) {
            String s = page == null ? "" : page.strip();
            if (s.startsWith("[[") && s.endsWith("]]")) {
                s = s.substring(2, s.length() - 2);
            }
            int bar = s.indexOf('|');
            if (bar >= 0) {
                s = s.substring(0, bar);
            }
            String heading = null;
            int hash = s.indexOf('#');
            if (hash >= 0) {
                heading = s.substring(hash + 1);
                s = s.substring(0, hash);
            }
            return new Target(s.strip(), heading);
        }
    }
}
