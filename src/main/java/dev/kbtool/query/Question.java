package dev.kbtool.query;

import dev.kbtool.language.Language;
import dev.kbtool.language.LanguageDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A question as search words: its content words, without the words every question has
 * (function words of its language, question words, and how people refer to the knowledge base
 * itself: "which document describes..."). "Quoted phrases" stay phrases.
 */
final class Question {
    /** Asking about the collection rather than the subject; in every text, so they only add noise. */
    private static final Set<String> FRAMING = Set.of("who", "whom", "whose", "what", "which", "when", "where", "why",
            "how", "document", "documents", "paper", "papers", "report", "reports", "article", "articles", "text",
            "texts", "source", "sources", "page", "pages", "knowledge", "base", "wiki", "describe", "describes",
            "described", "explain", "explains", "explained", "mention", "mentions", "mentioned", "say", "says", "said",
            "tell", "tells");

    private Question() {
    }

    /** The words to search for; the whole question when nothing else is left. */
    static String keywords(String question) {
        Set<String> stop = LanguageDetector.detect(question).stopWords();
        Set<String> english = Language.ENGLISH.stopWords();
        List<String> out = new ArrayList<>();
        StringBuilder phrase = null;
        for (String raw : question.strip().split("\\s+")) {
            if (phrase != null) {
                phrase.append(' ').append(raw);
                if (raw.endsWith("\"")) {
                    out.add(phrase.toString());
                    phrase = null;
                }
                continue;
            }
            if (raw.startsWith("\"") && !(raw.length() > 1 && raw.endsWith("\""))) {
                phrase = new StringBuilder(raw);
                continue;
            }
            String word = raw.replaceAll("^[\\p{Punct}‘’“”«»¿¡]+|[\\p{Punct}‘’“”«»]+$", "")
                    .replaceAll("['’]s$", "");
            String lower = word.toLowerCase(Locale.ROOT);
            if (word.isEmpty() || stop.contains(lower) || english.contains(lower) || FRAMING.contains(lower)) {
                continue;
            }
            out.add(word);
        }
        if (phrase != null) {
            out.add(phrase.toString());
        }
        return out.isEmpty() ? question : String.join(" ", out);
    }
}
