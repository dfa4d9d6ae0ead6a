package dev.kbtool.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Generates benchmark corpora: Markdown files or text-heavy PDFs with English-like prose,
 * deterministic for a given seed. Not part of the test run.
 * Usage: {@code CorpusGenerator md|pdf <dir> <files> [pages-per-pdf] [seed]}.
 */
public final class CorpusGenerator {
    private static final String[] WORDS = ("knowledge base document system network model data process "
            + "analysis result method structure language compiler page index concept entity summary research "
            + "theory practice energy market policy history culture science engine signal memory storage "
            + "transaction journal recovery lock thread worker pipeline benchmark quality measure value "
            + "the of and to in is that for it as with was on be by this are from at which an or have not "
            + "important different several general particular common early modern large small new old")
            .split(" ");
    private static final String[] NAMES = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra",
        "Barbara Liskov", "Donald Knuth", "Niklaus Wirth", "Tim Berners-Lee", "Apache Software Foundation",
        "Debian Project", "Geneva", "Cambridge", "Zurich"};

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        String kind = args[0];
        Path dir = Path.of(args[1]);
        int files = Integer.parseInt(args[2]);
        int pages = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        Files.createDirectories(dir);
        Random random = new Random(seed);
        for (int i = 0; i < files; i++) {
            String name = String.format("doc-%05d", i);
            if (kind.equals("pdf")) {
                writePdf(dir.resolve(name + ".pdf"), pages, random);
            } else {
                Files.writeString(dir.resolve(name + ".md"), markdown(i, random), StandardCharsets.UTF_8);
            }
        }
    }

    static String markdown(int index, Random random) {
        StringBuilder sb = new StringBuilder("# Document " + index + "\n\n");
        for (int p = 0; p < 6; p++) {
            if (p % 3 == 0) {
                sb.append("## Section ").append(p / 3 + 1).append("\n\n");
            }
            sb.append(paragraph(random, 5)).append("\n\n");
        }
        return sb.toString();
    }

    static void writePdf(Path file, int pages, Random random) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 780;
                    cs.beginText();
                    cs.setFont(bold, 16);
                    cs.newLineAtOffset(60, y);
                    cs.showText("Chapter " + (p + 1) + " " + word(random) + " " + word(random));
                    cs.endText();
                    y -= 30;
                    cs.setFont(font, 11);
                    while (y > 70) {
                        cs.beginText();
                        cs.newLineAtOffset(60, y);
                        cs.showText(line(random, 85));
                        cs.endText();
                        y -= 14;
                    }
                }
            }
            doc.save(file.toFile());
        }
    }

    private static String paragraph(Random random, int sentences) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                sb.append(' ');
            }
            int words = 8 + random.nextInt(14);
            StringBuilder sentence = new StringBuilder();
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    sentence.append(' ');
                }
                sentence.append(random.nextInt(40) == 0 ? NAMES[random.nextInt(NAMES.length)] : word(random));
            }
            sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
            sb.append(sentence).append('.');
        }
        return sb.toString();
    }

    private static String line(Random random, int maxChars) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            String w = random.nextInt(40) == 0 ? NAMES[random.nextInt(NAMES.length)] : word(random);
            if (sb.length() + w.length() + 1 > maxChars) {
                return sb.toString();
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w);
            if (random.nextInt(12) == 0) {
                sb.append('.');
            }
        }
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
