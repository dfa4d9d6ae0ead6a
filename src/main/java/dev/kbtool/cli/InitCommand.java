package dev.kbtool.cli;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.session.KbInitializer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "init", sortOptions = false,
        description = {
            "Create a knowledge base in DIR (default: the current folder).",
            "Never prompts: settings come as --set KEY=VALUE, validated before anything is written."
        })
final class InitCommand extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Where to create it; created if missing.")
    Path dir;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A config.yaml setting, e.g. --set jobs=4 or --set llm.model=gpt-4o-mini (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    InitCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        Path target = dir != null ? context.cwd().resolve(dir) : context.cwd();
        KbLayout existing = new KbLayout(target);
        if (settings.isEmpty() && existing.exists()) {
            // Nothing asked for that is not already there: a script may run init every time.
            if (json()) {
                Json.line(out(), Json.summary().put("kb", existing.root().toString()).put("status", "exists"));
            } else if (!quiet()) {
                out().println(existing.root() + " is already a knowledge base; nothing to do");
            }
            return ExitCode.OK;
        }
        KbLayout layout = KbInitializer.create(target, settings);
        if (json()) {
            Json.line(out(), Json.summary().put("kb", layout.root().toString()).put("status", "created"));
        } else if (!quiet()) {
            out().println("Created knowledge base in " + layout.root());
            // Advice, not a result: on stderr, with the command as this person can type it here.
            err().println("Next: " + context.program() + kbOption(layout) + " add PATH...");
        }
        return ExitCode.OK;
    }

    /** The --kb a later command needs from the current folder: none inside the new knowledge base. */
    private String kbOption(KbLayout layout) {
        if (context.cwd().startsWith(layout.root()) && context.env("KB_DIR") == null) {
            return "";
        }
        String shown = context.cwd().relativize(layout.root()).toString();
        if (shown.isEmpty() || shown.length() > layout.root().toString().length()) {
            shown = layout.root().toString();
        }
        return " --kb " + Shell.quote(shown);
    }
}
