package dev.kbtool.convert;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides which blocks of a PDF are headings, and their levels. A block whose text matches an
 * outline entry on (or next to) the entry's page takes the entry's level. Other headings are
 * recognised by layout: short blocks set larger than the body text (levels by size, largest
 * first), or short bold lines at body size (one level below the smallest heading size).
 */
final class PdfHeadings {
    private static final float LARGER = 1.15f;
    private static final int MAX_LINES = 3;
    private static final int MAX_CHARS = 160;
    private static final int MAX_BOLD_CHARS = 70;
    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:(?:chapter|appendix|part|section|kapitel|chapitre|anhang|annexe)\\s+)?"
                    + "(?:\\p{Nd}+|[a-z]|[ivxlc]+)(?:\\s?[.]\\s?\\p{Nd}+|[.][a-z](?![a-z]))*[.)]?\\s+");

    private final float bodySize;
    private final List<Float> headingSizes;
    private final Map<PdfBlock, Integer> outlineLevels = new IdentityHashMap<>();

    private PdfHeadings(float bodySize, List<Float> headingSizes) {
        this.bodySize = bodySize;
        this.headingSizes = headingSizes;
    }

    /** Analyses the blocks of all pages (index 0 is page 1) against the outline. */
    static PdfHeadings analyse(List<List<PdfBlock>> pages, List<OutlineEntry> outline) {
        float body = bodySize(pages);
        TreeSet<Float> sizes = new TreeSet<>();
        for (List<PdfBlock> page : pages) {
            for (PdfBlock block : page) {
                if (!block.isImage() && !block.first().rotated() && shapedLikeHeading(block)
                        && block.fontSize() >= body * LARGER) {
                    sizes.add(block.fontSize());
                }
            }
        }
        PdfHeadings headings = new PdfHeadings(body, new ArrayList<>(sizes.descendingSet()));
        headings.matchOutline(pages, outline);
        return headings;
    }

    /** The size most characters of the document are set in. */
    float bodySize() {
        return bodySize;
    }

    /** The heading level (1-6) of a block, or 0 when it is not a heading. */
    int level(PdfBlock block) {
        Integer fromOutline = outlineLevels.get(block);
        if (fromOutline != null) {
            return fromOutline;
        }
        if (block.isImage() || block.isTable() || block.first().rotated() || !shapedLikeHeading(block)) {
            return 0;
        }
        float size = block.fontSize();
        if (size >= bodySize * LARGER) {
            return Math.min(6, headingSizes.indexOf(size) + 1);
        }
        if (block.bold() && size >= bodySize * 0.95f && looksLikeBoldHeading(block)) {
            return Math.min(6, headingSizes.size() + 1);
        }
        return 0;
    }

    private static boolean shapedLikeHeading(PdfBlock block) {
        if (block.lines().size() > MAX_LINES || block.length() > MAX_CHARS) {
            return false;
        }
        int letters = 0;
        String text = block.first().text();
        for (int i = 0; i < text.length() && letters < 2; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters >= 2;
    }

    /** A short single bold line, starting with a capital or a section number, not ending like a sentence. */
    private static boolean looksLikeBoldHeading(PdfBlock block) {
        if (block.lines().size() != 1) {
            return false;
        }
        String text = block.first().text();
        int first = text.codePointAt(0);
        char end = text.charAt(text.length() - 1);
        return text.length() <= MAX_BOLD_CHARS && ".,;:".indexOf(end) < 0
                && (Character.isDigit(first) || Character.isLetter(first) && !Character.isLowerCase(first));
    }

    /** The size most characters of the document are set in. */
    private static float bodySize(List<List<PdfBlock>> pages) {
        Map<Float, Integer> chars = new HashMap<>();
        for (List<PdfBlock> page : pages) {
            for (PdfBlock block : page) {
                for (PdfLine line : block.lines()) {
                    if (!line.isImage()) {
                        chars.merge(line.fontSize(), line.text().length(), Integer::sum);
                    }
                }
            }
        }
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    private void matchOutline(List<List<PdfBlock>> pages, List<OutlineEntry> outline) {
        for (OutlineEntry entry : outline) {
            String title = normalize(entry.title());
            if (title.isEmpty() || entry.page() < 1 || entry.page() > pages.size()) {
                continue;
            }
            int level = Math.min(6, Math.max(1, entry.level()));
            matchNear(pages, entry.page(), title, level);
        }
    }

    /** Looks for the title on its page, then the pages around it; an exact match anywhere beats a near one. */
    private void matchNear(List<List<PdfBlock>> pages, int page, String title, int level) {
        for (boolean exact : new boolean[] {true, false}) {
            for (int p : new int[] {page, page + 1, page - 1}) {
                if (p >= 1 && p <= pages.size() && match(pages.get(p - 1), title, level, exact)) {
                    return;
                }
            }
        }
    }

    private boolean match(List<PdfBlock> blocks, String title, int level, boolean exact) {
        for (PdfBlock block : blocks) {
            if (block.isImage() || outlineLevels.containsKey(block) || block.lines().size() > MAX_LINES) {
                continue;
            }
            String text = normalize(block.text());
            boolean near = !exact && title.length() >= 4 && text.length() <= title.length() + 12 && text.startsWith(title);
            if (text.equals(title) || near) {
                outlineLevels.put(block, level);
                return true;
            }
        }
        return false;
    }

    /** Lower case letters and digits only, without a leading section number: how titles are compared. */
    static String normalize(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        t = NUMBERING.matcher(t).replaceFirst("");
        StringBuilder sb = new StringBuilder(t.length());
        t.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
