package dev.kbtool.compile.offline;

import dev.kbtool.compile.TopicKeys;
import dev.kbtool.language.Language;
import dev.kbtool.language.Token;
import dev.kbtool.language.TokenShapes;
import dev.kbtool.language.WordFrequencies;
import dev.kbtool.language.WordLists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Named entities: runs of capitalized words inside sentences (proper nouns for the tagger,
 * or words the document capitalizes consistently), with connectors ("University of
 * California"), versions ("Windows 11") and acronyms. Citations, document parts, months and
 * the like are not names; a surname alone counts for the full name it abbreviates.
 *
 * <p>Longer than 400 lines: finding a name's extent (connectors, versions, hyphenated parts) and
 * telling names from capitalised noise share the document's case statistics and tallies in one
 * pass; the noise rules are the part to move out when this grows again.
 */
final class EntityExtractor {
    private static final Set<String> NOT_NAMES = WordLists.words("not-names.txt");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "&", "de", "da", "del", "der", "den", "van", "von",
            "la", "le", "du", "di", "y", "und", "the");
    private static final Set<String> NAME_TAGS = Set.of("PROPN", "NOUN", "ADJ", "X", "NUM", "SYM");
    private static final Pattern VERSION = Pattern.compile("\\d{1,2}(\\.\\d+){0,3}[a-z]?");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    /** "ARG2", "W0031": identifiers and message codes, not acronyms. */
    private static final Pattern NUMBERED_IDENTIFIER = Pattern.compile("\\p{Lu}{3,}\\d+|\\p{Lu}\\d{2,}");
    private static final Pattern INFLECTED_NAME = Pattern.compile("['’]\\p{Ll}{1,3}$");
    private static final int MAX_WORDS = 6;
    /** An all-capitals word this common in general English is vocabulary ("GPU", "URL", "PDF"). */
    private static final int EVERYDAY_ACRONYM = 8;

    private final Prose prose;
    private final CaseStats caseStats;
    private final Map<String, String> acronyms;
    private final Set<String> stop;
    private final Map<String, TopicTally> tallies = new HashMap<>();
    /** Acronyms the document also writes in the plural ("LLMs", "DAGs"): common nouns, not names. */
    private final Set<String> pluralAcronyms = new HashSet<>();

    private EntityExtractor(Prose prose, CaseStats caseStats, Map<String, String> acronyms) {
        this.prose = prose;
        this.caseStats = caseStats;
        this.acronyms = acronyms;
        // Latin-script words quoted in another script are mostly English ("The TeXbook").
        Set<String> own = prose.language().stopWords();
        this.stop = own.isEmpty() ? Language.ENGLISH.stopWords() : own;
    }

    static List<TopicTally> extract(Prose prose, List<TaggedSentence> tagged, CaseStats caseStats,
            Map<String, String> acronyms) throws InterruptedException {
        EntityExtractor x = new EntityExtractor(prose, caseStats, acronyms);
        for (int i = 0; i < tagged.size(); i++) {
            if ((i & 255) == 0 && Thread.interrupted()) {
                throw new InterruptedException();
            }
            x.read(tagged.get(i));
        }
        x.weighFirstNameGuesses();
        x.readByline();
        x.mergeSurnames();
        x.mergeParts();
        x.typeFamilies();
        return x.select();
    }

    private void read(TaggedSentence s) {
        boolean shouting = shouting(s);
        int i = 0;
        while (i < s.size()) {
            if (!nameLike(s, i, shouting)) {
                i++;
                continue;
            }
            int a = i;
            int b = runEnd(s, i, shouting);
            i = b;
            // "Windows 11", "Redis 2.6"; not "IDN 1", an acronym with a number.
            boolean version = b < s.size() && s.token(b).shape() == Token.Shape.NUMBER && VERSION.matcher(s.token(b).text()).matches()
                    && (!s.token(b - 1).acronym() || s.token(b).text().indexOf('.') > 0);
            // "Claude 3 Opus", "Gemini 1.5 Pro": the version is inside the name.
            if (version && b + 1 < s.size() && s.token(b + 1).capitalized() && nameLike(s, b + 1, shouting)) {
                b = runEnd(s, b + 1, shouting);
                version = false;
            }
            boolean year = b < s.size() && YEAR.matcher(s.token(b).text()).matches()
                    && (EntityTypes.EVENT_LAST.contains(s.token(b - 1).text().toLowerCase(Locale.ROOT)) || s.token(b - 1).acronym());
            boolean numeral = b < s.size() && s.token(b).word() && TokenShapes.roman(s.token(b).text())
                    && s.token(b).text().length() > 1 && s.token(b).acronym();
            // "Stage II", "Part IV": a part of the document, not a name ("Henry VIII" is one).
            boolean part = numeral && b - a == 1 && WordFrequencies.everyday(s.token(a).text());
            if (citation(s, a, b) || part) {
                i = part ? b + 1 : i;
                continue;
            }
            int end = version || year || numeral ? b + 1 : b;
            i = end;
            record(s, a, end, version, year);
        }
    }

    /** End of the run starting at {@code i}, across connectors between name words. */
    private int runEnd(TaggedSentence s, int i, boolean shouting) {
        int j = i;
        while (true) {
            while (j < s.size() && (nameLike(s, j, shouting) || j > i && continuesName(s, j))) {
                j++;
            }
            int k = j;
            while (k < s.size() && k - j < 2 && CONNECTORS.contains(s.token(k).text()) && !(k == j && "the".equals(s.token(k).text()))) {
                k++;
            }
            if (k > j && k < s.size() && nameLike(s, k, shouting) && j - i < MAX_WORDS) {
                j = k;
            } else {
                return j;
            }
        }
    }

    private boolean nameLike(TaggedSentence s, int i, boolean shouting) {
        Token t = s.token(i);
        String text = t.text();
        if (!t.word() || !TokenShapes.nameWord(text) || prose.code().contains(text) || !TokenShapes.latin(text)) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (NOT_NAMES.contains(lower.replace(".", ""))) {
            return false;
        }
        if (t.acronym()) {
            // "SAVE" or "FORCE" in a document that also writes "save" is a keyword, not a name.
            return !shouting && !TokenShapes.roman(text) && text.length() <= 8 && !caseStats.seenLower(Acronyms.bare(text))
                    && !NUMBERED_IDENTIFIER.matcher(text).matches();
        }
        if (!t.capitalized()) {
            // Brand spellings: "iPhone", "eBay".
            return text.length() > 2 && Character.isUpperCase(text.charAt(1)) && Character.isLowerCase(text.charAt(2));
        }
        if (stop.contains(lower) || text.length() == 1 || TokenShapes.roman(text) && text.length() > 1) {
            return false;
        }
        if (text.length() == 2 && text.endsWith(".")) {
            // An initial ("J.") belongs to a name only when one follows.
            return i + 1 < s.size() && s.token(i + 1).capitalized();
        }
        String tag = s.tag(i);
        // A name's own form ("Falcon-V2", "DeepSeekMoE") outweighs what the tagger made of an unknown word.
        boolean nameShaped = !TokenShapes.plainWord(text) && text.length() > 2;
        if (tag != null && !NAME_TAGS.contains(tag) && !nameShaped) {
            return false;
        }
        if (s.initial(i)) {
            return caseStats.proper(lower)
                    || "PROPN".equals(tag) && i + 1 < s.size() && s.token(i + 1).capitalized() && !s.initial(i + 1)
                    && !stop.contains(s.token(i + 1).text().toLowerCase(Locale.ROOT));
        }
        // German capitalizes every noun: there, a capital marks a name only after a first name.
        return prose.language() != Language.GERMAN || caseStats.seenLower(lower) || EntityTypes.firstName(lower)
                || i > 0 && s.token(i - 1).capitalized() && EntityTypes.firstName(s.token(i - 1).text());
    }

    /** A capitalized word right after a name is part of it, whatever the tagger thought ("Alan Turing"). */
    private boolean continuesName(TaggedSentence s, int j) {
        Token t = s.token(j);
        String lower = t.text().toLowerCase(Locale.ROOT);
        return t.capitalized() && !t.acronym() && TokenShapes.nameWord(t.text()) && TokenShapes.latin(t.text()) && t.text().length() > 1
                && !stop.contains(lower) && !NOT_NAMES.contains(lower) && !prose.code().contains(t.text())
                && prose.language() != Language.GERMAN;
    }

    /** "Smith et al.", "Smith (2020)", "Smith, 2020": a citation, not a mention. */
    private static boolean citation(TaggedSentence s, int a, int b) {
        String next = b < s.size() ? s.token(b).text() : "";
        String after = b + 1 < s.size() ? s.token(b + 1).text() : "";
        if ("et".equals(next) && after.startsWith("al")) {
            return true;
        }
        if ((",".equals(next) || "(".equals(next)) && YEAR.matcher(after).lookingAt()) {
            return true;
        }
        return a > 0 && "(".equals(s.token(a - 1).text()) && YEAR.matcher(next).lookingAt();
    }

    private void record(TaggedSentence s, int a, int end, boolean version, boolean year) {
        List<String> words = new ArrayList<>();
        boolean titled = false;
        boolean adjectivesOnly = true;
        int nameEnd = version ? end - 1 : end;
        for (int i = a; i < nameEnd; i++) {
            String text = s.token(i).text();
            if (words.isEmpty() && EntityTypes.TITLES.contains(text.toLowerCase(Locale.ROOT).replace(".", "")) && i + 1 < nameEnd) {
                titled = true;
                continue;
            }
            words.add(inflectionless(text));
            adjectivesOnly &= "ADJ".equals(s.tag(i)) && TokenShapes.plainWord(text);
        }
        while (!words.isEmpty() && CONNECTORS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty() || words.size() > MAX_WORDS + 1 || adjectivesOnly && s.tags() != null) {
            return;
        }
        if (words.size() == 1 && Acronyms.abbreviation(s.token(a))) {
            if (words.get(0).endsWith("s")) {
                pluralAcronyms.add(TopicKeys.entity(Acronyms.bare(words.get(0))));
            }
            words.set(0, Acronyms.bare(words.get(0)));
            String longForm = acronyms.get(words.get(0));
            if (longForm != null) {
                // A long form of ordinary words ("Group Relative Policy Optimization") is a concept's.
                if (Character.isUpperCase(longForm.charAt(0)) && !Acronyms.ordinaryWords(longForm)) {
                    tallies.computeIfAbsent(TopicKeys.entity(longForm), k -> new TopicTally(k, longForm.split(" ").length))
                            .addAlias(words.get(0), s.sentence());
                }
                return;
            }
        }
        String name = String.join(" ", words);
        String key = TopicKeys.entity(name);
        if (key.length() < 2 || prose.code().contains(name) || initialsOnly(words)) {
            return;
        }
        TopicTally tally = tallies.computeIfAbsent(key, k -> new TopicTally(k, words.size()));
        tally.add(name, s.sentence());
        if ("PROPN".equals(s.tag(a))) {
            tally.properNoun();
        }
        if (version) {
            // "Redis 2.6" is Redis, a product; the versioned form is kept as an alias.
            tally.noteAlias(name + " " + s.token(end - 1).text());
        }
        EntityTypes.vote(tally, words, s, a, end, titled, version, year);
    }

    private static boolean initialsOnly(List<String> words) {
        for (String w : words) {
            if (w.replace(".", "").length() > 1) {
                return false;
            }
        }
        return true;
    }

    /** "Debian'o" (Lithuanian genitive of a foreign name) is Debian. */
    private String inflectionless(String word) {
        return prose.language() == Language.ENGLISH ? word : INFLECTED_NAME.matcher(word).replaceFirst("");
    }

    /**
     * A lone word that is a common first name ("Adam", "Janet") is a person only while the text
     * says nothing else of it; once it calls the name a thing ("the Adam optimizer", "the Janet
     * library"), the guess is dropped.
     */
    private void weighFirstNameGuesses() {
        for (TopicTally t : tallies.values()) {
            int other = 0;
            for (String type : EntityTypes.THINGS) {
                other = Math.max(other, t.votes(type));
            }
            if (other >= EntityTypes.MIN_VOTES) {
                t.dropPersonGuesses();
            }
        }
    }

    /** Institutions and the one or two authors of a paper's byline. */
    private void readByline() {
        for (FrontMatter.Name n : FrontMatter.of(prose)) {
            String key = TopicKeys.entity(n.name());
            if (key.length() < 2) {
                continue;
            }
            TopicTally tally = tallies.computeIfAbsent(key, k -> new TopicTally(k, n.name().split("\\s+").length));
            tally.add(n.name(), n.line());
            tally.vote(n.type(), 3);
            tally.properNoun();
            tally.boost(n.first() ? 3.0 : 1.5);
        }
    }

    /**
     * One word of a longer name, alone, is that name when only one name of the document has it
     * as first or last word ("Claude" and "Opus" for "Claude 3 Opus", "Engine" for "Docker
     * Engine"); shared by two ("Docker Engine", "Docker Store") it stays apart.
     */
    private void mergeParts() {
        Map<String, List<TopicTally>> byPart = new HashMap<>();
        for (TopicTally t : tallies.values()) {
            String name = t.name();
            if (t.words() >= 2 && name != null) {
                String[] words = name.split("\\s+");
                byPart.computeIfAbsent(TopicKeys.entity(words[0]), k -> new ArrayList<>()).add(t);
                if (words.length > 1) {
                    byPart.computeIfAbsent(TopicKeys.entity(words[words.length - 1]), k -> new ArrayList<>()).add(t);
                }
            }
        }
        for (Map.Entry<String, List<TopicTally>> e : byPart.entrySet()) {
            TopicTally alone = tallies.get(e.getKey());
            if (alone != null && alone.words() == 1 && e.getValue().size() == 1
                    && alone.mentions() <= 3 * e.getValue().get(0).mentions() && !edition(alone, e.getValue().get(0))) {
                e.getValue().get(0).absorb(alone);
                tallies.remove(alone.key());
            }
        }
    }

    /**
     * A name with no type evidence of its own takes its family's, when the family agrees: a
     * base name the type of the names that extend it ("Janus" of "Janus-Pro", "Debian" of
     * "Debian Project"), a hyphenated variant the type of its base ("Moonlight-A" of "Moonlight"),
     * an edition of a product its type ("DeepSeekMoE Chat").
     */
    private void typeFamilies() {
        // Types of the typed names, by the name and by each start of it that ends at a hyphen or space.
        Map<String, String> byName = new HashMap<>();
        Map<String, Set<String>> byStart = new HashMap<>();
        for (TopicTally t : tallies.values()) {
            String type = t.type(EntityTypes.MIN_VOTES, EntityTypes.OTHER);
            if (t.name() != null && !type.equals(EntityTypes.OTHER)) {
                byName.put(t.name(), type);
                for (int i = t.name().length() - 1; i > 0; i--) {
                    char c = t.name().charAt(i);
                    if (c == '-' || c == ' ') {
                        byStart.computeIfAbsent(t.name().substring(0, i), k -> new HashSet<>()).add(type);
                    }
                }
            }
        }
        for (TopicTally t : tallies.values()) {
            String name = t.name();
            if (name == null || !t.type(EntityTypes.MIN_VOTES, EntityTypes.OTHER).equals(EntityTypes.OTHER)) {
                continue;
            }
            Set<String> family = new HashSet<>(byStart.getOrDefault(name, Set.of()));
            for (int i = 1; i < name.length(); i++) {
                char c = name.charAt(i);
                String base = c == '-' || c == ' ' ? byName.get(name.substring(0, i)) : null;
                // "Moonlight-A" is Moonlight's kind; "DeepSeekMoE Chat" a product's edition, "Debian Social Contract" no part of Debian.
                if (base != null && (c == '-' || base.equals(EntityTypes.PRODUCT))) {
                    family.add(base);
                }
            }
            if (family.size() == 1) {
                t.vote(family.iterator().next(), EntityTypes.MIN_VOTES);
            }
        }
    }

    /**
     * "RiverMoE Chat" of "RiverMoE": a name of its own shape (inner capitals, digits) that starts
     * a longer name, which is then its edition, not the long form it abbreviates.
     */
    private static boolean edition(TopicTally alone, TopicTally longer) {
        String name = alone.name();
        boolean ownShape = false;
        for (int i = 1; i < name.length(); i++) {
            ownShape |= Character.isUpperCase(name.charAt(i)) || Character.isDigit(name.charAt(i));
        }
        return ownShape && longer.name().startsWith(name + " ");
    }

    /** "Murdock" or "Ian" alone is the "Ian Murdock" of the same document, when only one person fits. */
    private void mergeSurnames() {
        List<TopicTally> persons = new ArrayList<>();
        for (TopicTally t : tallies.values()) {
            if (t.words() >= 2 && t.type(EntityTypes.MIN_VOTES, EntityTypes.OTHER).equals(EntityTypes.PERSON)) {
                persons.add(t);
            }
        }
        Map<String, List<TopicTally>> byPart = new HashMap<>();
        for (TopicTally person : persons) {
            String name = person.name();
            if (name != null) {
                byPart.computeIfAbsent(TopicKeys.entity(name.substring(name.lastIndexOf(' ') + 1)), k -> new ArrayList<>()).add(person);
                byPart.computeIfAbsent(TopicKeys.entity(name.substring(0, name.indexOf(' '))), k -> new ArrayList<>()).add(person);
            }
        }
        for (Map.Entry<String, List<TopicTally>> e : byPart.entrySet()) {
            TopicTally alone = tallies.get(e.getKey());
            if (alone != null && alone.words() == 1 && e.getValue().size() == 1) {
                e.getValue().get(0).merge(alone);
                tallies.remove(alone.key());
            }
        }
    }

    private List<TopicTally> select() {
        boolean shortText = prose.note();
        boolean tagged = prose.language() == Language.ENGLISH;
        boolean foreignScript = prose.language().stopWords().isEmpty();
        List<TopicTally> scored = new ArrayList<>();
        for (TopicTally t : tallies.values()) {
            if (t.name() == null) {
                continue;
            }
            String type = t.type(EntityTypes.MIN_VOTES, EntityTypes.OTHER);
            boolean typed = !type.equals(EntityTypes.OTHER);
            boolean strong = typed && t.votes(type) >= 3;
            double needed = strong || shortText && t.words() >= 2 ? 1 : 2;
            if (t.mentions() < needed || prose.language() == Language.GERMAN && !typed && t.words() > 1) {
                continue;
            }
            // "General" or "Format" as a name, in a text that also writes "general" and "format", or
            // one word the tagger mostly did not take for a proper noun ("Introduce", "History").
            boolean singleWord = t.words() == 1 && !typed && !t.name().equals(t.name().toUpperCase(Locale.ROOT));
            if (singleWord && (caseStats.seenLower(t.name()) || tagged && 2 * t.properNouns() < t.full())) {
                continue;
            }
            // An everyday word the text also writes in lower case ("Performance" heading a table
            // and typed from its row) is the word, not a name, whatever one sentence made of it.
            if (t.words() == 1 && !strong && caseStats.seenLower(t.name()) && WordFrequencies.everyday(t.name())) {
                continue;
            }
            // "GPU", "URL": acronyms of everyday English, not the document's names; nor "LLM" beside "LLMs".
            if (!typed && t.words() == 1 && t.name().equals(t.name().toUpperCase(Locale.ROOT)) && tagged
                    && (WordFrequencies.frequencyClass(t.name()) >= EVERYDAY_ACRONYM || pluralAcronyms.contains(t.key()))) {
                continue;
            }
            // "LR", "LM", "Mt", "WO": two letters with nothing to say what they name are an abbreviation
            // of a term or a formula's symbol ("Mt" of M with subscript t); a name of two letters gets a type
            // ("the UN", "Qt framework").
            if (!typed && t.name().length() <= 2) {
                continue;
            }
            // In another script the Latin words quoted are often identifiers: one word needs repeating.
            if (foreignScript && t.words() == 1 && (t.mentions() < 3 || t.name().length() <= 2)) {
                continue;
            }
            double spread = 1 + Math.log(Math.max(1, t.blocks()));
            t.score(t.mentions() * spread * (t.words() >= 2 ? 1.3 : 1) * (typed ? 1.2 : 1) * t.boost()
                    * (prose.title().toLowerCase(Locale.ROOT).contains(t.name().toLowerCase(Locale.ROOT)) ? 1.5 : 1));
            scored.add(t);
        }
        return scored;
    }

    /** Mostly capitals (licence texts, banners): capitals say nothing there. */
    private static boolean shouting(TaggedSentence s) {
        int words = 0;
        int upper = 0;
        for (Token t : s.tokens()) {
            if (t.word() && t.text().length() > 1) {
                words++;
                upper += t.text().equals(t.text().toUpperCase(Locale.ROOT)) ? 1 : 0;
            }
        }
        return words >= 4 && upper * 10 > words * 6;
    }
}
