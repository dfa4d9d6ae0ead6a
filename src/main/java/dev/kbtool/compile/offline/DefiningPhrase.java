package dev.kbtool.compile.offline;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a document says a name is, where it defines it: "IPFS is a distributed file system",
 * "GenEval is a challenging benchmark", "Git, the distributed version control system",
 * "Janus-Pro, an advanced version of Janus". The head noun of that noun phrase is the kind of
 * thing the name names, the best type evidence a text gives.
 */
final class DefiningPhrase {
    /** Head nouns of a definition and the type they give. */
    private static final Map<String, String> KINDS = kinds();
    private static final Set<String> COPULAS = Set.of("is", "was", "are", "were");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");
    /** Tokens looked at for the head noun after the article. */
    private static final int MAX_PHRASE = 8;

    private DefiningPhrase() {
    }

    /**
     * The type the definition right after a name gives it, or null. After an acronym in
     * parentheses ("The InterPlanetary File System (IPFS) is a ...") the definition is the
     * acronym's too; after another word in parentheses it is the name's before them.
     *
     * @param end the token after the name
     */
    static String typeAfter(TaggedSentence s, int end) {
        boolean acronym = end > 0 && s.token(end - 1).acronym();
        int link = acronym && end < s.size() && ")".equals(s.token(end).text()) ? end + 1 : end;
        if (link + 1 >= s.size() || s.tags() == null) {
            return null;
        }
        String word = lower(s, link);
        if (!COPULAS.contains(word) && !",".equals(word) || !ARTICLES.contains(lower(s, link + 1))) {
            return null;
        }
        // The head is the last noun of the run of modifiers and nouns after the article.
        String head = null;
        for (int i = link + 2; i < s.size() && i < link + 2 + MAX_PHRASE; i++) {
            String tag = s.tag(i);
            boolean compound = s.token(i).word() && s.token(i).text().indexOf('-') > 0;
            if ("NOUN".equals(tag) || "PROPN".equals(tag) && !s.token(i).capitalized()) {
                head = lower(s, i);
            } else if (!compound && !"ADJ".equals(tag) && !"ADV".equals(tag) && !"VERB".equals(tag) && !"NUM".equals(tag)) {
                break;
            }
        }
        return head == null ? null : KINDS.get(head);
    }

    private static String lower(TaggedSentence s, int i) {
        return s.token(i).text().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> kinds() {
        Map<String, String> out = new java.util.HashMap<>();
        for (String w : ("system systems filesystem tool toolkit library framework model models protocol database platform "
                + "application app engine compiler interpreter editor package implementation version variant "
                + "service browser server client interface kernel program software suite plugin extension driver").split(" ")) {
            out.put(w, EntityTypes.PRODUCT);
        }
        for (String w : "optimizer algorithm method technique".split(" ")) {
            out.put(w, EntityTypes.TECHNIQUE);
        }
        for (String w : ("company organization organisation foundation university institute lab laboratory consortium "
                + "startup team community nonprofit non-profit agency association publisher").split(" ")) {
            out.put(w, EntityTypes.ORGANIZATION);
        }
        for (String w : "benchmark dataset corpus paper book leaderboard article specification novel film song album".split(" ")) {
            out.put(w, EntityTypes.WORK);
        }
        for (String w : "conference workshop competition contest summit festival symposium".split(" ")) {
            out.put(w, EntityTypes.EVENT);
        }
        for (String w : "researcher professor engineer author founder scientist student mathematician writer".split(" ")) {
            out.put(w, EntityTypes.PERSON);
        }
        for (String w : "city country town village region island river".split(" ")) {
            out.put(w, EntityTypes.PLACE);
        }
        return Map.copyOf(out);
    }
}
