package dev.kbtool.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.CrashWorkload;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.KbProcess;
import dev.kbtool.testing.ScriptedKb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at the crash points of remove, recompile and lint --fix, in a child JVM — every point
 * each command reaches, at its first, last and one seeded random occurrence (every occurrence
 * with {@code -Dkb.crash.every=true}, the seed with {@code -Dkb.crash.seed}): after
 * the next command the KB equals a state before or after each document's transaction —
 * never between — and running the command again converges. A copy of each crashed KB is
 * instead simply given the same command again, with no repair: it must converge as well and
 * leave nothing for {@code kb doctor} to find.
 */
class LifecycleCrashIT {
    static final int CRASHED = 137;

    @TempDir
    static Path work;
    static Path base;
    static Path withGhostLink;

    @BeforeAll
    static void buildBase() throws Exception {
        Fixtures.write(work.resolve("in/alpha.md"), "# Alpha\n\nconcept: Graph | Alpha draws graphs.\n"
                + "concept: Tree | Only alpha climbs trees.\nentity: Ada Lovelace/person | Alpha cites Ada.\n");
        Fixtures.write(work.resolve("in/beta.md"), "# Beta\n\nconcept: Graph | Beta colours graphs.\n"
                + "concept: Graph theories | Beta surveys graph theories.\n"
                + "summary: Beta builds on [[summaries/alpha|the alpha note]].\n");
        Fixtures.write(work.resolve("in/gamma.md"), "# Gamma\n\nconcept: Graph Theory | Gamma proves a lemma.\n"
                + "Gamma has running text for the offline compiler to summarise.\n");
        ScriptedKb scripted = new ScriptedKb(work, "base");
        scripted.add("in");
        base = scripted.root;
        withGhostLink = work.resolve("base-ghost");
        KbDigest.copyTree(base, withGhostLink);
        Files.writeString(withGhostLink.resolve("wiki/summaries/gamma.md"),
                Files.readString(withGhostLink.resolve("wiki/summaries/gamma.md")) + "\nSee [[concepts/nowhere]].\n");
    }

    @TestFactory
    Stream<DynamicTest> remove() {
        return crashAtEveryPoint("remove", base, List.of(List.of()), List.of("remove", "--yes", "alpha"));
    }

    @TestFactory
    Stream<DynamicTest> recompile() {
        List<List<String>> prefixes = new ArrayList<>();
        for (List<String> docs : List.of(List.<String>of(), List.of("alpha"), List.of("alpha", "beta"),
                List.of("alpha", "beta", "gamma"))) {
            prefixes.add(docs);
        }
        return crashAtEveryPoint("recompile", base, prefixes, List.of("recompile", "--all", "--yes", "--jobs", "2"));
    }

    @TestFactory
    Stream<DynamicTest> lintFix() {
        return crashAtEveryPoint("lint", withGhostLink, List.of(List.of()), List.of("lint", "--fix"));
    }

    @Test
    void aRemoveOfTwoKilledAfterTheFirstFinishesTheSecondWhenRunAgain() throws Exception {
        Path kb = copy(base, "remove-two");
        // Killed right after the first document's commit point.
        Kb.Result killed = new KbProcess(work).env("KB_CRASH_AT", "tx.committed:1")
                .run("--kb", kb.toString(), "remove", "--yes", "alpha", "beta");
        assertThat(killed.code()).as(killed.toString()).isEqualTo(CRASHED);
        assertThat(kb.resolve("wiki/summaries/alpha.md")).doesNotExist();
        assertThat(kb.resolve("wiki/summaries/beta.md")).exists();

        Kb.Result again = new KbProcess(work).run("--kb", kb.toString(), "remove", "--yes", "alpha", "beta");

        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("alpha: removed earlier", "removed beta");
        assertThat(kb.resolve("wiki/summaries/beta.md")).doesNotExist();
        Kb.Result typo = new KbProcess(work).run("--kb", kb.toString(), "remove", "--yes", "gamma", "nosuchdoc");
        assertThat(typo.code()).as("a name that never existed is still an error").isEqualTo(66);
        assertThat(kb.resolve("wiki/summaries/gamma.md")).as("nothing changes before every name is known").exists();
    }

    @Test
    void aCrashedAddFollowedByARemoveNeverBringsTheRemovedDocumentBack() throws Exception {
        Path kb = copy(base, "add-then-remove");
        Fixtures.write(work.resolve("late/delta.md"), "# Delta\n\nDelta arrives late.\n");
        KbProcess p = new KbProcess(work);
        assertThat(p.env("KB_CRASH_AT", "tx.apply:3").run("--kb", kb.toString(), "add", work.resolve("late").toString())
                .code()).isEqualTo(CRASHED);

        Kb.Result removed = new KbProcess(work).run("--kb", kb.toString(), "remove", "--yes", "alpha");
        assertThat(removed.code()).as(removed.toString()).isZero();
        assertThat(removed.err()).contains("rolled back an interrupted add delta");
        Kb.Result doctor = new KbProcess(work).run("--kb", kb.toString(), "--json", "doctor", "--repair");
        assertThat(doctor.out()).contains("\"healthy\":true");
        assertThat(kb.resolve("wiki/summaries/alpha.md")).doesNotExist();
        assertThat(kb.resolve("wiki/summaries/delta.md")).doesNotExist();

        assertThat(new KbProcess(work).run("--kb", kb.toString(), "add", work.resolve("late").toString()).code()).isZero();
        assertThat(kb.resolve("wiki/summaries/delta.md")).exists();
        assertThat(kb.resolve("wiki/summaries/alpha.md")).doesNotExist();
        assertThat(kb.resolve("raw/alpha.md")).doesNotExist();
    }

