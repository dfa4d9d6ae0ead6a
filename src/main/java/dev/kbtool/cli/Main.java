package dev.kbtool.cli;

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
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = KbCli.run(CliContext.fromProcess(), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
