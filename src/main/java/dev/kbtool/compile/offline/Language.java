package dev.kbtool.compile.offline;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The languages the offline compiler tells apart, and how far it goes with each: English
 * gets part-of-speech based concepts and entities; the other languages written in Latin
 * script get frequency-based topics from capitalisation and stop words; every other script
 * gets a summary and a description only, because without a tagger or a word list any
 * topic would be guesswork.
 */
enum Language {
    ENGLISH("en", "stopwords-en.txt"),
    GERMAN("de", "stopwords-de.txt"),
    SPANISH("es", "stopwords-es.txt"),
    FRENCH("fr", "stopwords-fr.txt"),
    ITALIAN("it", "stopwords-it.txt"),
    PORTUGUESE("pt", "stopwords-pt.txt"),
    DUTCH("nl", "stopwords-nl.txt"),
    LITHUANIAN("lt", "stopwords-lt.txt"),
    /** Latin script, but none of the languages above. */
    LATIN_OTHER("latin", null),
    CYRILLIC("ru", null),
    GREEK("el", null),
    ARABIC("ar", null),
    HEBREW("he", null),
    DEVANAGARI("hi", null),
    THAI("th", null),
    CHINESE("zh", null),
    JAPANESE("ja", null),
    KOREAN("ko", null),
    UNKNOWN("und", null);

    private final String code;
    private final String stopWordResource;

    Language(String code, String stopWordResource) {
        this.code = code;
        this.stopWordResource = stopWordResource;
    }

    String code() {
        return code;
    }

    Set<String> stopWords() {
        return StopWords.of(this);
    }

    /** Latin script with a stop-word list: topics by capitalisation and frequency. */
    boolean latinWithStopWords() {
        return stopWordResource != null && this != ENGLISH;
    }

    /** Scripts written without spaces between words: similarity works on character pairs. */
    boolean unspaced() {
        return this == CHINESE || this == JAPANESE || this == THAI;
    }

    /** Scripts with upper and lower case, where a capital inside a sentence marks a name. */
    boolean bicameral() {
        return stopWordResource != null || this == LATIN_OTHER || this == CYRILLIC || this == GREEK;
    }

    /** Holder so the lists load once, on first use. */
    private static final class StopWords {
        private static final Map<Language, Set<String>> LISTS = load();

        static Set<String> of(Language language) {
            return LISTS.getOrDefault(language, Set.of());
        }

        private static Map<Language, Set<String>> load() {
            Map<Language, Set<String>> out = new EnumMap<>(Language.class);
            for (Language language : values()) {
                if (language.stopWordResource != null) {
                    out.put(language, WordLists.words(language.stopWordResource));
                }
            }
            return out;
        }
    }
}
