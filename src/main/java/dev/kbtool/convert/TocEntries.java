package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page numbers printed after titles ("1 Down the Rabbit-Hole 13", "Introduction ........ 4"),
 * which a table of contents carries and a part's title must not. A number after dot leaders is
 * always a page number; a bare trailing number is one only in a run of at least
 * {@value #RUN} entries of one page whose trailing numbers never decrease — what a table of
 * contents looks like, and "Chapter 12" or "Windows 10" alone do not.
 */
final class TocEntries {
    static final int RUN = 3;
    private static final Pattern LEADERS = Pattern.compile("\\s*(?:[.·…]\\s*){2,}\\s*(\\d{1,4})\\s*$");
    private static final Pattern TRAILING = Pattern.compile("(\\S)\\s+(\\d{1,4})\\s*$");

    private TocEntries() {
    }

    /** Outline entries with printed page numbers taken off their titles. */
    static List<OutlineEntry> stripped(List<OutlineEntry> entries) {
        boolean[] toc = tocRuns(entries, true);
        List<OutlineEntry> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            OutlineEntry e = entries.get(i);
            out.add(new OutlineEntry(e.level(), clean(e.title(), toc[i]), e.page()));
        }
        return out;
    }

    /**
     * Headings found on the pages, without those that are the lines of a table of contents
     * (they name parts that start elsewhere), and with dot-leader page numbers taken off.
     */
    static List<OutlineEntry> dropped(List<OutlineEntry> entries) {
        boolean[] toc = tocRuns(entries, false);
        List<OutlineEntry> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            OutlineEntry e = entries.get(i);
            if (!toc[i]) {
                out.add(new OutlineEntry(e.level(), clean(e.title(), false), e.page()));
            }
        }
        return out;
    }

    private static String clean(String title, boolean tocRun) {
        Matcher leaders = LEADERS.matcher(title);
        if (leaders.find() && leaders.start() > 0) {
            return title.substring(0, leaders.start()).strip();
        }
        if (tocRun) {
            Matcher m = TRAILING.matcher(title);
            if (m.find()) {
                return title.substring(0, m.start(2)).strip();
            }
        }
        return title;
    }

    /**
     * Which entries belong to a run that reads like a table of contents: on one page (headings
     * found on a contents page), or, for an outline, each pointing at the page its number names
     * shifted by one offset (the printed page numbers of the entries' own pages).
     */
    private static boolean[] tocRuns(List<OutlineEntry> entries, boolean outline) {
        boolean[] toc = new boolean[entries.size()];
        int i = 0;
        while (i < entries.size()) {
            int j = i;
            int previous = -1;
            int offset = entries.get(i).page() - trailingNumber(entries.get(i).title());
            while (j < entries.size()) {
                int number = trailingNumber(entries.get(j).title());
                boolean together = outline ? entries.get(j).page() - number == offset
                        : entries.get(j).page() == entries.get(i).page();
                if (j > i && !together) {
                    break;
                }
                if (number < 0 || number < previous) {
                    break;
                }
                previous = number;
                j++;
            }
            if (j - i >= RUN) {
                for (int k = i; k < j; k++) {
                    toc[k] = true;
                }
                i = j;
            } else {
                i++;
            }
        }
        return toc;
    }

    private static int trailingNumber(String title) {
        Matcher m = TRAILING.matcher(title);
        return m.find() ? Integer.parseInt(m.group(2)) : -1;
    }
}
