package dev.kbtool.cli;

import dev.kbtool.text.Units;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "kb",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Compiles folders of documents into a persistent, interlinked Markdown wiki.",
            ""
        },
        subcommands = {
            InitCommand.class,
            AddCommand.class,
            ListCommand.class,
            StatusCommand.class,
            RemoveCommand.class,
            SyncCommand.class,
            WatchCommand.class,
            RecompileCommand.class,
            SearchCommand.class,
            QueryCommand.class,
            McpCommand.class,
            LintCommand.class,
            DoctorCommand.class,
            ShowCommand.class,
            ConfigCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0 ok   1 failure   2 usage   3 partial (some files failed)",
            "  65 bad input data   66 input or knowledge base missing   69 LLM unavailable",
            "  75 knowledge base busy or awaiting repair   78 config error   130 interrupted"
        })
public final class KbCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kb", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The knowledge base (default: $KB_DIR, else the nearest parent folder holding .kb/).")
    Path kbDir;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print nothing but errors (and --json data).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail; -vv adds timings and stack traces.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Machine-readable output on stdout (JSON Lines, then a summary object).")
    boolean json;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour output.")
    boolean noColor;

    @Option(names = "--lock-timeout", paramLabel = "DUR", scope = ScopeType.INHERIT,
            converter = DurationConverter.class,
            description = "How long to wait for a busy knowledge base, e.g. 0, 10s, 5m (default: lock_timeout in config, 60s).")
    Duration lockTimeout;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    int verbosity() {
        return quiet ? -1 : verbose.length;
    }

    /**
     * Checks options that depend on each other; called by every command before it works. Not an
     * exclusive {@code @ArgGroup}: picocli does not enforce one across inherited options given at
     * different levels ({@code kb -q add -v}, picocli issues 1182 and 1212).
     */
    void validate(CommandSpec command) {
        if (quiet && verbose.length > 0) {
            throw new CommandLine.ParameterException(command.commandLine(), "-q and -v cannot be used together");
        }
    }

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Units.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
