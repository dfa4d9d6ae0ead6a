package dev.kbtool.convert;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The title of a PDF: the title printed on its first page, checked against the Title in its
 * metadata. The printed title is the largest text in the upper part of the first page with text,
 * above its first paragraph, that is not a section heading ("1 Introduction", "Abstract"), a
 * caption, an address or a date; margin text and running heads never get here. Metadata that
 * reads like a title and matches the printed one, or is printed on the page, wins (it is spelled
 * out whole); metadata that is a file name or a placeholder ("Untitled", "Microsoft Word -
 * paper.docx") is ignored; without a printed title, plausible metadata is used, then a bookmark
 * to the first page.
 */
final class PdfTitle {
    /** The title is printed at least this much larger than the body text. */
    private static final float LARGER = 1.15f;
    /** It starts in this upper share of the page. */
    private static final float UPPER = 0.67f;
    private static final int MAX_LINES = 5;
    private static final int MAX_CHARS = 250;
    /**
     * The title is the topmost text set at least this share of the largest candidate's size: a
     * boxed "Warning!" below the title, or a type specimen's sample words, may be set larger.
     */
    private static final float NEAR_LARGEST = 0.55f;
    /** Pages looked at for a printed title: a cover with no text comes before the title page. */
    private static final int MAX_PAGES = 3;
    /** Share of the shorter title's words the longer must hold for the two to be one title. */
    private static final float SAME_WORDS = 0.6f;
    private static final Set<String> SECTION_NAMES = Set.of("contents", "table of contents", "abstract", "preface",
            "foreword", "introduction", "index", "references", "bibliography", "acknowledgements", "acknowledgments",
            "summary", "overview", "inhalt", "inhaltsverzeichnis", "zusammenfassung", "einleitung", "résumé",
            "table des matières", "sommaire", "índice", "resumen", "sommario", "目次", "目录", "摘要", "概要",
            "содержание", "аннотация", "введение");
    private static final Pattern NUMBERED_SECTION = Pattern.compile(
            "^(?:(?:chapter|section|part|appendix|kapitel|chapitre|глава)\\s+)?(?:\\p{Nd}+(?:\\.\\p{Nd}+)*|[IVX]+|[A-Z])[.:)]?\\s+\\S",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_TITLE = Pattern.compile(
            "(?i)^(?:\\S+@\\S+|https?://\\S+|www\\.\\S+|(?:version|v)\\s*[\\d.]+.*|[\\p{Nd}\\s./:-]+|draft|preprint.*"
                    + "|technical report|arxiv:\\S+.*)$");
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\p{Nd}+(?:\\.\\p{Nd}+)*\\.?|[IVX]+\\.)\\s+");
    private static final Pattern TRAILING_MARKS = Pattern.compile("[\\s*∗†‡§¶\u00B9\u00B2\u00B3\u2070-\u2079]+$");
    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i).*\\.(?:dvi|tex|pdf|ps|eps|docx?|odt|rtf|pptx?|xlsx?|vsdx?|indd|qxd|pages|key|txt|html?|md)$"
                    + "|.*[/\\\\].*|^microsoft (?:word|powerpoint|excel) - .*");
    private static final Set<String> PLACEHOLDERS = Set.of("untitled", "title", "no title", "document", "untitled document",
            "slide 1", "powerpoint presentation", "presentation", "paper", "article", "report", "main", "draft",
            "template", "new document", "doc", "unknown");

    private PdfTitle() {
    }

    /**
     * @param pages    the running text of each page (furniture and footnotes out)
     * @param metadata the Title of the document information, cleaned, or null
     * @param sizes    each page's width and height
     */
    static String find(List<List<PdfBlock>> pages, PdfHeadings headings, String metadata, List<OutlineEntry> outline,
            List<float[]> sizes) {
        Printed printed = printed(pages, headings.bodySize(), sizes);
        String meta = plausible(metadata) ? metadata : null;
        if (printed != null && meta != null && sameTitle(meta, printed.title())) {
            // One title twice: the fuller is the title with its subtitle.
            return wordSet(printed.title()).size() > wordSet(meta).size() ? printed.title() : meta;
        }
        if (printed != null && printed.large()) {
            return meta != null && onPage(meta, pages) ? meta : printed.title();
        }
        if (meta != null) {
            return meta;
        }
        if (printed != null) {
            return printed.title();
        }
        String bookmark = outlineTitle(outline);
        return bookmark != null ? bookmark : firstHeading(pages, headings);
    }

    /** A title found on the page; large when set larger than the body, not only standing apart. */
    private record Printed(String title, boolean large) {
        static Printed of(String title, boolean large) {
            return title == null ? null : new Printed(title, large);
        }
    }

    /** The first page's most important heading, its number dropped: a one-page sheet's "1 Exercises". */
    private static String firstHeading(List<List<PdfBlock>> pages, PdfHeadings headings) {
        if (pages.isEmpty()) {
            return null;
        }
        PdfBlock best = null;
        int bestLevel = Integer.MAX_VALUE;
        for (PdfBlock block : pages.get(0)) {
            int level = headings.level(block);
            if (level > 0 && level < bestLevel && !block.first().rotated()) {
                best = block;
                bestLevel = level;
            }
        }
        if (best == null) {
            return null;
        }
        String text = NUMBERING.matcher(best.text().strip()).replaceFirst("");
        return text.isEmpty() || SECTION_NAMES.contains(text.toLowerCase(Locale.ROOT)) ? null : text;
    }

    private static Printed printed(List<List<PdfBlock>> pages, float bodySize, List<float[]> sizes) {
        for (int p = 0; p < Math.min(MAX_PAGES, pages.size()); p++) {
            List<PdfBlock> page = pages.get(p);
            if (!hasWords(page)) {
                continue;
            }
            float height = sizes.get(p)[1];
            float firstParagraph = firstParagraphTop(page, bodySize);
            List<PdfBlock> candidates = new ArrayList<>();
            float largest = 0;
            for (PdfBlock block : page) {
                if (candidate(block, height, firstParagraph) && block.fontSize() >= LARGER * bodySize) {
                    candidates.add(block);
                    largest = Math.max(largest, block.fontSize());
                }
            }
            for (PdfBlock block : candidates) {
                if (block.fontSize() >= NEAR_LARGEST * largest) {
                    return Printed.of(title(page, block), true);
                }
            }
            return Printed.of(standingAlone(page, height, firstParagraph), false);
        }
        return null;
    }

    /**
     * Where nothing is set larger than the body: a bold line opening the page or centred on it, or
     * the one short line of a title page.
     */
    private static String standingAlone(List<PdfBlock> page, float height, float firstParagraph) {
        List<PdfBlock> text = new ArrayList<>();
        for (PdfBlock block : page) {
            if (!block.isImage() && !block.first().rotated()) {
                text.add(block);
            }
        }
        if (text.size() == 1 && text.get(0).lines().size() <= 2 && candidate(text.get(0), height, Float.MAX_VALUE)) {
            return title(page, text.get(0));
        }
        for (int i = 0; i < text.size(); i++) {
            PdfBlock block = text.get(i);
            if (block.bold() && block.lines().size() <= 2 && (i == 0 || centred(block))
                    && candidate(block, height, i == 0 ? Float.MAX_VALUE : height)) {
                return title(page, block);
            }
        }
        return null;
    }

    /** Whether a block stands in the middle of its region, clear of both edges. */
    private static boolean centred(PdfBlock block) {
        float x0 = block.first().x0();
        float x1 = block.first().x1();
        float em = block.fontSize();
        float leftGap = x0 - block.left();
        float rightGap = block.right() - x1;
        return leftGap > 2 * em && Math.abs(leftGap - rightGap) < 2 * em;
    }

    /** The title block with the blocks of the same size right under it (a title broken over blocks). */
    private static String title(List<PdfBlock> page, PdfBlock best) {
        StringBuilder text = new StringBuilder(best.text());
        PdfBlock last = best;
        int i = page.indexOf(best);
        for (int j = i + 1; j < page.size(); j++) {
            PdfBlock next = page.get(j);
            float size = best.fontSize();
            if (next.isImage()) {
                // A logo or an image drawn between the title's lines (Janus-Pro's has one) does
                // not end the title; the distance to the next line still does.
                continue;
            }
            if (Math.abs(next.fontSize() - size) > 0.05f * size
                    || next.first().baseline() - last.last().baseline() > 2.2f * size
                    || text.length() + next.length() > MAX_CHARS) {
                break;
            }
            text.append(' ').append(next.text());
            last = next;
        }
        String t = TRAILING_MARKS.matcher(text.toString().replaceAll("\\s+", " ").strip()).replaceFirst("");
        return t.isEmpty() ? null : t;
    }

    private static boolean candidate(PdfBlock block, float height, float firstParagraph) {
        if (block.isImage() || block.isTable() || block.first().rotated() || block.lines().size() > MAX_LINES
                || block.length() > MAX_CHARS || block.first().top() > UPPER * height
                || block.first().top() > firstParagraph) {
            return false;
        }
        String text = block.text().strip();
        int letters = 0;
        for (int i = 0; i < text.length() && letters < 2; i++) {
            letters += Character.isLetter(text.charAt(i)) ? 1 : 0;
        }
        char end = text.charAt(text.length() - 1);
        return letters >= 2 && !isSection(text) && !PdfFlow.isCaption(block) && !NOT_A_TITLE.matcher(text).matches()
                && ".,:;".indexOf(end) < 0;
    }

    /** Where the first paragraph of body text starts (two lines or more in body size); the page's end without one. */
    private static float firstParagraphTop(List<PdfBlock> page, float bodySize) {
        for (PdfBlock block : page) {
            if (!block.isImage() && block.lines().size() >= 2 && Math.abs(block.fontSize() - bodySize) < 0.1f * bodySize
                    && block.length() > 120) {
                return block.first().top();
            }
        }
        return Float.MAX_VALUE;
    }

    private static boolean hasWords(List<PdfBlock> page) {
        for (PdfBlock block : page) {
            if (!block.isImage() && block.text().codePoints().filter(Character::isLetter).count() >= 2) {
                return true;
            }
        }
        return false;
    }

    /** A heading that names a part of a document, not the document: numbered, or a name every document has. */
    static boolean isSection(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return SECTION_NAMES.contains(t) || SECTION_NAMES.contains(t.replaceFirst("[.:]$", ""))
                || NUMBERED_SECTION.matcher(text.strip()).find() && words(text) <= 8;
    }

    /** Metadata that reads like a title: not a file name, a placeholder or a bare number. */
    static boolean plausible(String metadata) {
        if (metadata == null) {
            return false;
        }
        String t = metadata.strip();
        long letters = t.codePoints().filter(Character::isLetter).count();
        return letters >= 2 && t.length() <= 2 * MAX_CHARS && !FILE_NAME.matcher(t).matches()
                && !PLACEHOLDERS.contains(t.toLowerCase(Locale.ROOT)) && t.indexOf('\uFFFD') < 0;
    }

    /** Whether two titles are one: most words of the shorter are in the longer. */
    private static boolean sameTitle(String a, String b) {
        Set<String> wa = wordSet(a);
        Set<String> wb = wordSet(b);
        Set<String> small = wa.size() <= wb.size() ? wa : wb;
        Set<String> large = small == wa ? wb : wa;
        if (small.isEmpty()) {
            return false;
        }
        int shared = 0;
        for (String w : small) {
            shared += large.contains(w) ? 1 : 0;
        }
        return shared >= SAME_WORDS * small.size();
    }

    /** Whether the metadata title is printed, word for word, on the first pages. */
    private static boolean onPage(String metadata, List<List<PdfBlock>> pages) {
        String wanted = squeeze(metadata);
        if (wanted.length() < 4) {
            return false;
        }
        for (int p = 0; p < Math.min(MAX_PAGES, pages.size()); p++) {
            StringBuilder text = new StringBuilder();
            for (PdfBlock block : pages.get(p)) {
                if (!block.isImage()) {
                    text.append(block.text()).append(' ');
                }
            }
            if (squeeze(text.toString()).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case letters and digits only: how printed text and metadata are compared. */
    private static String squeeze(String s) {
        StringBuilder sb = new StringBuilder();
        Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static Set<String> wordSet(String s) {
        Set<String> words = new HashSet<>();
        for (String w : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static int words(String text) {
        return wordSet(text).size();
    }

    /** A bookmark to the first page that is not a numbered section: a title page's entry. */
    private static String outlineTitle(List<OutlineEntry> outline) {
        for (OutlineEntry e : outline) {
            if (e.page() == 1 && e.level() <= 1 && plausible(e.title()) && !isSection(e.title())) {
                return e.title().strip();
            }
        }
        return null;
    }
}
