package dev.kbtool.cli;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.IoFailures;
import dev.kbtool.failure.KbException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;

/**
 * Builds kb's command line and maps everything that escapes a command to one line on
 * stderr and an exit code. This is the one place where failures become exit codes.
 */
public final class KbCli {
    private KbCli() {
    }

    public static CommandLine create(CliContext context, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new KbCommand(), new CommandFactory(context));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(KbCli::usageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ex, commandLine));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(
                context.colorAllowed() ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        return cl;
    }

    public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = create(context, out, err);
        String unknown = unknownCommand(cl, args);
        if (unknown != null) {
            // Checked first: with --help after it, picocli would print the top-level help and exit 0,
            // and a script would never learn that the command does not exist.
            return usageError(new CommandLine.UnmatchedArgumentException(cl, List.of(unknown)) {
                @Override
                public String getMessage() {
                    return "unknown command '" + unknown + "'";
                }
            }, args);
        }
        return cl.execute(args);
    }

    /** The first word that stands where a command belongs but names none, or null. */
    private static String unknownCommand(CommandLine cl, String[] args) {
        Set<String> takesValue = new HashSet<>();
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            if (o.arity().max() > 0) {
                takesValue.addAll(List.of(o.names()));
            }
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (a.startsWith("-")) {
                if (takesValue.contains(a)) {
                    i++;
                }
                continue;
            }
            return cl.getSubcommands().containsKey(a) ? null : a;
        }
        return null;
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        cl.getErr().println("kb: " + ex.getMessage() + suggestion(ex) + " (see '" + name + " --help')");
        cl.getErr().flush();
        return ExitCode.USAGE.code();
    }

    /** "; did you mean 'list'?" for a mistyped command or option, else nothing. */
    private static String suggestion(ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return "";
        }
        String typed = unmatched.getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        Set<String> names = new TreeSet<>();
        if (typed.startsWith("-")) {
            spec.options().forEach(o -> names.addAll(List.of(o.names())));
        } else {
            names.addAll(spec.subcommands().keySet());
        }
        List<String> close = Suggestions.closest(typed, names);
        return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close.stream().map(c -> "'" + c + "'").toList())
                + "?";
    }

    private static int failure(Exception ex, CommandLine cl) {
        PrintWriter err = cl.getErr();
        Object root = cl.getCommandSpec().root().userObject();
        int verbosity = root instanceof KbCommand kb ? kb.verbosity() : 0;
        ExitCode code;
        String message;
        if (ex instanceof KbException kbe) {
            code = kbe.exitCode();
            message = IoFailures.withAdvice(kbe.getMessage());
        } else if (ex instanceof UncheckedIOException uio) {
            code = ExitCode.FAILURE;
            message = describe(uio.getCause());
        } else if (ex instanceof java.io.IOException io) {
            code = ExitCode.FAILURE;
            message = describe(io);
        } else {
            code = ExitCode.FAILURE;
            message = "internal error: " + ex + (verbosity >= 2 ? "" : "; rerun with -vv for details");
        }
        err.println("kb: " + message);
        if (verbosity >= 2) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return code.code();
    }

    /** An I/O failure in words a person can act on, with the file it concerns. */
    static String describe(java.io.IOException e) {
        return IoFailures.describe(e);
    }

    /** Creates commands with their collaborators, the way a DI container would, without one. */
    private record CommandFactory(CliContext context) implements IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (var ctor : cls.getDeclaredConstructors()) {
                if (ctor.getParameterCount() == 1 && ctor.getParameterTypes()[0] == CliContext.class) {
                    ctor.setAccessible(true);
                    return cls.cast(ctor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
