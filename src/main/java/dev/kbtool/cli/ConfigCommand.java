package dev.kbtool.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kbtool.compile.select.Compilers;
import dev.kbtool.config.Config;
import dev.kbtool.config.ConfigFile;
import dev.kbtool.config.ConfigKeys;
import dev.kbtool.config.ConfigLoader;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.layout.KbLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

@Command(name = "config", sortOptions = false,
        description = {
            "Show and change the knowledge base's settings (.kb/config.yaml).",
            "Without a subcommand, lists every setting with its value and where it comes from: the config "
                    + "file or the default. 'set' checks the value as kb checks the file (exit 78 naming the key "
                    + "when it is not valid), writes the file atomically and keeps its comments."
        },
        subcommands = {ConfigCommand.Get.class, ConfigCommand.SetValue.class, ConfigCommand.Unset.class})
final class ConfigCommand extends BaseCommand implements Documented {
    private static final YAMLMapper YAML = new YAMLMapper();

    ConfigCommand(CliContext context) {
        super(context);
    }

    /** The settings follow the exit codes every command's help ends with, under a heading of their own. */
    @Override
    public void document(CommandSpec spec) {
        List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
        footer.add("%nSettings:");
        footer.addAll(ConfigKeys.helpLines());
        spec.usageMessage().footer(footer.toArray(String[]::new));
    }

