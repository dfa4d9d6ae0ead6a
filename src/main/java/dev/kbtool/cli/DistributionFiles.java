package dev.kbtool.cli;

import dev.kbtool.catalog.KbVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Writes the files the distribution archive ships besides the jar, from the command model at
 * build time (Maven runs {@link #main} in the package phase): the completion scripts and one
 * man page per command, subcommands of subcommands included. A command added to
 * {@code KbCommand} appears in all of them without a change here.
 */
public final class DistributionFiles {
    private DistributionFiles() {
    }

    /** {@code args[0]}: the folder that becomes the archive's {@code share/}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DistributionFiles SHARE_DIR");
        }
        write(Path.of(args[0]));
    }

    /** Writes {@code share/}'s completion scripts and man pages; returns the man pages written. */
    static List<Path> write(Path share) throws IOException {
        String script = CompletionScript.generate();
        writeFile(share.resolve("bash-completion/completions/kb"), script);
        writeFile(share.resolve("zsh/kb.zsh"), script);
        List<Path> pages = new ArrayList<>();
        for (CommandLine cl : commands(model())) {
            Path page = share.resolve("man/man1/" + ManPage.name(cl.getCommandSpec()) + ".1");
            writeFile(page, ManPage.render(cl.getCommandSpec(), KbVersion.release()));
            pages.add(page);
        }
        return pages;
    }

    /** The command line as people get it, named kb whatever the launcher says. */
    static CommandLine model() {
        CommandLine cl = KbCli.create(new CliContext(Map.of(), Path.of("."), false, false),
                new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
        cl.setCommandName("kb");
        return cl;
    }

    /** The command and all its subcommands, depth first. */
    static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && !all.contains(sub)) {
                all.addAll(commands(sub));
            }
        }
        return all;
    }

    private static void writeFile(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
