package dev.kbtool.compile.llm;

import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.CompileUsage;
import dev.kbtool.llm.ChatModel;
import dev.kbtool.llm.Deadline;
import dev.kbtool.llm.LlmException;
import dev.kbtool.llm.LlmSettings;
import dev.kbtool.llm.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The merge stage, on demand only ({@code kb recompile}): a short overview paragraph for a
 * concept or entity page from the contributions of its documents. Adding documents never
 * calls it, which keeps the cost of an add independent of the size of the knowledge base.
 */
public final class OverviewSynthesizer {
    /** The overview paragraph and what it cost. */
    public record Overview(String text, CompileUsage usage) {
    }

    private final ChatModel model;
    private final LlmSettings settings;

    public OverviewSynthesizer(ChatModel model, LlmSettings settings) {
        this.model = model;
        this.settings = settings.validate();
    }

    /**
     * @param name          the topic's display name
     * @param contributions what each document says about it, most relevant first; those
     *                      beyond one call's budget are left out
     * @throws CompileException when no valid overview came back in time
     */
    public Overview synthesize(String name, List<String> contributions) throws CompileException, InterruptedException {
        if (contributions.isEmpty()) {
            throw new IllegalArgumentException("an overview needs at least one contribution");
        }
        List<String> kept = new ArrayList<>();
        int size = 0;
        for (String c : contributions) {
            if (!kept.isEmpty() && size + c.length() > settings.chunkChars()) {
                break;
            }
            kept.add(c);
            size += c.length();
        }
        JsonConversation conversation = new JsonConversation(model, Deadline.after(settings.documentTimeout()),
                Prompts.system(settings.language()));
        try {
            OverviewReply reply = conversation.ask(settings.modelFor(Stage.MERGE), Prompts.overview(name, kept),
                    OverviewReply.parser(name));
            return new Overview(reply.overview(), conversation.usage());
        } catch (LlmException e) {
            throw new CompileException("no overview for '" + name + "': " + e.getMessage(), e);
        }
    }
}
