package dev.kbtool.testing;

import dev.kbtool.fs.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code target/kb.jar} in a child JVM, as scripts and users do. */
public final class KbProcess {
    private static Optional<Path> archive;

    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private Path jarCopy;

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

    /** Extra options for the child JVM, e.g. a small heap. */
    public KbProcess jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /**
     * Runs a copy of the jar at {@code jar} instead, without the class-data archive (an archive
     * names the jar it was made from): for a child running as another user, who may not be let
     * into the folder the build lives in.
     */
    public KbProcess jarCopy(Path jar) throws IOException {
        Files.copy(jar(), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        jarCopy = jar;
        return this;
    }

    public ProcessBuilder builder(String... args) {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(jvmOptions);
        if (jarCopy == null) {
            archive().ifPresent(a -> cmd.add("-XX:SharedArchiveFile=" + a));
        }
        cmd.add("-jar");
        cmd.add(jarCopy == null ? jar().toString() : jarCopy.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = withoutTestHooks(new ProcessBuilder(cmd).directory(cwd.toFile()));
        pb.environment().putAll(env);
        return pb;
    }

    /** The JVM with the options the {@code ./kb} launcher chooses: serial collector, C1 only. */
    private static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>(CTRL_C_RESTORED);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        return cmd;
    }

    /**
     * A suite started as a background job of a script inherits Ctrl-C (SIGINT) ignored, and so
     * would every kb it starts — the JVM then leaves SIGINT ignored, as it should, and the tests
     * that press Ctrl-C would see nothing happen. Such a child gets the default back first.
     */
    private static final List<String> CTRL_C_RESTORED = ctrlCRestored();

    private static List<String> ctrlCRestored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:") && (Long.parseLong(line.substring(7).strip(), 16) & 0b10) != 0) {
                    return List.of("env", "--default-signal=INT");
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: nothing to restore from here.
        }
        return List.of();
    }

    /**
     * A class-data-sharing archive of kb's classes, made once per test JVM as the launcher makes
     * its own: the crash suites start a thousand child JVMs, and each starts a quarter faster.
     * Empty if it could not be made; the children then start without it.
     */
    private static synchronized Optional<Path> archive() {
        if (archive == null) {
            archive = Optional.empty();
            Path jsa = jar().resolveSibling("kb-it-" + ProcessHandle.current().pid() + ".jsa");
            jsa.toFile().deleteOnExit();
            try {
                Path dir = Files.createTempDirectory("kb-cds");
                Files.writeString(dir.resolve("sample.md"), "# Sample\n\nA sentence for kb to read.\n");
                List<String> init = new ArrayList<>(javaCommand());
                init.addAll(List.of("-jar", jar().toString(), "init", dir.resolve("kb").toString()));
                List<String> add = new ArrayList<>(javaCommand());
                add.addAll(List.of("-XX:ArchiveClassesAtExit=" + jsa, "-jar", jar().toString(), "--kb",
                        dir.resolve("kb").toString(), "-q", "add", dir.resolve("sample.md").toString()));
                if (quietly(init) == 0 && quietly(add) == 0 && Files.isRegularFile(jsa)) {
                    archive = Optional.of(jsa);
                }
                FileTrees.deleteRecursively(dir);
            } catch (IOException e) {
                // No archive: slower children, same results.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return archive;
    }

    private static int quietly(List<String> command) throws IOException, InterruptedException {
        return withoutTestHooks(new ProcessBuilder(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** A child sees only the KB and hooks a test gives it, never the ones this JVM inherited. */
    private static ProcessBuilder withoutTestHooks(ProcessBuilder pb) {
        pb.environment().remove("KB_DIR");
        pb.environment().remove("KB_CRASH_AT");
        pb.environment().remove("KB_FAULT");
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
