package dev.kbtool.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates one long plain-text book for search benchmarks: chapters of paragraphs drawn from a
 * Zipf-distributed vocabulary of a few thousand made-up words plus common English words, so that
 * some words are everywhere and most are rare, as in real prose. Deterministic for a seed.
 * Usage: {@code BookGenerator <file> <megabytes> [seed]}.
 */
public final class BookGenerator {
    private static final String[] COMMON = ("the of and to a in is that it was he for on are as with his they at be "
            + "this from have or by one had not but what all were when we there can an your which their said if do "
            + "will each about how up out them then she many some so these would other into has more her two like "
            + "him see time could no make than first been its who now people my made over did down only way find "
            + "use may water long little very after words called just where most know").split(" ");
    private static final String[] TOPICAL = ("consensus leader follower election term replica quorum heartbeat "
            + "snapshot commit journal alice rabbit queen garden river mountain harbour lantern")
            .split(" ");
    private static final String[] SYLLABLES = ("ka ri to ne sa mo lu fi ve da po ra shi en ar or ul in ex al on "
            + "tre bla cor vin ste gra mel dor fen hal").split(" ");

    private BookGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]) << 20;
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 7);
        String[] vocabulary = vocabulary(random, 6000);
        double[] cumulative = zipf(vocabulary.length);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        long written = 0;
        int chapter = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                chapter++;
                String heading = "CHAPTER " + chapter + ". " + capital(pick(vocabulary, cumulative, random)) + " and "
                        + pick(vocabulary, cumulative, random) + "\n\n";
                out.write(heading);
                written += heading.length();
                int paragraphs = 20 + random.nextInt(40);
                for (int p = 0; p < paragraphs && written < bytes; p++) {
                    String paragraph = paragraph(vocabulary, cumulative, random) + "\n\n";
                    out.write(paragraph);
                    written += paragraph.length();
                }
            }
        }
    }

    private static String[] vocabulary(Random random, int size) {
        String[] words = new String[size];
        int i = 0;
        for (String w : COMMON) {
            words[i++] = w;
        }
        for (String w : TOPICAL) {
            words[i++] = w;
        }
        while (i < size) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words[i++] = w.toString();
        }
        return words;
    }

    /** Cumulative Zipf weights: the word of rank r is drawn in proportion to 1/r. */
    private static double[] zipf(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1.0 / (r + 1);
            c[r] = sum;
        }
        for (int r = 0; r < n; r++) {
            c[r] /= sum;
        }
        return c;
    }

    private static String pick(String[] vocabulary, double[] cumulative, Random random) {
        double x = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary[lo];
    }

    private static String paragraph(String[] vocabulary, double[] cumulative, Random random) {
        StringBuilder sb = new StringBuilder();
        int sentences = 2 + random.nextInt(6);
        for (int s = 0; s < sentences; s++) {
            int words = 6 + random.nextInt(18);
            StringBuilder sentence = new StringBuilder();
            for (int w = 0; w < words; w++) {
                sentence.append(w == 0 ? "" : " ").append(pick(vocabulary, cumulative, random));
            }
            sb.append(s == 0 ? "" : " ").append(capital(sentence.toString())).append('.');
        }
        return sb.toString();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
