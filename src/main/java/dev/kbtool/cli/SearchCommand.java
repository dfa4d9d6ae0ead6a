package dev.kbtool.cli;

import dev.kbtool.catalog.SearchHit;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.search.SearchQuery;
import dev.kbtool.session.KbSession;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", sortOptions = false,
        description = {
            "Full-text search over the knowledge base.",
            "Ranks summaries, concepts, entities and document text (BM25), long documents page by "
                    + "page. No LLM, no lock: it never waits for a running kb add. Every word must match; "
                    + "\"quote\" a phrase; end a word with * to match its prefix."
        })
final class SearchCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words and \"phrases\" to find.")
    List<String> words;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", description = "At most N results (default 10).")
    int limit;

    SearchCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        if (limit < 1 || limit > 1000) {
            throw new KbException(ExitCode.USAGE, "--limit must be from 1 to 1000");
        }
        String fts = SearchQuery.toIndexQuery(String.join(" ", words));
        if (fts.isEmpty()) {
            throw new KbException(ExitCode.USAGE, "nothing to search for in '" + String.join(" ", words) + "'");
        }
        List<SearchHit> hits;
        try (KbSession session = openKbToRead()) {
            hits = session.catalog().search(fts, limit);
        }
        int rank = 0;
        for (SearchHit h : hits) {
            rank++;
            if (json()) {
                Json.line(out(), Json.object().put("rank", rank).put("target", h.target()).put("kind", h.kind())
                        .put("doc", h.document()).put("page", h.page() > 0 ? h.page() : null)
                        .put("score", significant(h.score())).put("snippet", h.snippet()));
            } else {
                // No score here: BM25 values only rank, and in a small knowledge base they are all
                // close to zero, which reads as "no match".
                out().printf(Locale.ROOT, "%d. [[%s]]%s  (%s)%n", rank, h.target(),
                        h.page() > 0 ? " page " + h.page() : "", h.kind());
                out().println("   " + h.snippet().replace('\n', ' '));
            }
        }
        if (json()) {
            Json.line(out(), Json.summary().put("query", String.join(" ", words)).put("results", hits.size()));
        }
        if (hits.isEmpty() && !json() && !quiet()) {
            err().println("no matches");
        }
        return ExitCode.OK;
    }

    /** Four significant digits: enough to compare, and a tiny score does not round to zero. */
    private static double significant(double score) {
        return score == 0 || !Double.isFinite(score) ? score
                : new BigDecimal(score).round(new MathContext(4)).doubleValue();
    }
}
