package dev.kbtool.compile.offline;

import dev.kbtool.language.PosTagger;
import dev.kbtool.language.TokenShapes;
import dev.kbtool.language.WordFrequencies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sections a document names after a term: "3.4. Long Context Extension", "## Swarm mode".
 * Authors give a section to each of their main ideas, so a heading that is one term is strong
 * evidence for it. The heading is read in lower case (title case hides the parts of speech),
 * except the words the document itself writes with capitals, which are names, and inside a
 * sentence, where the tagger reads it as the noun phrase it is ("long context extension" alone
 * comes out as adverb, verb, noun); the concept extractor decides whether it is one phrase. In
 * a converted PDF only numbered headings count: unnumbered ones there are often figure labels
 * and axis titles. Where a document numbers subsections, its top-level sections are its parts
 * ("2. Data Collection", "4. Experimental Results") and only the subsections name ideas.
 */
final class SectionTerms {
    /** "Block Exchange - BitSwap Protocol", "IPNS: Naming and Mutable State": two names for one section. */
    private static final Pattern PARTS = Pattern.compile("\\s+[-–—]\\s+|:\\s+");
    /** "(SFT)": an acronym or aside in a heading is not part of the term. */
    private static final Pattern ASIDE = Pattern.compile("\\s*\\([^)]*\\)");
    /** "Scaling Law of Muon", "Pretraining with Muon": the idea, applied to a name. */
    private static final Pattern APPLIED_TO = Pattern.compile("\\s+(of|with|for|in|on|to)\\s+(\\p{Lu}\\S*)$");
    /** Headings longer than this are sentences or layout, not a term. */
    private static final int MAX_WORDS = 5;

    /** The sentence a heading's text is tagged in: the heading's tokens follow these. */
    private static final String CARRIER = "This section describes the ";
    private static final int CARRIER_TOKENS = 4;

    /**
     * A heading's part that may be a term.
     *
     * @param sentence the part in lower case, tagged inside a carrier sentence
     * @param start    its first token in that sentence
     * @param end      the token after its last
     * @param heading  the heading it comes from
     */
    record Section(TaggedSentence sentence, int start, int end, Heading heading) {
    }

    private SectionTerms() {
    }

    static List<Section> of(Prose prose, CaseStats caseStats, PosTagger tagger, int maxHeadings) {
        List<Section> out = new ArrayList<>();
        List<Heading> headings = prose.headings().subList(0, Math.min(maxHeadings, prose.headings().size()));
        int deepest = 0;
        for (Heading heading : headings) {
            deepest = Math.max(deepest, heading.depth());
        }
        for (Heading heading : headings) {
            if (prose.paged() && !heading.numbered() || deepest > 1 && heading.depth() == 1) {
                continue;
            }
            String name = ASIDE.matcher(heading.name()).replaceAll("").strip().replaceAll("[.:]+$", "");
            java.util.regex.Matcher applied = APPLIED_TO.matcher(name);
            if (applied.find() && !WordFrequencies.everyday(applied.group(2))) {
                name = name.substring(0, applied.start());
            }
            if (name.equalsIgnoreCase(prose.title())) {
                continue;
            }
            for (String part : PARTS.split(name)) {
                String text = lowered(part, caseStats);
                int words = text.isBlank() ? 0 : text.split("\\s+").length;
                if (words >= 1 && words <= MAX_WORDS) {
                    TaggedSentence s = Tagging.tag(new Sentence(-1, CARRIER + text + ".", -1, true, false,
                            SentenceQuality.Grade.NOISE), tagger);
                    out.add(new Section(s, CARRIER_TOKENS, s.size() - 1, heading));
                }
            }
        }
        return out;
    }

    /** Title case undone: words the document writes in lower case lose their capitals, names and acronyms keep them. */
    private static String lowered(String part, CaseStats caseStats) {
        StringBuilder out = new StringBuilder();
        for (String word : part.strip().split("\\s+")) {
            // An everyday word the document capitalizes ("Distributed Hash Tables") is still a word.
            boolean name = !TokenShapes.plainWord(word.substring(0, 1).toLowerCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT))
                    || hasInnerCapital(word) && !hyphenatedTitleCase(word) || caseStats.proper(word) && !WordFrequencies.everyday(word);
            out.append(out.length() > 0 ? " " : "").append(name ? word : word.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static boolean hasInnerCapital(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** "Fine-Grained", "Fill-in-the-Middle": title case across a hyphen, not a name's inner capital. */
    private static boolean hyphenatedTitleCase(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i)) && word.charAt(i - 1) != '-') {
                return false;
            }
        }
        return true;
    }
}
