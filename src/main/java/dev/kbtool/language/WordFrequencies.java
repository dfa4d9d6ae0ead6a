package dev.kbtool.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How common a word is in general English: a frequency class from 1 (rare) to 22 ("the"),
 * roughly logarithmic, or 0 for a word the list does not know (names, jargon, coinages). The
 * offline compiler weighs a document's terms against it: "attention" and "data" are everyday
 * words, "multihash" and "orthogonalization" are the document's own.
 *
 * <p>The list ({@code word-frequency-en.txt}, about 90,000 words, LGPL 2.1 as its licence file
 * says) is loaded once per JVM, on first use.
 */
public final class WordFrequencies {
    /** The highest class: "the". */
    public static final int MAX_CLASS = 22;
    /** From this class on, a word is an everyday one ("model", "network", "software", "free"). */
    public static final int EVERYDAY = 13;

    private WordFrequencies() {
    }

    /** The class of a word as written, else of its lower-case form, else of its singular; 0 if unknown. */
    public static int frequencyClass(String word) {
        Map<String, Byte> classes = Holder.CLASSES;
        Byte c = classes.get(word);
        if (c == null) {
            String lower = word.toLowerCase(Locale.ROOT);
            c = classes.get(lower);
            if (c == null) {
                c = classes.get(EnglishNouns.singular(lower));
            }
        }
        return c == null ? 0 : c;
    }

    /** Whether the lower-case word is an everyday English word ("network", not "Debian"). */
    public static boolean everyday(String word) {
        return frequencyClass(word.toLowerCase(Locale.ROOT)) >= EVERYDAY;
    }

    /** Whether English knows the lower-case word at all: a dictionary word, not a name or a coinage. */
    public static boolean known(String word) {
        Map<String, Byte> classes = Holder.CLASSES;
        String lower = word.toLowerCase(Locale.ROOT);
        return classes.containsKey(lower) || classes.containsKey(EnglishNouns.singular(lower));
    }

    /**
     * How specific a word is, from 0 ("the") to 1 (unknown to general English). A hyphenated
     * compound is as specific as its rarest part ("fine-tuning", "pre-training").
     */
    public static double specificity(String word) {
        int c;
        if (word.indexOf('-') > 0) {
            c = MAX_CLASS;
            for (String part : word.split("-")) {
                if (!part.isEmpty()) {
                    c = Math.min(c, frequencyClass(part));
                }
            }
        } else {
            c = frequencyClass(word);
        }
        return 1.0 - (double) c / MAX_CLASS;
    }

    /** Holder so the list loads once, on first use. */
    private static final class Holder {
        static final Map<String, Byte> CLASSES = load();

        private static Map<String, Byte> load() {
            Map<String, Byte> out = new HashMap<>(1 << 17);
            try (InputStream in = WordFrequencies.class.getResourceAsStream("word-frequency-en.txt")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource word-frequency-en.txt");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int space = line.lastIndexOf(' ');
                    if (space > 0 && !line.startsWith("#")) {
                        out.put(line.substring(0, space), Byte.parseByte(line.substring(space + 1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }
    }
}
