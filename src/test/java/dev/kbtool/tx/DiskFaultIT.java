package dev.kbtool.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Canaries;
import dev.kbtool.testing.CrashWorkload;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.KbProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults below kb: a disk that fills up at every stage of an add and of recovery (a small tmpfs
 * the test mounts), and fsync, fdatasync, write and rename failing from their N-th call on (an
 * {@code LD_PRELOAD} shim the test builds with gcc, reaching SQLite's own writes and syncs too).
 * Each time: one clear line saying what failed, no stack trace; the next command without the
 * fault leaves every document of the batch wholly present or wholly absent and nothing for
 * doctor to report; running the add again converges to the state an uninterrupted add leaves.
 */
class DiskFaultIT {
    @TempDir
    static Path work;
    static CrashWorkload workload;
    static Canaries canaries;
    static Path shim;

    @BeforeAll
    static void build() throws Exception {
        canaries = Canaries.plant(work.resolve("outside"));
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            files.put("note-" + i + ".md", "# Note " + i + "\n\nNote " + i + " explains graph theory and spanning"
                    + " trees, as Ada Lovelace did in London.\n\n" + "Topic " + i + " has its own paragraph.\n");
        }
        workload = new CrashWorkload(work.resolve("workload"), files);
        shim = buildShim(work.resolve("faultshim.so"));
    }

    @AfterAll
    static void nothingOutsideChanged() {
        canaries.assertUnchanged();
    }

    @TestFactory
    Stream<DynamicTest> ioErrorsFromTheNthCallOn() {
        Assumptions.assumeTrue(shim != null, "gcc could not build the LD_PRELOAD shim");
        List<DynamicTest> tests = new ArrayList<>();
        for (String op : List.of("fsync", "fdatasync", "write", "rename")) {
            for (int n : new int[] {1, 4, 16, 64}) {
                tests.add(DynamicTest.dynamicTest(op + " fails from call " + n, () -> failingFrom(op, n)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aFullDiskAtEveryStageOfAnAddAndOfRecovery() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int kib : new int[] {8, 64, 192, 512, 1024}) {
            tests.add(DynamicTest.dynamicTest("add with " + kib + " KiB free", () -> onFullDisk(kib, false)));
        }
        for (int kib : new int[] {4, 64}) {
            tests.add(DynamicTest.dynamicTest("recovery with " + kib + " KiB free", () -> onFullDisk(kib, true)));
        }
        return tests.stream();
    }

    private static void failingFrom(String op, int n) throws Exception {
        Path kb = workload.freshKb(op + "-" + n);
        Kb.Result faulty = new KbProcess(work).env("LD_PRELOAD", shim.toString()).env("KB_SHIM_OP", op)
                .env("KB_SHIM_AFTER", Integer.toString(n)).env("KB_SHIM_DIR", kb.toString())
                .run("--kb", kb.toString(), "add", "--jobs", "2", workload.batch.toString());
        String context = op + " failing from call " + n + "\n" + faulty;
        if (faulty.code() != 0) {
            assertOneClearLine(faulty, context, "Input/output error", "disk I/O error");
        }
        assertWholeDocumentsThenConverges(kb, context);
    }

    private static void onFullDisk(int freeKib, boolean crashFirst) throws Exception {
        Path disk = work.resolve("disk-" + freeKib + (crashFirst ? "-rec" : ""));
        Files.createDirectories(disk);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.toString()) == 0,
                "mounting a tmpfs needs root; the LD_PRELOAD cases cover write failures without it");
        try {
            Path kb = disk.resolve("kb");
            KbDigest.copyTree(workload.base, kb);
            if (crashFirst) {
                Kb.Result crashed = new KbProcess(work).env("KB_CRASH_AT", "tx.apply:6")
                        .run("--kb", kb.toString(), "add", workload.batch.toString());
                assertThat(crashed.code()).as(crashed.toString()).isEqualTo(137);
            }
            Path ballast = disk.resolve("ballast");
            fill(ballast, disk, freeKib * 1024L);
            if (!crashFirst) {
                // Read-only commands still work where SQLite allows: every commit is in the database file.
                Kb.Result list = new KbProcess(work).run("--kb", kb.toString(), "list");
                assertThat(list.code()).as(list.toString()).isZero();
                assertThat(list.out()).contains("first", "second");
            }
            Kb.Result full = new KbProcess(work).run("--kb", kb.toString(), crashFirst ? "doctor" : "add",
                    crashFirst ? "--repair" : workload.batch.toString());
            String context = (crashFirst ? "recovery" : "add") + " with " + freeKib + " KiB free\n" + full;
            if (full.code() != 0) {
                assertOneClearLine(full, context, "no space left", "disk is full");
                assertThat(full.err()).as(context).containsIgnoringCase("free some space");
            }
            Files.delete(ballast);
            assertWholeDocumentsThenConverges(kb, context);
        } finally {
            assertThat(run("umount", disk.toString())).isZero();
        }
    }

    /** Leaves {@code free} bytes on the file system of {@code dir}. */
    private static void fill(Path ballast, Path dir, long free) throws IOException {
        long usable = Files.getFileStore(dir).getUsableSpace();
        try (RandomAccessFile f = new RandomAccessFile(ballast.toFile(), "rw")) {
            byte[] chunk = new byte[1 << 16];
            long left = usable - free;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                f.write(chunk, 0, n);
                left -= n;
            }
        }
    }

    /** The failure is one kb line at the end of stderr, naming the problem, without a stack trace. */
    private static void assertOneClearLine(Kb.Result r, String context, String... anyOf) {
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(last).as(context).startsWith("kb: ");
        assertThat(java.util.Arrays.stream(anyOf).anyMatch(w -> last.toLowerCase(java.util.Locale.ROOT)
                .contains(w.toLowerCase(java.util.Locale.ROOT)))).as(context + "\nlast line: " + last).isTrue();
        assertThat(r.err()).as(context).doesNotContain("Exception", "\tat ");
    }

    /** The next command without the fault repairs; each document is wholly there or not; the add again converges. */
    private static void assertWholeDocumentsThenConverges(Path kb, String context) {
        KbProcess kbp = new KbProcess(work);
        Kb.Result repair = kbp.run("--kb", kb.toString(), "--json", "doctor", "--repair");
        assertThat(repair.code()).as(context + "\n" + repair).isZero();
        assertThat(repair.out()).as(context).contains("\"problems\":[]");
        assertThat(KbDigest.leftovers(kb)).as(context).isEmpty();
        assertThat(workload.prefixOf(kb)).as(context + "\nstate after repair:\n" + KbDigest.of(kb))
                .isGreaterThanOrEqualTo(0);
        Kb.Result again = kbp.run("--kb", kb.toString(), "add", workload.batch.toString());
        assertThat(again.code()).as(context + "\n" + again).isZero();
        assertThat(KbDigest.of(kb)).as(context).isEqualTo(workload.finalState());
    }

    private static Path buildShim(Path target) throws IOException, InterruptedException {
        Path source = target.resolveSibling("faultshim.c");
        try (InputStream in = DiskFaultIT.class.getResourceAsStream("/dev/kbtool/faults/faultshim.c")) {
            Files.copy(in, source);
        }
        return run("gcc", "-shared", "-fPIC", "-O1", "-o", target.toString(), source.toString(), "-ldl") == 0
                ? target : null;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
