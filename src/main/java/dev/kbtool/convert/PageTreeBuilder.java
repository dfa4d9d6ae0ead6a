package dev.kbtool.convert;

import dev.kbtool.text.CodeFences;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the page tree of a paged document: from its outline when it has one, else from the
 * Markdown headings found on its pages, else fixed windows of {@value #WINDOW} pages. A part ends
 * on the page before the next part at its level or above starts (or on that part's first page
 * when both start on the same page) and never before its last subpart starts; pages before the
 * first part form a "Front matter" part. Page numbers printed after titles go ({@link TocEntries}).
 * Pure: it reads the converted document only.
 */
public final class PageTreeBuilder {
    static final int WINDOW = 10;
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\p{Punct})");

    private PageTreeBuilder() {
    }

    public static PageTree build(ConvertedDocument doc) {
        int pages = Math.max(0, doc.pageCount());
        String title = doc.title() == null ? "Document" : doc.title();
        if (pages == 0) {
            return new PageTree(title, 0, 0, 0, List.of());
        }
        List<OutlineEntry> entries = doc.outline();
        if (entries.isEmpty() || entries.stream().allMatch(e -> e.page() <= 0)) {
            entries = TocEntries.dropped(headings(doc.pages()));
        } else {
            entries = TocEntries.stripped(entries);
        }
        if (distinctStarts(entries) < 2) {
            entries = windows(pages);
        }
        return tree(title, entries, pages);
    }

    /** The headings of each page, as outline entries. */
    static List<OutlineEntry> headings(List<ConvertedPage> pages) {
        List<OutlineEntry> entries = new ArrayList<>();
        for (ConvertedPage page : pages) {
            CodeFences fences = new CodeFences();
            for (String line : page.markdown().split("\n")) {
                if (fences.code(line)) {
                    continue;
                }
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    String text = ESCAPE.matcher(m.group(2)).replaceAll("$1");
                    entries.add(new OutlineEntry(m.group(1).length(), text, page.number()));
                }
            }
        }
        return entries;
    }

    private static List<OutlineEntry> windows(int pages) {
        List<OutlineEntry> entries = new ArrayList<>();
        for (int start = 1; start <= pages; start += WINDOW) {
            int end = Math.min(pages, start + WINDOW - 1);
            entries.add(new OutlineEntry(1, start == end ? "Page " + start : "Pages " + start + "–" + end, start));
        }
        return entries;
    }

    private static long distinctStarts(List<OutlineEntry> entries) {
        return entries.stream().mapToInt(OutlineEntry::page).filter(p -> p > 0).distinct().count();
    }

    private static PageTree tree(String title, List<OutlineEntry> entries, int pages) {
        Node root = new Node(title, 0, 1);
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        int previous = 1;
        for (OutlineEntry e : entries) {
            // Unknown or out-of-range pages: the entry starts where the one before it did.
            int page = e.page() >= 1 && e.page() <= pages ? e.page() : previous;
            int level = Math.max(1, e.level());
            while (stack.peek().level >= level) {
                stack.pop();
            }
            Node parent = stack.peek();
            Node node = new Node(e.title(), level, Math.max(page, parent.start));
            parent.children.add(node);
            stack.push(node);
            previous = node.start;
        }
        if (!root.children.isEmpty() && root.children.get(0).start > 1) {
            root.children.add(0, new Node("Front matter", 1, 1));
        }
        return root.freeze(pages);
    }

    private static final class Node {
        final String title;
        final int level;
        final int start;
        final List<Node> children = new ArrayList<>();

        Node(String title, int level, int start) {
            this.title = title;
            this.level = level;
            this.start = start;
        }

        /** The last page any part inside this one starts on. */
        int lastStart() {
            int last = start;
            for (Node child : children) {
                last = Math.max(last, child.lastStart());
            }
            return last;
        }

        PageTree freeze(int end) {
            // A part reaches at least to the page its last subpart starts on, which may be the
            // page the next part starts on too: a range never runs backwards.
            end = Math.max(end, lastStart());
            List<PageTree> frozen = new ArrayList<>(children.size());
            for (int i = 0; i < children.size(); i++) {
                Node child = children.get(i);
                int childEnd = i + 1 < children.size() ? Math.max(child.start, children.get(i + 1).start - 1) : end;
                frozen.add(child.freeze(Math.min(end, Math.max(child.start, childEnd))));
            }
            return new PageTree(title, level, start, end, frozen);
        }
    }
}
