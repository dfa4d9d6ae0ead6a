package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class CompletionAndManPagesTest {
    @TempDir
    Path tmp;

    @Test
    void theCompletionScriptIsValidBashAndKbCompletionPrintsIt() throws Exception {
        Kb.Result bash = new Kb(tmp).run("completion", "bash");
        Kb.Result zsh = new Kb(tmp).run("completion", "zsh");
        Kb.Result fish = new Kb(tmp).run("completion", "fish");
        Path script = Files.writeString(tmp.resolve("kb.bash"), bash.out());

        assertThat(bash.code()).isZero();
        assertThat(bash.out()).isEqualTo(CompletionScript.generate()).contains("complete -F _complete_kb");
        assertThat(zsh.out()).isEqualTo(bash.out()).contains("bashcompinit");
        assertThat(fish.code()).isEqualTo(2);
        assertThat(run(tmp, "bash", "-n", script.toString())).isEqualTo("exit 0\n");
    }

    @Test
    void zshAcceptsTheScriptToo() throws Exception {
        assumeTrue(onPath("zsh"), "zsh is not installed (.ci/run installs it)");
        Path script = Files.writeString(tmp.resolve("kb.zsh"), CompletionScript.generate());
        assertThat(run(tmp, "zsh", "-n", script.toString())).isEqualTo("exit 0\n");
    }

    @Test
    void bashCompletesCommandsOptionsAndTheDocumentsOfTheKnowledgeBase() throws Exception {
        Kb kb = new Kb(tmp);
        kb.run("init", "my kb");
        Fixtures.write(tmp.resolve("in/harbour.md"), "# Harbour\n\nShips dock here.\n");
        Fixtures.write(tmp.resolve("in/hills.md"), "# Hills\n\nSheep graze there.\n");
        kb.run("--kb", "my kb", "add", "in");
        Path script = Files.writeString(tmp.resolve("kb.bash"), CompletionScript.generate());

        assertThat(complete(script, tmp, "kb", "con")).contains("config");
        assertThat(complete(script, tmp, "kb", "add", "--from")).contains("--from-file");
        assertThat(complete(script, tmp, "kb", "config", "s")).contains("set");
        assertThat(complete(script, tmp, "kb", "config", "set", "llm.m")).contains("llm.model", "llm.merge_model")
                .doesNotContain("jobs");
        assertThat(complete(script, tmp, "kb", "config", "get", "")).contains("jobs", "max_file_size");
        assertThat(complete(script, tmp.resolve("my kb/wiki"), "kb", "show", "h")).contains("harbour", "hills");
        assertThat(complete(script, tmp, "kb", "--kb", "my kb", "remove", "ha")).contains("harbour")
                .doesNotContain("hills");
        assertThat(complete(script, tmp, "kb", "show", "h")).as("no knowledge base here: no names").doesNotContain(
                "harbour");
    }

    @Test
    void everyCommandHasAManPageThatTroffReadsAndThatNamesEveryOption() throws Exception {
        List<Path> pages = DistributionFiles.write(tmp.resolve("share"));

        List<String> names = new ArrayList<>();
        for (Path p : pages) {
            names.add(p.getFileName().toString());
        }
        assertThat(names).contains("kb.1", "kb-add.1", "kb-show.1", "kb-config.1", "kb-config-set.1", "kb-completion.1");
        CommandLine root = DistributionFiles.model();
        List<CommandLine> commands = new ArrayList<>();
        collect(root, commands);
        assertThat(pages).hasSize(commands.size());
        for (CommandLine cl : commands) {
            Path page = tmp.resolve("share/man/man1/" + cl.getCommandSpec().qualifiedName("-") + ".1");
            assertThat(page).as(cl.getCommandSpec().qualifiedName()).exists();
            String troff = Files.readString(page);
            for (OptionSpec o : cl.getCommandSpec().options()) {
                assertThat(troff).contains(ManPage.escape(o.longestName()));
            }
            if (onPath("groff")) {
                assertThat(run(tmp, "groff", "-man", "-Tutf8", "-ww", "-z", page.toString()))
                        .as("groff warnings for " + page.getFileName()).isEqualTo("exit 0\n");
            }
        }
        assertThat(tmp.resolve("share/bash-completion/completions/kb")).exists();
        assertThat(tmp.resolve("share/zsh/kb.zsh")).exists();
    }

    private static void collect(CommandLine cl, List<CommandLine> into) {
        into.add(cl);
        cl.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    /** What bash offers for the last word, with the completion function run as bash runs it on Tab. */
    private static String complete(Path script, Path cwd, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w.replace("'", "'\\''")).append('\'');
        }
        String line = String.join(" ", words);
        String program = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line.replace("'", "'\\''") + "'; COMP_POINT=${#COMP_LINE};"
                + " _complete_kb 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        return run(cwd, "env", "-u", "KB_DIR", "bash", "-c", program);
    }

    private static String run(Path cwd, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return command[command.length - 1].startsWith("source") ? output : output + "exit " + p.exitValue() + "\n";
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
