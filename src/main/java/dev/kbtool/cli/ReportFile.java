package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** The optional --report file of kb add: the same JSON Lines as --json, written as they happen. */
final class ReportFile implements AutoCloseable {
    private final PrintWriter writer;

    private ReportFile(PrintWriter writer) {
        this.writer = writer;
    }

    static ReportFile open(Path file, Path kbRoot, Path cwd) throws IOException {
        if (file == null) {
            return new ReportFile(null);
        }
        Path target = cwd.resolve(file).toAbsolutePath().normalize();
        if (target.startsWith(kbRoot)) {
            throw new KbException(ExitCode.USAGE, "--report " + file
                    + " is inside the knowledge base; write the report somewhere else");
        }
        // Checked before any file is added: a batch must not run for an hour and lose its report.
        try {
            if (target.getParent() != null) {
                for (Path dir = target.getParent(); dir != null; dir = dir.getParent()) {
                    if (Files.exists(dir) && !Files.isDirectory(dir)) {
                        throw new NotDirectoryException(dir.toString());
                    }
                }
                Files.createDirectories(target.getParent());
            }
            return new ReportFile(new PrintWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), true));
        } catch (IOException e) {
            throw new KbException(ExitCode.USAGE, "cannot write the --report file: " + KbCli.describe(e));
        }
    }

    void write(ObjectNode line) {
        if (writer != null) {
            Json.line(writer, line);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
