package dev.kbtool.compile;

import java.util.List;

/**
 * The result of the document-local compile.
 *
 * @param title       display title
 * @param description one line under 160 characters
 * @param summary     the summary as sentences (offline: taken verbatim from the document)
 * @param concepts    concept candidates, most relevant first
 * @param entities    entity candidates, most relevant first
 * @param usage       LLM calls and tokens spent, {@link CompileUsage#NONE} offline
 */
public record DocumentAnalysis(
        String title,
        String description,
        List<String> summary,
        List<TopicCandidate> concepts,
        List<TopicCandidate> entities,
        CompileUsage usage) {

    public DocumentAnalysis {
        summary = List.copyOf(summary);
        concepts = List.copyOf(concepts);
        entities = List.copyOf(entities);
    }

    /** The same analysis with {@code f} applied to every piece of generated prose. */
    public DocumentAnalysis mapText(java.util.function.UnaryOperator<String> f) {
        return new DocumentAnalysis(title, f.apply(description), summary.stream().map(f).toList(),
                concepts.stream().map(c -> c.withContribution(f.apply(c.contribution()))).toList(),
                entities.stream().map(c -> c.withContribution(f.apply(c.contribution()))).toList(), usage);
    }
}
