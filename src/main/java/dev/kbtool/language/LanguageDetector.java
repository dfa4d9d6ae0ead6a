package dev.kbtool.language;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses a document's language from a sample of its prose: the dominant script first, then,
 * for Latin script, the stop-word list that covers most words. That costs one pass over a
 * few thousand characters and needs no model; OpenNLP's language detector would add a 10 MB
 * model to tell apart languages we treat alike anyway.
 */
public final class LanguageDetector {
    /** Enough text to be sure, little enough to be instant on a 500-page document. */
    public static final int SAMPLE_CHARS = 20_000;
    /** Below this share of stop words no Latin-script language is claimed. */
    private static final double MIN_STOP_SHARE = 0.08;

    private LanguageDetector() {
    }

    public static Language detect(CharSequence text) {
        int end = Math.min(text.length(), SAMPLE_CHARS);
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        for (int i = 0; i < end; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                counts.merge(UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        int latin = counts.getOrDefault(UnicodeScript.LATIN, 0);
        int kana = counts.getOrDefault(UnicodeScript.HIRAGANA, 0) + counts.getOrDefault(UnicodeScript.KATAKANA, 0);
        int han = counts.getOrDefault(UnicodeScript.HAN, 0);
        // One CJK character carries about as much as a short Latin word, so weigh it as three letters.
        int cjk = 3 * (kana + han + counts.getOrDefault(UnicodeScript.HANGUL, 0));
        UnicodeScript top = UnicodeScript.LATIN;
        int topCount = latin;
        for (Map.Entry<UnicodeScript, Integer> e : counts.entrySet()) {
            if (e.getKey() != UnicodeScript.LATIN && e.getKey() != UnicodeScript.HAN && e.getKey() != UnicodeScript.HIRAGANA
                    && e.getKey() != UnicodeScript.KATAKANA && e.getKey() != UnicodeScript.HANGUL && e.getValue() > topCount) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        if (cjk > topCount) {
            if (counts.getOrDefault(UnicodeScript.HANGUL, 0) > kana + han) {
                return Language.KOREAN;
            }
            return kana * 10 >= kana + han ? Language.JAPANESE : Language.CHINESE;
        }
        if (topCount == 0) {
            return Language.UNKNOWN;
        }
        return switch (top) {
            case LATIN -> latinLanguage(text, end);
            case CYRILLIC -> Language.CYRILLIC;
            case GREEK -> Language.GREEK;
            case ARABIC -> Language.ARABIC;
            case HEBREW -> Language.HEBREW;
            case DEVANAGARI -> Language.DEVANAGARI;
            case THAI -> Language.THAI;
            default -> Language.UNKNOWN;
        };
    }

    private static Language latinLanguage(CharSequence text, int end) {
        String[] words = text.subSequence(0, end).toString().toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        Language best = Language.LATIN_OTHER;
        double bestShare = MIN_STOP_SHARE;
        int total = 0;
        for (String w : words) {
            if (!w.isEmpty()) {
                total++;
            }
        }
        if (total == 0) {
            return Language.LATIN_OTHER;
        }
        for (Language language : Language.values()) {
            Set<String> stop = language.stopWords();
            if (stop.isEmpty()) {
                continue;
            }
            int hits = 0;
            for (String w : words) {
                if (stop.contains(w)) {
                    hits++;
                }
            }
            double share = (double) hits / total;
            if (share > bestShare) {
                best = language;
                bestShare = share;
            }
        }
        return best;
    }
}
