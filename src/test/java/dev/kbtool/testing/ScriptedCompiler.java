package dev.kbtool.testing;

import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.CompileUsage;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.compile.TopicCandidate;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiler whose output each test document states itself, so tests control exactly what
 * a document contributes: lines {@code concept: Name | contribution},
 * {@code entity: Name/type | contribution} and {@code summary: sentence}.
 */
public final class ScriptedCompiler implements DocumentCompiler {
    @Override
    public DocumentAnalysis analyze(CompileInput input) {
        List<TopicCandidate> concepts = new ArrayList<>();
        List<TopicCandidate> entities = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        double score = 100;
        for (String line : input.markdown().split("\n")) {
            if (line.startsWith("summary: ")) {
                summary.add(line.substring(9).strip());
                continue;
            }
            boolean concept = line.startsWith("concept: ");
            if (!concept && !line.startsWith("entity: ")) {
                continue;
            }
            String[] parts = line.substring(line.indexOf(' ') + 1).split("\\|");
            String name = parts[0].strip();
            String type = "concept";
            if (!concept) {
                type = name.substring(name.indexOf('/') + 1);
                name = name.substring(0, name.indexOf('/'));
            }
            String key = name.toLowerCase().replaceAll("s$", "").replace(' ', '-');
            (concept ? concepts : entities).add(new TopicCandidate(key, name, type, parts[1].strip(), List.of(),
                    score--));
        }
        if (summary.isEmpty()) {
            summary.add("Summary of " + input.displayTitle() + ".");
        }
        return new DocumentAnalysis(input.displayTitle(), "About " + input.displayTitle(), summary, concepts, entities,
                CompileUsage.NONE);
    }
}
