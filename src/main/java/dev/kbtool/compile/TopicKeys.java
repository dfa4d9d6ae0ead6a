package dev.kbtool.compile;

import dev.kbtool.language.EnglishNouns;
import dev.kbtool.layout.DocumentNames;
import dev.kbtool.text.Accents;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalized key of a concept or entity: how documents find each other's topics, and the
 * page slug. NFKC, lower case, hyphens, underscores and spaces as one {@code -}, every other
 * run of non-word characters as {@code -} too (the document-name rule), apostrophes dropped.
 * Concept keys also put their last word in the singular ("neural networks" and "Neural
 * Network" meet at {@code neural-network}); entity keys do not ("Windows" stays a name).
 */
public final class TopicKeys {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-‐‑‒–—]+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\w]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern APOSTROPHES = Pattern.compile("['’`´]");
    private static final Pattern SHARP = Pattern.compile("(?<=\\p{L})#");
    private static final Pattern DASHES = Pattern.compile("-{2,}");
    /** Slugs stay well inside the 255-byte file-name limit, with room for an extension. */
    private static final int MAX_BYTES = 120;

    private TopicKeys() {
    }

    /** Key of a concept name written in English: last word singular. */
    public static String concept(String name) {
        return key(name, true);
    }

    /** Key of an entity name, or of a concept in a language other than English: no singular. */
    public static String entity(String name) {
        return key(name, false);
    }

    /** The key, or an empty string when nothing of the name survives. */
    static String key(String name, boolean singular) {
        // Plain ASCII is already in NFKC.
        String s = Accents.isAscii(name) ? name.strip() : Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        if (s.indexOf('+') >= 0 || s.indexOf('#') >= 0) {
            s = SHARP.matcher(s.replace("++", "pp")).replaceAll(" sharp");
        }
        s = APOSTROPHES.matcher(s).replaceAll("");
        String[] words = SEPARATORS.split(s);
        if (singular && words.length > 0) {
            words[words.length - 1] = EnglishNouns.singular(words[words.length - 1]);
        }
        String joined = String.join("-", words).toLowerCase(Locale.ROOT);
        joined = DocumentNames.trimDashes(DASHES.matcher(NON_WORD.matcher(joined).replaceAll("-").replace('_', '-')).replaceAll("-"));
        return truncate(joined);
    }


    private static String truncate(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return key;
        }
        int end = key.length();
        while (key.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            int dash = key.lastIndexOf('-', end - 1);
            end = dash > 0 ? dash : key.offsetByCodePoints(end, -1);
        }
        return DocumentNames.trimDashes(key.substring(0, end));
    }
}
