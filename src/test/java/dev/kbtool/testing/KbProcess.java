package dev.kbtool.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code target/kb.jar} in a child JVM, as scripts and users do. */
public final class KbProcess {
    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();

    public KbProcess(Path cwd) {
        this.cwd = cwd;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("kb.jar", "target/kb.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; integration tests run after 'package'");
        }
        return jar;
    }

    public KbProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public ProcessBuilder builder(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().remove("KB_DIR");
        pb.environment().remove("KB_CRASH_AT");
        pb.environment().remove("KB_FAULT");
        pb.environment().putAll(env);
        return pb;
    }

    public Kb.Result run(String... args) {
        try {
            Path out = Files.createTempFile("kb-out", ".txt");
            Path err = Files.createTempFile("kb-err", ".txt");
            try {
                Process p = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("kb " + String.join(" ", args) + " did not finish in 5 minutes");
                }
                return new Kb.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