    /**
     * @param referenceArgs for each legal state, the documents a complete run of the command
     *                      would have handled (empty: the state before, for all-or-nothing commands)
     */
    private Stream<DynamicTest> crashAtEveryPoint(String name, Path from, List<List<String>> referenceArgs,
            List<String> command) {
        List<TreeMap<String, String>> legal = new ArrayList<>();
        for (List<String> docs : referenceArgs) {
            Path ref = copy(from, name + "-ref-" + legal.size());
            if (!docs.isEmpty()) {
                List<String> args = new ArrayList<>(List.of("--kb", ref.toString(), command.get(0), "--yes"));
                args.addAll(docs);
                check(new KbProcess(work).run(args.toArray(String[]::new)));
            }
            new KbProcess(work).run("--kb", ref.toString(), "doctor", "--repair");
            legal.add(KbDigest.of(ref));
        }
        Path done = copy(from, name + "-done");
        Kb.Result doneRun = new KbProcess(work).run(withKb(done, command));
        check(doneRun);
        TreeMap<String, String> finalState = KbDigest.of(done);
        legal.add(finalState);

        Path trace = copy(from, name + "-trace");
        Kb.Result traced = new KbProcess(work).env("KB_CRASH_TRACE", "1").run(withKb(trace, command));
        check(traced);
        long seed = CrashWorkload.seed();
        List<DynamicTest> tests = new ArrayList<>();
        for (String at : CrashWorkload.sampledPoints(traced.err(), seed)) {
            tests.add(DynamicTest.dynamicTest(name + " " + at + " (seed " + seed + ")", () -> {
                Path kb = copy(from, name + "-" + at.replace(':', '-'));
                Kb.Result crashed = new KbProcess(work).env("KB_CRASH_AT", at).run(withKb(kb, command));
                assertThat(crashed.code()).as(crashed.toString()).isEqualTo(CRASHED);
                Path plain = work.resolve(kb.getFileName() + "-plain");
                KbDigest.copyTree(kb, plain);
                Kb.Result doctor = new KbProcess(work).run("--kb", kb.toString(), "--json", "doctor", "--repair");
                assertThat(problemCodes(doctor.out())).as(doctor.toString())
                        .isSubsetOf(from.equals(withGhostLink) ? List.of("broken-link") : List.of());
                assertThat(KbDigest.leftovers(kb)).isEmpty();
                assertThat(legal).as("state after recovery from a crash at " + at).contains(KbDigest.of(kb));
                // Run again, a command exits as the uninterrupted run did; removing a document
                // the crashed run already removed says so and is not an error.
                boolean finished = withoutLog(KbDigest.of(kb)).equals(withoutLog(finalState));
                int expected = doneRun.code();
                Kb.Result again = new KbProcess(work).run(withKb(kb, command));
                assertThat(again.code()).as(again.toString()).isEqualTo(expected);
                if (finished && command.get(0).equals("remove")) {
                    assertThat(again.out()).contains("removed earlier");
                }
                // The log is a chronology: running a command again rightly adds its entries again.
                assertThat(withoutLog(KbDigest.of(kb))).isEqualTo(withoutLog(finalState));

                // The user's way on: the same command again, recovery on the way, no repair.
                Kb.Result rerun = new KbProcess(work).run(withKb(plain, command));
                assertThat(rerun.code()).as(rerun.toString()).isEqualTo(expected);
                assertThat(KbDigest.leftovers(plain)).isEmpty();
                assertThat(withoutLog(KbDigest.of(plain))).isEqualTo(withoutLog(finalState));
                Kb.Result check = new KbProcess(work).run("--kb", plain.toString(), "--json", "doctor");
                assertThat(problemCodes(check.out())).as(check.toString()).isEmpty();
            }));
        }
        return tests.stream();
    }

    private static TreeMap<String, String> withoutLog(TreeMap<String, String> digest) {
        TreeMap<String, String> copy = new TreeMap<>(digest);
        copy.remove("wiki/log.md");
        return copy;
    }

    private static List<String> problemCodes(String doctorJson) throws Exception {
        List<String> codes = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(doctorJson).path("problems")
                .forEach(p -> codes.add(p.path("code").asText()));
        return codes;
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

    /** An uninterrupted run of every command here succeeds: exit 0, nothing else. */
    private static void check(Kb.Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
    }
}
