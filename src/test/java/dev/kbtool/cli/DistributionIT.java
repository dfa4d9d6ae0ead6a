package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The distribution archive as a person installs it: unpacked elsewhere, bin/ on the PATH, run from any folder. */
class DistributionIT {
    @TempDir
    Path tmp;

    @Test
    void theUnpackedArchiveRunsFromAnotherFolderWithCompletionAndManPages() throws Exception {
        Path opt = Files.createDirectories(tmp.resolve("opt"));
        assertThat(run(opt, Map.of(), "tar", "xzf", archive().toString()).code()).isZero();
        Path home;
        try (Stream<Path> s = Files.list(opt)) {
            home = s.filter(p -> p.getFileName().toString().startsWith("kb-")).findFirst().orElseThrow();
        }
        Path work = Files.createDirectories(tmp.resolve("work/deep"));
        Fixtures.write(work.resolve("notes/harbour.md"), "# Harbour\n\nThe harbour has three cranes.\n");
        Map<String, String> env = Map.of("PATH", home.resolve("bin") + ":/usr/bin:/bin", "HOME",
                tmp.resolve("home").toString(), "JAVA_HOME", System.getProperty("java.home"));

        Run init = run(work, env, "kb", "init", "../my-kb");
        Run add = run(work, env, "kb", "--kb", "../my-kb", "add", "notes");
        Run show = run(work.resolve("notes"), env, "kb", "--kb", "../../my-kb", "show", "harbour");
        Run completion = run(work, env, "kb", "completion", "bash");
        Path linked = Files.createDirectories(tmp.resolve("elsewhere/bin")).resolve("kb");
        Files.createSymbolicLink(linked, home.resolve("bin/kb"));
        Run viaLink = run(work, env, linked.toString(), "--version");

        assertThat(init.code()).as(init.toString()).isZero();
        assertThat(init.err()).as("on the PATH, the next command is shown as kb").contains("Next: kb --kb ../my-kb add PATH...");
        assertThat(add.code()).as(add.toString()).isZero();
        assertThat(add.out()).contains("added   notes/harbour.md -> harbour", "added 1,");
        assertThat(show.out()).contains("Origin:      " + work.resolve("notes/harbour.md"));
        assertThat(viaLink.code()).as(viaLink.toString()).isZero();
        assertThat(viaLink.out()).startsWith("kb ");
        Path script = Files.writeString(tmp.resolve("kb.bash"), completion.out());
        assertThat(run(work, env, "bash", "-n", script.toString()).code()).isZero();
        assertThat(Files.readString(home.resolve("share/bash-completion/completions/kb"))).isEqualTo(completion.out());
        assertThat(home.resolve("share/zsh/kb.zsh")).exists();
        assertThat(home.resolve("README.md")).exists();
        assertThat(Files.isExecutable(home.resolve("bin/kb"))).isTrue();

        TreeSet<String> expected = new TreeSet<>();
        pages(DistributionFiles.model(), expected);
        TreeSet<String> shipped = new TreeSet<>();
        try (Stream<Path> s = Files.list(home.resolve("share/man/man1"))) {
            s.forEach(p -> shipped.add(p.getFileName().toString()));
        }
        assertThat(shipped).as("a man page for every command").isEqualTo(expected);
        // man-db finds the pages from the PATH (bin/../share/man), with no MANPATH to set.
        Run man = run(work, Map.of("PATH", env.get("PATH"), "HOME", env.get("HOME"), "MANWIDTH", "80"), "man", "kb-add");
        if (man.code() != 127) {
            assertThat(man.out()).contains("kb-add", "--from-file");
        }
    }

    private static void pages(CommandLine cl, TreeSet<String> into) {
        into.add(cl.getCommandSpec().qualifiedName("-") + ".1");
        cl.getSubcommands().values().forEach(sub -> pages(sub, into));
    }

    private static Path archive() throws IOException {
        String property = System.getProperty("kb.dist");
        if (property != null) {
            return Path.of(property);
        }
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<Path> found = s.filter(p -> p.getFileName().toString().matches("kb-.*\\.tar\\.gz")).toList();
            assertThat(found).as("target/kb-<version>.tar.gz; integration tests run after 'package'").hasSize(1);
            return found.get(0).toAbsolutePath();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Path cwd, Map<String, String> env, String... command) throws Exception {
        // Through env, so a bare name is looked up on the child's PATH, not this JVM's.
        List<String> argv = new java.util.ArrayList<>(List.of("/usr/bin/env"));
        argv.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Path out = Files.createTempFile("dist-out", ".txt");
        Path err = Files.createTempFile("dist-err", ".txt");
        try {
            Process p;
            p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
