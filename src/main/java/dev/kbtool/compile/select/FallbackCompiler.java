package dev.kbtool.compile.select;

import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.llm.LlmUnavailableException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The LLM compiler with the offline one behind it: once the LLM proves unusable (unreachable,
 * key rejected), kb says so once and compiles this and every later document offline.
 */
final class FallbackCompiler implements DocumentCompiler {
    private final DocumentCompiler primary;
    private final DocumentCompiler fallback;
    private final Consumer<String> notices;
    private final AtomicBoolean fellBack = new AtomicBoolean();

    FallbackCompiler(DocumentCompiler primary, DocumentCompiler fallback, Consumer<String> notices) {
        this.primary = primary;
        this.fallback = fallback;
        this.notices = notices;
    }

    @Override
    public DocumentAnalysis analyze(CompileInput input) throws CompileException, InterruptedException {
        if (!fellBack.get()) {
            try {
                return primary.analyze(input);
            } catch (LlmUnavailableException e) {
                if (fellBack.compareAndSet(false, true)) {
                    notices.accept(e.getMessage() + "; compiling with the offline compiler instead"
                            + " (llm.on_unavailable: offline)");
                }
            }
        }
        return fallback.analyze(input);
    }
}
