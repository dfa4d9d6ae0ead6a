import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.text.MarkdownText;
import dev.kbtool.compile.TopicCandidate;
import dev.kbtool.compile.offline.OfflineCompiler;
import dev.kbtool.compile.offline.SyntheticBook;
import dev.kbtool.convert.ConvertedPage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark and quality check of the offline compiler; see README.md beside this file.
 *
 * Usage: OfflineCompileBench [--corpus DIR] [--pdf DIR] [--pages N] [--runs N] [--quiet]
 */
public final class OfflineCompileBench {
    private static final Set<String> TEXT_EXTENSIONS = Set.of("md", "markdown", "txt", "html", "htm");
    private static final Pattern SUSPICIOUS_KEY = Pattern.compile(
            "(^|-)(\\d+|et-al|al|fig|figure|table|section|chapter|page|appendix|http|https|www|com|org|html|pdf|textbf|emph|begin|end|usepackage|ibid|pp|vol|doi|isbn)(-|$)|^.$|_|\\d");
    private static final Set<String> STOP = Set.of("the", "a", "an", "this", "that", "which", "with", "from", "into", "also",
            "however", "other", "such", "some", "many", "more", "most", "thing", "way", "example", "case", "use", "time");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final OfflineCompiler compiler = new OfflineCompiler();
    private int runs = 5;
    private boolean quiet;

