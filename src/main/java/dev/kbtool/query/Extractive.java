package dev.kbtool.query;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.PassageRow;
import dev.kbtool.language.SentenceSplitter;
import dev.kbtool.search.Relevance;
import dev.kbtool.search.SearchQuery;
import dev.kbtool.search.SearchResult;
import dev.kbtool.search.SearchText;
import dev.kbtool.search.Tokens;
import dev.kbtool.text.ShortText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline answer: the sentences of the retrieved passages that best answer the question,
 * quoted, each citing its document and page. A sentence is as good as the share of the
 * question's weight it holds ({@link Relevance#coverage}, rare words weighing most) plus a
 * little for the rank of its passage; when the best sentence holds less than
 * {@link #ANSWERS} of the question, the knowledge base is taken not to answer it.
 */
final class Extractive {
    /**
     * The share of the question's weight a sentence must hold to count as an answer. Words the
     * knowledge base never uses weigh most, so a question about something it does not mention
     * falls below this even when its other words are all there.
     */
    static final double ANSWERS = 0.5;
    /** Sentences shorter or longer than this are captions, headings or run-on extraction. */
    private static final int MIN_SENTENCE = 25;
    private static final int MAX_SENTENCE = 600;
    private static final int MIN_WORDS = 4;
    /** Past this share of math letters and symbols, a sentence is mostly formula. */
    private static final double MATH_SHARE = 0.08;
    private static final double W_PASSAGE = 0.25;
    private static final double W_WINDOW = 0.25;
    private static final int SENTENCE_WINDOW = 12;
    private static final int PER_PASSAGE = 2;
    /** The share of the shorter sentence's words found in the longer that makes them one sentence. */
    private static final double SAME_SENTENCE = 0.8;
    /** A line without a sentence's end and shorter than this is a heading or a caption. */
    private static final int MIN_UNENDED_WORDS = 10;
    /** A word of the question in the title of the document or section a sentence stands in counts this much. */
    private static final double CONTEXT = 0.5;
    /** A sentence holding the kind of thing asked for comes before one that only shares words. */
    private static final double W_TYPED = 0.15;

    private static final java.util.regex.Pattern ENDS = java.util.regex.Pattern.compile("[.!?。！？;:…)\"”]$");

    private final Catalog catalog;
    private final Map<Candidate, PassageRow> sources = new HashMap<>();

    Extractive(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A sentence that may answer, with where it is from.
     *
     * @param typed it holds the kind of thing the question asks for ({@link AnswerType})
     */
    record Candidate(String sentence, PassageRow passage, double coverage, boolean typed, double score) {
    }

    /** The best sentences, best first, at most {@code limit}, none repeated. */
    List<Candidate> best(String question, List<SearchResult> passages, Relevance relevance, int limit) {
        return pick(scored(question, passages, relevance), limit, PER_PASSAGE);
    }

    /**
     * For a question the knowledge base does not answer: the best sentence of each of the best
     * places (a document's page), in the order search ranked their passages. No sentence holds
     * the question there, so the ranking of whole passages (all their words, how close together)
     * says more than a sentence's share of the words, and a reader sees more places to look.
     */
    List<Candidate> closest(String question, List<SearchResult> passages, Relevance relevance, int limit) {
        List<Candidate> best = pick(scored(question, passages, relevance), Integer.MAX_VALUE, 1);
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            rank.putIfAbsent(passages.get(i).passage().id(), i);
        }
        best.sort(Comparator.comparingInt(c -> rank.get(c.passage().id())));
        List<Candidate> out = new ArrayList<>();
        Set<String> places = new HashSet<>();
        for (Candidate c : best) {
            if (out.size() == limit) {
                break;
            }
            if (places.add(place(source(c)))) {
                out.add(c);
            }
        }
        return out;
    }

    private List<Candidate> scored(String question, List<SearchResult> passages, Relevance relevance) {
        java.util.Set<AnswerType> types = AnswerType.of(question);
        List<Candidate> all = new ArrayList<>();
        double top = passages.isEmpty() ? 1 : Math.max(1e-9, passages.get(0).score());
        for (SearchResult r : passages) {
            double passageScore = r.score() / top;
            for (String sentence : sentences(r.passage().text())) {
                double coverage = relevance.coverage(sentence, context(r.passage()), CONTEXT);
                if (coverage <= 0) {
                    continue;
                }
                boolean typed = AnswerType.anyIn(types, sentence, question);
                double score = coverage + W_WINDOW * relevance.windowCoverage(sentence, SENTENCE_WINDOW)
                        + W_PASSAGE * passageScore + (typed && !types.isEmpty() ? W_TYPED : 0);
                all.add(new Candidate(sentence, r.passage(), coverage, typed, score));
            }
        }
        all.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return all;
    }

    /** The first {@code limit} of {@code all} (best first), none like one before, at most {@code perPassage} from a passage. */
    private static List<Candidate> pick(List<Candidate> all, int limit, int perPassage) {
        List<Candidate> out = new ArrayList<>();
        List<Set<String>> seen = new ArrayList<>();
        Map<Long, Integer> taken = new HashMap<>();
        for (Candidate c : all) {
            if (out.size() == limit) {
                break;
            }
            Set<String> words = new HashSet<>(Tokens.stems(c.sentence()));
            if (seen.stream().anyMatch(s -> similar(s, words))
                    || taken.getOrDefault(c.passage().id(), 0) >= perPassage) {
                continue;
            }
            taken.merge(c.passage().id(), 1, Integer::sum);
            seen.add(words);
            out.add(c);
        }
        return out;
    }

    /** What a sentence is about besides its own words: its document's or page's title and section. */
    private static String context(PassageRow p) {
        return p.title() + "\n" + p.section() + "\n" + (p.document() == null ? "" : p.document());
    }

    /**
     * The same sentence twice: a summary quotes its document, sometimes cut short, so most of
     * the words of the shorter are in the longer.
     */
    private static boolean similar(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return common.size() >= SAME_SENTENCE * Math.min(a.size(), b.size());
    }

    /** Whether a chosen sentence holds what the question asks for and enough of its words. */
    static boolean answers(List<Candidate> best) {
        return best.stream().anyMatch(c -> c.typed() && c.coverage() >= ANSWERS);
    }

    /** Citations for the sentences, one per place (sentences from one page share a number). */
    List<Citation> cite(List<Candidate> chosen) {
        Map<String, List<String>> quotes = new LinkedHashMap<>();
        Map<String, PassageRow> places = new HashMap<>();
        for (Candidate c : chosen) {
            PassageRow place = source(c);
            String key = place(place);
            places.putIfAbsent(key, place);
            quotes.computeIfAbsent(key, k -> new ArrayList<>()).add(c.sentence());
        }
        List<Citation> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : quotes.entrySet()) {
            out.add(Citations.of(out.size() + 1, places.get(e.getKey()), String.join(" … ", e.getValue())));
        }
        return out;
    }

    private static String place(PassageRow p) {
        return p.target() + "#" + p.page() + "#" + p.line();
    }

    /** The number of each sentence's citation, in the order of {@code chosen}. */
    List<Integer> numbers(List<Candidate> chosen, List<Citation> citations) {
        List<Integer> out = new ArrayList<>();
        for (Candidate c : chosen) {
            for (Citation cite : citations) {
                if (cite.quote().contains(c.sentence())) {
                    out.add(cite.n());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The page of a document a sentence stands on. Summaries and topic pages quote their
     * documents: a sentence from one is looked up in the document's pages, so the citation
     * points where it was said.
     */
    private PassageRow source(Candidate c) {
        // closest() and cite() both ask for it: one phrase search per sentence is enough.
        return sources.computeIfAbsent(c, this::lookUpSource);
    }

    private PassageRow lookUpSource(Candidate c) {
        PassageRow p = c.passage();
        if (p.kind().equals("source")) {
            return p;
        }
        List<String> words = new ArrayList<>();
        for (Tokens.Token t : Tokens.of(c.sentence())) {
            words.add(c.sentence().substring(t.start(), t.end()));
            if (words.size() == 12) {
                break;
            }
        }
        if (words.size() < MIN_WORDS) {
            return p;
        }
        String phrase = SearchQuery.anyOf(List.of(SearchQuery.parse("\"" + String.join(" ", words) + "\"")
                .terms().get(0)));
        return catalog.passages().first(phrase, "source", p.document()).orElse(p);
    }

    /** The sentences of a text, headings apart (each line of the index's text is a heading or a run of paragraphs). */
    static List<String> sentencesOf(String readable) {
        List<String> split = new ArrayList<>();
        for (String line : readable.split("\n")) {
            split.addAll(SentenceSplitter.split(line));
        }
        return split;
    }

    /** The sentences of a passage worth quoting: prose, not captions, headings or tables of contents. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : sentencesOf(SearchText.readable(text))) {
            String t = s.strip();
            int words = Tokens.of(t).size();
            if (t.length() < MIN_SENTENCE || t.length() > MAX_SENTENCE || ShortText.hasDotLeaders(t)
                    || words < MIN_WORDS || letters(t) < t.length() / 2
                    || words < MIN_UNENDED_WORDS && !ENDS.matcher(t).find() || tableOrFormula(t)) {
                continue;
            }
            out.add(t);
        }
        return out;
    }

    /**
     * A table row (cells between bars) or text read off a formula (math letters and symbols),
     * which a converter leaves among the sentences and a reader cannot use as a quote.
     */
    static boolean tableOrFormula(String s) {
        if (s.chars().filter(c -> c == '|').count() >= 2) {
            return true;
        }
        long math = s.codePoints().filter(c -> c >= 0x1D400 && c <= 0x1D7FF || Character.getType(c) == Character.MATH_SYMBOL).count();
        long visible = s.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        return math > MATH_SHARE * visible;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i)) || s.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }
}
