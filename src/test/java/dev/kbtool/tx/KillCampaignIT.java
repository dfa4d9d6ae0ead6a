package dev.kbtool.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.layout.KbLayout;
import dev.kbtool.session.KbServices;
import dev.kbtool.testing.Canaries;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.KbProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill campaign: {@code kill -9} at random moments of add (two workers), remove, recompile
 * and lint --fix, and of recovery itself, several times in a row. After every kill the same
 * command is run again, as a script would: it must exit as an uninterrupted run does and leave
 * the state an uninterrupted run leaves, with nothing for {@code kb doctor} to report (no error,
 * no warning) and no leftovers in journal, backup or staging; files outside the knowledge base
 * never change. CI runs the bounded form; {@code bench/fault-campaign.sh} the long one
 * ({@code -Dkb.campaign.kills}, {@code -Dkb.campaign.seed}).
 */
class KillCampaignIT {
    static final int CRASHED = 137;
    static final int KILLS_PER_COMMAND = Integer.getInteger("kb.campaign.kills", 13);
    static final long SEED = Long.getLong("kb.campaign.seed", System.nanoTime());
    static final AtomicInteger KILLS = new AtomicInteger();

    @TempDir
    static Path work;
    static Canaries canaries;
    static Path base;
    static Path withGhostLink;
    static Path batch;

    /** What an uninterrupted run of a command does to a copy of its starting KB. */
    record Reference(List<String> command, Path from, int exit, TreeMap<String, String> state, long millis) {
    }

    static List<Reference> references = new ArrayList<>();

    @BeforeAll
    static void buildBaseAndReferences() throws Exception {
        canaries = Canaries.plant(work.resolve("outside"));
        for (int i = 1; i <= 6; i++) {
            Fixtures.write(work.resolve("seed/d" + i + ".md"), "# Document " + i + "\n\nDocument " + i
                    + " is about graph theory and spanning trees, which Ada Lovelace studied in London.\n\n"
                    + "It also covers topic " + i + " in detail: topic " + i + " matters for search engines.\n");
        }
        for (int i = 1; i <= 5; i++) {
            Fixtures.write(work.resolve("batch/n" + i + (i % 2 == 0 ? ".txt" : ".md")), "# New " + i + "\n\nNew note "
                    + i + " adds to graph theory and to the history of search engines in Zurich.\n");
        }
        batch = work.resolve("batch");
        base = work.resolve("base");
        KbProcess kb = new KbProcess(work);
        check(kb.run("init", base.toString()), 0);
        check(kb.run("--kb", base.toString(), "add", work.resolve("seed").toString()), 0);
        withGhostLink = work.resolve("base-ghost");
        KbDigest.copyTree(base, withGhostLink);
        Path summary = withGhostLink.resolve("wiki/summaries/d2.md");
        Files.writeString(summary, Files.readString(summary) + "\nSee [[concepts/nowhere]].\n");
        reference(base, "add", "--jobs", "2", batch.toString());
        reference(base, "remove", "--yes", "d1", "d3", "d5");
        reference(base, "recompile", "--all", "--yes", "--jobs", "2");
        reference(withGhostLink, "lint", "--fix");
    }

    @AfterAll
    static void nothingOutsideChangedAndEnoughKills() throws Exception {
        canaries.assertUnchanged();
        assertThat(KILLS.get()).as("kills that hit a running command").isGreaterThanOrEqualTo(
                references.size() * KILLS_PER_COMMAND * 9 / 10);
    }