    /** The keys, for shell completion of KEY. */
    static final class KeyNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ConfigKeys.ALL.stream().map(ConfigKeys.Key::name).iterator();
        }
    }

    @Override
    protected ExitCode execute() {
        KbLayout layout = locateKb();
        String text = read(layout.configFile());
        JsonNode tree = tree(text, layout.configFile());
        try {
            ConfigLoader.parse(text, layout.relative(layout.configFile()));
        } catch (KbException e) {
            notice(e.getMessage());
        }
        int width = ConfigKeys.ALL.stream().mapToInt(k -> k.name().length()).max().orElse(10);
        String from = layout.relative(layout.configFile());
        for (ConfigKeys.Key key : ConfigKeys.ALL) {
            JsonNode set = at(tree, key);
            if (json()) {
                Json.line(out(), Json.object().put("key", key.name()).put("origin", set != null ? "config" : "default")
                        .set("value", set != null ? set : fallback(key)));
                continue;
            }
            String value = set != null ? ConfigFile.render(set) : key.fallback().isEmpty() ? "-" : key.fallback();
            out().printf("%-" + width + "s  %-20s  %s%n", key.name(), value, set != null ? from : "default");
        }
        if (json()) {
            Json.line(out(), Json.summary().put("config_file", layout.configFile().toString())
                    .put("keys", ConfigKeys.ALL.size())
                    .put("set", ConfigKeys.ALL.stream().filter(k -> at(tree, k) != null).count()));
        }
        return ExitCode.OK;
    }

    /** One setting's value; nothing else on stdout, so a script can read it. */
    @Command(name = "get", description = "Print the value of one setting (its default when the file does not set it).")
    static final class Get extends BaseCommand {
        @Parameters(index = "0", paramLabel = "KEY", completionCandidates = KeyNames.class,
                description = "A key of the list below, e.g. jobs or llm.model.")
        String name;

        Get(CliContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            ConfigKeys.Key key = known(name);
            KbLayout layout = locateKb();
            JsonNode set = at(tree(read(layout.configFile()), layout.configFile()), key);
            if (json()) {
                Json.line(out(), Json.summary().put("key", key.name()).put("origin", set != null ? "config" : "default")
                        .set("value", set != null ? set : fallback(key)));
            } else {
                out().println(set != null ? (set.isTextual() ? set.asText() : ConfigFile.render(set)) : key.fallback());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set", description = {
        "Set one setting in .kb/config.yaml.",
        "VALUE is read as YAML: 4 is a number, 30s a duration, [\"*.bak\", \"drafts/\"] a list; several VALUEs"
                + " make a list (kb config set ignore '*.bak' drafts/). The whole file is checked before it is"
                + " written; an invalid value exits 78 and changes nothing."})
    static final class SetValue extends BaseCommand {
        @Parameters(index = "0", paramLabel = "KEY", completionCandidates = KeyNames.class,
                description = "The setting, e.g. jobs or llm.model.")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "VALUE", description = "Its new value.")
        List<String> values = new ArrayList<>();

        SetValue(CliContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() throws IOException {
            ConfigKeys.Key key = known(name);
            JsonNode value;
            if (values.size() == 1) {
                value = ConfigFile.parseValue(values.get(0));
            } else if (key.fallback().startsWith("[")) {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                values.forEach(list::add);
                value = list;
            } else {
                throw new KbException(ExitCode.CONFIG, "'" + key.name() + "' takes one value, got " + values.size());
            }
            KbLayout layout = locateKb();
            Path file = layout.configFile();
            String before = Files.exists(file) ? read(file) : ConfigKeys.template();
            String after;
            try {
                after = ConfigFile.set(before, key, value);
            } catch (IllegalArgumentException e) {
                throw new KbException(ExitCode.CONFIG, layout.relative(file) + ": " + e.getMessage());
            }
            write(layout, after, key, value);
            report(key, value, "config");
            return ExitCode.OK;
        }

        private void report(ConfigKeys.Key key, JsonNode value, String origin) {
            if (json()) {
                Json.line(out(), Json.summary().put("key", key.name()).put("origin", origin).set("value", value));
            } else if (!quiet()) {
                out().println(key.name() + ": " + ConfigFile.render(value));
            }
        }
    }

    @Command(name = "unset", description = "Take one setting out of .kb/config.yaml, so its default applies.")
    static final class Unset extends BaseCommand {
        @Parameters(index = "0", paramLabel = "KEY", completionCandidates = KeyNames.class,
                description = "The setting, e.g. jobs or llm.model.")
        String name;

        Unset(CliContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() throws IOException {
            ConfigKeys.Key key = known(name);
            KbLayout layout = locateKb();
            Path file = layout.configFile();
            if (Files.exists(file)) {
                write(layout, ConfigFile.unset(read(file), key), key, null);
            }
            if (json()) {
                Json.line(out(), Json.summary().put("key", key.name()).put("origin", "default")
                        .set("value", fallback(key)));
            } else if (!quiet()) {
                out().println(key.name() + ": " + (key.fallback().isEmpty() ? "-" : key.fallback()) + " (default)");
            }
            return ExitCode.OK;
        }
    }

    /**
     * Checks the new text as every command would read it, and that it says what was asked,
     * then replaces the file atomically (temporary file, fsync, rename).
     */
    private static void write(KbLayout layout, String text, ConfigKeys.Key key, JsonNode expected) throws IOException {
        String origin = layout.relative(layout.configFile());
        Config config = ConfigLoader.parse(text, origin);
        Compilers.llmSettings(config, origin);
        JsonNode written = at(tree(text, layout.configFile()), key);
        if (expected != null ? !expected.equals(written) : written != null) {
            throw new KbException(ExitCode.CONFIG, "could not change '" + key.name() + "' in " + origin
                    + " without disturbing the rest; edit the file by hand");
        }
        AtomicFiles.writeString(layout.configFile(), text);
    }

    private static ConfigKeys.Key known(String name) {
        return ConfigKeys.find(name).orElseThrow(() -> {
            List<String> close = Suggestions.closest(name, ConfigKeys.ALL.stream().map(ConfigKeys.Key::name).toList());
            return new KbException(ExitCode.CONFIG, "unknown key '" + name + "'" + (close.isEmpty() ? ""
                    : "; did you mean '" + close.get(0) + "'?") + " ('kb config' lists them all)");
        });
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new KbException(ExitCode.CONFIG, "cannot read " + file + ": " + KbCli.describe(e));
        }
    }

    private static JsonNode tree(String text, Path file) {
        try {
            JsonNode tree = text.isBlank() ? MissingNode.getInstance() : YAML.readTree(text);
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (IOException e) {
            // The loader's message names the line.
            ConfigLoader.parse(text, file.toString());
            throw new KbException(ExitCode.CONFIG, file + ": not valid YAML");
        }
    }

    /** The value the file sets for the key, or null when it leaves it to the default. */
    private static JsonNode at(JsonNode tree, ConfigKeys.Key key) {
        JsonNode node = key.inLlmSection() ? tree.path("llm").path(key.leaf()) : tree.path(key.name());
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    private static JsonNode fallback(ConfigKeys.Key key) {
        return key.fallback().isEmpty() ? JsonNodeFactory.instance.nullNode() : ConfigFile.parseValue(key.fallback());
    }
}
