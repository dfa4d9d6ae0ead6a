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
        // PDFBox and friends log through slf4j; their warnings about odd files are noise for kb's users.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
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
}
