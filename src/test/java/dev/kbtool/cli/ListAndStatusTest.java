package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListAndStatusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Kb kb;

    @BeforeEach
    void init() {
        kb = new Kb(tmp);
        kb.run("init", "k");
        kb = kb.env("KB_DIR", tmp.resolve("k").toString());
    }

    @Test
    void emptyKb() throws Exception {
        Kb.Result list = kb.run("list");
        JsonNode status = JSON.readTree(kb.run("status", "--json").out());

        assertThat(list.code()).isZero();
        assertThat(list.out()).isEmpty();
        assertThat(list.err()).contains("No documents yet");
        assertThat(kb.run("list", "--json").out()).isEmpty();
        assertThat(status.get("documents").asInt()).isZero();
        assertThat(status.get("catalog").asText()).endsWith(".kb/kb.db");
        assertThat(status.get("last_change").isNull()).isTrue();
    }

    @Test
    void listsDocumentsAsTableAndJsonLines() throws Exception {
        Fixtures.write(tmp.resolve("d/beta.md"), "# Beta\n\nBeta is second.\n");
        Fixtures.write(tmp.resolve("d/alpha.txt"), "Alpha is first.\n");
        kb.run("add", "d");

        Kb.Result text = kb.run("list");
        List<JsonNode> json = kb.run("--json", "list").out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();

        assertThat(text.out().lines().toList()).hasSize(3);
        assertThat(text.out()).contains("DOCUMENT", "ORIGIN", "alpha", "d/alpha.txt", "beta", "d/beta.md");
        assertThat(json).extracting(n -> n.get("doc").asText()).containsExactly("alpha", "beta");
        assertThat(json.get(0).get("type").asText()).isEqualTo("txt");
        assertThat(json.get(1).get("summary").asText()).isEqualTo("wiki/summaries/beta.md");
        assertThat(json.get(1).get("hash").asText()).hasSize(64);
    }

    @Test
    void statusTextShowsCountsPerFolder() {
        Fixtures.write(tmp.resolve("d/a.md"), "A text.\n");
        kb.run("add", "d");

        Kb.Result r = kb.run("status");

        assertThat(r.out()).contains("Documents:      1", "summaries", "sources", "Last change:", "add");
        assertThat(r.out()).as("people read the time to the minute, as in kb list")
                .containsPattern("Last change: +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d add ");
    }
}
