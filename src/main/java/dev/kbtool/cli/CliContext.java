package dev.kbtool.cli;

import dev.kbtool.pipeline.Cancellation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may learn about the process it runs in. Commands read the environment,
 * the working directory and terminal facts only from here, so tests can run every command
 * in-process with a made-up environment.
 *
 * @param env               environment variables
 * @param cwd               the working directory
 * @param stdinInteractive  stdin is a terminal a person can answer prompts on
 * @param stderrTerminal    stderr is a terminal, so progress bars are welcome
 * @param cancellation      set when the user interrupts (Ctrl-C) a long command
 * @param stdin             where answers to prompts are read from
 */
public record CliContext(Map<String, String> env, Path cwd, boolean stdinInteractive, boolean stderrTerminal,
        Cancellation cancellation, BufferedReader stdin) {

    public CliContext {
        env = Map.copyOf(env);
        cwd = cwd.toAbsolutePath().normalize();
    }

    public CliContext(Map<String, String> env, Path cwd, boolean stdinInteractive, boolean stderrTerminal) {
        this(env, cwd, stdinInteractive, stderrTerminal, new Cancellation(), new BufferedReader(new StringReader("")));
    }

    public static CliContext fromProcess(Cancellation cancellation) {
        return new CliContext(System.getenv(), Path.of("").toAbsolutePath(),
                System.console() != null, isTerminal(2), cancellation,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    /** The same context answering prompts with {@code input}, as a person at a terminal would. */
    public CliContext answering(String input) {
        return new CliContext(env, cwd, true, stderrTerminal, cancellation, new BufferedReader(new StringReader(input)));
    }

    public String env(String name) {
        return env.get(name);
    }

    /**
     * How this person runs kb, for messages that show a command: {@code kb} when it is on the
     * PATH, else as they typed it ({@code ./kb} in a checkout). The launcher says which in
     * {@code KB_PROGRAM}; a bare {@code java -jar} run is shown as {@code kb}.
     */
    public String program() {
        String p = env.get("KB_PROGRAM");
        return p == null || p.isBlank() ? "kb" : p;
    }

    /** A message that quotes kb commands ('kb doctor', 'kb init DIR') with them as this person runs kb. */
    public String asRun(String message) {
        String p = program();
        return p.equals("kb") || message == null ? message : message.replace("'kb ", "'" + p + " ");
    }

    /**
     * A progress line redrawn in place, which takes cursor control: only on a terminal that has
     * it, so not when TERM is dumb (editors' shells, some CI consoles), and not with NO_COLOR,
     * whose users ask for output without escape codes: they get the plain lines of a log.
     */
    public boolean progressBarAllowed() {
        return stderrTerminal && !"dumb".equals(env.get("TERM")) && env.get("NO_COLOR") == null;
    }

    /** Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb. */
    public boolean colorAllowed() {
        return stderrTerminal && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
    }

    /**
     * stdout is a terminal a person reads, so an answer may be shown as it is written. Only the
     * process's own console can be one: commands run in tests never are.
     */
    public boolean stdoutTerminal() {
        return System.console() != null && isTerminal(1);
    }

    /** Linux tells which device a descriptor is; elsewhere fall back to the console check. */
    private static boolean isTerminal(int fd) {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
            String t = target.toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
