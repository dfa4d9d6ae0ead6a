package dev.kbtool.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.TopicKind;
import dev.kbtool.config.Config;
import dev.kbtool.convert.Converters;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.AddPipeline;
import dev.kbtool.ingest.AddStatus;
import dev.kbtool.ingest.DocumentPreparer;
import dev.kbtool.ingest.InputScanner;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.session.KbInitializer;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.ScriptedCompiler;
import dev.kbtool.tx.TxEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concept and entity pages merge contributions per document. The compiler here reads its
 * candidates from lines like {@code concept: Neural Networks | contribution} so each test
 * states exactly what a document contributes.
 */
class TopicMergeTest {
    @TempDir
    Path tmp;
    KbLayout layout;
    Catalog catalog;
    TxEngine engine;

    @BeforeEach
    void setUp() {
        layout = KbInitializer.init(tmp.resolve("kb"), Map.of(), Map.of());
        catalog = Catalog.open(layout.catalogFile());
        engine = new TxEngine(layout, catalog, Duration.ofSeconds(10), "kb test", n -> { }, DerivedViews::refresh);
    }

    @AfterEach
    void tearDown() {
        catalog.close();
    }

    @Test
    void twoDocumentsSharingAConceptMakeOnePageWithBothContributions() throws Exception {
        Fixtures.write(tmp.resolve("in/a.md"), "# Alpha\n\nconcept: Neural Networks | Alpha trains neural networks.\n"
                + "entity: Ada Lovelace/person | Alpha cites Ada Lovelace.\n");
        Fixtures.write(tmp.resolve("in/b.md"), "# Beta\n\nconcept: neural network | Beta prunes a neural network.\n");

        add(TopicMerger.Limits.DEFAULT, "in");

        String page = read("wiki/concepts/neural-network.md");
        assertThat(page).contains("type: \"Concept\"", "documents: 2", "# Neural Networks",
                "### [[summaries/a|Alpha]]", "Alpha trains neural networks.",
                "### [[summaries/b|Beta]]", "Beta prunes a neural network.");
        assertThat(read("wiki/entities/ada-lovelace.md")).contains("type: \"Person\"", "Alpha cites Ada Lovelace.");
        assertThat(read("wiki/summaries/a.md")).contains("## Related Concepts",
                "- [[concepts/neural-network|Neural Networks]]", "## Entities", "[[entities/ada-lovelace|Ada Lovelace]] (person)");
        assertThat(read("wiki/summaries/b.md")).contains("[[concepts/neural-network|Neural Networks]]");
        assertThat(read("wiki/index.md")).contains("[[concepts/neural-network|Neural Networks]]", "[[entities/ada-lovelace|Ada Lovelace]] (person)");
        assertThat(catalog.contributionCount(TopicKind.CONCEPT, "neural-network")).isEqualTo(2);
    }

    @Test
    void reAddingAChangedDocumentReplacesOnlyItsOwnContribution() throws Exception {
        Path a = Fixtures.write(tmp.resolve("in/a.md"), "# Alpha\n\nconcept: Graph | Alpha draws graphs.\n"
                + "concept: Tree | Alpha climbs trees.\n");
        Fixtures.write(tmp.resolve("in/b.md"), "# Beta\n\nconcept: Graph | Beta colours graphs.\n");
        add(TopicMerger.Limits.DEFAULT, "in");
        Fixtures.write(a, "# Alpha\n\nconcept: Graph | Alpha now counts graphs.\n");

        add(TopicMerger.Limits.DEFAULT, "in/a.md");

        String graph = read("wiki/concepts/graph.md");
        assertThat(graph).contains("Alpha now counts graphs.", "Beta colours graphs.").doesNotContain("Alpha draws");
        assertThat(layout.root().resolve("wiki/concepts/tree.md")).doesNotExist();
        assertThat(catalog.topic(TopicKind.CONCEPT, "tree")).isEmpty();
        assertThat(read("wiki/index.md")).doesNotContain("concepts/tree");
    }

    @Test
    void pagesStayBoundedWhateverTheNumberOfDocuments() throws Exception {
        for (int i = 0; i < 20; i++) {
            Fixtures.write(tmp.resolve(String.format("in/d%02d.md", i)),
                    "# Doc " + i + "\n\nconcept: Entropy | Document " + i + " measures entropy.\n");
        }

        add(new TopicMerger.Limits(10, 10, 3, 5), "in");

        String page = read("wiki/concepts/entropy.md");
        assertThat(page.split("\n### ", -1)).hasSize(4);
        assertThat(page).contains("## Also mentioned in", "…and 12 more documents", "documents: 20");
        assertThat(page.lines().filter(l -> l.startsWith("- [[summaries/"))).hasSize(5);
    }

    @Test
    void addingOneDocumentToALargeKbRewritesABoundedNumberOfIndexPages() throws Exception {
        for (int i = 0; i < 300; i++) {
            Fixtures.write(tmp.resolve(String.format("bulk/%c%03d.md", 'a' + i % 5, i)), "Document " + i + ".\n");
        }
        add(TopicMerger.Limits.DEFAULT, "bulk");
        Map<String, String> before = catalog.derivedPages();
        Fixtures.write(tmp.resolve("one/cz-new.md"), "# New\n\nconcept: Graph | New text about graphs.\n");

        add(TopicMerger.Limits.DEFAULT, "one");

        Map<String, String> after = catalog.derivedPages();
        long rewritten = after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
        assertThat(before).hasSizeGreaterThan(5);
        assertThat(rewritten).isBetween(1L, 2L);
        assertThat(read("wiki/index/documents/c.md")).contains("[[summaries/cz-new|New]]");
        assertThat(DerivedViews.outOfSync(engine)).isEmpty();
    }

    private List<AddOutcome> add(TopicMerger.Limits limits, String... paths) throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (String p : paths) {
            inputs.add(Path.of(p));
        }
        var files = new InputScanner(Converters.standard(), tmp, List.of()).scan(inputs).files();
        DocumentPreparer preparer = new DocumentPreparer(catalog, Config.defaults(), Converters.standard(),
                new ScriptedCompiler());
        List<AddOutcome> outcomes = new AddPipeline(engine, preparer,
                new AddPipeline.Options(2, Duration.ofMinutes(1), false, false, limits), new Cancellation()).run(files, o -> { });
        assertThat(outcomes).allMatch(o -> o.status() == AddStatus.ADDED || o.status() == AddStatus.UPDATED);
        return outcomes;
    }

    private String read(String rel) throws Exception {
        return Files.readString(layout.root().resolve(rel));
    }
}
