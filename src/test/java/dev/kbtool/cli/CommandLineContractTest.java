package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineContractTest {
    @TempDir
    Path tmp;

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        Kb.Result r = new Kb(tmp).run("--bogus", "status");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("kb: Unknown option: '--bogus'").contains("--help");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionOfASubcommandNamesThatSubcommand() {
        Kb.Result r = new Kb(tmp).run("status", "--nope");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'kb status --help'");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(new Kb(tmp).run().code()).isEqualTo(2);
    }

    @Test
    void quietAndVerboseTogetherIsAUsageError() {
        new Kb(tmp).run("init", "k");
        Kb.Result r = new Kb(tmp).run("--kb", "k", "-q", "-v", "status");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("-q and -v");
    }

    @Test
    void versionAndHelpGoToStdout() {
        Kb.Result version = new Kb(tmp).run("--version");
        Kb.Result help = new Kb(tmp).run("help");
        Kb.Result addHelp = new Kb(tmp).run("help", "add");

        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("kb ");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("init", "add", "list", "status", "Exit codes:", "75");
        assertThat(addHelp.out()).contains("Usage: kb add", "PATH");
    }

    @Test
    void everyCommandAnswersHelpWithItsUsageAndExitsZero() {
        CliContext context = new CliContext(Map.of(), tmp, false, false);
        Set<String> commands = new TreeSet<>(KbCli.create(context, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).getSubcommands().keySet());
        commands.remove("help");
        assertThat(commands).contains("add", "remove", "doctor");
        for (String command : commands) {
            for (String flag : new String[] {"--help", "-h"}) {
                Kb.Result r = new Kb(tmp).run(command, flag);
                assertThat(r.code()).as(command + " " + flag + "\n" + r).isZero();
                assertThat(r.out()).as(command).startsWith("Usage: kb " + command).contains("Exit codes:");
                assertThat(r.err()).as(command).isEmpty();
            }
        }
    }

    @Test
    void everyCommandIsSummedUpInAWholeSentenceInTheHelp() {
        String help = new Kb(tmp).run("--help").out();
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:")).strip();
        // An entry starts at "  name  "; wrapped lines of its summary are indented further.
        String[] entries = commands.substring("Commands:".length()).strip().split("\\n  (?=\\S)");

        assertThat(entries).hasSizeGreaterThanOrEqualTo(10);
        for (String entry : entries) {
            assertThat(entry.replaceAll("\\s+", " ").strip()).as(entry).endsWith(".");
        }
    }

    @Test
    void noKbFoundExits66WithALineNamingKbInit() {
        Kb.Result r = new Kb(tmp).run("status");

        assertThat(r.code()).isEqualTo(66);
        assertThat(r.err()).contains("no knowledge base found", "kb init");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void globalOptionsWorkAfterTheSubcommandToo() {
        new Kb(tmp).run("init", "k");

        Kb.Result r = new Kb(tmp).run("status", "--kb", "k", "--json");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("{\"kb\":");
    }

    @Test
    void badConfigValueExits78NamingTheKey() {
        new Kb(tmp).run("init", "k");
        Fixtures.write(tmp.resolve("k/.kb/config.yaml"), "long_doc_pages: -4\n");

        Kb.Result r = new Kb(tmp).run("--kb", "k", "add", "x.md");
        Kb.Result status = new Kb(tmp).run("--kb", "k", "status");

        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err()).contains("'long_doc_pages'").contains("-4");
        assertThat(status.code()).as("a person looking at their KB to fix it is not stopped").isZero();
        assertThat(status.err()).contains("'long_doc_pages'", "default settings");
        assertThat(status.out()).contains("Documents:");
    }

    @Test
    void theLlmSectionIsValidatedToo() {
        new Kb(tmp).run("init", "k");
        Fixtures.write(tmp.resolve("k/.kb/config.yaml"), "llm:\n  model: m\n  max_tokens: -1\n");
        Kb.Result bad = new Kb(tmp).run("--kb", "k", "add", "x.md");
        Fixtures.write(tmp.resolve("k/.kb/config.yaml"), "llm:\n  model: m\n  modle: n\n");
        Kb.Result unknown = new Kb(tmp).run("--kb", "k", "add", "x.md");
        Fixtures.write(tmp.resolve("k/.kb/config.yaml"), "compiler: llm\n");
        Kb.Result missing = new Kb(tmp).run("--kb", "k", "add", "x.md");

        assertThat(bad.code()).isEqualTo(78);
        assertThat(bad.err()).contains("'llm.max_tokens'");
        assertThat(unknown.code()).isEqualTo(78);
        assertThat(unknown.err()).contains("unknown key 'llm.modle'");
        assertThat(missing.code()).isEqualTo(78);
        assertThat(missing.err()).contains("llm.model");
    }

    @Test
    void stackTracesOnlyWithDoubleVerbose() {
        new Kb(tmp).run("init", "k");
        Fixtures.write(tmp.resolve("k/.kb/config.yaml"), "jobs: [1\n");

        Kb.Result plain = new Kb(tmp).run("--kb", "k", "add", "x.md");
        Kb.Result verbose = new Kb(tmp).run("--kb", "k", "-vv", "add", "x.md");

        assertThat(plain.code()).isEqualTo(78);
        assertThat(plain.err().strip().lines()).hasSize(1);
        assertThat(plain.err()).contains("not valid YAML");
        assertThat(verbose.code()).isEqualTo(78);
        assertThat(verbose.err()).contains("at dev.kbtool.");
    }

    @Test
    void lockTimeoutRejectsNonsense() {
        Kb.Result r = new Kb(tmp).run("--lock-timeout", "soon", "status");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--lock-timeout");
    }
}
