package dev.kbtool.compile.llm;

import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.CompileUsage;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.llm.ChatModel;
import dev.kbtool.llm.Deadline;
import dev.kbtool.llm.LlmException;
import dev.kbtool.llm.LlmSettings;
import dev.kbtool.llm.Stage;
import java.util.List;

/**
 * The document-local compile through an LLM: a summarize call (description and summary) and
 * an extract call (concepts and entities with this document's contribution to each). A
 * document longer than one call's budget is read in parts first: one notes call per part, at
 * most {@code max_chunks} parts spread over the document, and the two calls then work on the
 * notes. So one document costs at most {@code max_chunks + 2} calls, plus one repair per call
 * whose answer was invalid, all within {@code document_timeout}.
 *
 * <p>Shared concept and entity pages are never written here: the merge assembles them from
 * the contributions without the LLM, so adding a document costs the same however large the
 * knowledge base has grown.
 *
 * <p>{@link LlmUnavailableException} is not turned into a {@link CompileException}: it
 * concerns every document, and escapes for the command to handle once.
 */
public final class LlmCompiler implements DocumentCompiler {
    /** Below this many characters a document may be too short for a three-sentence summary. */
    static final int SHORT_DOCUMENT = 600;

    private final ChatModel model;
    private final LlmSettings settings;

    public LlmCompiler(ChatModel model, LlmSettings settings) {
        this.model = model;
        this.settings = settings.validate();
    }

    @Override
    public DocumentAnalysis analyze(CompileInput input) throws CompileException, InterruptedException {
        String title = input.displayTitle();
        String text = input.markdown() == null ? "" : input.markdown().strip();
        if (text.isEmpty()) {
            return new DocumentAnalysis(title, title, List.of(), List.of(), List.of(), CompileUsage.NONE);
        }
        JsonConversation conversation = new JsonConversation(model, Deadline.after(settings.documentTimeout()),
                Prompts.system(settings.language()));
        try {
            List<String> parts = TextChunker.chunks(text, settings.chunkChars());
            boolean fromNotes = parts.size() > 1;
            String material = fromNotes ? notes(conversation, title, parts) : text;
            int minSentences = text.length() < SHORT_DOCUMENT ? 1 : 3;
            SummaryReply summary = conversation.ask(settings.modelFor(Stage.SUMMARIZE),
                    Prompts.summarize(title, material, fromNotes, minSentences),
                    SummaryReply.parser(title, minSentences));
            TopicsReply topics = settings.maxConcepts() + settings.maxEntities() == 0
                    ? new TopicsReply(List.of(), List.of())
                    : conversation.ask(settings.modelFor(Stage.EXTRACT),
                            Prompts.extract(title, material, fromNotes, settings.maxConcepts(), settings.maxEntities()),
                            TopicsReply.parser(settings.maxConcepts(), settings.maxEntities()));
            return new DocumentAnalysis(title, summary.description(), summary.sentences(), topics.concepts(),
                    topics.entities(), conversation.usage());
        } catch (LlmException e) {
            throw new CompileException(e.getMessage(), e);
        }
    }

    /**
     * Notes on the parts of a long document, joined in order. Each part gets an equal share
     * of one call's budget, so the end of the document is never the part that gets cut.
     */
    private String notes(JsonConversation conversation, String title, List<String> allParts)
            throws LlmException, InterruptedException {
        List<String> parts = TextChunker.spread(allParts, settings.maxChunks());
        int share = settings.chunkChars() / parts.size() - 16;
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            NotesReply reply = conversation.ask(settings.modelFor(Stage.SUMMARIZE),
                    Prompts.notes(title, parts.get(i), i + 1, parts.size()), NotesReply.parser());
            String kept = Sentences.within(reply.notes(), share);
            if (!kept.isEmpty()) {
                notes.append("Part ").append(i + 1).append(": ").append(kept).append("\n\n");
            }
        }
        if (notes.length() == 0) {
            throw new LlmException("the LLM found nothing to note in any part of the document");
        }
        return notes.toString().strip();
    }
}
