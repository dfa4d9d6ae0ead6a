package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.compile.CompileUsage;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.AddPipeline;
import dev.kbtool.ingest.AddStatus;
import dev.kbtool.ingest.StageTimes;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line, driven with a width and a clock of the test's choosing. */
class AddProgressTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger width = new AtomicInteger(120);
    private final AtomicBoolean stopping = new AtomicBoolean();

    private AddProgress progress(int total) {
        return new AddProgress(new PrintWriter(out, true), new PrintWriter(err, true), AddProgress.Mode.BAR, true,
                false, false, total, width::get, nanos::get, stopping::get);
    }

    @Test
    void theLineNeverTakesTheTerminalsLastColumnAt40Or120Columns() {
        for (int columns : new int[] {40, 120}) {
            width.set(columns);
            err.getBuffer().setLength(0);
            AddProgress p = progress(42);
            for (int i = 0; i < 42; i++) {
                String path = "papers/a very long folder name/with more/" + "x".repeat(i) + "-document-" + i + ".pdf";
                p.started(path, "converting");
                nanos.addAndGet(700_000_000L);
                p.tick();
                p.onOutcome(worked(path));
            }
            p.finish();
            assertThat(drawn()).isNotEmpty().allSatisfy(line -> assertThat(Columns.width(line))
                    .as(columns + " columns: " + line).isLessThan(columns));
            assertThat(drawn()).anyMatch(l -> l.contains("converting")).anyMatch(l -> l.contains("files/s"));
        }
    }

    @Test
    void aResizeIsFollowedAtTheNextRedraw() {
        AddProgress p = progress(3);
        p.started("notes/a-rather-long-file-name-that-needs-room.md", "hashing");
        p.tick();
        width.set(30);
        err.getBuffer().setLength(0);
        p.tick();

        assertThat(drawn()).allSatisfy(line -> assertThat(Columns.width(line)).isLessThan(30));
        assertThat(drawn().get(drawn().size() - 1)).contains("0/3").endsWith("room.md");
    }

    @Test
    void activityShowsBeforeTheFirstFileCompletes() {
        AddProgress p = progress(3);
        p.started("big.pdf", "hashing");
        p.tick();
        p.started("big.pdf", "converting");
        p.started("other.pdf", "hashing");
        p.tick();

        List<String> lines = drawn();
        assertThat(lines.get(0)).startsWith("/").contains("0/3", "hashing big.pdf");
        assertThat(lines.get(1)).as("the spinner turns").startsWith("-").contains("0/3", "converting big.pdf (+1)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFileWaitingBetweenStepsIsNotNamedAsTheOneBeingWorkedOn() {
        AddProgress p = progress(4);
        for (String f : List.of("a.pdf", "b.pdf", "c.pdf")) {
            p.started(f, "hashing");
            p.started(f, AddPipeline.Activity.WAITING);
        }
        p.started("b.pdf", "converting");
        p.tick();
        p.started("b.pdf", AddPipeline.Activity.WAITING);
        p.started("c.pdf", "converting");
        p.tick();
        p.onOutcome(worked("a.pdf"));
        p.onOutcome(worked("b.pdf"));
        p.onOutcome(worked("c.pdf"));
        p.started("d.pdf", "hashing");
        p.started("d.pdf", AddPipeline.Activity.WAITING);
        p.tick();

        List<String> lines = drawn();
        assertThat(lines.get(0)).contains("converting b.pdf").doesNotContain("a.pdf", "(+");
        assertThat(lines.get(1)).contains("converting c.pdf").doesNotContain("a.pdf", "b.pdf", "(+");
        assertThat(last()).contains("3/4").doesNotContain("d.pdf", "hashing");
    }

    @Test
    void afterAResumeRateAndEtaCountOnlyTheFilesThisRunWorkedOn() {
        AddProgress p = progress(42);
        for (int i = 0; i < 26; i++) {
            nanos.addAndGet(20_000_000L);
            p.onOutcome(AddOutcome.skipped("old-" + i + ".md", "old-" + i, "already in the knowledge base as old-" + i));
        }
        String afterSkips = last();
        for (int i = 0; i < 2; i++) {
            nanos.addAndGet(450_000_000L);
            p.onOutcome(worked("new-" + i + ".pdf"));
        }
        String afterWork = last();

        assertThat(afterSkips).contains("26/42").doesNotContain("files/s", "ETA");
        // 2 files in 1.42 s: 1.4 files/s, 14 files left: about 10 s. Counting the skips said 19.7 files/s and 710 ms.
        assertThat(afterWork).contains("28/42", "1.4 files/s", "ETA 10s");
    }

    @Test
    void ctrlCReplacesTheLineAndTheBarSaysItIsStopping() {
        AddProgress p = progress(5);
        p.started("a.pdf", "converting");
        p.tick();
        PrintWriter errWriter = new PrintWriter(err, true);
        Interrupts.announce(errWriter, true);
        stopping.set(true);
        p.tick();
        p.finish();

        String all = err.toString();
        assertThat(all).contains("\r\u001b[Kkb: interrupted; finishing the document in flight");
        assertThat(all.substring(all.indexOf("kb: interrupted"))).contains("stopping after a.pdf").endsWith("\r\u001b[K");
    }

    @Test
    void resultsGoToStdoutAndFailuresWithQuietToStderr() {
        AddProgress lines = new AddProgress(new PrintWriter(out, true), new PrintWriter(err, true), AddProgress.Mode.LINES,
                true, false, false, 2, width::get, nanos::get, stopping::get);
        lines.onOutcome(worked("a.md"));
        lines.onOutcome(AddOutcome.failed("b.md", AddOutcome.Failure.BAD_DATA, "not valid UTF-8"));
        lines.finish();
        assertThat(out.toString()).isEqualTo("added   a.md -> a.md\nfailed  b.md: not valid UTF-8\n".replace("\n",
                System.lineSeparator()));
        assertThat(err.toString()).isEmpty();

        out.getBuffer().setLength(0);
        AddProgress quiet = new AddProgress(new PrintWriter(out, true), new PrintWriter(err, true), AddProgress.Mode.QUIET,
                true, false, false, 2, width::get, nanos::get, stopping::get);
        quiet.onOutcome(worked("a.md"));
        quiet.onOutcome(AddOutcome.failed("b.md", AddOutcome.Failure.BAD_DATA, "not valid UTF-8"));
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).isEqualTo("kb: b.md: not valid UTF-8");
    }

    @Test
    void noColorDumbTerminalsAndPipesGetPlainLinesWithoutEscapes() {
        Kb kb = new Kb(tmp);
        kb.run("init", "k");
        for (int i = 0; i < 3; i++) {
            Fixtures.write(tmp.resolve("in" + i + "/a.md"), "# A" + i + "\n\nText number " + i + ".\n");
        }
        Kb in = kb.env("KB_DIR", tmp.resolve("k").toString());

        Kb.Result noColor = in.env("NO_COLOR", "1").atTerminal("add", "in0");
        Kb.Result pipe = new Kb(tmp).env("KB_DIR", tmp.resolve("k").toString()).run("add", "in1");
        Kb.Result quiet = new Kb(tmp).env("KB_DIR", tmp.resolve("k").toString()).atTerminal("-q", "add", "in2");

        for (Kb.Result r : List.of(noColor, pipe)) {
            assertThat(r.err()).as(r.toString()).doesNotContain("\u001b", "\r");
            assertThat(r.out()).contains("added   in").doesNotContain("\u001b", "\r");
        }
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).isEmpty();
    }

    private static AddOutcome worked(String path) {
        return new AddOutcome(path, AddStatus.ADDED, path, null, null, "hash", false, 400,
                new StageTimes(5, 390, 300, 90, 0, 5), CompileUsage.NONE);
    }

    /** The progress lines as the terminal shows them: what lies between carriage returns, escapes taken out. */
    private List<String> drawn() {
        return Arrays.stream(err.toString().split("[\r\n]")).map(s -> s.replace("\u001b[K", ""))
                .filter(s -> !s.isBlank()).toList();
    }

    private String last() {
        List<String> lines = drawn();
        return lines.get(lines.size() - 1);
    }
}
