package dev.kbtool.cli;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of paths {@code kb add --from-file} reads, as {@code find} or a CI step writes it:
 * one entry per line (a Windows line ending is taken off), or with {@code --null} entries ended
 * by NUL characters, so that paths may hold newlines ({@code find -print0}). Nothing else is
 * trimmed — a path may begin or end with a space — and empty entries are passed over.
 */
final class PathList {
    private PathList() {
    }

    static List<String> parse(String text, boolean nul) {
        List<String> entries = new ArrayList<>();
        for (String entry : text.split(nul ? "\u0000" : "\n", -1)) {
            if (!nul && entry.endsWith("\r")) {
                entry = entry.substring(0, entry.length() - 1);
            }
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The entries of {@code source}: a file (relative to the working folder), or {@code -} for stdin. */
    static List<String> read(String source, boolean nul, CliContext context) {
        try {
            if (source.equals("-")) {
                return parse(readAll(context.stdin()), nul);
            }
            return parse(Files.readString(context.cwd().resolve(source), StandardCharsets.UTF_8), nul);
        } catch (IOException e) {
            throw new KbException(ExitCode.NO_INPUT, "cannot read the list of paths " + source + ": "
                    + KbCli.describe(e));
        }
    }

    private static String readAll(Reader in) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }
}
