package dev.kbtool.cli;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Asking before a big change: on a terminal kb asks and waits for y; elsewhere — scripts,
 * cron, CI — it never waits for an answer that cannot come, and requires --yes instead.
 */
final class Confirmation {
    private Confirmation() {
    }

    static boolean confirm(CliContext context, PrintWriter err, boolean yes, String question, String what) {
        if (yes) {
            return true;
        }
        if (!context.stdinInteractive()) {
            throw new KbException(ExitCode.USAGE, what + "; pass --yes to confirm when not at a terminal");
        }
        err.print(question + " [y/N] ");
        err.flush();
        try {
            String answer = context.stdin().readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y")
                    || answer.strip().toLowerCase(Locale.ROOT).equals("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
