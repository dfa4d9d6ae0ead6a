package dev.kbtool.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only commands take no lock: a search while a long add commits answers at once. */
class SearchDuringAddIT {
    @TempDir
    Path tmp;

    @Test
    void aSearchDuringALongAddReturnsAtOnce() throws Exception {
        KbProcess kbp = new KbProcess(tmp);
        Path kb = tmp.resolve("kb");
        assertThat(kbp.run("init", kb.toString()).code()).isZero();
        Fixtures.write(tmp.resolve("first/pelican.md"), "# Pelican\n\nThe pelican note mentions a quiet harbour.\n");
        assertThat(kbp.run("--kb", kb.toString(), "add", tmp.resolve("first").toString()).code()).isZero();
        for (int i = 0; i < 600; i++) {
            Fixtures.write(tmp.resolve(String.format("many/n%03d.md", i)), "# Note " + i + "\n\nBody of note " + i + ".\n");
        }
        Process add = kbp.builder("--kb", kb.toString(), "add", "--jobs", "2", tmp.resolve("many").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(add.getInputStream(), StandardCharsets.UTF_8));
            for (int added = 0; added < 10; ) {
                String line = out.readLine();
                assertThat(line).isNotNull();
                if (line.startsWith("added ")) {
                    added++;
                }
            }
            long start = System.nanoTime();
            Kb.Result r = kbp.run("--kb", kb.toString(), "search", "harbour");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(add.isAlive()).as("the add must still be running for this test to mean anything").isTrue();
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("[[summaries/pelican]]");
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        } finally {
            add.destroyForcibly();
            add.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
