package dev.kbtool.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A man page (troff, man macros) for one command, from the picocli model that --help prints:
 * name, synopsis, description, arguments, options, the global options, subcommands and the
 * command's footer (exit codes, the settings of kb config) as sections. picocli-codegen makes
 * AsciiDoc, which needs Asciidoctor (a Ruby or JRuby toolchain) before man can read it; the
 * model is small enough to write troff from directly.
 */
final class ManPage {
    /** A footer line that starts a section of its own: "Settings:". */
    private static final Pattern TITLE = Pattern.compile("^(?:%n)*([A-Z][^:]*):(?:%n)*$");
    /** A row of a table of names: "  jobs   Parallel prepare workers...". */
    private static final Pattern ITEM = Pattern.compile("^ {1,4}([a-z][a-z_.]*) {2,}(\\S.*)$");
    /** A row's text continued under itself. */
    private static final Pattern MORE = Pattern.compile("^ {6,}(\\S.*)$");

    private ManPage() {
    }

    /** The page's file name stem: {@code kb-config-set} for {@code kb config set}. */
    static String name(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static String render(CommandSpec spec, String version) {
        StringBuilder t = new StringBuilder();
        String name = name(spec);
        String[] description = description(spec);
        t.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" 1 \"\" \"kb ").append(version)
                .append("\" \"kb manual\"\n");
        t.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(description.length > 0 ? lowerFirst(description[0]) : "")).append('\n');
        t.append(".SH SYNOPSIS\n.nf\n");
        String synopsis = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .synopsis(0).stripTrailing();
        t.append(escape(synopsis)).append("\n.fi\n");
        if (description.length > 0) {
            t.append(".SH DESCRIPTION\n");
            for (String paragraph : description) {
                t.append(".PP\n").append(escape(paragraph)).append('\n');
            }
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            t.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : positionals) {
                t.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
                        .append(escape(String.join(" ", p.description()))).append('\n');
            }
        }
        options(t, "OPTIONS", spec.options().stream().filter(o -> !o.hidden() && !o.inherited()).toList());
        options(t, spec.parent() == null ? "" : "GLOBAL OPTIONS",
                spec.options().stream().filter(o -> !o.hidden() && o.inherited()).toList());
        List<CommandSpec> subcommands = new ArrayList<>();
        spec.subcommands().values().forEach(c -> {
            if (!c.getCommandSpec().usageMessage().hidden() && !subcommands.contains(c.getCommandSpec())) {
                subcommands.add(c.getCommandSpec());
            }
        });
        if (!subcommands.isEmpty()) {
            t.append(".SH COMMANDS\n");
            for (CommandSpec sub : subcommands) {
                String[] d = description(sub);
                t.append(".TP\n\\fB").append(escape(sub.name())).append("\\fR\n")
                        .append(escape(d.length > 0 ? d[0] : "")).append(" See \\fB").append(escape(name(sub)))
                        .append("\\fR(1).\n");
            }
        }
        footer(t, spec);
        if (spec.parent() == null) {
            t.append(".SH ENVIRONMENT\n");
            environment(t, "KB_DIR", "The knowledge base, when --kb is not given.");
            environment(t, "NO_COLOR", "No colour and no progress line redrawn in place: plain lines, as in a log.");
            environment(t, "TERM", "dumb: no progress line redrawn in place.");
            environment(t, "KB_JAVA_OPTS", "Options for the Java virtual machine, instead of the launcher's.");
        }
        t.append(".SH SEE ALSO\n");
        List<String> related = new ArrayList<>();
        if (spec.parent() != null) {
            related.add("\\fB" + escape(name(spec.parent())) + "\\fR(1)");
        }
        subcommands.forEach(sub -> related.add("\\fB" + escape(name(sub)) + "\\fR(1)"));
        if (related.isEmpty()) {
            related.add("\\fBkb\\fR(1)");
        }
        t.append(String.join(", ", related)).append('\n');
        return t.toString();
    }

    private static void options(StringBuilder t, String heading, List<OptionSpec> options) {
        if (options.isEmpty() || heading.isEmpty()) {
            return;
        }
        t.append(".SH ").append(heading).append('\n');
        for (OptionSpec o : options) {
            List<String> names = new ArrayList<>();
            for (String n : o.names()) {
                names.add("\\fB" + escape(n) + "\\fR");
            }
            String label = o.arity().max() > 0 && !o.paramLabel().isEmpty() && o.type() != boolean[].class
                    ? "=\\fI" + escape(o.paramLabel()) + "\\fR" : "";
            t.append(".TP\n").append(String.join(", ", names)).append(label).append('\n')
                    .append(escape(String.join(" ", o.description()))).append('\n');
        }
    }

    /**
     * The footer as sections: its heading ("Exit codes:") the first title, and a line of its own
     * such as "Settings:" the title of the next; lines kept as they are, or a table of names and
     * what they mean (the settings of kb config) as items that man wraps.
     */
    private static void footer(StringBuilder t, CommandSpec spec) {
        String[] footer = spec.usageMessage().footer();
        if (footer.length == 0) {
            return;
        }
        String heading = spec.usageMessage().footerHeading().replace("%n", "").strip();
        List<String> lines = new ArrayList<>();
        for (String line : footer) {
            Matcher m = TITLE.matcher(line.strip());
            if (m.matches()) {
                section(t, heading, lines);
                heading = m.group(1);
                lines.clear();
            } else {
                lines.add(line);
            }
        }
        section(t, heading, lines);
    }

    private static void section(StringBuilder t, String heading, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        heading = heading.endsWith(":") ? heading.substring(0, heading.length() - 1) : heading;
        t.append(".SH ").append(escape(heading.isEmpty() ? "NOTES" : heading.toUpperCase(Locale.ROOT))).append('\n');
        if (ITEM.matcher(lines.get(0)).matches()
                && lines.stream().allMatch(l -> ITEM.matcher(l).matches() || MORE.matcher(l).matches())) {
            for (String line : lines) {
                Matcher m = ITEM.matcher(line);
                if (m.matches()) {
                    t.append(t.charAt(t.length() - 1) == '\n' ? "" : "\n").append(".TP\n\\fB")
                            .append(escape(m.group(1))).append("\\fR\n").append(escape(m.group(2)));
                } else {
                    Matcher c = MORE.matcher(line);
                    c.matches();
                    t.append(' ').append(escape(c.group(1)));
                }
            }
            t.append('\n');
            return;
        }
        t.append(".nf\n");
        for (String line : lines) {
            t.append(escape(line.replace("%n", "\n"))).append('\n');
        }
        t.append(".fi\n");
    }

    private static void environment(StringBuilder t, String name, String text) {
        t.append(".TP\n\\fB").append(name).append("\\fR\n").append(escape(text)).append('\n');
    }

    private static String[] description(CommandSpec spec) {
        return Arrays.stream(spec.usageMessage().description()).map(d -> d.replace("%n", " ").strip())
                .filter(d -> !d.isEmpty()).toArray(String[]::new);
    }

    private static String lowerFirst(String s) {
        String first = s.split("\\.\\s", 2)[0];
        first = first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
        return first.isEmpty() ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }

    /**
     * Text as troff prints it: backslashes and hyphens escaped, and no line starting with a dot
     * or quote, which troff would take for a request.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String e = line.replace("\\", "\\e").replace("-", "\\-");
            if (e.startsWith(".") || e.startsWith("'")) {
                e = "\\&" + e;
            }
            out.append(e);
        }
        return out.toString();
    }
}
