package dev.kbtool.convert;

import dev.kbtool.text.CodeFences;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Big text and Markdown files as parts, so they are long documents like a big PDF: a vault page
 * per document that Obsidian can show by part, search rows per part, a compiler that reads pages.
 * A file over {@value #SPLIT_ABOVE} characters is cut into parts of about {@value #PART_TARGET}
 * (never over {@value #PART_MAX} unless one line is): at the highest heading in reach, else at a
 * paragraph break, else at a line end; never inside a fenced code block when that can be helped.
 * One pass over the lines and one over the candidate cuts: linear in the size of the file.
 */
public final class TextParts {
    static final int SPLIT_ABOVE = 256 * 1024;
    static final int PART_TARGET = 64 * 1024;
    static final int PART_MAX = 128 * 1024;
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
    private static final int PARAGRAPH = 7;
    private static final int LINE = 8;

    private TextParts() {
    }

    /** A place the text may be cut: before the line starting at {@code at}; lower ranks cut better. */
    private record Cut(int at, int rank, String heading) {
    }

    /** The document: whole when small, else in parts with one outline entry per part. */
    public static ConvertedDocument split(String title, String text, List<String> images) {
        if (text.length() <= SPLIT_ABOVE) {
            return new ConvertedDocument(title, null, text, List.of(), List.of(), images);
        }
        List<Cut> cuts = cuts(text);
        List<ConvertedPage> pages = new ArrayList<>();
        List<OutlineEntry> outline = new ArrayList<>();
        StringBuilder whole = new StringBuilder(text.length() + 64 * (text.length() / PART_TARGET + 1));
        int start = 0;
        int next = 0;
        while (start < text.length()) {
            int end;
            if (text.length() - start <= PART_MAX) {
                end = text.length();
            } else {
                while (next < cuts.size() && cuts.get(next).at() <= start + PART_TARGET / 2) {
                    next++;
                }
                int best = -1;
                for (int i = next; i < cuts.size() && cuts.get(i).at() <= start + PART_MAX; i++) {
                    // The lowest rank wins; among equals the one nearest the target size.
                    if (best < 0 || cuts.get(i).rank() < cuts.get(best).rank()
                            || cuts.get(i).rank() == cuts.get(best).rank()
                            && Math.abs(cuts.get(i).at() - start - PART_TARGET)
                            < Math.abs(cuts.get(best).at() - start - PART_TARGET)) {
                        best = i;
                    }
                }
                end = best >= 0 ? cuts.get(best).at() : lineEndAfter(text, start + PART_MAX);
            }
            int number = pages.size() + 1;
            String part = text.substring(start, end);
            pages.add(new ConvertedPage(number, part));
            whole.append("<!-- page ").append(number).append(" -->\n\n").append(part);
            if (!part.endsWith("\n")) {
                whole.append('\n');
            }
            whole.append('\n');
            outline.add(new OutlineEntry(1, partTitle(cuts, start, end, number), number));
            start = end;
        }
        return new ConvertedDocument(title, null, whole.toString(), pages, outline, images);
    }

    /** Every line start outside code where a part may begin, with how good a place it is. */
    private static List<Cut> cuts(String text) {
        List<Cut> cuts = new ArrayList<>();
        CodeFences fences = new CodeFences();
        int pos = 0;
        boolean previousBlank = false;
        int previousStart = -1;
        String previousLine = "";
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            boolean code = fences.code(line);
            if (!code && pos > 0) {
                Matcher atx = ATX.matcher(line);
                if (atx.matches()) {
                    cuts.add(new Cut(pos, atx.group(1).length(), atx.group(2)));
                } else if (UNDERLINE.matcher(line).matches() && previousStart >= 0 && !previousLine.isBlank()
                        && !previousBlank) {
                    // A Setext heading: the cut goes before the line it underlines.
                    int level = line.strip().charAt(0) == '=' ? 1 : 2;
                    if (!cuts.isEmpty() && cuts.get(cuts.size() - 1).at() == previousStart) {
                        cuts.set(cuts.size() - 1, new Cut(previousStart, level, previousLine.strip()));
                    } else {
                        cuts.add(new Cut(previousStart, level, previousLine.strip()));
                    }
                } else {
                    cuts.add(new Cut(pos, previousBlank && !line.isBlank() ? PARAGRAPH : LINE, null));
                }
            }
            previousBlank = line.isBlank();
            previousStart = code ? -1 : pos;
            previousLine = line;
            pos = end + 1;
        }
        return cuts;
    }

    /** The part's first heading, else its number. */
    private static String partTitle(List<Cut> cuts, int start, int end, int number) {
        int lo = 0;
        int hi = cuts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts.get(mid).at() < start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < cuts.size() && cuts.get(i).at() < end && cuts.get(i).at() < start + PART_TARGET; i++) {
            if (cuts.get(i).heading() != null) {
                return cuts.get(i).heading();
            }
        }
        return "Part " + number;
    }

    private static int lineEndAfter(String text, int from) {
        int nl = text.indexOf('\n', Math.min(from, text.length()));
        return nl < 0 ? text.length() : nl + 1;
    }
}
