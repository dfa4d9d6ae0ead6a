package dev.kbtool.testing;

import dev.kbtool.cli.CliContext;
import dev.kbtool.cli.KbCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs kb commands in-process through picocli, the way a user would type them, with captured output. */
public final class Kb {
    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();

    public Kb(Path cwd) {
        this.cwd = cwd;
    }

    public Kb env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Result run(String... args) {
        return run(new CliContext(env, cwd, false, false), args);
    }

    /** Runs with stderr on a terminal, where progress may be drawn in place. */
    public Result atTerminal(String... args) {
        return run(new CliContext(env, cwd, false, true), args);
    }

    /** Runs as if at a terminal where a person types {@code input} at any prompt. */
    public Result answering(String input, String... args) {
        return run(new CliContext(env, cwd, false, false).answering(input), args);
    }

    private Result run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KbCli.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Exit code and captured streams of one command. */
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
