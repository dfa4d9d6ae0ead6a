package dev.kbtool.compile.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextChunkerTest {
    @Test
    void packsWholeParagraphsUpToTheBudget() {
        String text = IntStream.range(0, 10).mapToObj(i -> "p" + i + " " + "x".repeat(95))
                .collect(Collectors.joining("\n\n"));

        List<String> chunks = TextChunker.chunks(text, 350);

        assertThat(chunks).hasSize(4).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(350));
        assertThat(chunks.get(0)).startsWith("p0 ").contains("p2 ").doesNotContain("p3 ");
        assertThat(String.join("\n\n", chunks)).isEqualTo(text);
    }

    @Test
    void cutsALongParagraphAtSentenceEndsThenSpaces() {
        String sentences = "This sentence has some words. ".repeat(20).strip();
        List<String> chunks = TextChunker.chunks(sentences, 100);
        assertThat(chunks).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(100).endsWith("."));

        String runOn = "word ".repeat(100).strip();
        assertThat(TextChunker.chunks(runOn, 64)).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(64)
                .doesNotStartWith(" ").matches("(word ?)+"));

        assertThat(TextChunker.chunks("y".repeat(250), 100)).containsExactly("y".repeat(100), "y".repeat(100),
                "y".repeat(50));
    }

    @Test
    void spreadsTheKeptPartsFromFirstToLast() {
        List<String> parts = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
        assertThat(TextChunker.spread(parts, 3)).containsExactly("0", "5", "9");
        assertThat(TextChunker.spread(parts, 1)).containsExactly("0");
        assertThat(TextChunker.spread(parts, 20)).isEqualTo(parts);
    }
}
