package dev.kbtool.compile.offline;

import dev.kbtool.language.WordLists;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Evidence for an entity's type, one mention at a time: titles and first names for persons,
 * legal-form and institution words for organizations, a gazetteer and "located in" contexts
 * for places, version numbers for products, quotes and "the book" for works, event words and
 * years for events. A type needs enough evidence summed over the document; else "other".
 */
final class EntityTypes {
    static final String PERSON = "person";
    static final String ORGANIZATION = "organization";
    static final String PLACE = "place";
    static final String PRODUCT = "product";
    static final String WORK = "work";
    static final String EVENT = "event";
    static final String OTHER = "other";
    /**
     * Not a page type: a named technique ("the Muon optimizer", "the Newton-Schulz iteration")
     * is one of the document's ideas, which anyone may implement, not a thing someone made; the
     * compiler hands it to the concepts.
     */
    static final String TECHNIQUE = "technique";
    /** The kinds of thing a name can be other than a person. */
    static final List<String> THINGS = List.of(ORGANIZATION, PLACE, PRODUCT, WORK, EVENT, TECHNIQUE);
    /** Evidence needed for a type. */
    static final int MIN_VOTES = 2;

    private static final Set<String> FIRST_NAMES = WordLists.words("first-names.txt");
    private static final Set<String> PLACES = WordLists.lines("places.txt");
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord",
            "lady", "president", "senator", "judge", "justice", "rev", "reverend", "king", "queen", "prince", "princess",
            "pope", "captain", "capt", "general", "gen", "colonel", "col", "sergeant", "governor", "gov",
            "mayor", "chancellor", "minister", "ceo", "herr", "frau", "señor", "señora", "don", "doña", "monsieur",
            "madame", "signor", "signora");
    private static final Set<String> ORG_LAST = Set.of("inc", "corp", "corporation", "ltd", "llc", "gmbh", "ag", "sa",
            "plc", "co", "company", "university", "college", "institute", "foundation", "project", "association",
            "society", "agency", "department", "ministry", "council", "committee", "commission", "bank", "group", "labs",
            "laboratory", "laboratories", "organization", "organisation", "center", "centre", "school", "academy",
            "federation", "union", "party", "consortium", "alliance", "board", "bureau", "authority", "team", "systems",
            "technologies", "software", "studios", "press", "club", "trust", "partners", "holdings", "services",
            "solutions", "industries", "hospital", "museum", "library", "institut", "universität", "universidad",
            "università", "université", "fondazione", "fundación", "fondation", "stiftung", "verein", "gesellschaft",
            "proyecto", "progetto", "projet", "projekt", "interest", "collective", "network", "networks");
    private static final Set<String> INSTITUTIONS = Set.of("inc", "corp", "corporation", "ltd", "llc", "gmbh", "plc",
            "company", "university", "college", "institute", "foundation", "association", "society", "agency", "ministry",
            "council", "committee", "commission", "laboratory", "laboratories", "labs", "lab", "academy", "consortium",
            "universität", "universidad", "università", "université", "institut", "stiftung", "fondation", "fundación");
    private static final Set<String> ORG_FIRST = Set.of("university", "institute", "department", "ministry", "bank",
            "office", "bureau", "museum", "council", "committee", "federation", "society", "association", "school",
            "college", "universidad", "università", "université", "universität", "proyecto", "progetto", "projet",
            "fundación", "fondazione", "fondation");
    private static final Set<String> KNOWN_ORGS = Set.of("nasa", "ibm", "google", "microsoft", "apple", "amazon",
            "facebook", "meta", "mozilla", "oracle", "intel", "amd", "nvidia", "openai", "anthropic", "w3c", "ietf", "iso",
            "ieee", "acm", "un", "eu", "nato", "who", "fsf", "unesco", "unicef", "fbi", "cia", "nsa", "mit", "cern", "bbc",
            "reuters", "samsung", "sony", "netflix", "twitter", "tesla", "adobe", "cisco", "siemens", "sap", "canonical",
            "red hat", "hp", "lg", "github", "gitlab", "spi", "apache software foundation", "linux foundation", "wikipedia", "yahoo");
    private static final Set<String> PLACE_LAST = Set.of("river", "mountains", "mountain", "lake", "island", "islands",
            "ocean", "sea", "valley", "county", "province", "city", "street", "avenue", "road", "bay", "desert",
            "peninsula", "gulf", "coast", "canyon", "strait", "falls", "hills", "heights", "region", "district");
    private static final Set<String> PLACE_FIRST = Set.of("mount", "lake", "cape", "port", "fort", "saint", "san", "santa",
            "gulf", "isle");
    private static final Set<String> PLACE_VERBS = Set.of("located", "based", "born", "headquartered", "situated", "lives",
            "lived", "moved", "travelled", "traveled", "settled", "grew", "died", "held", "founded");
    private static final Set<String> PLACE_OF = Set.of("city", "town", "village", "capital", "state", "province", "region",
            "county", "country", "republic", "kingdom", "north", "south", "east", "west", "outskirts", "suburbs",
            "streets", "people");
    private static final Set<String> PRODUCT_LAST = Set.of("os", "pro", "studio", "server", "edition", "phone", "desktop",
            "enterprise", "player", "browser", "linux", "cloud", "engine", "sdk", "toolkit", "framework", "editor",
            "ide", "app", "suite", "console", "watch", "pad", "plus", "mini", "max", "ultra", "beta", "alpha");
    private static final Set<String> PRODUCT_CUES = Set.of("released", "launched", "unveiled", "introduced", "shipped",
            "install", "installed", "installing", "download", "upgrade", "upgraded", "version", "versions", "runs",
            "running", "release");
    private static final Set<String> WORK_CUES = Set.of("book", "novel", "film", "movie", "paper", "article", "song",
            "album", "poem", "play", "essay", "report", "manifesto", "thesis", "painting", "documentary", "story",
            "series", "episode", "opera", "symphony", "magazine", "journal", "newspaper", "column", "chapter", "treatise");
    static final Set<String> EVENT_LAST = Set.of("conference", "summit", "festival", "olympics", "games", "war",
            "revolution", "championship", "championships", "cup", "expo", "symposium", "workshop", "election", "elections",
            "crisis", "tournament", "week", "fair", "convention", "meetup", "hackathon", "marathon", "awards",
            "ceremony", "massacre", "battle", "debconf", "congress", "olympiad", "jubilee", "uprising", "rebellion", "day");
    private static final Set<String> EVENT_FIRST = Set.of("battle", "siege", "treaty", "war", "council");
    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "wrote", "writes", "argued", "argues",
            "explained", "explains", "told", "stated", "noted", "believed", "believes", "thought", "claimed", "replied",
            "announced", "recalled", "added", "founded", "died", "married", "became");

    /** The last part of a benchmark's or dataset's name. */
    private static final Set<String> WORK_SUFFIXES = Set.of("bench", "eval", "benchmark", "leaderboard", "arena",
            "dataset", "corpus", "qa");
    /** Class nouns after a name that make it a work: "the GSM8K benchmark". */
    private static final Set<String> WORK_AFTER = Set.of("benchmark", "benchmarks", "dataset", "datasets", "corpus",
            "leaderboard", "paper", "book", "manifesto", "guidelines", "contract", "license", "licence", "specification");
    /** Class nouns after a name that make it a technique: "the Muon optimizer", "Newton-Schulz iteration". */
    private static final Set<String> TECHNIQUE_AFTER = Set.of("optimizer", "optimizers", "algorithm", "algorithms",
            "iteration", "iterations", "method", "technique", "regularization");
    /** Class nouns after a name that make it a product: "the GShard model". */
    private static final Set<String> PRODUCT_AFTER = Set.of("model", "models", "llm", "llms", "library",
            "package", "daemon", "plugin", "driver", "compiler", "interpreter", "kernel", "distribution", "tokenizer",
            "encoder", "checkpoint", "checkpoints", "api", "cli", "command", "service", "protocol");
    /** Verbs whose subject is a system: "X achieves", "X outperforms". */
    private static final Set<String> PRODUCT_VERBS = Set.of("achieves", "achieved", "outperforms", "outperformed",
            "surpasses", "surpassed", "attains", "scores", "performs", "runs", "supports", "generates", "matches");
    private static final Set<String> EVALUATION_WORDS = Set.of("benchmark", "benchmarks", "evaluate", "evaluated",
            "evaluation", "score", "scores", "accuracy", "achieves", "achieved", "performance", "results", "dataset",
            "datasets", "pass@1", "test");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "near", "from", "to");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "his", "her", "their", "new");

    private EntityTypes() {
    }

    /**
     * Records the evidence of one mention.
     *
     * @param words   the name's words (title removed)
     * @param s       the sentence
     * @param start   first token of the mention in the sentence, title included
     * @param end     token after the mention
     * @param titled  whether a personal title preceded the name
     * @param version whether a version number followed ("Windows 11")
     * @param year    whether a year followed ("DebConf 2005")
     */
    static void vote(TopicTally tally, List<String> words, TaggedSentence s, int start, int end, boolean titled,
            boolean version, boolean year) {
        String first = lower(words.get(0));
        String last = lower(words.get(words.size() - 1));
        String whole = lower(String.join(" ", words));
        if (titled) {
            tally.vote(PERSON, 3);
        }
        // "Dirk-Jan": a compound first name counts by its first part.
        boolean firstName = FIRST_NAMES.contains(first) || FIRST_NAMES.contains(first.split("-")[0]);
        if (words.size() >= 2 && words.size() <= 4 && firstName && !ORG_LAST.contains(last)
                && !PLACES.contains(whole)) {
            tally.vote(PERSON, 2);
        } else if (words.size() == 1 && firstName) {
            tally.guessPerson();
        }
        if (end < s.size() && SPEECH_VERBS.contains(lower(s.token(end).text()))
                || words.size() >= 2 && words.size() <= 3 && start >= 2 && "according".equals(lower(s.token(start - 2).text()))
                && "to".equals(lower(s.token(start - 1).text()))) {
            tally.vote(PERSON, 1);
        }
        if (ORG_LAST.contains(last) || words.size() >= 3 && ORG_FIRST.contains(first) && "of".equals(lower(words.get(1)))) {
            tally.vote(ORGANIZATION, 3);
        }
        if (KNOWN_ORGS.contains(whole)) {
            tally.vote(ORGANIZATION, 2);
        }
        if (PLACES.contains(whole)) {
            tally.vote(PLACE, 3);
        }
        if (words.size() >= 2 && (PLACE_LAST.contains(last) || PLACE_FIRST.contains(first))) {
            tally.vote(PLACE, 2);
        }
        placeContext(tally, s, start, end);
        classNounAfter(tally, s, end);
        if (version) {
            tally.vote(PRODUCT, 3);
        }
        if (words.size() >= 2 && PRODUCT_LAST.contains(last) || cueBefore(s, start, PRODUCT_CUES)) {
            tally.vote(PRODUCT, words.size() >= 2 && PRODUCT_LAST.contains(last) ? 2 : 1);
        }
        if (quoted(s, start, end) || cueBefore(s, start, WORK_CUES)) {
            tally.vote(WORK, 2);
        }
        if (EVENT_LAST.contains(last) || words.size() >= 3 && EVENT_FIRST.contains(first) && "of".equals(lower(words.get(1)))) {
            tally.vote(EVENT, 3);
        }
        if (year) {
            tally.vote(EVENT, 2);
        }
        shape(tally, words, whole, last, year);
        roleInSentence(tally, s, start, end);
        String defined = DefiningPhrase.typeAfter(s, end);
        if (defined != null) {
            tally.vote(defined, 3);
        }
    }

    /**
     * What a name's form says: a version or a size in it marks a model or a program ("DeepSeek-V2",
     * "GPT-4o", "Claude 3 Opus"), a benchmark's suffix a work ("HumanEval", "DPG-Bench"), an "AI"
     * suffix a company ("Moonshot AI").
     */
    private static void shape(TopicTally tally, List<String> words, String whole, String last, boolean year) {
        boolean digits = false;
        for (int i = 0; i < whole.length() && !year; i++) {
            digits |= Character.isDigit(whole.charAt(i));
        }
        String[] parts = words.get(words.size() - 1).split("-|(?<=\\p{Ll})(?=\\p{Lu})");
        String lastPart = lower(parts[parts.length - 1]);
        if (WORK_SUFFIXES.contains(lastPart) || WORK_SUFFIXES.contains(last) || words.size() > 1 && benchmarkWord(words)) {
            tally.vote(WORK, 3);
        } else if (digits) {
            tally.vote(PRODUCT, 2);
        }
        if ("ai".equals(lastPart) && (words.size() > 1 || parts.length > 1)) {
            tally.vote(ORGANIZATION, 3);
        }
    }

    /** "SWE-Bench Lite": a benchmark's name with a word after it. */
    private static boolean benchmarkWord(List<String> words) {
        for (String w : words) {
            String[] parts = w.split("-|(?<=\\p{Ll})(?=\\p{Lu})");
            if (parts.length > 1 && WORK_SUFFIXES.contains(lower(parts[parts.length - 1]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the sentence does with the name: a system is what "achieves" or "outperforms"; a
     * benchmark or dataset is what something is evaluated "on" in a sentence about results.
     */
    private static void roleInSentence(TopicTally tally, TaggedSentence s, int start, int end) {
        if (end < s.size() && PRODUCT_VERBS.contains(lower(s.token(end).text()))) {
            tally.vote(PRODUCT, 1);
        }
        String prev = start >= 1 ? lower(s.token(start - 1).text()) : "";
        if (("on".equals(prev) || "of".equals(prev) && start >= 2 && "subset".equals(lower(s.token(start - 2).text())))
                && mentionsEvaluation(s)) {
            tally.vote(WORK, 1);
        }
    }

    private static boolean mentionsEvaluation(TaggedSentence s) {
        for (int i = 0; i < s.size(); i++) {
            if (EVALUATION_WORDS.contains(lower(s.token(i).text()))) {
                return true;
            }
        }
        return false;
    }

    private static void placeContext(TopicTally tally, TaggedSentence s, int start, int end) {
        String prev = start >= 1 ? lower(s.token(start - 1).text()) : "";
        String prev2 = start >= 2 ? lower(s.token(start - 2).text()) : "";
        if (PLACE_PREPOSITIONS.contains(prev) && PLACE_VERBS.contains(prev2)
                || "of".equals(prev) && PLACE_OF.contains(prev2)) {
            tally.vote(PLACE, 2);
        }
        // "Springfield, Illinois": a known place right after a comma.
        if (end + 1 < s.size() && ",".equals(s.token(end).text()) && PLACES.contains(lower(s.token(end + 1).text()))) {
            tally.vote(PLACE, 2);
        }
    }

    /** "the KubeCon conference", "the Debian project", "the Chrome browser": the kind, in lower case, after the name. */
    private static void classNounAfter(TopicTally tally, TaggedSentence s, int end) {
        if (end >= s.size() || s.token(end).capitalized()) {
            return;
        }
        String next = lower(s.token(end).text());
        if (WORK_AFTER.contains(next)) {
            tally.vote(WORK, 2);
        } else if (TECHNIQUE_AFTER.contains(next)) {
            tally.vote(TECHNIQUE, 2);
        } else if (PRODUCT_AFTER.contains(next)) {
            tally.vote(PRODUCT, 2);
        } else if (EVENT_LAST.contains(next)) {
            tally.vote(EVENT, 2);
        } else if (ORG_LAST.contains(next)) {
            tally.vote(ORGANIZATION, 2);
        } else if (PRODUCT_LAST.contains(next)) {
            tally.vote(PRODUCT, 2);
        }
    }

    /** A cue word right before the mention, with at most a determiner between. */
    private static boolean cueBefore(TaggedSentence s, int start, Set<String> cues) {
        for (int j = start - 1; j >= 0 && j >= start - 2; j--) {
            String w = lower(s.token(j).text());
            if (cues.contains(w)) {
                return true;
            }
            if (!DETERMINERS.contains(w)) {
                return false;
            }
        }
        return false;
    }

    private static boolean quoted(TaggedSentence s, int start, int end) {
        return start > 0 && end < s.size() && "\"“‘'«".contains(s.token(start - 1).text())
                && "\"”’'»".contains(s.token(end).text());
    }

    /** A word that makes a name an institution's: "University", "Foundation", "Inc". */
    static boolean institutional(String word) {
        String w = lower(word);
        return INSTITUTIONS.contains(w);
    }

    /** A place the gazetteer knows ("Beijing", "China"). */
    static boolean place(String name) {
        return PLACES.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean firstName(String word) {
        return FIRST_NAMES.contains(lower(word));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT).replace(".", "");
    }
}
