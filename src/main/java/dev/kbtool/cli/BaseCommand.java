package dev.kbtool.cli;

import dev.kbtool.compile.select.Compilers;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.layout.KbLocator;
import dev.kbtool.session.KbServices;
import dev.kbtool.session.KbSession;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every kb subcommand shares: the global options, the output writers picocli owns,
 * and opening the knowledge base the user pointed at. Subcommands stay thin and return
 * an {@link ExitCode}; failures travel as exceptions to {@link KbCli}.
 */
abstract class BaseCommand implements Callable<Integer> {
    protected final CliContext context;

    /** The top-level command with the global options; found from the model, so commands may nest (kb config set). */
    KbCommand root;

    @Spec
    CommandSpec spec;

    BaseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public final Integer call() throws Exception {
        root = (KbCommand) spec.root().userObject();
        root.validate(spec);
        return execute().code();
    }

    protected abstract ExitCode execute() throws Exception;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected boolean json() {
        return root.json;
    }

    protected boolean quiet() {
        return root.quiet;
    }

    protected int verbosity() {
        return root.verbosity();
    }

    protected KbLayout locateKb() {
        return KbLocator.locate(root.kbDir, context.env("KB_DIR"), context.cwd());
    }

    /** Opens the KB; its config, including the llm: section, is validated here (exit 78 naming the key). */
    protected KbSession openKb() {
        return validated(KbSession.open(locateKb()));
    }

    /**
     * Opens the KB for a command that only reads it (list, status, search, doctor): it works with
     * a config that does not load (warning, defaults meanwhile) and on a full disk.
     */
    protected KbSession openKbToRead() {
        return KbSession.openForReading(locateKb(), this::notice);
    }

    private static KbSession validated(KbSession session) {
        try {
            Compilers.llmSettings(session.config(), session.layout().configFile().toString());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /**
     * Tells the person when this command left pages as they edited them: kb's updates of those
     * are set aside (never a silent overwrite).
     */
    protected void reportHeld(KbServices kb, int heldBefore) {
        int held = kb.session().catalog().heldPages().size();
        if (held > heldBefore) {
            notice("kept your edits to " + (held - heldBefore) + " page(s); kb's update of them is set aside ("
                    + "kb status lists them; kb recompile --discard-edits DOC takes kb's version)");
        }
    }

    /** A one-line notice on stderr, unless quiet. */
    protected void notice(String message) {
        if (!quiet()) {
            err().println("kb: " + context.asRun(message));
            err().flush();
        }
    }

    /**
     * Opens the KB with its services for a command that changes it; {@code command} is what
     * people waiting for the lock are told this process does.
     */
    protected KbServices openServices(String command) {
        return services(openKb(), command);
    }

    /** The services on an opened session. */
    protected KbServices services(KbSession session, String command) {
        return new KbServices(session, new KbServices.Settings(command, lockTimeout(session), context.env(),
                this::notice));
    }

    /** The KB's services for a command that only reads (search, query, mcp): no lock, works on a full disk. */
    protected KbServices openServicesToRead() {
        KbSession session = openKbToRead();
        return new KbServices(session, new KbServices.Settings("kb " + spec.name(), lockTimeout(session), context.env(),
                this::notice));
    }

    /** Prepare workers asked for with {@code --jobs}, checked alike by every command that has it; 0 is one per core. */
    protected static Integer checkJobs(Integer jobs) {
        if (jobs != null && (jobs < 0 || jobs > 512)) {
            throw new KbException(ExitCode.USAGE, "--jobs must be from 0 (one per CPU core) to 512");
        }
        return jobs;
    }

    /** The lock wait: the --lock-timeout flag wins over the KB's config. */
    protected Duration lockTimeout(KbSession session) {
        return root.lockTimeout != null ? root.lockTimeout : session.config().lockTimeout();
    }
}
