package dev.kbtool.cli;

import dev.kbtool.pipeline.Cancellation;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The process entry point: the only place kb calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // PDFBox, SQLite's driver and friends log through slf4j; what they say about odd files or
        // an interrupted read is noise for kb's users, who get kb's own one-line messages. -vv
        // shows their warnings and errors too.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debugging(args) ? "warn" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Cancellation cancellation = new Cancellation();
        Interrupts.install(cancellation, err);
        int code = KbCli.run(CliContext.fromProcess(cancellation), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Whether -vv was given (as -vv, -v -v, or --verbose twice), before picocli parses anything. */
    static boolean debugging(String[] args) {
        int v = 0;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--verbose")) {
                v++;
            } else if (a.matches("-v+")) {
                v += a.length() - 1;
            }
        }
        return v >= 2;
    }
}
