package dev.kbtool.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.CrashWorkload;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.KbProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at every crash point of a batch add, in a child JVM; then the next command must
 * bring the KB to the state before or after the interrupted document — compared by content
 * digest — with nothing left over, and re-running the add must converge to the
 * uninterrupted result.
 *
 * <p>Each crashed KB is checked twice, on two copies: once recovered by {@code kb doctor
 * --repair} (which stops after recovery, so the state it leaves can be compared with the
 * prefix states), and once the way a user goes on, by simply running the add again — with no
 * repair, plain recovery must leave nothing behind and {@code kb doctor} must find nothing.
 */
class CrashSuiteIT {
    static final int CRASHED = 137;

    @TempDir
    static Path work;
    static CrashWorkload workload;

    @BeforeAll
    static void buildWorkload() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("alpha.md", "# Alpha\n\nAlpha is the first new document. It has a heading and two sentences.\n");
        files.put("beta.txt", "Beta is plain text.\nIt spans two lines about shared ideas.\n");
        files.put("gamma.markdown", "---\ntitle: Gamma\n---\n\nGamma uses the long Markdown extension.\n");
        workload = new CrashWorkload(work, files);
        // Batches run with two prepare workers, so kills land while other files are in flight.
    }

    @TestFactory
    Stream<DynamicTest> killAtEveryCrashPointOfABatchAdd() {
        Map<String, Integer> points = workload.crashPoints("--jobs", "2");
        assertThat(points).containsKeys("tx.journal-written", "tx.apply", "tx.committed", "tx.snapshot-entry");
        // Each point's first, last and one seeded random occurrence, as LifecycleCrashIT: killing
        // at all 59 took 6 minutes of CI's 15 (every one with -Dkb.crash.every=true).
        long seed = CrashWorkload.seed();
        java.util.Random random = new java.util.Random(seed);
        List<DynamicTest> tests = new ArrayList<>();
        points.forEach((point, count) -> {
            for (int n : CrashWorkload.occurrences(count, random)) {
                String at = point + ":" + n;
                tests.add(DynamicTest.dynamicTest(at + " (seed " + seed + ")", () -> crashThenRecover(at)));
            }
        });
        return tests.stream();
    }

    private void crashThenRecover(String at) {
        Path kb = workload.freshKb(at.replace(':', '-'));
        Kb.Result crashed = new KbProcess(work).env("KB_CRASH_AT", at)
                .run("--kb", kb.toString(), "add", "--jobs", "2", workload.batch.toString());
        assertThat(crashed.code()).as(crashed.toString()).isEqualTo(CRASHED);

        Path plain = work.resolve(kb.getFileName() + "-plain");
        KbDigest.copyTree(kb, plain);
        assertRecoversToAPrefixAndConverges(kb);
        assertPlainRerunRecoversAndConverges(plain, at);
    }

    @TestFactory
    Stream<DynamicTest> killDuringRecoveryItself() {
        String crashAt = "tx.apply:8";
        Path probe = workload.freshKb("recovery-trace");
        KbProcess kb = new KbProcess(work);
        assertThat(kb.env("KB_CRASH_AT", crashAt).run("--kb", probe.toString(), "add", workload.batch.toString())
                .code()).isEqualTo(CRASHED);
        Kb.Result traced = new KbProcess(work).env("KB_CRASH_TRACE", "1").run("--kb", probe.toString(), "doctor", "--repair");
        Map<String, Integer> points = CrashWorkload.count(traced.err());
        assertThat(points).containsKeys("recovery.attempt", "rollback.entry", "recovery.rolled-back");

        List<DynamicTest> tests = new ArrayList<>();
        points.forEach((point, count) -> {
            for (int n = 1; n <= count; n++) {
                String at = point + ":" + n;
                tests.add(DynamicTest.dynamicTest("recovery " + at, () -> {
                    Path dir = workload.freshKb("rec-" + at.replace(':', '-'));
                    assertThat(new KbProcess(work).env("KB_CRASH_AT", crashAt)
                            .run("--kb", dir.toString(), "add", workload.batch.toString()).code()).isEqualTo(CRASHED);
                    Kb.Result second = new KbProcess(work).env("KB_CRASH_AT", at)
                            .run("--kb", dir.toString(), "doctor", "--repair");
                    assertThat(second.code()).as(second.toString()).isEqualTo(CRASHED);
                    assertRecoversToAPrefixAndConverges(dir);
                }));
            }
        });
        return tests.stream();
    }

    @Test
    void recoveryKilledMoreTimesThanItMayFailStillRollsBack() throws Exception {
        Path kb = workload.freshKb("killed-recovery");
        assertThat(new KbProcess(work).env("KB_CRASH_AT", "tx.apply:12")
                .run("--kb", kb.toString(), "add", workload.batch.toString()).code()).isEqualTo(CRASHED);
        // Killed in the middle of every rollback, more often than a failing rollback is allowed to fail.
        for (int kill = 0; kill <= Recovery.MAX_ATTEMPTS; kill++) {
            Kb.Result r = new KbProcess(work).env("KB_CRASH_AT", "rollback.entry:2")
                    .run("--kb", kb.toString(), "doctor", "--repair");
            assertThat(r.code()).as(r.toString()).isEqualTo(CRASHED);
            try (var journals = java.nio.file.Files.list(kb.resolve(".kb/journal"))) {
                Path journal = journals.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(journal.toFile())
                        .at("/journal/attempts").asInt()).as("a killed attempt is not a failed one").isZero();
            }
        }

        assertThat(kb.resolve(".kb/quarantine")).isEmptyDirectory();
        assertRecoversToAPrefixAndConverges(kb);
    }

    @Test
    void randomKillsDuringABatchAdd() throws Exception {
        long seed = Long.getLong("kb.crash.seed", System.nanoTime());
        int iterations = Integer.getInteger("kb.crash.iterations", 6);
        Random random = new Random(seed);
        for (int i = 0; i < iterations; i++) {
            Path kb = workload.freshKb("random-" + i);
            long delay = 150 + random.nextInt(900);
            String jobs = Integer.toString(1 + i % 2);
            Process p = new KbProcess(work).builder("--kb", kb.toString(), "add", "--jobs", jobs, workload.batch.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(delay);
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String context = "seed " + seed + " (rerun with -Dkb.crash.seed=" + seed + "), iteration " + i
                    + ", --jobs " + jobs + ", killed after " + delay + " ms";
            Path plain = work.resolve(kb.getFileName() + "-plain");
            KbDigest.copyTree(kb, plain);
            assertRecoversToAPrefixAndConverges(kb, context);
            assertPlainRerunRecoversAndConverges(plain, context);
        }
    }

    /** The user's next step after a crash: the same add again, recovery on the way, no repair. */
    private static void assertPlainRerunRecoversAndConverges(Path kb, String context) {
        KbProcess kbp = new KbProcess(work);
        Kb.Result again = kbp.run("--kb", kb.toString(), "add", "--jobs", "2", workload.batch.toString());
        assertThat(again.code()).as(context + "\n" + again).isZero();
        assertThat(KbDigest.leftovers(kb)).as(context).isEmpty();
        assertThat(KbDigest.of(kb)).as(context).isEqualTo(workload.finalState());
        Kb.Result doctor = kbp.run("--kb", kb.toString(), "--json", "doctor");
        assertThat(doctor.code()).as(context + "\n" + doctor).isZero();
        assertThat(doctor.out()).contains("\"healthy\":true");
    }

    private static void assertRecoversToAPrefixAndConverges(Path kb) {
        assertRecoversToAPrefixAndConverges(kb, "");
    }

    private static void assertRecoversToAPrefixAndConverges(Path kb, String context) {
        KbProcess kbp = new KbProcess(work);
        Kb.Result doctor = kbp.run("--kb", kb.toString(), "--json", "doctor", "--repair");
        assertThat(doctor.code()).as(context + "\n" + doctor).isZero();
        assertThat(doctor.out()).contains("\"healthy\":true");
        assertThat(KbDigest.leftovers(kb)).as(context).isEmpty();
        int prefix = workload.prefixOf(kb);
        assertThat(prefix).as(context + ": the KB after recovery is in none of the prefix states:\n"
                + KbDigest.of(kb) + "\nexpected one of\n" + workload.prefixStates).isGreaterThanOrEqualTo(0);

        Kb.Result again = kbp.run("--kb", kb.toString(), "add", workload.batch.toString());
        assertThat(again.code()).as(context + "\n" + again).isZero();
        assertThat(KbDigest.of(kb)).as(context).isEqualTo(workload.finalState());
        assertThat(KbDigest.leftovers(kb)).as(context).isEmpty();
    }
}
