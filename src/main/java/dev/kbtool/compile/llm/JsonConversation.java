package dev.kbtool.compile.llm;

import dev.kbtool.compile.CompileUsage;
import dev.kbtool.llm.ChatMessage;
import dev.kbtool.llm.ChatModel;
import dev.kbtool.llm.ChatRequest;
import dev.kbtool.llm.ChatResponse;
import dev.kbtool.llm.Deadline;
import dev.kbtool.llm.LlmException;
import java.util.List;

/**
 * Asks for one JSON reply and gets it right or fails: the answer's object is extracted and
 * validated; a flawed answer is sent back once with the reason; a flawed repair fails the
 * question. Counts every answered call and its tokens. One per document, used by one thread.
 */
final class JsonConversation {
    private final ChatModel model;
    private final Deadline deadline;
    private final String system;
    private CompileUsage usage = CompileUsage.NONE;

    JsonConversation(ChatModel model, Deadline deadline, String system) {
        this.model = model;
        this.deadline = deadline;
        this.system = system;
    }

    <T> T ask(String modelName, String question, ReplyParser<T> parser) throws LlmException, InterruptedException {
        ChatMessage q = ChatMessage.user(question);
        ChatResponse first = call(modelName, List.of(q));
        try {
            return parse(first, parser, false);
        } catch (InvalidReplyException invalid) {
            ChatResponse second = call(modelName,
                    List.of(q, ChatMessage.assistant(first.text()), ChatMessage.user(Prompts.repair(invalid.getMessage()))));
            try {
                return parse(second, parser, true);
            } catch (InvalidReplyException stillInvalid) {
                throw new LlmException("the LLM's answer was not valid, even after a repair request: "
                        + stillInvalid.getMessage());
            }
        }
    }

    CompileUsage usage() {
        return usage;
    }

    private ChatResponse call(String modelName, List<ChatMessage> messages) throws LlmException, InterruptedException {
        ChatResponse response = model.complete(new ChatRequest(modelName, system, messages, true), deadline);
        usage = usage.plus(new CompileUsage(1, response.inputTokens(), response.outputTokens()));
        return response;
    }

    private static <T> T parse(ChatResponse response, ReplyParser<T> parser, boolean lenient)
            throws InvalidReplyException {
        if (response.truncated()) {
            throw new InvalidReplyException("it was cut off at the answer length limit; give a shorter answer");
        }
        return parser.parse(JsonReplies.extractObject(response.text()), lenient);
    }
}
