package dev.kbtool.query;

import dev.kbtool.llm.ChatMessage;
import dev.kbtool.llm.ChatModel;
import dev.kbtool.llm.ChatRequest;
import dev.kbtool.llm.ChatResponse;
import dev.kbtool.llm.Deadline;
import dev.kbtool.llm.LlmException;
import dev.kbtool.llm.LlmSettings;
import dev.kbtool.llm.TextListener;
import dev.kbtool.search.Relevance;
import dev.kbtool.search.SearchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * An answer written by an LLM from the passages retrieved, and nothing else. The model sees the
 * passages numbered and must cite the number of the passage behind every claim as {@code [n]}.
 * Its reply is checked before anyone reads it as grounded ({@link CitedText}): citations of
 * passages it was not given are dropped; a reply citing none of them, or that is no answer at
 * all (empty, a refusal), is sent back once for repair, and otherwise reported as unsupported;
 * "not in the knowledge base" is an answer too, and says the knowledge base does not say.
 */
final class LlmAnswerer {
    /** What the model replies when the passages do not answer the question. */
    static final String NOT_IN_KB = "NOT IN THE KNOWLEDGE BASE";

    static final String SYSTEM = String.join("\n",
            "You answer questions about a knowledge base using only the numbered passages you are given.",
            "Rules:",
            "1. Use only what the passages say. Do not add facts from elsewhere.",
            "2. After every claim, cite the passage it comes from by its number in square brackets, like [2].",
            "   Cite only numbers of passages you were given.",
            "3. If the passages do not answer the question, reply exactly: " + NOT_IN_KB,
            "4. Answer in the language of the question, briefly, in plain sentences without headings.");

    private final ChatModel model;
    private final LlmSettings settings;

    LlmAnswerer(ChatModel model, LlmSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    /**
     * @param passages what retrieval found, best first; the model sees them numbered from 1
     * @param listener told the text as it arrives (for showing it on a terminal)
     */
    Answer answer(String question, List<SearchResult> passages, Relevance relevance, TextListener listener)
            throws LlmException, InterruptedException {
        Deadline deadline = Deadline.after(settings.documentTimeout());
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.user(prompt(question, passages, relevance)));
        Answer.Usage usage = Answer.Usage.NONE;
        ChatResponse first = ask(messages, deadline, listener, passages.size());
        usage = usage.plus(first.inputTokens(), first.outputTokens());
        CitedText reply = CitedText.check(first.text(), passages.size());
        if (reply.notInKb()) {
            return notFound(question, passages, usage);
        }
        if (reply.cited().isEmpty()) {
            messages.add(ChatMessage.assistant(first.text()));
            messages.add(ChatMessage.user(repairRequest(reply, passages.size())));
            ChatResponse second = ask(messages, deadline, listener, passages.size());
            usage = usage.plus(second.inputTokens(), second.outputTokens());
            reply = CitedText.check(second.text(), passages.size());
            if (reply.notInKb()) {
                return notFound(question, passages, usage);
            }
            if (reply.cited().isEmpty()) {
                return new Answer(question, reply.text(), List.of(), QueryService.related(passages, 3), "llm",
                        Answer.Status.UNSUPPORTED, usage);
            }
        }
        List<Citation> citations = new ArrayList<>();
        for (int n : reply.cited()) {
            SearchResult r = passages.get(n - 1);
            citations.add(Citations.of(citations.size() + 1, r.passage(), Excerpts.quote(r, relevance)));
        }
        return new Answer(question, reply.renumbered(), citations, List.of(), "llm", Answer.Status.ANSWERED, usage)
                .withDropped(reply.dropped());
    }

    private ChatResponse ask(List<ChatMessage> messages, Deadline deadline, TextListener listener, int passages)
            throws LlmException, InterruptedException {
        HeldBack shown = new HeldBack(listener, passages);
        ChatResponse response = model.complete(new ChatRequest(settings.model(), SYSTEM, messages, false), deadline,
                shown);
        return response;
    }

    private static Answer notFound(String question, List<SearchResult> passages, Answer.Usage usage) {
        return new Answer(question, QueryService.NOT_FOUND, List.of(), QueryService.related(passages, 3), "llm",
                Answer.Status.NOT_FOUND, usage);
    }

    static String repairRequest(CitedText reply, int passages) {
        String what = reply.nonAnswer() ? "Your reply does not answer the question."
                : "Your answer cites none of the passages [1] to [" + passages + "]"
                        + (reply.dropped().isEmpty() ? "." : " (there is no passage " + reply.dropped() + ").");
        return what + " Answer again from the passages, citing the number of the passage behind every claim in"
                + " square brackets, or reply exactly " + NOT_IN_KB + " if they do not answer the question.";
    }

    /** The numbered passages and the question, each passage cut to its share of the budget. */
    String prompt(String question, List<SearchResult> passages, Relevance relevance) {
        int share = Math.max(600, settings.chunkChars() / Math.max(1, passages.size()));
        StringBuilder out = new StringBuilder("Passages:\n");
        for (int i = 0; i < passages.size(); i++) {
            SearchResult r = passages.get(i);
            out.append("\n[").append(i + 1).append("] ").append(Excerpts.heading(r)).append('\n')
                    .append(Excerpts.excerpt(r.passage().text(), relevance, share)).append('\n');
        }
        return out.append("\nQuestion: ").append(question.strip()).toString();
    }

    /**
     * Shows a reply only once it has cited a passage given: until then it may turn out to be a
     * non-answer or unsupported, which must never appear as if grounded. The text held back is
     * shown at once when the first valid citation arrives.
     */
    private static final class HeldBack implements TextListener {
        private final TextListener out;
        private final int passages;
        private final StringBuilder held = new StringBuilder();
        private boolean open;

        HeldBack(TextListener out, int passages) {
            this.out = out;
            this.passages = passages;
        }

        @Override
        public void text(String piece) {
            if (open) {
                out.text(piece);
                return;
            }
            held.append(piece);
            if (!CitedText.check(held.toString(), passages).cited().isEmpty()) {
                open = true;
                out.text(held.toString());
                held.setLength(0);
            }
        }

        @Override
        public void restart() {
            held.setLength(0);
            if (open) {
                open = false;
                out.restart();
            }
        }
    }
}
