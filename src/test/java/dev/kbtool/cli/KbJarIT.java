package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, end to end, in a child JVM: what a script calling kb sees. */
class KbJarIT {
    @TempDir
    Path tmp;

    @Test
    void initAddStatusAndExitCodesThroughTheJar() throws Exception {
        KbProcess kb = new KbProcess(tmp);
        Fixtures.write(tmp.resolve("docs/guide.md"), "# Guide\n\nHow to use the tool. Start here.\n");
        Fixtures.write(tmp.resolve("docs/faq.txt"), "Questions and answers.\n");

        Kb.Result init = kb.run("init", "kb1");
        Kb.Result add = kb.run("--kb", "kb1", "add", "docs");
        Kb.Result again = kb.run("--kb", "kb1", "add", "docs");
        Kb.Result status = kb.run("--kb", "kb1", "status", "--json");

        assertThat(init.code()).as(init.toString()).isZero();
        assertThat(add.code()).as(add.toString()).isZero();
        assertThat(add.out()).contains("added 2");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("added 0, updated 0, skipped 2");
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.get("documents").asInt()).isEqualTo(2);
        assertThat(tmp.resolve("kb1/wiki/summaries/guide.md")).exists();

        Kb.Result usage = kb.run("--no-such-option");
        Kb.Result noKb = kb.run("list");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(noKb.code()).isEqualTo(66);
        assertThat(noKb.err()).contains("kb init");
        assertThat(noKb.out()).isEmpty();
    }

    @Test
    void kbDirEnvironmentVariableIsHonoured() {
        KbProcess kb = new KbProcess(tmp);
        kb.run("init", "kb2");

        Kb.Result r = kb.env("KB_DIR", tmp.resolve("kb2").toString()).run("status");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Knowledge base: " + tmp.resolve("kb2"));
    }
}
