package dev.kbtool.cli;

import dev.kbtool.failure.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion",
        description = {
            "Print the shell completion script for bash or zsh.",
            "Completes commands, options and document names. Load it in the current shell with "
                    + "'source <(kb completion bash)', or for good: put it in "
                    + "~/.local/share/bash-completion/completions/kb (bash), or as _kb in a folder of $fpath "
                    + "(zsh). The installed archive has both under share/."
        })
final class CompletionCommand extends BaseCommand {
    /** The shells the script is for. */
    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    CompletionCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        // One script serves both: picocli's loads zsh's bash compatibility when zsh reads it.
        out().print(CompletionScript.generate());
        out().flush();
        return ExitCode.OK;
    }
}
