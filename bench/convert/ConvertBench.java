import dev.kbtool.convert.ConversionException;
import dev.kbtool.convert.ConversionRequest;
import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.convert.OutlineEntry;
import dev.kbtool.convert.PdfConverter;
import dev.kbtool.convert.ConvertedPage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Conversion benchmarks for kb's PDF converter against poppler's pdftotext.
 * Usage: java -Xmx512m -cp target/kb.jar bench/convert/ConvertBench.java MODE [CORPUS_DIR...]
 * MODE: completeness | structure | speed | robustness | all. See bench/convert/README.md.
 */
public class ConvertBench {
    static final PdfConverter CONVERTER = new PdfConverter();
    static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    static final Pattern NUMBERING = Pattern.compile(
            "^(?:(?:chapter|appendix|part|section)\\s+)?(?:\\p{Nd}+|[a-z]|[ivxlc]+)(?:\\s?[.]\\s?\\p{Nd}+|[.][a-z](?![a-z]))*[.)]?\\s+");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        List<Path> roots = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            roots.add(Paths.get(args[i]));
        }
        if (roots.isEmpty()) {
            roots = List.of(Paths.get("/work/shared/corpus/pdf"), Paths.get("/work/shared/corpus/derived"));
        }
        List<Path> files = pdfs(roots);
        switch (mode) {
            case "completeness" -> completeness(files);
            case "structure" -> structure(files);
            case "speed" -> speed(files);
            case "robustness" -> robustness(files);
            case "diff" -> diff(files);
            case "all" -> {
                robustness(files);
                completeness(files);
                structure(files);
                speed(files);
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.exit(0);
    }

    static List<Path> pdfs(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> Files.isRegularFile(p) && p.toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                        .forEach(files::add);
            }
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    static ConvertedDocument convert(Path file, Path images) throws IOException, ConversionException {
        return CONVERTER.convert(new ConversionRequest(file, images, images == null ? null : "images/"));
    }

    // ---- completeness --------------------------------------------------------------------------

    static void completeness(List<Path> files) throws Exception {
        System.out.println("## completeness: kb covering pdftotext, page by page: words (strict) and letters (word breaks ignored)");
        System.out.printf("%-55s %5s %7s %7s %7s %8s %8s %7s%n", "file", "pages", "words", "cover", "minpage",
                "letters", "cover", "minpage");
        Score minWords = null;
        Score minLetters = null;
        int scored = 0;
        int wordsOk = 0;
        int lettersOk = 0;
        for (Path file : files) {
            ConvertedDocument doc;
            try {
                doc = convert(file, null);
            } catch (ConversionException e) {
                System.out.printf("%-55s  skipped: %s%n", name(file), e.getMessage());
                continue;
            }
            List<String> ref = pdftotextPages(file);
            Score words = new Score(name(file));
            Score letters = new Score(name(file));
            for (int p = 0; p < ref.size(); p++) {
                String got = p < doc.pages().size() ? doc.pages().get(p).markdown() : "";
                long[] w = wordCover(ref.get(p), got);
                long[] l = letterCover(ref.get(p), got);
                // minpage: only pages with enough reference words to make a share meaningful
                boolean counts = w[0] >= 20;
                words.add(w, counts);
                letters.add(l, counts);
            }
            scored++;
            wordsOk += words.share() >= 0.97 ? 1 : 0;
            lettersOk += letters.share() >= 0.97 ? 1 : 0;
            minWords = minWords == null || words.share() < minWords.share() ? words : minWords;
            minLetters = minLetters == null || letters.share() < minLetters.share() ? letters : minLetters;
            System.out.printf("%-55s %5d %7d %6.2f%% %6.2f%% %8d %7.2f%% %6.2f%%%n", name(file), doc.pageCount(),
                    words.total, 100 * words.share(), 100 * words.minPage, letters.total, 100 * letters.share(),
                    100 * letters.minPage);
        }
        if (scored > 0) {
            System.out.printf("files at >= 97%%: words %d/%d, letters %d/%d%n", wordsOk, scored, lettersOk, scored);
            System.out.printf("minimum per-file coverage: words %.2f%% (%s), letters %.2f%% (%s)%n%n",
                    100 * minWords.share(), minWords.file, 100 * minLetters.share(), minLetters.file);
        }
    }

    /** Covered and total counts of one file, and its lowest page share. */
    static final class Score {
        final String file;
        long total;
        long covered;
        double minPage = 1;

        Score(String file) {
            this.file = file;
        }

        void add(long[] coveredAndTotal, boolean page) {
            covered += coveredAndTotal[1];
            total += coveredAndTotal[0];
            if (page && coveredAndTotal[0] > 0) {
                minPage = Math.min(minPage, (double) coveredAndTotal[1] / coveredAndTotal[0]);
            }
        }

        double share() {
            return total == 0 ? 1 : (double) covered / total;
        }
    }

    /** {reference words, covered}: the multiset intersection of pdftotext's words with kb's. */
    static long[] wordCover(String ref, String kb) {
        Map<String, Integer> want = tokens(ref);
        Map<String, Integer> got = tokens(kb);
        long t = 0;
        long c = 0;
        for (Map.Entry<String, Integer> e : want.entrySet()) {
            t += e.getValue();
            c += Math.min(e.getValue(), got.getOrDefault(e.getKey(), 0));
        }
        return new long[] {t, c};
    }

    /**
     * {reference letters, covered}: the letters (letters, digits, marks) of pdftotext's words that
     * kb has as words (the strict figure's matches), plus the longest common subsequence of the
     * letters of the remaining words of both, each in page order. Where either tool breaks a word
     * ("c o l lc e l l" against "collcell", "106" against "10 6") does not matter; reading order
     * matters only among the words that did not match whole.
     */
    static long[] letterCover(String ref, String kb) {
        List<String> want = tokenList(ref);
        List<String> got = tokenList(kb);
        Map<String, Integer> available = new HashMap<>();
        for (String t : got) {
            available.merge(t, 1, Integer::sum);
        }
        Map<String, Integer> used = new HashMap<>();
        StringBuilder refRest = new StringBuilder();
        long total = 0;
        long covered = 0;
        for (String t : want) {
            int n = t.codePointCount(0, t.length());
            total += n;
            if (available.getOrDefault(t, 0) > 0) {
                available.merge(t, -1, Integer::sum);
                used.merge(t, 1, Integer::sum);
                covered += n;
            } else {
                refRest.append(t);
            }
        }
        // kb's words left over: the occurrences after those the reference used.
        StringBuilder kbRest = new StringBuilder();
        for (String t : got) {
            if (used.getOrDefault(t, 0) > 0) {
                used.merge(t, -1, Integer::sum);
            } else {
                kbRest.append(t);
            }
        }
        covered += lcs(refRest.codePoints().toArray(), kbRest.codePoints().toArray());
        return new long[] {total, covered};
    }

    /**
     * Length of the longest common subsequence of a and b, bit-parallel (Hyyrö 2004:
     * V' = (V + (V & M)) | (V & ~M); the LCS is the number of zero bits of V).
     */
    static int lcs(int[] a, int[] b) {
        int m = a.length;
        if (m == 0 || b.length == 0) {
            return 0;
        }
        int words = (m + 63) >>> 6;
        Map<Integer, long[]> match = new HashMap<>();
        for (int i = 0; i < m; i++) {
            match.computeIfAbsent(a[i], k -> new long[words])[i >>> 6] |= 1L << (i & 63);
        }
        long[] v = new long[words];
        java.util.Arrays.fill(v, -1L);
        for (int c : b) {
            long[] mask = match.get(c);
            if (mask == null) {
                continue;
            }
            long carry = 0;
            for (int w = 0; w < words; w++) {
                long x = v[w];
                long y = x & mask[w];
                long sum = x + y;
                long out = Long.compareUnsigned(sum, x) < 0 ? 1 : 0;
                sum += carry;
                out |= carry == 1 && sum == 0 ? 1 : 0;
                v[w] = sum | (x & ~mask[w]);
                carry = out;
            }
        }
        int zeros = 0;
        for (long x : v) {
            zeros += Long.bitCount(~x);
        }
        return zeros;
    }

    static List<String> pdftotextPages(Path file) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kb-bench", ".txt");
        try {
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
            if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
                pages.remove(pages.size() - 1);
            }
            return pages;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Normalised word tokens, counted: see {@link #tokenList}. */
    static Map<String, Integer> tokens(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : tokenList(text)) {
            counts.merge(t, 1, Integer::sum);
        }
        return counts;
    }

    /** Normalised word tokens in text order: NFKC, lower case, letters and digits (with their marks); one token per character in scripts written without spaces. */
    static List<String> tokenList(String text) {
        List<String> tokens = new ArrayList<>();
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0x200C || cp == 0x200D) {
                // Zero-width (non-)joiners belong to the word they sit in (Unicode word
                // boundaries, UAX #29): Persian writes some words with a ZWNJ, pdftotext drops it.
                continue;
            }
            if (unspaced(cp)) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                word.appendCodePoint(cp);
            } else {
                flush(word, tokens);
            }
        }
        flush(word, tokens);
        return tokens;
    }

    static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    static boolean unspaced(int cp) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.THAI
                || sc == Character.UnicodeScript.LAO || sc == Character.UnicodeScript.KHMER
                || sc == Character.UnicodeScript.MYANMAR;
    }

    static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    /** Shows, per page, both shares and the pdftotext words kb misses (for finding why a file scores low). */
    static void diff(List<Path> files) throws Exception {
        for (Path file : files) {
            ConvertedDocument doc = convert(file, null);
            List<String> ref = pdftotextPages(file);
            for (int p = 0; p < ref.size(); p++) {
                String kb = p < doc.pages().size() ? doc.pages().get(p).markdown() : "";
                Map<String, Integer> want = tokens(ref.get(p));
                Map<String, Integer> got = tokens(kb);
                List<String> missing = new ArrayList<>();
                want.forEach((k, v) -> {
                    int d = v - got.getOrDefault(k, 0);
                    if (d > 0) {
                        missing.add(k + (d > 1 ? "x" + d : ""));
                    }
                });
                if (!missing.isEmpty()) {
                    long[] w = wordCover(ref.get(p), kb);
                    long[] l = letterCover(ref.get(p), kb);
                    System.out.printf("%s p%d words %d/%d letters %d/%d missing %d: %s%n", name(file), p + 1,
                            w[1], w[0], l[1], l[0], missing.size(),
                            String.join(" ", missing.subList(0, Math.min(40, missing.size()))));
                }
            }
        }
    }

    // ---- structure -----------------------------------------------------------------------------

    static void structure(List<Path> files) throws Exception {
        System.out.println("## structure: outline titles that appear as Markdown headings");
        long all = 0;
        long found = 0;
        for (Path file : files) {
            ConvertedDocument doc;
            try {
                doc = convert(file, null);
            } catch (ConversionException e) {
                continue;
            }
            if (doc.outline().isEmpty()) {
                continue;
            }
            Set<String> headings = new HashSet<>();
            Matcher m = HEADING.matcher(doc.markdown());
            while (m.find()) {
                headings.add(normalize(m.group(1)));
            }
            int n = 0;
            List<String> missing = new ArrayList<>();
            for (OutlineEntry e : doc.outline()) {
                if (headings.contains(normalize(e.title()))) {
                    n++;
                } else if (missing.size() < (Boolean.getBoolean("bench.verbose") ? 1000 : 3)) {
                    missing.add(e.title() + " (p" + e.page() + ")");
                }
            }
            all += doc.outline().size();
            found += n;
            System.out.printf("%-62s %4d/%-4d %6.1f%%  %s%n", name(file), n, doc.outline().size(),
                    100.0 * n / doc.outline().size(), missing.isEmpty() ? "" : "missing e.g. " + missing);
        }
        System.out.printf("overall: %d/%d = %.1f%%%n%n", found, all, all == 0 ? 100 : 100.0 * found / all);
    }

    static String normalize(String s) {
        String t = Normalizer.normalize(s.replace("\\", ""), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        t = NUMBERING.matcher(t).replaceFirst("");
        StringBuilder sb = new StringBuilder();
        t.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    // ---- speed ---------------------------------------------------------------------------------

    static void speed(List<Path> files) throws Exception {
        System.out.println("## speed: single thread, warm JVM, text only (no image files), vs pdftotext");
        List<Path> ok = new ArrayList<>();
        int pages = 0;
        for (Path f : files) {
            try {
                pages += convert(f, null).pageCount();
                ok.add(f);
            } catch (ConversionException e) {
                // only files both tools convert are timed
            }
        }
        for (int warm = 0; warm < 2; warm++) {
            for (Path f : ok) {
                convert(f, null);
            }
        }
        double kb = Double.MAX_VALUE;
        double ref = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (Path f : ok) {
                convert(f, null);
            }
            kb = Math.min(kb, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            for (Path f : ok) {
                new ProcessBuilder("pdftotext", "-enc", "UTF-8", f.toString(), "/dev/null")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            }
            ref = Math.min(ref, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("files %d, pages %d%n", ok.size(), pages);
        System.out.printf("kb:        %.2f s  %.0f pages/s (best of 3, after 2 warm-up rounds)%n", kb, pages / kb);
        System.out.printf("pdftotext: %.2f s  %.0f pages/s (best of 3, one process per file)%n", ref, pages / ref);
        System.out.printf("ratio kb/pdftotext pages/s: %.2fx%n%n", ref / kb);
    }

    // ---- robustness ----------------------------------------------------------------------------

    static void robustness(List<Path> files) throws Exception {
        System.out.printf("## robustness: every file converts or fails with a reason (max heap %d MB, images on)%n",
                Runtime.getRuntime().maxMemory() >> 20);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Path images = Files.createTempDirectory("kb-bench-images");
        int ok = 0;
        int failed = 0;
        int hung = 0;
        int imageFiles = 0;
        try {
            for (Path file : files) {
                Path dir = images.resolve(file.getFileName().toString());
                long t0 = System.nanoTime();
                Future<ConvertedDocument> f = pool.submit(() -> convert(file, dir));
                try {
                    ConvertedDocument doc = f.get(120, TimeUnit.SECONDS);
                    ok++;
                    imageFiles += doc.images().size();
                    System.out.printf("%-62s ok     %5d pages %4d images %6.2f s%n", name(file), doc.pageCount(),
                            doc.images().size(), (System.nanoTime() - t0) / 1e9);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    hung++;
                    System.out.printf("%-62s HUNG (cancelled after 120 s)%n", name(file));
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                    Throwable c = e.getCause();
                    String kind = c instanceof ConversionException ? "failed" : "ERROR ";
                    System.out.printf("%-62s %s %s%n", name(file), kind, c instanceof ConversionException
                            ? c.getMessage() : c.toString());
                }
            }
        } finally {
            pool.shutdownNow();
            try (Stream<Path> s = Files.walk(images)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.printf("converted %d, failed with a reason %d, hung %d; %d image files written%n%n",
                ok, failed, hung, imageFiles);
    }

    static String name(Path file) {
        Path parent = file.getParent();
        return (parent == null ? "" : parent.getFileName() + "/") + file.getFileName();
    }
}
