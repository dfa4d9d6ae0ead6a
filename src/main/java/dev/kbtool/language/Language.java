package dev.kbtool.language;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The languages the offline compiler tells apart, and how far it goes with each: English
 * gets part-of-speech based concepts and entities; the other languages written in Latin
 * script get frequency-based topics from capitalisation and stop words; every other script
 * gets a summary, a description and the Latin-script names it quotes as entities, but no
 * concepts, because without a tagger or a word list they would be guesswork.
 */
public enum Language {
    ENGLISH("stopwords-en.txt"),
    GERMAN("stopwords-de.txt"),
    SPANISH("stopwords-es.txt"),
    FRENCH("stopwords-fr.txt"),
    ITALIAN("stopwords-it.txt"),
    PORTUGUESE("stopwords-pt.txt"),
    DUTCH("stopwords-nl.txt"),
    LITHUANIAN("stopwords-lt.txt"),
    /** Latin script, but none of the languages above. */
    LATIN_OTHER,
    /** Russian, Ukrainian, Bulgarian, ... */
    CYRILLIC,
    GREEK,
    ARABIC,
    HEBREW,
    DEVANAGARI,
    THAI,
    CHINESE,
    JAPANESE,
    KOREAN,
    UNKNOWN;

    private final String stopWordResource;

    Language(String stopWordResource) {
        this.stopWordResource = stopWordResource;
    }

    Language() {
        this(null);
    }

    public Set<String> stopWords() {
        return StopWords.of(this);
    }

    /** Latin script with a stop-word list: topics by capitalisation and frequency. */
    public boolean latinWithStopWords() {
        return stopWordResource != null && this != ENGLISH;
    }

    /** Scripts written without spaces between words: similarity works on character pairs. */
    public boolean unspaced() {
        return this == CHINESE || this == JAPANESE || this == THAI;
    }

    /** Scripts with upper and lower case, where a capital inside a sentence marks a name. */
    public boolean bicameral() {
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
