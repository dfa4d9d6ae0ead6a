package dev.kbtool.cli;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.search.ResultFormat;
import dev.kbtool.search.SearchQuery;
import dev.kbtool.search.SearchResult;
import dev.kbtool.search.Searcher;
import dev.kbtool.session.KbServices;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", sortOptions = false,
        description = {
            "Full-text search over the knowledge base: summaries, concept and entity pages, and the "
                    + "documents' text page by page (or section by section). No LLM, no lock: it never waits "
                    + "for a running kb add.",
            "Passages with more of the words rank higher, more so with the words close together and in "
                    + "the order typed; words in titles and headings count more. \"Quote\" a phrase; end a word "
                    + "with * to match its prefix. At most 3 results of one document come before the others'.",
            "Passages are also ranked by meaning (word-piece vectors distilled from all-MiniLM-L6-v2, in "
                    + "kb's jar), so one that says in other words what you ask can come up; dense_search: false "
                    + "in the config ranks by words alone.",
            "Exit status: 0 when something matched, 1 when nothing did (like grep)."
        })
final class SearchCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words and \"phrases\" to find.")
    List<String> words;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", description = "At most N results (default 10).")
    int limit;

    @Option(names = "--doc", paramLabel = "NAME",
            description = "Only this document (its name, file name, or an unambiguous part of either); repeatable.")
    List<String> documents = List.of();

    @Option(names = "--kind", paramLabel = "KIND", split = ",",
            description = "Only results of these kinds: summary, source, concept, entity, answer (repeatable or comma-separated).")
    List<String> kinds = List.of();

    SearchCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        if (limit < 1 || limit > 1000) {
            throw new KbException(ExitCode.USAGE, "--limit must be from 1 to 1000");
        }
        String text = String.join(" ", words);
        if (SearchQuery.parse(text).isEmpty()) {
            throw new KbException(ExitCode.USAGE, "nothing to search for in '" + text + "'");
        }
        List<SearchResult> results;
        try (KbServices kb = openServicesToRead()) {
            results = kb.search(new Searcher.Request(text, limit, kb.documentNames(documents), Searcher.checkKinds(kinds),
                    documents.isEmpty() ? 3 : 0));
        }
        int rank = 0;
        for (SearchResult r : results) {
            rank++;
            if (json()) {
                Json.line(out(), ResultFormat.json(rank, r));
            } else {
                out().print(ResultFormat.text(rank, r));
            }
        }
        out().flush();
        if (json()) {
            Json.line(out(), Json.summary().put("query", text).put("results", results.size()));
        }
        if (results.isEmpty()) {
            if (!json() && !quiet()) {
                err().println("no matches");
            }
            return ExitCode.FAILURE;
        }
        return ExitCode.OK;
    }
}
