package dev.kbtool.language;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Crude stems for grouping the inflected forms of a word in languages other than English:
 * accents dropped, then the plural or case ending cut. Only used to count forms together,
 * never shown: a wrong cut merely splits or joins two counts.
 */
public final class Stems {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int MIN_STEM = 4;

    private Stems() {
    }

    /** Grouping key of a phrase: its words' stems joined by {@code -}. */
    public static String key(List<String> words, Language language) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            out.append(out.length() > 0 ? "-" : "").append(stem(word, language));
        }
        return out.toString();
    }

    static String stem(String word, Language language) {
        String w = MARKS.matcher(Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        String[] endings = switch (language) {
            case GERMAN -> new String[] {"en", "er", "es", "e", "n", "s"};
            case SPANISH, PORTUGUESE -> new String[] {"es", "s"};
            case FRENCH -> new String[] {"es", "s", "x", "e"};
            case ITALIAN -> new String[] {"a", "e", "i", "o"};
            case DUTCH -> new String[] {"en", "s"};
            case LITHUANIAN -> new String[] {"ams", "oms", "uose", "ose", "ai", "as", "is", "ys", "us", "a", "e", "i", "o", "u", "y"};
            default -> new String[0];
        };
        for (String ending : endings) {
            if (w.endsWith(ending) && w.length() - ending.length() >= MIN_STEM) {
                return w.substring(0, w.length() - ending.length());
            }
        }
        return w;
    }
}
