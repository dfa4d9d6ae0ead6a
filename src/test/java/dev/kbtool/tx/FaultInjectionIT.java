package dev.kbtool.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.CrashWorkload;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.KbProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk or a failing fsync at every write, fsync and rename of an add: the command
 * fails with one clear line and a non-zero exit, the failed transaction leaves the state
 * before it, and no journal is left for recovery to deal with. A fault after the commit
 * point (cleanup) cannot undo a committed document: the add then succeeds.
 */
class FaultInjectionIT {
    @TempDir
    static Path work;
    static CrashWorkload workload;

    @BeforeAll
    static void buildWorkload() {
        workload = new CrashWorkload(work, Map.of("note.md", "# Note\n\nA note with one fact in it.\n"));
    }

    @TestFactory
    Stream<DynamicTest> faultAtEveryWriteFsyncAndRename() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String op : List.of("write", "fsync", "rename")) {
            for (int n = 1; n <= 60; n++) {
                String fault = op + ":" + n;
                Path kb = workload.freshKb(fault.replace(':', '-'));
                Kb.Result r = new KbProcess(work).env("KB_FAULT", fault)
                        .run("--kb", kb.toString(), "add", workload.batch.resolve("note.md").toString());
                if (!r.err().contains("fault-injected")) {
                    assertThat(r.code()).as(r.toString()).isZero();
                    break;
                }
                tests.add(DynamicTest.dynamicTest(fault, () -> assertCleanFailure(kb, r)));
            }
        }
        assertThat(tests).hasSizeGreaterThan(10);
        return tests.stream();
    }

    private static void assertCleanFailure(Path kb, Kb.Result r) {
        TreeMap<String, String> before = workload.prefixStates.get(0);
        TreeMap<String, String> after = workload.prefixStates.get(1);
        TreeMap<String, String> afterWithOldIndex = new TreeMap<>(after);
        afterWithOldIndex.put("wiki/index.md", before.get("wiki/index.md"));
        TreeMap<String, String> state = KbDigest.of(kb);

        assertThat(KbDigest.leftovers(kb)).as(r.toString()).isEmpty();
        if (r.code() == 0) {
            assertThat(state).as("a fault after the commit point keeps the document\n" + r).isEqualTo(after);
            return;
        }
        String lastLine = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(lastLine).startsWith("kb: ").containsAnyOf("No space left on device", "fsync failed", "rename failed");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        Kb.Result doctor = new KbProcess(work).run("--kb", kb.toString(), "doctor");
        assertThat(doctor.out()).doesNotContain("journal-pending", "temp-file", "staging-stale", "backup-orphaned");
        if (state.equals(afterWithOldIndex)) {
            // The document's transaction committed before the fault; the fault hit the index
            // refresh, a transaction of its own, which left the index as it was.
            assertThat(r.out()).contains("added   ");
            assertThat(r.err()).contains("kb: ");
            assertThat(doctor.out().lines().filter(l -> !l.endsWith("found")))
                    .singleElement().asString().startsWith("index-out-of-sync");
        } else {
            assertThat(state).as("the failed transaction must leave the state before it\n" + r).isEqualTo(before);
            assertThat(doctor.code()).as(doctor.toString()).isZero();
        }
    }
}
