package dev.kbtool.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.HolderMain;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.KbProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several kb processes on one knowledge base, and processes that die holding things. */
class ConcurrencyIT {
    @TempDir
    Path tmp;
    Path kb;
    KbProcess kbp;

    @BeforeEach
    void setUp() {
        kbp = new KbProcess(tmp);
        kb = tmp.resolve("kb");
        assertThat(kbp.run("init", kb.toString()).code()).isZero();
        for (int i = 0; i < 6; i++) {
            Fixtures.write(tmp.resolve("left/l" + i + ".md"), "# Left " + i + "\n\nLeft document number " + i + ".\n");
            Fixtures.write(tmp.resolve("right/r" + i + ".txt"), "Right document number " + i + " in plain text.\n");
        }
    }

    @Test
    void twoProcessesAddingDifferentFilesBothSucceed() throws Exception {
        Process a = start("a", "add", tmp.resolve("left").toString());
        Process b = start("b", "add", tmp.resolve("right").toString());

        assertThat(a.waitFor(2, TimeUnit.MINUTES) && b.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(a.exitValue()).as(stderr("a")).isZero();
        assertThat(b.exitValue()).as(stderr("b")).isZero();
        assertThat(documents()).isEqualTo(12);
        assertThat(kbp.run("--kb", kb.toString(), "doctor").code()).isZero();
        assertThat(KbDigest.leftovers(kb)).isEmpty();
    }

    @Test
    void theSameFilesAddedByTwoProcessesAtOnceAreAddedExactlyOnce() throws Exception {
        Process a = start("a", "--json", "add", tmp.resolve("left").toString());
        Process b = start("b", "--json", "add", tmp.resolve("left").toString());

        assertThat(a.waitFor(2, TimeUnit.MINUTES) && b.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String outA = new String(a.getInputStream().readAllBytes());
        String outB = new String(b.getInputStream().readAllBytes());
        assertThat(a.exitValue()).as(stderr("a")).isZero();
        assertThat(b.exitValue()).as(stderr("b")).isZero();
        assertThat(count(outA, "\"status\":\"added\"") + count(outB, "\"status\":\"added\"")).isEqualTo(6);
        assertThat(count(outA, "\"status\":\"skipped\"") + count(outB, "\"status\":\"skipped\"")).isEqualTo(6);
        assertThat(documents()).isEqualTo(6);
        assertThat(kbp.run("--kb", kb.toString(), "doctor").code()).isZero();
    }

    @Test
    void aWaiterGivesUpWithExit75NamingTheHolder() throws Exception {
        Process holder = HolderMain.start(kb, "lock");
        try {
            long start = System.nanoTime();
            Kb.Result r = kbp.run("--kb", kb.toString(), "--lock-timeout", "1s", "add", tmp.resolve("left").toString());

            assertThat(r.code()).as(r.toString()).isEqualTo(75);
            assertThat(r.err()).contains("pid " + holder.pid(), "kb test-holder", "since ");
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(kbp.run("--kb", kb.toString(), "list").code()).as("read-only commands take no lock").isZero();
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertThat(documents()).isZero();
    }

    @Test
    void doctorWaitsForAChangeInProgressInsteadOfReportingItAsDamage() throws Exception {
        Process writer = HolderMain.start(kb, "write");
        Process doctor = null;
        try {
            doctor = start("doctor", "doctor");
            // Released only once the doctor says it waits: it must have met the change in progress.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!Files.readString(tmp.resolve("doctor.err")).contains("waiting for the knowledge base lock")) {
                assertThat(System.nanoTime()).as(stderr("doctor")).isLessThan(deadline);
                Thread.sleep(50);
            }
            writer.getOutputStream().write('\n');
            writer.getOutputStream().flush();

            assertThat(doctor.waitFor(1, TimeUnit.MINUTES)).isTrue();
            String out = new String(doctor.getInputStream().readAllBytes());
            assertThat(doctor.exitValue()).as(out + stderr("doctor")).isZero();
            assertThat(out).contains("healthy").doesNotContain("temp-file");
            assertThat(stderr("doctor")).contains("held by", "kb test-writer");
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).isZero();
        } finally {
            writer.destroyForcibly().waitFor();
            if (doctor != null) {
                doctor.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aKilledHoldersLockIsFreeAtOnce() throws Exception {
        Process holder = HolderMain.start(kb, "lock");
        holder.destroyForcibly().waitFor();

        // With no wait allowed, a lock still held would exit 75.
        Kb.Result r = kbp.run("--kb", kb.toString(), "--lock-timeout", "0", "add", tmp.resolve("left").toString());

        assertThat(r.code()).as(r.toString()).isZero();
    }

    @Test
    void stagingOfADeadProcessIsRemovedAndALiveOneIsLeftAlone() throws Exception {
        Process dead = HolderMain.start(kb, "lease");
        dead.destroyForcibly().waitFor();
        Process alive = HolderMain.start(kb, "lease");
        try {
            KbLayout layout = new KbLayout(kb);
            long leasesBefore;
            try (var s = Files.list(layout.staging())) {
                leasesBefore = s.filter(p -> p.toString().endsWith(".lease")).count();
            }
            assertThat(leasesBefore).isEqualTo(2);

            Kb.Result r = kbp.run("--kb", kb.toString(), "add", tmp.resolve("left").toString());

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("removed staging left by a process that died: .kb/staging/" + dead.pid() + "-");
            try (var s = Files.list(layout.staging())) {
                assertThat(s.map(p -> p.getFileName().toString()))
                        .allMatch(name -> name.startsWith(alive.pid() + "-")).hasSize(2);
            }
        } finally {
            alive.destroyForcibly().waitFor();
        }
    }

    @Test
    void aLeaseBeingOpenedIsNeverSweptByAnotherProcess() throws Exception {
        KbLayout layout = new KbLayout(kb);
        Process sweeper = HolderMain.start(kb, "sweep");
        try {
            for (int i = 0; i < 2000; i++) {
                StagingLease.open(layout).close();
            }
        } finally {
            sweeper.destroyForcibly().waitFor();
        }
        try (var s = Files.list(layout.staging())) {
            assertThat(s).isEmpty();
        }
    }

    /** Starts kb with -vv, its stderr kept under {@code name} so that a failure shows why. */
    private Process start(String name, String... args) throws Exception {
        String[] full = new String[args.length + 3];
        full[0] = "--kb";
        full[1] = kb.toString();
        full[2] = "-vv";
        System.arraycopy(args, 0, full, 3, args.length);
        return kbp.builder(full).redirectError(tmp.resolve(name + ".err").toFile()).start();
    }

    private String stderr(String name) throws Exception {
        return "stderr of " + name + ":\n" + Files.readString(tmp.resolve(name + ".err"));
    }

    private int documents() throws Exception {
        return new ObjectMapper().readTree(kbp.run("--kb", kb.toString(), "status", "--json").out())
                .get("documents").asInt();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
