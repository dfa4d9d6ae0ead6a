package dev.kbtool.compile;

/** LLM usage of one document's compile, reported per file by {@code kb add --json}. */
public record CompileUsage(int calls, long inputTokens, long outputTokens) {
    public static final CompileUsage NONE = new CompileUsage(0, 0, 0);

    public CompileUsage plus(CompileUsage other) {
        return new CompileUsage(calls + other.calls, inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
