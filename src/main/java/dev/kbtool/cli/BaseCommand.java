package dev.kbtool.cli;

import dev.kbtool.compile.Compilers;
import dev.kbtool.compile.DerivedViews;
import dev.kbtool.compile.TopicMerger;
import dev.kbtool.kb.Config;
import dev.kbtool.kb.ExitCode;
import dev.kbtool.kb.KbLayout;
import dev.kbtool.kb.KbLocator;
import dev.kbtool.kb.KbSession;
import dev.kbtool.tx.TxEngine;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every kb subcommand shares: the global options, the output writers picocli owns,
 * and opening the knowledge base the user pointed at. Subcommands stay thin and return
 * an {@link ExitCode}; failures travel as exceptions to {@link KbCli}.
 */
abstract class BaseCommand implements Callable<Integer> {
    protected final CliContext context;

    @ParentCommand
    KbCommand root;

    @Spec
    CommandSpec spec;

    BaseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public final Integer call() throws Exception {
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
        KbSession session = KbSession.open(locateKb());
        try {
            Compilers.llmSettings(session.config(), session.layout().configFile().toString());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** A one-line notice on stderr, unless quiet. */
    protected void notice(String message) {
        if (!quiet()) {
            err().println("kb: " + message);
            err().flush();
        }
    }

    protected static TopicMerger.Limits limits(KbSession session) {
        Config c = session.config();
        return new TopicMerger.Limits(c.maxConcepts(), c.maxEntities(), c.pageContributions(), c.pageLinks());
    }

    /** The transaction engine for a mutating command; recovery notices go to stderr. */
    protected TxEngine engine(KbSession session, String command) {
        return new TxEngine(session.layout(), session.catalog(), lockTimeout(session), command,
                this::notice, DerivedViews::refresh);
    }

    /** The lock wait: the --lock-timeout flag wins over the KB's config. */
    protected Duration lockTimeout(KbSession session) {
        return root.lockTimeout != null ? root.lockTimeout : session.config().lockTimeout();
    }
}
