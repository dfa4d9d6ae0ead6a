package dev.kbtool.llm;

/** The kinds of LLM work, each of which may use its own model. */
public enum Stage {
    /** Description and summary of one document (and notes on parts of a long one). */
    SUMMARIZE,
    /** Concepts and entities of one document with its contribution to each. */
    EXTRACT,
    /** An overview of one topic from its contributions, on demand by {@code kb recompile}. */
    MERGE
}
