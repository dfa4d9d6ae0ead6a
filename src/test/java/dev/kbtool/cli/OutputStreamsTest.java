package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's rule for every command: results (per file and summary) on stdout, diagnostics
 * and progress on stderr; with --json, stdout is JSON Lines ending with a summary object.
 */
class OutputStreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * How each command is run here: its arguments, and a result it must print on stdout and not
     * on stderr. A command without a case fails {@link #everyCommandHasACase}.
     */
    /**
     * Commands that run until stopped, so this test cannot run them to their end: WatchIT checks
     * that kb watch prints its changes on stdout and its notices on stderr, McpServerIT that
     * kb mcp writes nothing but the protocol on stdout.
     */
    private static final Set<String> RUN_ELSEWHERE = Set.of("watch", "mcp");

    private record Case(List<String> args, String result, boolean json) {
    }

    private Map<String, Case> cases() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("init", new Case(List.of("init", "second"), "Created knowledge base", true));
        c.put("add", new Case(List.of("add", "more"), "added   more/gamma.md -> gamma", true));
        c.put("list", new Case(List.of("list"), "alpha", true));
        c.put("status", new Case(List.of("status"), "Documents:", true));
        c.put("show", new Case(List.of("show", "alpha"), "Document:    alpha", true));
        c.put("search", new Case(List.of("search", "harbour"), "[[summaries/alpha]]", true));
        c.put("sync", new Case(List.of("sync", "docs"), "added 0, updated 0, moved 0, removed 0", true));
        c.put("query", new Case(List.of("query", "What does the harbour of Alpha have?"), "cranes", true));
        c.put("recompile", new Case(List.of("recompile", "beta"), "recompiled beta", true));
        c.put("remove", new Case(List.of("remove", "--yes", "gamma"), "removed gamma", true));
        c.put("lint", new Case(List.of("lint"), "\n", true));
        c.put("doctor", new Case(List.of("doctor"), "healthy", true));
        c.put("config", new Case(List.of("config"), "jobs", true));
        c.put("config get", new Case(List.of("config", "get", "jobs"), "0", true));
        c.put("config set", new Case(List.of("config", "set", "page_links", "40"), "page_links: 40", true));
        c.put("config unset", new Case(List.of("config", "unset", "page_links"), "page_links: 50 (default)", true));
        c.put("completion", new Case(List.of("completion", "bash"), "complete -F _complete_kb", false));
        c.put("help", new Case(List.of("help", "add"), "Usage: kb add", false));
        return c;
    }

    @Test
    void everyCommandHasACase() {
        TreeSet<String> commands = new TreeSet<>();
        collect(DistributionFiles.model(), commands);
        commands.removeAll(RUN_ELSEWHERE);
        assertThat(new TreeSet<>(cases().keySet())).as("add a case for each new command to OutputStreamsTest")
                .isEqualTo(commands);
    }

    @Test
    void resultsOnStdoutDiagnosticsOnStderrAndJsonEndsWithASummary() throws Exception {
        Kb kb = new Kb(tmp);
        kb.run("init", "k");
        Fixtures.write(tmp.resolve("docs/alpha.md"), "# Alpha\n\nThe harbour of Alpha has cranes.\n");
        Fixtures.write(tmp.resolve("docs/beta.md"), "# Beta\n\nBeta is about bridges.\n");
        Fixtures.write(tmp.resolve("more/gamma.md"), "# Gamma\n\nGamma is about gates.\n");
        kb = kb.env("KB_DIR", tmp.resolve("k").toString());
        kb.run("add", "docs");

        for (Map.Entry<String, Case> e : cases().entrySet()) {
            Case c = e.getValue();
            Kb.Result text = kb.atTerminal(c.args().toArray(String[]::new));
            String name = e.getKey();
            assertThat(text.code()).as(name + "\n" + text).isZero();
            assertThat(text.out()).as(name).contains(c.result()).doesNotContain("\u001b", "\r");
            assertThat(text.out().lines()).as(name + ": no diagnostics on stdout").noneMatch(l -> l.startsWith("kb: "));
            if (!c.result().isEmpty() && !name.equals("help")) {
                assertThat(text.err()).as(name + ": results are not on stderr").doesNotContain(c.result() + "\n");
            }
            if (!c.json()) {
                continue;
            }
            if (name.equals("add")) {
                kb.run("remove", "--yes", "gamma");
            } else if (name.equals("init")) {
                c = new Case(List.of("init", "third"), "", true);
            } else if (name.equals("remove")) {
                kb.run("add", "more");
            }
            List<String> args = new ArrayList<>(List.of("--json"));
            args.addAll(c.args());
            Kb.Result json = kb.run(args.toArray(String[]::new));
            List<String> lines = json.out().lines().toList();
            assertThat(lines).as(name + " --json\n" + json).isNotEmpty();
            JsonNode last = null;
            for (String line : lines) {
                last = JSON.readTree(line);
                assertThat(last.isObject()).as(name + ": " + line).isTrue();
            }
            assertThat(last.path("summary").asBoolean()).as(name + " --json ends with a summary\n" + json).isTrue();
            assertThat(lines.stream().filter(l -> l.contains("\"summary\":true"))).as(name).hasSize(1);
        }
    }

    private static void collect(CommandLine cl, TreeSet<String> into) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            into.add(sub.getCommandSpec().qualifiedName().substring("kb ".length()));
            collect(sub, into);
        }
    }
}
