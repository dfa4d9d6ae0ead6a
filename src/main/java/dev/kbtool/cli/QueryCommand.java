package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.llm.TextListener;
import dev.kbtool.query.Answer;
import dev.kbtool.query.AnswerFormat;
import dev.kbtool.query.QueryService;
import dev.kbtool.session.KbServices;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", sortOptions = false,
        description = {
            "Answer a question from the knowledge base, citing its sources: each a document and page, with "
                    + "its wikilink and file.",
            "Offline (no LLM configured, or --offline): the sentences of the wiki that best answer it, quoted. "
                    + "With an LLM (the llm: section of the config): an answer written only from the passages "
                    + "found, every claim cited [n]; citations are checked against those passages.",
            "Read-only and lock-free, unless --save.",
            "Exit status: 0 answered; 1 the knowledge base does not say (or the LLM's answer cites none of its "
                    + "passages); 69 the LLM is unavailable (unless llm.on_unavailable: offline)."
        })
final class QueryCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (quotes optional).")
    List<String> words;

    @Option(names = {"-n", "--limit"}, paramLabel = "N",
            description = "At most N quoted sentences offline (default 3), or N passages given to the LLM (default 8).")
    Integer limit;

    @Option(names = "--offline", description = "Answer offline even when an LLM is configured.")
    boolean offline;

    @Option(names = "--save", description = "File the answer as a wiki page, wiki/answers/<slug>.md, linked to its "
            + "sources and listed in the index.")
    boolean save;

    QueryCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws InterruptedException, java.io.IOException {
        if (limit != null && (limit < 1 || limit > 50)) {
            throw new KbException(ExitCode.USAGE, "--limit must be from 1 to 50");
        }
        String question = String.join(" ", words).strip();
        if (question.isEmpty()) {
            throw new KbException(ExitCode.USAGE, "no question given");
        }
        boolean stream = !json() && !quiet() && context.stdoutTerminal();
        try (KbServices kb = save ? openServices("kb query --save") : openServicesToRead()) {
            QueryService service = kb.queryService();
            Shown shown = new Shown();
            Answer answer = service.answer(question, new QueryService.Options(limit == null ? 0 : limit, offline),
                    stream && service.usesLlm() && !offline ? shown : TextListener.NONE);
            String saved = save && answer.answered() ? kb.saveAnswer(answer) : null;
            print(answer, shown.any, saved);
            if (save && !answer.answered() && !quiet()) {
                notice("not saved: the knowledge base did not answer");
            }
            return answer.answered() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    private void print(Answer answer, boolean textShown, String saved) {
        if (json()) {
            // The answer is the command's one result and its summary, as every --json ends with one.
            ObjectNode o = Json.summary();
            o.setAll(AnswerFormat.json(answer));
            if (saved != null) {
                o.put("saved", saved);
            }
            Json.line(out(), o);
            return;
        }
        out().print((textShown ? "\n" : "") + AnswerFormat.text(answer, textShown));
        out().flush();
        if (!answer.dropped().isEmpty() && !quiet()) {
            notice("dropped citation" + (answer.dropped().size() == 1 ? " " : "s ") + answer.dropped()
                    + ": the LLM cited passages it was not given");
        }
        if (saved != null && !quiet()) {
            notice("saved as " + saved);
        }
    }

    /** Shows the LLM's answer on the terminal as it is written. */
    private final class Shown implements TextListener {
        boolean any;

        @Override
        public void text(String piece) {
            any = true;
            out().print(piece);
            out().flush();
        }

        @Override
        public void restart() {
            out().println();
            out().flush();
            notice("the answer was cut off; asking again");
        }
    }
}