    public static void main(String[] args) throws Exception {
        OfflineCompileBench bench = new OfflineCompileBench();
        Path corpus = Path.of("/work/shared/corpus/mixed");
        Path pdfs = null;
        int pages = 500;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--pdf" -> pdfs = Path.of(args[++i]);
                case "--pages" -> pages = Integer.parseInt(args[++i]);
                case "--runs" -> bench.runs = Integer.parseInt(args[++i]);
                case "--quiet" -> bench.quiet = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf("machine: %d cores, Java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        List<Doc> docs = new ArrayList<>(corpusDocs(corpus));
        if (pdfs != null) {
            docs.addAll(pdfDocs(pdfs));
        }
        bench.coldStart(docs.stream().filter(d -> d.name().endsWith(".md")).findFirst().orElse(docs.get(0)));
        bench.corpus(docs);
        bench.generated(pages);
    }

    private record Doc(String name, CompileInput input, int pages) {
    }

    private void coldStart(Doc first) throws Exception {
        long t0 = System.nanoTime();
        compiler.analyze(first.input());
        System.out.printf("%ncold start (%s, first English document: loads the tagger model): %.0f ms%n", first.name(), ms(t0));
    }

    private void corpus(List<Doc> docs) throws Exception {
        for (Doc d : docs) {
            compiler.analyze(d.input());
        }
        System.out.printf("%n== corpus: %d documents (median of %d warm runs each)%n", docs.size(), runs);
        double total = 0;
        double totalCpu = 0;
        int problems = 0;
        int pages = 0;
        double pagedCpu = 0;
        List<String> suspicious = new ArrayList<>();
        for (Doc d : docs) {
            double[] times = new double[runs];
            double[] cpu = new double[runs];
            DocumentAnalysis a = null;
            for (int r = 0; r < runs; r++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                a = compiler.analyze(d.input());
                times[r] = ms(t0);
                cpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            Arrays.sort(times);
            Arrays.sort(cpu);
            total += times[runs / 2];
            totalCpu += cpu[runs / 2];
            if (d.pages() > 0) {
                pages += d.pages();
                pagedCpu += cpu[runs / 2];
            }
            List<String> issues = check(d, a, suspicious);
            problems += issues.isEmpty() ? 0 : 1;
            report(d, a, times[runs / 2], cpu[runs / 2], issues);
        }
        System.out.printf("%ncorpus: %d documents, total %.1f ms wall / %.1f ms CPU, mean %.2f ms wall per document; "
                + "%d documents with a summary issue%n", docs.size(), total, totalCpu, total / docs.size(), problems);
        if (pages > 0) {
            System.out.printf("paged documents: %d pages, %.1f ms CPU, %.2f ms CPU per page%n", pages, pagedCpu, pagedCpu / pages);
        }
        System.out.printf("suspicious topics (%d):%n", suspicious.size());
        for (String s : suspicious) {
            System.out.println("  " + s);
        }
    }

    private void generated(int pages) throws Exception {
        CompileInput book = SyntheticBook.generate(pages, 42);
        compiler.analyze(book);
        double[] times = new double[Math.max(3, runs)];
        double[] cpu = new double[times.length];
        DocumentAnalysis a = null;
        for (int r = 0; r < times.length; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            a = compiler.analyze(book);
            times[r] = ms(t0);
            cpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        System.out.printf("%n== generated %d-page document: %d chars; median %.0f ms wall (min %.0f, max %.0f), "
                + "median %.0f ms CPU (%.2f ms CPU per page)%n", pages, book.markdown().length(), times[times.length / 2],
                times[0], times[times.length - 1], cpu[cpu.length / 2], cpu[cpu.length / 2] / pages);
        System.out.println("   growth with length (median of 3, CPU):");
        for (int size = pages / 8; size <= pages * 2; size *= 2) {
            CompileInput part = SyntheticBook.generate(size, 42);
            compiler.analyze(part);
            double[] c = new double[3];
            for (int r = 0; r < c.length; r++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                compiler.analyze(part);
                c[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            Arrays.sort(c);
            System.out.printf("   %5d pages: %6.0f ms%n", size, c[1]);
        }
        System.out.println("   summary: " + a.summary().size() + " sentences; concepts: " + keys(a.concepts())
                + "; entities: " + keys(a.entities()));
    }

    private List<String> check(Doc d, DocumentAnalysis a, List<String> suspicious) {
        List<String> issues = new ArrayList<>();
        if (a.description().length() >= 160) {
            issues.add("description of " + a.description().length() + " chars");
        }
        if (a.summary().size() < 3 || a.summary().size() > 12) {
            issues.add(a.summary().size() + " summary sentences");
        }
        String text = plainText(d.input().markdown());
        for (String s : a.summary()) {
            if (!text.contains(s)) {
                issues.add("summary sentence not in the document: " + s);
            }
        }
        for (List<TopicCandidate> list : List.of(a.concepts(), a.entities())) {
            for (TopicCandidate t : list) {
                String why = suspicion(t);
                if (why != null) {
                    suspicious.add(d.name() + ": " + t.type() + " " + t.key() + " (" + t.name() + ") — " + why);
                }
            }
        }
        return issues;
    }

    private static String suspicion(TopicCandidate t) {
        if (SUSPICIOUS_KEY.matcher(t.key()).find()) {
            return "key shape";
        }
        for (String word : t.key().split("-")) {
            if (STOP.contains(word)) {
                return "stop word";
            }
        }
        if (t.contribution().isBlank()) {
            return "no contribution";
        }
        return null;
    }

    private void report(Doc d, DocumentAnalysis a, double median, double cpu, List<String> issues) {
        System.out.printf("%n-- %s (%d chars%s): %.2f ms wall, %.2f ms CPU%n", d.name(), d.input().markdown().length(),
                d.pages() > 0 ? ", " + d.pages() + " pages" : "", median, cpu);
        System.out.println("   title: " + a.title());
        System.out.println("   description: " + a.description());
        for (String issue : issues) {
            System.out.println("   ISSUE: " + issue);
        }
        if (quiet) {
            System.out.println("   concepts: " + keys(a.concepts()));
            System.out.println("   entities: " + keys(a.entities()));
            return;
        }
        for (String s : a.summary()) {
            System.out.println("   * " + s);
        }
        for (TopicCandidate t : a.concepts()) {
            System.out.printf("   concept %s (%s) %.1f aliases=%s%n       %s%n", t.key(), t.name(), t.score(), t.aliases(),
                    t.contribution());
        }
        for (TopicCandidate t : a.entities()) {
            System.out.printf("   entity  %s (%s, %s) %.1f aliases=%s%n       %s%n", t.key(), t.name(), t.type(), t.score(),
                    t.aliases(), t.contribution());
        }
    }

    private static String keys(List<TopicCandidate> topics) {
        List<String> out = new ArrayList<>();
        for (TopicCandidate t : topics) {
            out.add(t.key() + (t.type().equals("concept") ? "" : "/" + t.type()));
        }
        return String.join(", ", out);
    }

    private static String plainText(String markdown) {
        StringBuilder s = new StringBuilder();
        for (MarkdownText.Block b : MarkdownText.blocks(markdown)) {
            s.append(b.text()).append('\n');
        }
        return s.toString();
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    // ---- reading the corpus -------------------------------------------------------------

    private static List<Doc> corpusDocs(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> TEXT_EXTENSIONS.contains(extension(p))).sorted().toList();
        }
        List<Doc> docs = new ArrayList<>();
        for (Path f : files) {
            String raw = Files.readString(f, StandardCharsets.UTF_8);
            String stem = f.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            boolean html = extension(f).startsWith("htm");
            String markdown = html ? CrudeHtml.toMarkdown(raw) : raw;
            String title = html ? CrudeHtml.title(raw) : markdownTitle(raw);
            docs.add(new Doc(root.relativize(f).toString(), new CompileInput(title, stem, markdown, List.of()), 0));
        }
        return docs;
    }

    /** PDFs through pdftotext (pages split at form feeds), when it is installed. */
    private static List<Doc> pdfDocs(Path root) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        List<Doc> docs = new ArrayList<>();
        for (Path f : files) {
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", f.toString(), "-").redirectErrorStream(false).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.getErrorStream().readAllBytes();
            if (p.waitFor() != 0 || text.isBlank()) {
                continue;
            }
            String[] pages = text.split("\f");
            StringBuilder markdown = new StringBuilder();
            List<ConvertedPage> pageList = new ArrayList<>();
            for (int i = 0; i < pages.length; i++) {
                if (!pages[i].isBlank()) {
                    markdown.append("<!-- page ").append(i + 1).append(" -->\n").append(pages[i]).append('\n');
                    pageList.add(new ConvertedPage(i + 1, pages[i]));
                }
            }
            String stem = f.getFileName().toString().replaceFirst("\\.pdf$", "");
            docs.add(new Doc(root.relativize(f).toString(), new CompileInput(null, stem, markdown.toString(), pageList),
                    pageList.size()));
        }
        return docs;
    }

    private static String markdownTitle(String raw) {
        Matcher fm = Pattern.compile("(?m)^title:\\s*\"?([^\"\\n]+)\"?\\s*$").matcher(raw);
        if (raw.startsWith("---") && fm.find()) {
            return fm.group(1).strip();
        }
        Matcher h = Pattern.compile("(?m)^#\\s+(.+)$").matcher(raw);
        return h.find() ? h.group(1).strip() : null;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Just enough HTML to Markdown for the benchmark, until the real converter exists. */
    static final class CrudeHtml {
        private static final Pattern DROP = Pattern.compile("(?is)<(head|script|style|nav)\\b.*?</\\1>|<div class=\"(navheader|navfooter|toc)\".*?</div>\\s*</div>|<!--.*?-->");
        private static final Pattern HEADING = Pattern.compile("(?is)<h([1-6])[^>]*>(.*?)</h\\1>");
        private static final Pattern BLOCK = Pattern.compile("(?i)</?(p|div|br|tr|table|dl|dt|dd|ul|ol|pre|blockquote|hr)\\b[^>]*>");
        private static final Pattern ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
        private static final Pattern TAG = Pattern.compile("<[^>]+>");

        static String title(String html) {
            Matcher m = Pattern.compile("(?is)<title>(.*?)</title>").matcher(html);
            return m.find() ? unescape(TAG.matcher(m.group(1)).replaceAll("")).strip() : null;
        }

        static String toMarkdown(String html) {
            String s = DROP.matcher(html).replaceAll("\n");
            Matcher h = HEADING.matcher(s);
            StringBuilder out = new StringBuilder();
            while (h.find()) {
                String text = TAG.matcher(h.group(2)).replaceAll("").replaceAll("\\s+", " ").strip();
                h.appendReplacement(out, Matcher.quoteReplacement("\n\n" + "#".repeat(Integer.parseInt(h.group(1))) + " " + text + "\n\n"));
            }
            h.appendTail(out);
            s = ITEM.matcher(out).replaceAll("\n\n* ");
            s = BLOCK.matcher(s).replaceAll("\n\n");
            s = TAG.matcher(s).replaceAll("");
            s = unescape(s);
            StringBuilder md = new StringBuilder();
            for (String line : s.split("\n")) {
                md.append(line.strip()).append('\n');
            }
            return md.toString().replaceAll("\n{3,}", "\n\n");
        }

        private static String unescape(String s) {
            return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&");
        }
    }
}
