package dev.kbtool.query;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.llm.ChatModel;
import dev.kbtool.llm.LlmException;
import dev.kbtool.llm.LlmSettings;
import dev.kbtool.llm.LlmUnavailableException;
import dev.kbtool.llm.OnUnavailable;
import dev.kbtool.llm.TextListener;
import dev.kbtool.search.Relevance;
import dev.kbtool.search.SearchQuery;
import dev.kbtool.search.SearchResult;
import dev.kbtool.search.Searcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Answers a question from the knowledge base: retrieval over the wiki's passages (summaries,
 * concept and entity pages, the documents page by page), then an extractive answer offline or
 * an LLM's answer written from the passages retrieved ({@link LlmAnswerer}).
 */
public final class QueryService {
    /** The pages an answer may come from: saved answers are not sources. */
    static final List<String> SOURCES = List.of("summary", "source", "concept", "entity");
    /** Passages retrieved for a question. */
    static final int PASSAGES = 12;

    /** Quotes in an offline answer, by default. */
    public static final int QUOTES = 3;
    /** Passages an LLM is given, by default. */
    public static final int LLM_PASSAGES = 8;

    private final Catalog catalog;
    private final Searcher searcher;
    private final ChatModel model;
    private final LlmSettings settings;
    private final Consumer<String> notices;

    /**
     * Offline only.
     *
     * @param dense whether retrieval also ranks passages by meaning ({@link Searcher})
     */
    public QueryService(Catalog catalog, boolean dense) {
        this(catalog, dense, null, null, n -> { });
    }

    /**
     * @param dense    whether retrieval also ranks passages by meaning ({@link Searcher})
     * @param model    the LLM, or null to answer offline
     * @param settings its settings (time limit, passages budget, on_unavailable), or null
     * @param notices  told once when kb falls back to the offline answer
     */
    public QueryService(Catalog catalog, boolean dense, ChatModel model, LlmSettings settings,
            Consumer<String> notices) {
        this.catalog = catalog;
        this.searcher = new Searcher(catalog, dense);
        this.model = model;
        this.settings = settings;
        this.notices = notices;
    }

    /**
     * @param limit   at most this many quotes (offline) or passages given to the LLM; 0 for the default
     * @param offline answer offline even when an LLM is configured
     */
    public record Options(int limit, boolean offline) {
    }

    /** Whether answers come from the LLM (unless asked to be offline). */
    public boolean usesLlm() {
        return model != null;
    }

    /**
     * Answers with the LLM when one is configured, else offline. An unavailable LLM fails the
     * query (exit 69) or, with {@code llm.on_unavailable: offline}, gives the offline answer
     * after saying so.
     *
     * @param listener told the LLM's answer as it arrives, once it has cited a passage
     */
    public Answer answer(String question, Options options, TextListener listener) throws InterruptedException {
        if (model == null || options.offline()) {
            return offline(question, options.limit() > 0 ? options.limit() : QUOTES);
        }
        Retrieved r = retrieve(question, options.limit() > 0 ? options.limit() : LLM_PASSAGES);
        if (r.passages().isEmpty()) {
            return notFound(question, "llm", List.of());
        }
        try {
            return new LlmAnswerer(model, settings).answer(question, r.passages(), r.relevance(), listener);
        } catch (LlmUnavailableException e) {
            if (settings.onUnavailable() != OnUnavailable.OFFLINE) {
                throw e;
            }
            notices.accept(e.getMessage() + "; answering offline instead (llm.on_unavailable: offline)");
            return offline(question, QUOTES);
        } catch (LlmException e) {
            throw new KbException(ExitCode.FAILURE, "the LLM did not answer: " + e.getMessage());
        }
    }

    /** What was retrieved for a question: the passages, best first, and the weights of its words. */
    record Retrieved(List<SearchResult> passages, Relevance relevance) {
    }

    Retrieved retrieve(String question, int passages) {
        String keywords = Question.keywords(question);
        SearchQuery query = SearchQuery.parse(keywords);
        if (query.isEmpty()) {
            return new Retrieved(List.of(), null);
        }
        Relevance relevance = Relevance.of(catalog, query);
        List<SearchResult> found = searcher.search(
                new Searcher.Request(keywords, passages, List.of(), SOURCES, 6), relevance);
        return new Retrieved(found, relevance);
    }

    /**
     * The extractive answer: the best sentences quoted with their citations. When no sentence
     * holds enough of the question (see {@link Extractive#ANSWERS}), the knowledge base is taken
     * not to say: the answer says so and the closest sentences are quoted as such, with their
     * citations, for a reader to look at; when nothing matches at all, there are none.
     *
     * @param quotes at most this many sentences
     */
    public Answer offline(String question, int quotes) {
        Retrieved r = retrieve(question, PASSAGES);
        if (r.passages().isEmpty()) {
            return notFound(question, "offline", List.of());
        }
        Extractive extractive = new Extractive(catalog);
        List<Extractive.Candidate> best = extractive.best(question, r.passages(), r.relevance(), quotes);
        if (best.isEmpty()) {
            return notFound(question, "offline", related(r.passages(), quotes));
        }
        boolean answers = Extractive.answers(best);
        if (!answers) {
            best = extractive.closest(question, r.passages(), r.relevance(), quotes);
        }
        List<Citation> citations = extractive.cite(best);
        List<Integer> numbers = extractive.numbers(best, citations);
        StringBuilder text = new StringBuilder(answers ? "" : NOT_DIRECTLY + "\n");
        for (int i = 0; i < best.size(); i++) {
            text.append(i == 0 ? "" : "\n").append('"').append(best.get(i).sentence()).append("\" [")
                    .append(numbers.get(i)).append(']');
        }
        return new Answer(question, text.toString(), citations, List.of(), "offline",
                answers ? Answer.Status.ANSWERED : Answer.Status.NOT_FOUND, Answer.Usage.NONE);
    }

    /** What an answer that only found related passages starts with. */
    static final String NOT_DIRECTLY = "The knowledge base does not say this directly. The closest passages:";

    /** The passages that came closest, as citations a reader may look at. */
    static List<Citation> related(List<SearchResult> passages, int limit) {
        List<Citation> out = new ArrayList<>();
        for (SearchResult r : passages) {
            if (out.size() == limit) {
                break;
            }
            out.add(Citations.of(out.size() + 1, r.passage(), r.snippet()));
        }
        return out;
    }

    static Answer notFound(String question, String mode, List<Citation> related) {
        return new Answer(question, NOT_FOUND, List.of(), related, mode, Answer.Status.NOT_FOUND, Answer.Usage.NONE);
    }

    /** What an unanswered question is told. */
    static final String NOT_FOUND = "The knowledge base does not say.";
}
