package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.config.Config;
import dev.kbtool.config.ConfigFile;
import dev.kbtool.config.ConfigKeys;
import dev.kbtool.config.ConfigLoader;
import dev.kbtool.llm.LlmConfigReader;
import dev.kbtool.llm.LlmSettings;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Kb kb;
    Path config;

    @BeforeEach
    void init() {
        kb = new Kb(tmp);
        assertThat(kb.run("init", "k").code()).isZero();
        kb = kb.env("KB_DIR", tmp.resolve("k").toString());
        config = tmp.resolve("k/.kb/config.yaml");
    }

    @Test
    void everyKeyRoundTripsThroughSetAndGet() throws Exception {
        // llm.model first: the llm section is checked as a whole, and a model is what it needs.
        List<ConfigKeys.Key> keys = new ArrayList<>(ConfigKeys.ALL);
        keys.sort((a, b) -> a.name().equals("llm.model") ? -1 : b.name().equals("llm.model") ? 1 : 0);
        for (ConfigKeys.Key key : keys) {
            Kb.Result set = kb.run("config", "set", key.name(), key.example());
            assertThat(set.code()).as(key.name() + "\n" + set).isZero();
            assertThat(set.out().strip()).isEqualTo(key.name() + ": " + ConfigFile.render(ConfigFile.parseValue(key.example())));
            Kb.Result get = kb.run("--json", "config", "get", key.name());
            JsonNode got = JSON.readTree(get.out());
            assertThat(got.get("value")).as(key.name()).isEqualTo(ConfigFile.parseValue(key.example()));
            assertThat(got.get("origin").asText()).isEqualTo("config");
            assertThat(got.get("summary").asBoolean()).isTrue();
        }
        Config loaded = ConfigLoader.load(config);
        assertThat(loaded.jobs()).isEqualTo(2);
        assertThat(loaded.ignore()).containsExactly("*.bak", "drafts/");
        assertThat(loaded.llm().get("model").asText()).isEqualTo("gpt-4o-mini");
        Kb.Result list = kb.run("config");
        assertThat(list.out().lines()).hasSize(ConfigKeys.ALL.size()).allMatch(l -> l.endsWith(".kb/config.yaml"));
        assertThat(Fixtures.read(config)).as("the template's comments are kept")
                .contains("# Parallel prepare workers for kb add and kb recompile");
    }

    @Test
    void aBadValueExits78NamesTheKeyAndChangesNothing() {
        String before = Fixtures.read(config);

        Kb.Result negative = kb.run("config", "set", "jobs", "-3");
        Kb.Result duration = kb.run("config", "set", "file_timeout", "soon");
        Kb.Result unknown = kb.run("config", "set", "jbos", "4");
        Kb.Result llmWithoutModel = kb.run("config", "set", "llm.temperature", "0.5");

        assertThat(negative.code()).isEqualTo(78);
        assertThat(negative.err()).contains("'jobs'", "-3").doesNotContain("\tat ");
        assertThat(duration.code()).isEqualTo(78);
        assertThat(duration.err()).contains("'file_timeout'");
        assertThat(unknown.code()).isEqualTo(78);
        assertThat(unknown.err()).contains("unknown key 'jbos'", "did you mean 'jobs'");
        assertThat(llmWithoutModel.code()).isEqualTo(78);
        assertThat(llmWithoutModel.err()).contains("llm.model");
        assertThat(Fixtures.read(config)).isEqualTo(before);
    }

    @Test
    void setKeepsCommentsAndTheOtherLinesAndUnsetGoesBackToTheDefault() {
        Fixtures.write(config, "# my settings\njobs: 2   # two cores here\n\nignore:\n  - \"*.tmp\"\n  - old/\n# the end\n");

        Kb.Result list = kb.run("config", "set", "ignore", "*.bak", "drafts/");
        Kb.Result jobs = kb.run("config", "set", "jobs", "4");
        String text = Fixtures.read(config);
        Kb.Result unset = kb.run("config", "unset", "jobs");
        Kb.Result after = kb.run("config", "get", "jobs");

        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(jobs.code()).isZero();
        assertThat(text).isEqualTo("# my settings\njobs: 4  # two cores here\n\nignore: [\"*.bak\", \"drafts/\"]\n# the end\n");
        assertThat(unset.out().strip()).isEqualTo("jobs: 0 (default)");
        assertThat(after.out().strip()).isEqualTo("0");
        assertThat(Fixtures.read(config)).doesNotContain("jobs:").contains("# my settings", "# the end");
    }

    @Test
    void listShowsValueAndOriginAndJsonEndsWithASummary() throws Exception {
        kb.run("config", "set", "compiler", "offline");

        Kb.Result text = kb.run("config");
        List<JsonNode> json = new ArrayList<>();
        for (String line : kb.run("--json", "config").out().lines().toList()) {
            json.add(JSON.readTree(line));
        }

        assertThat(text.out()).containsPattern("(?m)^compiler\\s+offline\\s+\\.kb/config\\.yaml$")
                .containsPattern("(?m)^jobs\\s+0\\s+default$");
        assertThat(json).hasSize(ConfigKeys.ALL.size() + 1);
        assertThat(json.get(json.size() - 1).get("summary").asBoolean()).isTrue();
        assertThat(json.get(json.size() - 1).get("set").asInt()).isEqualTo(1);
    }

    @Test
    void everyKeyTheLoadersKnowIsDocumentedWithItsRealDefault() throws Exception {
        Set<String> documented = new TreeSet<>(ConfigKeys.ALL.stream().map(ConfigKeys.Key::name).toList());
        Set<String> known = new TreeSet<>(List.of("jobs", "max_file_size", "file_timeout", "ignore", "long_doc_pages",
                "lock_timeout", "compiler", "max_concepts", "max_entities", "page_contributions", "page_links",
                "dense_search"));
        LlmSettings.KEYS.stream().filter(k -> !k.equals("max_concepts") && !k.equals("max_entities"))
                .forEach(k -> known.add("llm." + k));
        assertThat(documented).isEqualTo(known);

        StringBuilder topLevel = new StringBuilder();
        StringBuilder llm = new StringBuilder("model: m\n");
        for (ConfigKeys.Key k : ConfigKeys.ALL) {
            if (k.fallback().isEmpty()) {
                continue;
            }
            (k.inLlmSection() ? llm : topLevel).append(k.leaf()).append(": ").append(k.fallback()).append('\n');
        }
        assertThat(ConfigLoader.parse(topLevel.toString(), "defaults")).isEqualTo(Config.defaults());
        assertThat(LlmConfigReader.read(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(llm.toString()), 10, 10))
                .isEqualTo(LlmConfigReader.read(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree("model: m\n"), 10, 10));
        String example = Fixtures.read(Path.of("config.yaml.example"));
        for (ConfigKeys.Key k : ConfigKeys.ALL) {
            assertThat(example).as("config.yaml.example documents " + k.name()).contains(k.leaf() + ":");
        }
    }

    @Test
    void helpAndTheManPageExplainEveryKey() {
        Kb.Result help = kb.run("config", "--help");
        String page = ManPage.render(DistributionFiles.model().getSubcommands().get("config").getCommandSpec(), "test");

        for (ConfigKeys.Key k : ConfigKeys.ALL) {
            assertThat(help.out()).contains(k.name());
            assertThat(page).contains("\\fB" + ManPage.escape(k.name()) + "\\fR");
        }
    }
}
