package dev.kbtool.compile;

/**
 * The document-local half of compiling: everything that depends on one document alone
 * (summary, description, concept and entity candidates with this document's contribution).
 * It runs in prepare workers, several documents at once, so implementations are thread-safe
 * and never touch the knowledge base. The merge into shared pages happens later, in the commit.
 */
public interface DocumentCompiler {
    DocumentAnalysis analyze(CompileInput input) throws CompileException, InterruptedException;
}
