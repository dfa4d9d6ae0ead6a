package dev.kbtool.search.dense;

import dev.kbtool.text.Accents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as all-MiniLM-L6-v2 reads text: control characters out,
 * Han characters standing alone, accents stripped, lower case; words split at white space and
 * at punctuation marks (which BERT keeps as pieces of their own and kb leaves out, see
 * {@link #words}); each word cut greedily into the longest vocabulary pieces, the pieces after
 * the first written with {@code ##}. A word with a part no piece covers is one unknown token, as
 * in the original. The vocabulary ({@code vocab.txt}, one piece per line in id order) is the
 * model's own.
 */
final class WordPieces {
    private static final int MAX_CHARS_PER_WORD = 100;
    private final Map<String, Integer> ids;
    private final int unknown;

    private WordPieces(Map<String, Integer> ids) {
        this.ids = ids;
        this.unknown = ids.get("[UNK]");
    }

    static WordPieces load(InputStream vocabulary) {
        Map<String, Integer> ids = new HashMap<>(65_536);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(vocabulary, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                ids.put(line, ids.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WordPieces(ids);
    }

    int size() {
        return ids.size();
    }

    /**
     * The token ids of {@code text}, in order (no [CLS]/[SEP], nothing cut at 128). A word met
     * again is not cut again: a page repeats its words, and cutting is most of the cost.
     */
    int[] ids(String text) {
        int[] out = new int[Math.max(16, text.length() / 4)];
        int n = 0;
        Map<String, int[]> seen = new HashMap<>();
        for (String word : words(normalize(text))) {
            int[] pieces = seen.computeIfAbsent(word, this::pieces);
            if (n + pieces.length > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, n + pieces.length));
            }
            System.arraycopy(pieces, 0, out, n, pieces.length);
            n += pieces.length;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Normalised text cut into words at spaces and punctuation marks. BERT makes each mark a
     * piece of its own; here they are dropped: the table weighs a piece by how rare its word is,
     * marks are in no word list, and with full weight the commas, full stops and table bars (a
     * third of a text's pieces) pulled every vector toward one another.
     */
    private static List<String> words(String normal) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < normal.length(); ) {
            int c = normal.codePointAt(i);
            boolean apart = c == ' ' || isPunctuation(c);
            if (apart && start >= 0) {
                out.add(normal.substring(start, i));
                start = -1;
            } else if (!apart && start < 0) {
                start = i;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            out.add(normal.substring(start));
        }
        return out;
    }

    /** A word's pieces, longest first match; one unknown token when a part matches no piece. */
    private int[] pieces(String w) {
        if (w.codePointCount(0, w.length()) > MAX_CHARS_PER_WORD) {
            return new int[] {unknown};
        }
        int[] pieces = new int[w.length()];
        int n = 0;
        int start = 0;
        while (start < w.length()) {
            Integer found = null;
            int end = w.length();
            for (; end > start; end = w.offsetByCodePoints(end, -1)) {
                found = ids.get(start > 0 ? "##" + w.substring(start, end) : w.substring(start, end));
                if (found != null) {
                    break;
                }
            }
            if (found == null) {
                return new int[] {unknown};
            }
            pieces[n++] = found;
            start = end;
        }
        return Arrays.copyOf(pieces, n);
    }

    /** White space to one space, controls out, Han characters set apart, accents stripped, lower case. */
    static String normalize(String text) {
        return Accents.isAscii(text) ? normalizeAscii(text) : normalizeUnicode(text);
    }

    /**
     * The same for text of ASCII alone, which most of an English knowledge base is: nothing to
     * decompose or strip. Five times as fast as the general way (30 MB: 0.2 s against 1.0 s).
     */
    private static String normalizeAscii(String text) {
        char[] out = new char[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                out[n++] = ' ';
            } else if (c >= 'A' && c <= 'Z') {
                out[n++] = (char) (c + ('a' - 'A'));
            } else if (c >= 0x20 && c < 0x7F) {
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    private static String normalizeUnicode(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isWhitespace(c)) {
                sb.append(' ');
            } else if (c == 0 || c == 0xFFFD || isControl(c)) {
                continue;
            } else if (isHan(c)) {
                sb.append(' ').appendCodePoint(c).append(' ');
            } else {
                sb.appendCodePoint(c);
            }
        }
        return Accents.strip(sb).toLowerCase(Locale.ROOT);
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int c) {
        int t = Character.getType(c);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE
                || t == Character.SURROGATE || t == Character.UNASSIGNED;
    }

    /** ASCII symbols count as punctuation too, as in BERT. */
    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isHan(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
