package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.KbProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kb add on a real pseudo-terminal (script(1) from util-linux) of a given width: the progress
 * line is redrawn in place and never wraps, and a resumed run shows no rate or time left until
 * it has done work of its own.
 */
class ProgressIT {
    private static final Pattern COUNT = Pattern.compile("^. (?:\\[[= ]*\\] )?(\\d+)/(\\d+)");

    @TempDir
    Path tmp;

    @Test
    void theBarFitsFortyAndOneHundredTwentyColumnsAndAResumeStartsItsRateFromScratch() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) from util-linux is not installed");
        Path kb = tmp.resolve("kb");
        assertThat(new KbProcess(tmp).run("init", kb.toString()).code()).isZero();
        for (int i = 1; i <= 16; i++) {
            Fixtures.write(tmp.resolve(String.format("in/%s-a-rather-long-file-name-for-a-narrow-terminal-%02d.md",
                    i <= 10 ? "a" : "b", i)), "# Note " + i + "\n\nThe harbour note " + i + " is about cranes.\n");
        }
        for (int i = 1; i <= 10; i++) {
            Files.copy(tmp.resolve(String.format("in/a-a-rather-long-file-name-for-a-narrow-terminal-%02d.md", i)),
                    Files.createDirectories(tmp.resolve("first")).resolve(i + ".md"));
        }
        String first = onTerminal(40, "--kb", kb.toString(), "add", "first");
        String resumed = onTerminal(120, "--kb", kb.toString(), "add", "--jobs", "1", "in");

        for (String[] run : new String[][] {{"40", first}, {"120", resumed}}) {
            List<String> bars = bars(run[1]);
            assertThat(bars).as(run[0] + " columns:\n" + run[1]).isNotEmpty();
            assertThat(bars).allSatisfy(b -> assertThat(Columns.width(b)).as(b).isLessThan(Integer.parseInt(run[0])));
        }
        assertThat(first).contains("added 10,");
        // The line names what is being done; whether a redraw falls before the first of ten small
        // notes is done depends on the machine (AddProgressTest checks that moment with a clock).
        assertThat(bars(first)).anyMatch(b -> b.matches(".*(hashing|converting|committing|updating the index).*"));
        // The ten files of the first run come first and are skipped in an instant: no rate, no ETA for them.
        for (String bar : bars(resumed)) {
            Matcher m = COUNT.matcher(bar);
            if (m.find() && Integer.parseInt(m.group(1)) <= 10) {
                assertThat(bar).as("only skips so far").doesNotContain("files/s", "ETA");
            }
        }
        assertThat(resumed).contains("added 6, updated 0, skipped 10, failed 0");
    }

    /** Runs kb on a pseudo-terminal of {@code columns} columns; returns all it wrote there. */
    private String onTerminal(int columns, String... args) throws Exception {
        StringBuilder command = new StringBuilder("stty cols " + columns + " rows 24; exec");
        for (String part : new KbProcess(tmp).builder(args).command()) {
            command.append(" '").append(part.replace("'", "'\\''")).append('\'');
        }
        Path out = tmp.resolve("pty-" + columns + ".txt");
        Process p = new ProcessBuilder("/usr/bin/script", "-qec", command.toString(), "/dev/null")
                .directory(tmp.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** The progress lines drawn: what stands between a carriage return and the erase-to-end-of-line after it. */
    private static List<String> bars(String screen) {
        return Arrays.stream(screen.split("[\r\n]")).filter(s -> s.endsWith("\u001b[K"))
                .map(s -> s.substring(0, s.length() - 3)).filter(s -> !s.isEmpty()).toList();
    }
}
