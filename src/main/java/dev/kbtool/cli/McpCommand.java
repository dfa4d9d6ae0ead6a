package dev.kbtool.cli;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.mcp.KbMcpServer;
import dev.kbtool.session.KbServices;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import picocli.CommandLine.Command;

@Command(name = "mcp",
        description = {
            "Serve the knowledge base to AI assistants over the Model Context Protocol (stdio).",
            "Tools: search, query, read_page, list_documents, document_contents, status. Read-only and lock-free: "
                    + "safe while other kb commands run. Stdout carries the protocol only; messages go to stderr. "
                    + "Runs until the client closes stdin. See the README for a client configuration."
        })
final class McpCommand extends BaseCommand {
    McpCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws Exception {
        // The real stdout is the protocol's, taken before anything can print; whatever else the
        // process writes to System.out (a library, a stray print) goes to stderr from here on.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        try (KbServices kb = openServicesToRead()) {
            new KbMcpServer(kb, new VersionProvider().getVersion()[0].replaceFirst("^kb ", "")).serve(System.in, protocol);
        }
        return ExitCode.OK;
    }
}
