package dev.kbtool.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.KbProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during a parallel batch add, delivered as a real SIGINT to a child JVM. */
class InterruptIT {
    @TempDir
    Path tmp;
    Path kb;
    KbProcess kbp;

    @BeforeEach
    void setUp() {
        kbp = new KbProcess(tmp);
        kb = tmp.resolve("kb");
        assertThat(kbp.run("init", kb.toString()).code()).isZero();
        for (int i = 0; i < 400; i++) {
            Fixtures.write(tmp.resolve(String.format("in/f%03d.md", i)),
                    "# File " + i + "\n\nFile number " + i + " has a sentence. And another one about " + i + ".\n");
        }
    }

    @Test
    void firstCtrlCFinishesTheDocumentInFlightCleansUpAndExits130() throws Exception {
        Process p = kbp.builder("--kb", kb.toString(), "add", "--jobs", "3", tmp.resolve("in").toString())
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        BufferedReader results = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int added = 0;
        while (added < 20) {
            String line = results.readLine();
            assertThat(line).as("kb add ended before it could be interrupted").isNotNull();
            if (line.startsWith("added ")) {
                added++;
            }
        }
        signal(p, "INT");
        // Per-file results go to stdout: read it to the end first, so the process never blocks on it.
        String out = results.lines().collect(java.util.stream.Collectors.joining("\n"));
        String rest = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(rest).isEqualTo(130);
        assertThat(rest).contains("interrupted; finishing the document in flight");
        assertThat(out).contains("(interrupted; ").contains("not processed)");
        assertThat(KbDigest.leftovers(kb)).as("staging, journals and temp files are cleaned").isEmpty();
        Kb.Result doctor = kbp.run("--kb", kb.toString(), "doctor");
        assertThat(doctor.code()).as(doctor.toString()).isZero();
        int documents = new ObjectMapper().readTree(kbp.run("--kb", kb.toString(), "status", "--json").out())
                .get("documents").asInt();
        assertThat(documents).isBetween(20, 399);
    }

    @Test
    void secondCtrlCExitsAtOnceAndTheNextCommandRepairs() throws Exception {
        Process p = kbp.builder("--kb", kb.toString(), "add", "--jobs", "2", tmp.resolve("in").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader results = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (int added = 0; added < 5; ) {
            String line = results.readLine();
            assertThat(line).isNotNull();
            if (line.startsWith("added ")) {
                added++;
            }
        }
        signal(p, "INT");
        signal(p, "INT");
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);

        Kb.Result repaired = kbp.run("--kb", kb.toString(), "--json", "doctor", "--repair");
        assertThat(repaired.out()).as(repaired.toString()).contains("\"healthy\":true");
        assertThat(KbDigest.leftovers(kb)).isEmpty();
    }

    private static void signal(Process p, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}
