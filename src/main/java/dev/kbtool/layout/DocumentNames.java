package dev.kbtool.layout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Document names: the stem of a document's wiki pages. Derived from the file stem so people
 * recognise them, safe on every file system, and unique in the KB thanks to a short hash of
 * where the file came from.
 */
public final class DocumentNames {
    private static final Pattern NON_WORD = Pattern.compile("[^\\w]+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Leaves room for suffixes and extensions within the 255-byte file-name limit. */
    private static final int MAX_BYTES = 160;

    private DocumentNames() {
    }

    /** NFKC, runs of non-word characters to one {@code -}, trimmed; {@code document} when nothing is left. */
    public static String sanitize(String stem) {
        String s = slug(stem);
        return s.isEmpty() ? "document" : s;
    }

    /** Like {@link #sanitize} but empty when nothing is left: safe as a file name, or nothing. */
    public static String slug(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = NON_WORD.matcher(s).replaceAll("-");
        s = trimDashes(s);
        s = truncateUtf8(s, MAX_BYTES);
        return trimDashes(s);
    }

    /** The stem of a file name: everything before the last dot (a leading dot does not count). */
    public static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * The name for a file from {@code origin}: the sanitized stem when free, else the stem with
     * the first 8 hex digits of the origin's hash, then a counter as a last resort.
     */
    public static String unique(String stem, String origin, Predicate<String> taken) {
        String base = sanitize(stem);
        if (!taken.test(base)) {
            return base;
        }
        String suffixed = base + "-" + sha256(origin).substring(0, 8);
        if (!taken.test(suffixed)) {
            return suffixed;
        }
        for (int i = 2; ; i++) {
            String candidate = suffixed + "-" + i;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text without leading and trailing {@code -}. */
    public static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String truncateUtf8(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