    @TestFactory
    Stream<DynamicTest> killedAtRandomMomentsEveryCommandConvergesWhenRunAgain() {
        Random random = new Random(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (Reference ref : references) {
            for (int i = 0; i < KILLS_PER_COMMAND; i++) {
                long delay = (long) (random.nextDouble() * ref.millis() * 0.9);
                String name = ref.command().get(0) + " killed after " + delay + " ms (seed " + SEED + ")";
                int n = i;
                tests.add(DynamicTest.dynamicTest(name, () -> killThenRerun(ref, delay, n, name)));
            }
        }
        return tests.stream();
    }

    @Test
    void recoveryKilledAgainAndAgainAtRandomStillConverges() throws Exception {
        Reference add = references.get(0);
        Random random = new Random(SEED + 1);
        String[] points = {"recovery.attempt:1", "rollback.entry:1", "rollback.entry:2", "rollback.entry:3",
            "recovery.rolled-back:1", "tx.journal-removed:1"};
        for (int round = 0; round < 4; round++) {
            Path kb = copy(base, "recovery-" + round);
            Kb.Result crashed = new KbProcess(work).env("KB_CRASH_AT", "tx.apply:" + (2 + random.nextInt(12)))
                    .run(withKb(kb, add.command()));
            assertThat(crashed.code()).as(crashed.toString()).isEqualTo(CRASHED);
            for (int kill = 0; kill < 3; kill++) {
                String at = points[random.nextInt(points.length)];
                Kb.Result r = new KbProcess(work).env("KB_CRASH_AT", at).run("--kb", kb.toString(), "doctor", "--repair");
                // A point recovery no longer reaches (it finished earlier) lets the command run to its end.
                assertThat(r.code()).as(at + "\n" + r).isIn(CRASHED, 0);
            }
            assertConverges(kb, add, "recovery round " + round + " (seed " + SEED + ")");
        }
    }

    /** Kills the command at {@code delay}; one that finished first is started again and killed sooner. */
    private static void killThenRerun(Reference ref, long delay, int n, String context) throws Exception {
        for (int attempt = 0; ; attempt++, delay /= 2) {
            Path kb = copy(ref.from(), ref.command().get(0) + "-" + n + "-" + attempt);
            Process p = new KbProcess(work).builder(withKb(kb, ref.command()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(delay);
            boolean killed = p.isAlive();
            if (killed) {
                p.destroyForcibly();
                KILLS.incrementAndGet();
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (killed || attempt == 3) {
                assertConverges(kb, ref, context + (killed ? "" : " (never caught running)"));
                return;
            }
        }
    }

    /** The same command again: the uninterrupted run's exit and state, nothing for doctor, no leftovers. */
    private static void assertConverges(Path kb, Reference ref, String context) throws Exception {
        Kb.Result again = new KbProcess(work).run(withKb(kb, ref.command()));
        assertThat(again.code()).as(context + "\n" + again).isEqualTo(ref.exit());
        assertThat(KbDigest.leftovers(kb)).as(context).isEmpty();
        assertThat(withoutLog(KbDigest.of(kb))).as(context).isEqualTo(ref.state());
        // Checked in this JVM: the same checks as kb doctor, without a child JVM per kill.
        try (KbServices services = KbServices.open(new KbLayout(kb), new KbServices.Settings("kb doctor",
                Duration.ofSeconds(30), Map.of(), notice -> { }))) {
            assertThat(services.doctor().check()).as(context).isEmpty();
        }
    }

    private static void reference(Path from, String... command) {
        Path kb = copy(from, "ref-" + command[0]);
        long start = System.nanoTime();
        Kb.Result r = new KbProcess(work).run(withKb(kb, List.of(command)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        check(r, 0);
        references.add(new Reference(List.of(command), from, r.code(), withoutLog(KbDigest.of(kb)), millis));
    }

    static TreeMap<String, String> withoutLog(TreeMap<String, String> digest) {
        // The log is a chronology: a command run again rightly adds its entries again.
        TreeMap<String, String> copy = new TreeMap<>(digest);
        copy.remove("wiki/log.md");
        return copy;
    }

    private static String[] withKb(Path kb, List<String> command) {
        List<String> args = new ArrayList<>(List.of("--kb", kb.toString()));
        args.addAll(command);
        return args.toArray(String[]::new);
    }

    private static Path copy(Path from, String name) {
        Path target = work.resolve("kb-" + name);
        KbDigest.copyTree(from, target);
        return target;
    }

    private static void check(Kb.Result r, int code) {
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }
}
