package dev.kbtool.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentNamesTest {
    @Test
    void sanitizeKeepsWordsOfAnyScriptAndJoinsTheRestWithDashes() {
        assertThat(DocumentNames.sanitize("my report (final)")).isEqualTo("my-report-final");
        assertThat(DocumentNames.sanitize("技术报告（最终版）")).isEqualTo("技术报告-最终版");
        assertThat(DocumentNames.sanitize("a - b")).isEqualTo("a-b");
        assertThat(DocumentNames.sanitize("2509.11420")).isEqualTo("2509-11420");
        assertThat(DocumentNames.sanitize("!!!")).isEqualTo("document");
        assertThat(DocumentNames.sanitize("ｆｕｌｌｗｉｄｔｈ")).isEqualTo("fullwidth");
        assertThat(DocumentNames.sanitize("snake_case")).isEqualTo("snake_case");
        assertThat(DocumentNames.sanitize("हिन्दी पाठ")).isEqualTo("हिन्दी-पाठ");
    }

    @Test
    void longNamesAreCutToFitFileNameLimits() {
        String name = DocumentNames.sanitize("é".repeat(300));

        assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(160);
    }

    @Test
    void takenNamesGetAShortHashOfTheOrigin() {
        String first = DocumentNames.unique("notes", "/a/notes.md", Set.of("notes")::contains);
        String again = DocumentNames.unique("notes", "/a/notes.md", Set.of("notes")::contains);
        String other = DocumentNames.unique("notes", "/b/notes.md", Set.of("notes")::contains);

        assertThat(first).matches("notes-[0-9a-f]{8}").isEqualTo(again).isNotEqualTo(other);
        assertThat(DocumentNames.unique("notes", "/a/notes.md", Set.of()::contains)).isEqualTo("notes");
        assertThat(DocumentNames.unique("notes", "/a/notes.md", Set.of("notes", first)::contains))
                .isEqualTo(first + "-2");
    }

    @Test
    void stemDropsOnlyTheLastExtension() {
        assertThat(DocumentNames.stem("a.tar.gz")).isEqualTo("a.tar");
        assertThat(DocumentNames.stem(".hidden")).isEqualTo(".hidden");
        assertThat(DocumentNames.stem("README")).isEqualTo("README");
    }
}
