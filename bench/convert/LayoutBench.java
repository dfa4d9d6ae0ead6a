import dev.kbtool.convert.ConversionException;
import dev.kbtool.convert.ConversionRequest;
import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.convert.PdfConverter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Layout benchmarks for kb's PDF converter: paragraph breaks inside sentences, and titles.
 * Usage: java -Xmx512m -cp target/kb.jar bench/convert/LayoutBench.java MODE [FILES OR FOLDERS...]
 * MODE: breaks | titles. See bench/convert/README.md for the definitions.
 */
public class LayoutBench {
    static final PdfConverter CONVERTER = new PdfConverter();
    static final Path CORPUS = Paths.get("/work/shared/corpus/pdf");
    static final Path EVAL = Paths.get("/work/shared/eval/wiki-gold");
    /** Files need at least this many prose paragraph breaks for their rate to be judged. */
    static final int MIN_BREAKS = 10;
    /** A "title" longer than this is a paragraph that happens to contain the title. */
    static final int MAX_TITLE = 200;
    static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*+•]|\\d{1,3}[.)]|\\([a-z0-9]{1,3}\\))\\s+");
    static final Pattern PROSE_WORD = Pattern.compile(
            "[\\p{P}\\p{S}]*[\\p{L}\\p{M}\\p{Cf}]{2,}(?:['’\\-‐][\\p{L}\\p{M}\\p{Cf}]+)*[\\p{P}\\p{S}]*");
    /** Share of a paragraph's tokens that must be words for it to be prose. */
    static final double PROSE_SHARE = 0.6;
    static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    /** A Markdown backslash escape: the character after it is literal. */
    static final Pattern MD_ESCAPE = Pattern.compile("\\\\(\\p{Punct})");
    /** Closing characters that may follow a sentence's final punctuation. */
    static final String CLOSERS = "\"'”’)]}*_`»›";
    static final String OPENERS = "\"'“‘([{*_`«‹¿¡";
    static final String SENTENCE_END = ".!?:;…。．｡！？：；";

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "breaks";
        List<Path> roots = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            roots.add(Paths.get(args[i]));
        }
        switch (mode) {
            case "breaks" -> breaks(pdfs(roots.isEmpty() ? List.of(CORPUS, EVAL.resolve("docs/dev")) : roots));
            case "titles" -> titles(pdfs(roots.isEmpty() ? List.of(EVAL.resolve("docs/dev"), CORPUS) : roots));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.exit(0);
    }

    static List<Path> pdfs(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> Files.isRegularFile(p) && p.toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                        .sorted(Comparator.naturalOrder()).forEach(files::add);
            }
        }
        return files;
    }

    // ---- breaks --------------------------------------------------------------------------------

    /** One paragraph of a text: its text and whether it is prose (not a heading, list item, table, code...). */
    record Para(String text, boolean prose) {
    }

    static void breaks(List<Path> files) throws Exception {
        boolean verbose = Boolean.getBoolean("bench.verbose");
        System.out.println("## breaks inside sentences: share of breaks between two prose paragraphs where the first"
                + " ends without sentence punctuation and the next starts in lower case");
        System.out.printf("%-52s %6s %6s %7s   %6s %6s %7s%n", "file", "kb", "inside", "rate", "pdftt", "inside",
                "rate");
        int judged = 0;
        int met = 0;
        double worst = 0;
        String worstFile = "";
        for (Path file : files) {
            ConvertedDocument doc;
            try {
                doc = CONVERTER.convert(new ConversionRequest(file, null, null));
            } catch (ConversionException e) {
                continue;
            }
            List<String> examples = new ArrayList<>();
            int[] kb = count(markdownParagraphs(doc.markdown()), examples);
            int[] ref = count(plainParagraphs(pdftotext(file)), null);
            boolean judge = kb[0] >= MIN_BREAKS;
            double rate = kb[0] == 0 ? 0 : (double) kb[1] / kb[0];
            System.out.printf("%-52s %6d %6d %6.1f%%%s %6d %6d %6.1f%%%n", name(file), kb[0], kb[1], 100 * rate,
                    judge ? (rate <= 0.02 ? " " : "*") : "-", ref[0], ref[1],
                    ref[0] == 0 ? 0 : 100.0 * ref[1] / ref[0]);
            if (judge) {
                judged++;
                met += rate <= 0.02 ? 1 : 0;
                if (rate > worst) {
                    worst = rate;
                    worstFile = name(file);
                }
            }
            if (verbose) {
                examples.forEach(e -> System.out.println("    " + e));
            }
        }
        System.out.printf("files with >= %d prose breaks: %d; at <= 2%%: %d; worst %.1f%% (%s)%n", MIN_BREAKS, judged,
                met, 100 * worst, worstFile);
        System.out.println("(* above 2%; - fewer than " + MIN_BREAKS + " prose breaks, not judged)");
    }

    /** {prose breaks, breaks inside a sentence}; examples of the latter are added when the list is given. */
    static int[] count(List<Para> paras, List<String> examples) {
        int breaks = 0;
        int inside = 0;
        for (int i = 1; i < paras.size(); i++) {
            Para a = paras.get(i - 1);
            Para b = paras.get(i);
            if (!a.prose() || !b.prose()) {
                continue;
            }
            breaks++;
            if (!endsSentence(a.text()) && startsLower(b.text())) {
                inside++;
                if (examples != null) {
                    examples.add("…" + tail(a.text(), 50) + " ‖ " + head(b.text(), 50) + "…");
                }
            }
        }
        return new int[] {breaks, inside};
    }

    static boolean endsSentence(String text) {
        int i = text.length() - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || CLOSERS.indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i >= 0 && SENTENCE_END.indexOf(text.charAt(i)) >= 0;
    }

    static boolean startsLower(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || OPENERS.indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        return i < text.length() && Character.isLowerCase(text.codePointAt(i));
    }

    /**
     * The paragraphs of kb's Markdown: blocks between blank lines, page markers and other HTML
     * comments removed. Prose is a block of at least two words that is not a heading, list item,
     * table, quote, image or code (fenced or indented).
     */
    static List<Para> markdownParagraphs(String markdown) {
        List<Para> out = new ArrayList<>();
        String[] lines = COMMENT.matcher(markdown).replaceAll("").split("\n", -1);
        List<String> block = new ArrayList<>();
        String fence = null;
        for (String line : lines) {
            String s = line.strip();
            if (fence != null) {
                if (s.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (s.startsWith("```") || s.startsWith("~~~")) {
                addBlock(block, out);
                out.add(new Para("", false));
                fence = s.substring(0, 3);
                continue;
            }
            if (s.isEmpty()) {
                addBlock(block, out);
            } else {
                block.add(line);
            }
        }
        addBlock(block, out);
        return out;
    }

    private static void addBlock(List<String> block, List<Para> out) {
        if (block.isEmpty()) {
            return;
        }
        String first = block.get(0);
        String s = first.strip();
        boolean structure = s.startsWith("#") || s.startsWith("|") || s.startsWith(">") || s.startsWith("![")
                || first.startsWith("    ") || first.startsWith("\t") || LIST_ITEM.matcher(s).find();
        StringBuilder text = new StringBuilder();
        for (String line : block) {
            text.append(text.length() == 0 ? "" : " ").append(line.strip());
        }
        String t = MD_ESCAPE.matcher(text.toString()).replaceAll("$1");
        out.add(new Para(t, !structure && isProse(t)));
        block.clear();
    }

    /**
     * Prose: at least two words, and most of its tokens (runs between spaces) are words — letters
     * only, two or more, with punctuation around them; in scripts written without spaces every
     * two characters count as a word. Figure labels ("ttt222 bbb111"), table rows of numbers and
     * formulas are not prose.
     */
    static boolean isProse(String text) {
        String[] tokens = text.strip().split("\\s+");
        int words = 0;
        int all = 0;
        for (String token : tokens) {
            // In scripts written without spaces a token is a phrase: every two characters count as a word.
            int unspaced = (int) token.codePoints().filter(LayoutBench::unspaced).count();
            int weight = Math.max(1, unspaced / 2);
            all += weight;
            if (unspaced >= 2 || PROSE_WORD.matcher(token).matches()) {
                words += weight;
            }
        }
        return words >= 2 && words >= PROSE_SHARE * all;
    }

    /** pdftotext's paragraphs: chunks between blank lines (one per flow), list items apart; no headings known. */
    static List<Para> plainParagraphs(String text) {
        List<Para> out = new ArrayList<>();
        for (String chunk : text.split("\n\\s*\n|\f")) {
            StringBuilder sb = new StringBuilder();
            for (String line : chunk.split("\n")) {
                String s = line.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
                    sb.setLength(sb.length() - 1);
                } else if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(s);
            }
            String t = sb.toString();
            if (!t.isEmpty()) {
                out.add(new Para(t, !LIST_ITEM.matcher(t).find() && isProse(t)));
            }
        }
        return out;
    }

    // ---- titles --------------------------------------------------------------------------------

    /**
     * Titles of the evaluation documents come from their gold answer keys ({@code title:});
     * those of the corpus PDFs from {@code bench/convert/titles.tsv} (file, then the title read
     * on its first page with {@code pdftotext -l 1}). Right when kb's title, normalised as the
     * wiki-gold scorer does, equals the expected title or contains it.
     */
    static void titles(List<Path> files) throws Exception {
        Map<String, String> expected = expectedTitles();
        System.out.println("## titles: kb's title against the title printed on the first page");
        int right = 0;
        int judged = 0;
        for (Path file : files) {
            String want = expected.get(name(file));
            if (want == null) {
                want = expected.get(file.getFileName().toString());
            }
            if (want == null) {
                continue;
            }
            String got;
            try {
                got = CONVERTER.convert(new ConversionRequest(file, null, null)).title();
            } catch (ConversionException e) {
                continue;
            }
            judged++;
            boolean ok = false;
            for (String alternative : want.split(" \\| ")) {
                ok |= right(got, alternative.strip());
            }
            right += ok ? 1 : 0;
            System.out.printf("%-4s %-50s %s%s%n", ok ? "ok" : "NO", name(file), got,
                    ok ? "" : "   (expected: " + want + ")");
        }
        System.out.printf("right %d of %d = %.1f%%%n", right, judged, judged == 0 ? 0 : 100.0 * right / judged);
    }

    /** Right: the normalised title equals the expected one or contains it; "-" expects no title. */
    static boolean right(String got, String want) {
        if (want.equals("-")) {
            return got == null;
        }
        String g = norm(got == null ? "" : got);
        String w = norm(want);
        if (w.isEmpty() || g.length() > MAX_TITLE) {
            return false;
        }
        // Where words are written without spaces, no word boundary can be asked for.
        boolean unspaced = w.codePoints().anyMatch(LayoutBench::unspaced);
        return g.equals(w) || (" " + g + " ").contains(" " + w + " ") || unspaced && g.contains(w);
    }

    static Map<String, String> expectedTitles() throws IOException {
        Map<String, String> titles = new LinkedHashMap<>();
        Path gold = EVAL.resolve("gold/dev");
        if (Files.isDirectory(gold)) {
            try (Stream<Path> s = Files.list(gold)) {
                for (Path yaml : s.sorted().toList()) {
                    for (String line : Files.readAllLines(yaml)) {
                        if (line.startsWith("title:")) {
                            String t = line.substring(6).strip();
                            if (t.startsWith("\"") && t.endsWith("\"")) {
                                t = t.substring(1, t.length() - 1);
                            }
                            String stem = yaml.getFileName().toString().replaceFirst("\\.yaml$", "");
                            titles.put(stem + ".pdf", t);
                        }
                    }
                }
            }
        }
        Path tsv = Paths.get("bench/convert/titles.tsv");
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", 2);
            titles.put(cols[0], cols[1].strip());
        }
        return titles;
    }

    /**
     * The wiki-gold scorer's title_norm (NFKC, lower case, runs of other characters to one
     * space), with the letters, marks and digits of every script kept, not only those it lists.
     */
    static String norm(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = t.replaceAll("[^\\p{L}\\p{M}\\p{Nd}]+", " ").strip();
        // Scripts written without spaces: a space next to them is typography, not a word break.
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' && (unspaced(t.codePointBefore(i)) || unspaced(t.codePointAt(i + 1)))) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static boolean unspaced(int cp) {
        return switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }

    // ---- helpers -------------------------------------------------------------------------------

    static String pdftotext(Path file) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kb-bench", ".txt");
        try {
            new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }

    static String head(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    static String name(Path file) {
        Path parent = file.getParent();
        return (parent == null ? "" : parent.getFileName() + "/") + file.getFileName();
    }
}
