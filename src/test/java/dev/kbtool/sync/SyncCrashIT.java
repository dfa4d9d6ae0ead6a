package dev.kbtool.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.CrashWorkload;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.KbProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at the crash points of a kb sync that moves, removes, updates and adds, in a child
 * JVM: every point the sync reaches, at its first, last and one random occurrence (all 70 with
 * {@code -Dkb.crash.every=true}). The next command recovers: kb doctor --repair finds nothing
 * more wrong and every document is wholly present or absent; the same sync run again on a copy
 * of the crashed KB, with no repair first, ends exactly where an uninterrupted one ends.
 */
class SyncCrashIT {
    static final int CRASHED = 137;

    @TempDir
    static Path work;
    static Path base;
    static Path folder;

    @BeforeAll
    static void buildBase() {
        folder = work.resolve("in");
        Fixtures.write(folder.resolve("alpha.md"), "# Alpha\n\nAlpha draws graphs of rivers.\n");
        Fixtures.write(folder.resolve("beta.md"), "# Beta\n\nBeta colours graphs of lakes.\n");
        Fixtures.write(folder.resolve("gamma.md"), "# Gamma\n\nGamma proves a lemma about wells.\n");
        base = work.resolve("base");
        check(new KbProcess(work).run("init", base.toString()));
        check(new KbProcess(work).run("--kb", base.toString(), "sync", folder.toString()));
        Fixtures.write(folder.resolve("alpha.md"), "# Alpha\n\nAlpha draws graphs of rivers and deltas.\n");
        try {
            Files.createDirectories(folder.resolve("moved"));
            Files.move(folder.resolve("beta.md"), folder.resolve("moved/beta-renamed.md"));
            Files.delete(folder.resolve("gamma.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Fixtures.write(folder.resolve("epsilon.md"), "# Epsilon\n\nEpsilon counts ponds.\n");
    }

    @TestFactory
    Stream<DynamicTest> syncKilledAtItsCrashPoints() {
        List<String> command = List.of("sync", folder.toString());
        Path done = copy("done");
        Kb.Result doneRun = new KbProcess(work).run(withKb(done, command));
        check(doneRun);
        assertThat(doneRun.out()).contains("added 1, updated 1, moved 1, removed 1");
        TreeMap<String, String> finalState = withoutLog(KbDigest.of(done));
        Kb.Result quiet = new KbProcess(work).run(withKb(done, command));
        assertThat(quiet.out()).as("a second run has nothing to do").contains("added 0, updated 0, moved 0, removed 0");

        Path trace = copy("trace");
        Kb.Result traced = new KbProcess(work).env("KB_CRASH_TRACE", "1").run(withKb(trace, command));
        check(traced);
        long seed = CrashWorkload.seed();
        List<DynamicTest> tests = new ArrayList<>();
        for (String at : CrashWorkload.sampledPoints(traced.err(), seed)) {
            tests.add(DynamicTest.dynamicTest("sync " + at + " (seed " + seed + ")", () -> {
                Path kb = copy(at.replace(':', '-'));
                Kb.Result crashed = new KbProcess(work).env("KB_CRASH_AT", at).run(withKb(kb, command));
                assertThat(crashed.code()).as(crashed.toString()).isEqualTo(CRASHED);
                Path plain = work.resolve(kb.getFileName() + "-plain");
                KbDigest.copyTree(kb, plain);

                Kb.Result doctor = new KbProcess(work).run("--kb", kb.toString(), "--json", "doctor", "--repair");
                assertThat(problemCodes(doctor.out())).as(doctor.toString()).isEmpty();
                assertThat(KbDigest.leftovers(kb)).isEmpty();
                assertWhole(kb);

                // What a script does after a kill: run the same sync again, no repair first.
                Kb.Result rerun = new KbProcess(work).run(withKb(plain, command));
                assertThat(rerun.code()).as(rerun.toString()).isZero();
                assertThat(KbDigest.leftovers(plain)).isEmpty();
                assertThat(withoutLog(KbDigest.of(plain))).isEqualTo(finalState);
            }));
        }
        return tests.stream();
    }

    /** Every summary belongs to a catalog document and every document has its raw copy, source and summary. */
    private static void assertWhole(Path kb) throws Exception {
        List<String> names = new ArrayList<>();
        for (String line : new KbProcess(work).run("--kb", kb.toString(), "--json", "list").out().strip().split("\n")) {
            if (line.contains("\"doc\"")) {
                var doc = new ObjectMapper().readTree(line);
                names.add(doc.path("doc").asText());
                assertThat(kb.resolve(doc.path("raw").asText())).exists();
                assertThat(kb.resolve(doc.path("source").asText())).exists();
                assertThat(kb.resolve(doc.path("summary").asText())).exists();
            }
        }
        try (Stream<Path> summaries = Files.list(kb.resolve("wiki/summaries"))) {
            assertThat(summaries.map(p -> p.getFileName().toString().replaceFirst("\\.md$", "")).toList())
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    private static TreeMap<String, String> withoutLog(TreeMap<String, String> digest) {
        TreeMap<String, String> copy = new TreeMap<>(digest);
        copy.remove("wiki/log.md");
        return copy;
    }

    private static List<String> problemCodes(String doctorJson) throws Exception {
        List<String> codes = new ArrayList<>();
        new ObjectMapper().readTree(doctorJson).path("problems").forEach(p -> codes.add(p.path("code").asText()));
        return codes;
    }

    private static String[] withKb(Path kb, List<String> command) {
        List<String> args = new ArrayList<>(List.of("--kb", kb.toString()));
        args.addAll(command);
        return args.toArray(String[]::new);
    }

    private static Path copy(String name) {
        Path target = work.resolve("kb-" + name);
        KbDigest.copyTree(base, target);
        return target;
    }

    private static void check(Kb.Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
    }
}
