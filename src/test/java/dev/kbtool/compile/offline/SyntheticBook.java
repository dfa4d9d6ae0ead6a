package dev.kbtool.compile.offline;

import dev.kbtool.compile.CompileInput;
import dev.kbtool.convert.ConvertedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A long, deterministic, book-like document as a PDF converter would deliver it: page
 * markers, a running header and page number on every page, headings, wrapped paragraphs of
 * varied sentences, some lists, code and tables, and a references section at the end.
 * Used by the size test and the benchmark.
 */
public final class SyntheticBook {
    private static final String[] ADJECTIVES = {"distributed", "neural", "stochastic", "persistent", "concurrent",
            "incremental", "robust", "adaptive", "sparse", "linear", "recursive", "probabilistic", "secure", "efficient",
            "hierarchical", "temporal", "spatial", "semantic", "statistical", "dynamic", "parallel", "optimal", "local",
            "global", "empirical", "formal", "lexical", "numerical", "symbolic", "visual"};
    private static final String[] NOUNS = {"network", "model", "algorithm", "system", "database", "protocol", "graph",
            "index", "cache", "kernel", "compiler", "parser", "scheduler", "memory", "transaction", "replica", "query",
            "tensor", "gradient", "estimator", "classifier", "sensor", "signal", "vector", "matrix", "policy", "agent",
            "language", "grammar", "corpus", "document", "summary", "encoder", "decoder", "pipeline", "cluster", "node",
            "server", "client", "thread", "lock", "journal", "snapshot", "checkpoint", "filter", "buffer", "stream",
            "table", "record", "schema"};
    private static final String[] VERBS = {"improves", "reduces", "controls", "describes", "predicts", "stores",
            "updates", "balances", "compresses", "validates", "schedules", "replicates", "indexes", "transforms",
            "measures", "approximates", "organizes", "explains", "supports", "limits"};
    private static final String[] NAMES = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra",
            "Barbara Liskov", "Donald Knuth", "Leslie Lamport", "Tony Hoare"};
    private static final String[] PLACES = {"Cambridge", "Zurich", "Boston", "Berlin", "Tokyo", "Toronto"};
    private static final int WORDS_PER_PAGE = 450;

    private SyntheticBook() {
    }

    /** A document of {@code pages} pages; the same text for the same arguments. */
    public static CompileInput generate(int pages, long seed) {
        Random random = new Random(seed);
        StringBuilder all = new StringBuilder();
        List<ConvertedPage> pageList = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            StringBuilder page = new StringBuilder();
            page.append("Systems and Models — A Synthetic Handbook\n\n");
            if (p == pages) {
                references(page, random);
            } else {
                body(page, random, p);
            }
            page.append("\n").append(p).append("\n");
            all.append("<!-- page ").append(p).append(" -->\n").append(page);
            pageList.add(new ConvertedPage(p, page.toString()));
        }
        return new CompileInput("Systems and Models", "synthetic-book", all.toString(), pageList);
    }

    private static void body(StringBuilder page, Random random, int number) {
        int words = 0;
        if (number % 12 == 1) {
            page.append("Chapter ").append(number / 12 + 1).append(". The ").append(pick(random, ADJECTIVES)).append(' ')
                    .append(pick(random, NOUNS)).append("\n\n");
        }
        while (words < WORDS_PER_PAGE) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                page.append("```\nfor (int i = 0; i < n; i++) { update(state[i]); }\n```\n\n");
            } else if (kind == 1) {
                page.append("| ").append(pick(random, NOUNS)).append(" | ").append(random.nextInt(1000)).append(" |\n|---|---|\n\n");
            } else if (kind == 2) {
                page.append(number).append('.').append(random.nextInt(9) + 1).append(' ').append(capitalize(pick(random, ADJECTIVES)))
                        .append(' ').append(pick(random, NOUNS)).append("s\n");
            } else if (kind == 3) {
                for (int i = 0; i < 3; i++) {
                    page.append("- ").append(sentence(random)).append('\n');
                }
                page.append('\n');
            } else {
                String paragraph = paragraph(random);
                words += paragraph.split(" ").length;
                page.append(wrap(paragraph)).append("\n\n");
            }
        }
    }

    private static String paragraph(Random random) {
        StringBuilder p = new StringBuilder();
        int n = 3 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            p.append(i > 0 ? " " : "").append(sentence(random));
        }
        return p.toString();
    }

    private static String sentence(Random random) {
        String a = pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
        String b = pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
        return switch (random.nextInt(6)) {
            case 0 -> "A " + a + " " + pick(random, VERBS) + " the " + b + " when the " + pick(random, NOUNS) + " is under load.";
            case 1 -> capitalize(a) + "s are used to build a " + b + " that " + pick(random, VERBS) + " each " + pick(random, NOUNS) + ".";
            case 2 -> "According to " + pick(random, NAMES) + ", the " + a + " " + pick(random, VERBS) + " every " + b + ".";
            case 3 -> "In " + pick(random, PLACES) + ", researchers showed that the " + a + " " + pick(random, VERBS)
                    + " a " + b + " in " + (2 + random.nextInt(90)) + " percent of the cases.";
            case 4 -> "The " + a + " is a " + b + " that " + pick(random, VERBS) + " the " + pick(random, NOUNS) + " of a "
                    + pick(random, NOUNS) + ".";
            default -> "Each " + a + " " + pick(random, VERBS) + " its " + b + ", which " + pick(random, VERBS) + " the "
                    + pick(random, ADJECTIVES) + " " + pick(random, NOUNS) + " in turn.";
        };
    }

    private static void references(StringBuilder page, Random random) {
        page.append("References\n\n");
        for (int i = 1; i <= 20; i++) {
            page.append('[').append(i).append("] ").append(pick(random, NAMES)).append(" et al. ")
                    .append(capitalize(pick(random, ADJECTIVES))).append(' ').append(pick(random, NOUNS)).append("s. In Proceedings of SOSP, pp. ")
                    .append(10 + i).append("–").append(20 + i).append(", ").append(1990 + i).append(".\n");
        }
    }

    /** Hard-wraps a paragraph at about 80 columns, as text extracted from a PDF is. */
    private static String wrap(String paragraph) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : paragraph.split(" ")) {
            if (column > 0 && column + word.length() > 80) {
                out.append('\n');
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
