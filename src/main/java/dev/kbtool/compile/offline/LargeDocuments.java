package dev.kbtool.compile.offline;

import dev.kbtool.compile.CompileInput;
import dev.kbtool.convert.ConvertedPage;
import java.util.ArrayList;
import java.util.List;

/**
 * What the offline compiler reads of a very large document: its first pages whole, then pages
 * spread evenly over the rest up to a budget, and the headings of every page left out. Reading
 * all of a 30 MB text file took minutes and says little more about what the document is about
 * than a spread of its pages does; search and the source page still hold every word. A
 * 500-page book (about 1.5 MB of text) stays whole.
 */
final class LargeDocuments {
    /** Characters read whole; beyond them pages are sampled. */
    static final int BUDGET_CHARS = 3_000_000;
    /** The opening pages are always read: title page, abstract, introduction. */
    private static final int OPENING_PAGES = 3;
    /** Size of the blocks a document without pages is cut into for sampling. */
    private static final int BLOCK_CHARS = 64 * 1024;

    private LargeDocuments() {
    }

    static CompileInput sample(CompileInput input) {
        if (input.markdown().length() <= BUDGET_CHARS) {
            return input;
        }
        boolean paged = !input.pages().isEmpty();
        List<ConvertedPage> pages = paged ? input.pages() : blocks(input.markdown());
        long total = 0;
        long opening = 0;
        for (int i = 0; i < pages.size(); i++) {
            total += pages.get(i).markdown().length();
            if (i < OPENING_PAGES) {
                opening += pages.get(i).markdown().length();
            }
        }
        double share = Math.max(0, BUDGET_CHARS - opening) / (double) Math.max(1, total - opening);
        List<ConvertedPage> read = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double credit = 0;
        for (int i = 0; i < pages.size(); i++) {
            ConvertedPage page = pages.get(i);
            int length = page.markdown().length();
            credit += share * length;
            boolean whole = i < OPENING_PAGES || credit >= length;
            if (whole && i >= OPENING_PAGES) {
                credit -= length;
            }
            ConvertedPage kept = whole ? page : new ConvertedPage(page.number(), headings(page.markdown()));
            read.add(kept);
            if (paged) {
                text.append("<!-- page ").append(kept.number()).append(" -->\n\n");
            }
            text.append(kept.markdown()).append("\n\n");
        }
        return new CompileInput(input.title(), input.fallbackTitle(), text.toString(), paged ? read : List.of());
    }

    /** The heading lines of a page, so the document's structure stays visible. */
    private static String headings(String markdown) {
        StringBuilder out = new StringBuilder();
        markdown.lines().filter(l -> l.startsWith("#")).forEach(l -> out.append(l).append("\n\n"));
        return out.toString();
    }

    /** A text without pages, cut at paragraph breaks into blocks of about {@value #BLOCK_CHARS} characters. */
    private static List<ConvertedPage> blocks(String markdown) {
        List<ConvertedPage> blocks = new ArrayList<>();
        int start = 0;
        while (start < markdown.length()) {
            int end = Math.min(markdown.length(), start + BLOCK_CHARS);
            if (end < markdown.length()) {
                int cut = markdown.indexOf("\n\n", end);
                end = cut < 0 ? markdown.length() : cut + 2;
            }
            blocks.add(new ConvertedPage(blocks.size() + 1, markdown.substring(start, end)));
            start = end;
        }
        return blocks;
    }
}
