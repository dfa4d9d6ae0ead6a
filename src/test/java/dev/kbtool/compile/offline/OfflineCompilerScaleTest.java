package dev.kbtool.compile.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.DocumentAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Long documents and concurrent use; how long they take is measured by bench/compile, not here. */
class OfflineCompilerScaleTest {
    @Test
    void aFiveHundredPageDocumentIsCompiledWithCleanResults() throws Exception {
        CompileInput book = SyntheticBook.generate(500, 42);
        DocumentAnalysis a = new OfflineCompiler().analyze(book);

        assertThat(a.summary()).hasSize(SentenceRanker.MAX_SENTENCES);
        assertThat(a.description()).hasSizeLessThan(160);
        assertThat(a.concepts()).hasSize(OfflineCompiler.MAX_TOPICS);
        assertThat(String.join(" ", a.summary())).doesNotContain("Synthetic Handbook", "In Proceedings", "update(state");
        assertThat(a.concepts()).extracting(c -> c.key())
                .noneMatch(k -> k.matches(".*\\d.*") || k.contains("handbook") || k.contains("proceeding"));
        assertThat(a.entities()).extracting(e -> e.key()).contains("ada-lovelace", "zurich")
                .doesNotContain("sosp", "chapter");
    }

    @Test
    void fourThreadsGetTheSameResultsAsOne() throws Exception {
        List<CompileInput> inputs = List.of(Texts.input(Texts.NEURAL_NETWORKS), Texts.input(Texts.BIOGRAPHY),
                Texts.input(Texts.ANNOUNCEMENT), Texts.input(Texts.GERMAN), Texts.input(Texts.JAPANESE),
                SyntheticBook.generate(30, 7));
        OfflineCompiler compiler = new OfflineCompiler();
        List<DocumentAnalysis> expected = new ArrayList<>();
        for (CompileInput input : inputs) {
            expected.add(compiler.analyze(input));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DocumentAnalysis>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (CompileInput input : inputs) {
                    futures.add(pool.submit(() -> compiler.analyze(input)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % inputs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
