package dev.kbtool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void missingFileEmptyFileAndCommentsOnlyGiveDefaults() {
        assertThat(ConfigLoader.load(tmp.resolve("absent.yaml"))).isEqualTo(Config.defaults());
        assertThat(ConfigLoader.parse("", "x")).isEqualTo(Config.defaults());
        assertThat(ConfigLoader.parse("# nothing\n", "x")).isEqualTo(Config.defaults());
    }

    @Test
    void everyKeyIsRead() {
        Config c = ConfigLoader.parse("""
                jobs: 3
                max_file_size: 10MB
                file_timeout: 90s
                ignore: ["*.bak", "drafts/**"]
                long_doc_pages: 30
                lock_timeout: 0
                compiler: llm
                max_concepts: 5
                max_entities: 7
                page_contributions: 3
                page_links: 9
                dense_search: false
                llm:
                  model: small
                """, "x");

        assertThat(c).isEqualTo(new Config(3, 10L << 20, Duration.ofSeconds(90), List.of("*.bak", "drafts/**"), 30,
                Duration.ZERO, "llm", 5, 7, 3, 9, false, c.llm()));
        assertThat(c.llm().get("model").asText()).isEqualTo("small");
        assertThat(c.usesLlm()).isTrue();
    }

    @Test
    void theDocumentedExampleIsValidAndItsValuesAreTheDefaults() throws Exception {
        String example = java.nio.file.Files.readString(Path.of("config.yaml.example"));
        Config parsed = ConfigLoader.parse(example, "config.yaml.example");
        String withLlm = example.replaceAll("(?m)^# (llm:|  )", "$1");
        Config llm = ConfigLoader.parse(withLlm, "example with llm");

        assertThat(parsed).isEqualTo(Config.defaults());
        assertThat(llm.llm().get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(dev.kbtool.llm.LlmConfigReader.read(llm.llm(), 10, 10).maxConcurrency()).isEqualTo(4);
    }

    @Test
    void unknownKeyIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.parse("jobs: 2\nlong_doc_page: 3\n", "cfg.yaml"))
                .isInstanceOfSatisfying(KbException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                    assertThat(e.getMessage()).contains("cfg.yaml", "unknown key 'long_doc_page'", "long_doc_pages");
                });
    }

    @Test
    void badValuesAreNamedWithWhatWasExpected() {
        assertBad("jobs: two", "'jobs' must be a whole number");
        assertBad("jobs: 2.5", "'jobs'");
        assertBad("max_file_size: huge", "'max_file_size' must be a positive size");
        assertBad("max_file_size: 0", "'max_file_size'");
        assertBad("file_timeout: 0", "'file_timeout'");
        assertBad("file_timeout: soon", "'file_timeout' must be a duration");
        assertBad("ignore: '*.bak'", "'ignore' must be a list");
        assertBad("ignore: [1]", "'ignore'");
        assertBad("- a\n- b", "key: value pairs");
        assertBad("jobs: [", "not valid YAML");
        assertBad("compiler: gpt", "'compiler' must be offline or llm");
        assertBad("llm: openai", "'llm' must be a section");
    }

    private static void assertBad(String yaml, String message) {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "c"))
                .isInstanceOfSatisfying(KbException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
