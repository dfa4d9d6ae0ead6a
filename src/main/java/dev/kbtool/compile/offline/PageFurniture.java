package dev.kbtool.compile.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what a paged document repeats on every page: running headers and footers (the
 * same line, page numbers aside, at the top or bottom of many pages) and lone page numbers.
 * Left in, they would turn up in summaries and, worse, as the most frequent "concepts".
 */
final class PageFurniture {
    private static final Pattern PAGE_MARKER = Pattern.compile("\\s*<!--\\s*page\\s+\\d+\\s*-->\\s*");
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[\\s\\p{Pd}|•·]*((page|seite|página|pagina|p\\.)\\s*)?(\\d{1,4}|[ivxlcdm]{1,7})(\\s*(of|/|von|de|di)\\s*\\d{1,4})?[\\s\\p{Pd}|•·]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** Lines looked at on each edge of a page. */
    private static final int EDGE_LINES = 3;
    /** Fewer pages than this give too little evidence for a repeated line. */
    private static final int MIN_PAGES = 4;

    private PageFurniture() {
    }

    /** The Markdown without furniture lines; unchanged when it has fewer than {@value #MIN_PAGES} page markers. */
    static String strip(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<int[]> pages = pageRanges(lines);
        if (pages.size() < MIN_PAGES) {
            return markdown;
        }
        Map<String, Integer> pagesWithLine = new HashMap<>();
        for (int[] page : pages) {
            Set<String> seen = new HashSet<>();
            for (int i : edgeLines(lines, page)) {
                String key = normalize(lines[i]);
                if (!key.isEmpty() && seen.add(key)) {
                    pagesWithLine.merge(key, 1, Integer::sum);
                }
            }
        }
        int threshold = Math.max(3, (int) Math.ceil(pages.size() * 0.2));
        boolean[] drop = new boolean[lines.length];
        for (int[] page : pages) {
            for (int i : edgeLines(lines, page)) {
                String key = normalize(lines[i]);
                if (PAGE_NUMBER.matcher(lines[i]).matches() || pagesWithLine.getOrDefault(key, 0) >= threshold) {
                    drop[i] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder(markdown.length());
        for (int i = 0; i < lines.length; i++) {
            if (!drop[i]) {
                out.append(lines[i]);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** [first line, end line) of each page's content, between markers. */
    private static List<int[]> pageRanges(String[] lines) {
        List<int[]> pages = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (PAGE_MARKER.matcher(lines[i]).matches()) {
                if (start >= 0) {
                    pages.add(new int[] {start, i});
                }
                start = i + 1;
            }
        }
        if (start >= 0) {
            pages.add(new int[] {start, lines.length});
        }
        return pages;
    }

    /** Indices of the first and last non-blank lines of a page; fewer on short pages, never its middle. */
    private static List<Integer> edgeLines(String[] lines, int[] page) {
        int nonBlank = 0;
        for (int i = page[0]; i < page[1]; i++) {
            nonBlank += lines[i].isBlank() ? 0 : 1;
        }
        int edge = Math.max(1, Math.min(EDGE_LINES, nonBlank / 4));
        List<Integer> out = new ArrayList<>();
        for (int i = page[0], taken = 0; i < page[1] && taken < edge; i++) {
            if (!lines[i].isBlank()) {
                out.add(i);
                taken++;
            }
        }
        for (int i = page[1] - 1, taken = 0; i >= page[0] && taken < edge; i--) {
            if (!lines[i].isBlank() && !out.contains(i)) {
                out.add(i);
                taken++;
            }
        }
        return out;
    }

    /** Page numbers and case do not make a header different from page to page. */
    private static String normalize(String line) {
        return DIGITS.matcher(line.strip().toLowerCase(Locale.ROOT)).replaceAll("#").replaceAll("\\s+", " ");
    }
}
