package dev.kbtool.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The part of a wiki page kb generates, told from what a person writes around it. kb's body sits
 * between two Obsidian comments, {@code %%kb:begin%%} and {@code %%kb:end%%}, hidden in reading
 * view; text above or below them, and frontmatter keys kb does not write, are the person's.
 * kb's own frontmatter keys and the text between the markers are kb's: a hash of them tells kb
 * whether a person edited its part.
 */
public final class GeneratedRegion {
    public static final String BEGIN = "%%kb:begin%%";
    public static final String END = "%%kb:end%%";
    /**
     * Frontmatter keys kb writes as its own. {@code aliases} and {@code tags} are not among them:
     * a person adds to those, and kb's are merged in.
     */
    public static final Set<String> KB_KEYS = Set.of("type", "description", "title", "source_file", "full_text",
            "documents", "author", "pages", "origin");

    private GeneratedRegion() {
    }

    /**
     * A page cut into its parts.
     *
     * @param frontmatter the frontmatter block's lines without the {@code ---} fences, or "" without one
     * @param before      the person's text between the frontmatter and {@link #BEGIN}
     * @param generated   kb's text between the markers
     * @param after       the person's text after {@link #END}
     */
    public record Parts(String frontmatter, String before, String generated, String after) {
    }

    /** The parts of a page with both markers, or null when it has none (or only one). */
    public static Parts parse(String page) {
        String fm = "";
        String rest = page;
        if (page.startsWith("---\n")) {
            int close = page.indexOf("\n---\n", 3);
            if (close >= 0) {
                fm = page.substring(4, close + 1);
                rest = page.substring(close + 5);
            }
        }
        int begin = lineIndex(rest, BEGIN, 0);
        int end = begin < 0 ? -1 : lineIndex(rest, END, begin + BEGIN.length());
        if (begin < 0 || end < 0) {
            return null;
        }
        String generated = rest.substring(begin + BEGIN.length(), end);
        generated = generated.startsWith("\n") ? generated.substring(1) : generated;
        String after = rest.substring(Math.min(rest.length(), end + END.length()));
        after = after.startsWith("\n") ? after.substring(1) : after;
        String before = rest.substring(0, begin);
        if (rest != page) {
            // The blank line kb writes after the frontmatter is not a person's text: kept in
            // `before`, every rewrite would add one more.
            before = before.replaceFirst("^\n+", "");
        }
        return new Parts(fm, before, generated, after);
    }

    /**
     * Puts kb's body between the markers, after its frontmatter. Each marker stands apart, with
     * a blank line between it and kb's text: a Markdown reader (or a script splitting the page
     * into paragraphs) would otherwise read the marker as part of the first or last paragraph.
     */
    public static String wrap(String frontmatter, String body) {
        String b = body.strip();
        return (frontmatter.isEmpty() ? "" : "---\n" + frontmatter + "---\n\n") + BEGIN + "\n\n" + b + "\n\n" + END
                + "\n";
    }

    /**
     * The hash of kb's part of a page — its own frontmatter lines and the text between the
     * markers — or of the whole page when it has no markers; what a person changes there is an
     * edit of kb's text.
     */
    public static String hash(String page) {
        Parts parts = parse(page);
        if (parts == null) {
            return sha256(page);
        }
        StringBuilder kb = new StringBuilder();
        for (String line : parts.frontmatter().split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && KB_KEYS.contains(line.substring(0, colon))) {
                kb.append(line).append('\n');
            }
        }
        return sha256(kb.append('\u0000').append(parts.generated()).toString());
    }

    private static int lineIndex(String text, String marker, int from) {
        for (int i = text.indexOf(marker, from); i >= 0; i = text.indexOf(marker, i + 1)) {
            boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
            int endOfMarker = i + marker.length();
            boolean lineEnd = endOfMarker == text.length() || text.charAt(endOfMarker) == '\n';
            if (lineStart && lineEnd) {
                return i;
            }
        }
        return -1;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
