package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches as scripts run them, in a child JVM: unreadable files and folders fail alone while the
 * batch goes on (as an unprivileged user: root reads everything), and SIGTERM in the middle of
 * PDFs whose fonts PDFBox cannot read leaves only kb's own lines on stderr.
 */
class BatchIT {
    @TempDir
    Path tmp;

    @Test
    void unreadableFilesAndFoldersFailAloneAndTheBatchGoesOn() throws Exception {
        Path kb = tmp.resolve("kb");
        assertThat(new KbProcess(tmp).run("init", kb.toString()).code()).isZero();
        Path in = tmp.resolve("in");
        Fixtures.write(in.resolve("good.md"), "# Good\n\nA good note.\n");
        Path secret = Fixtures.write(in.resolve("secret.md"), "# Secret\n\nNobody may read this.\n");
        Path locked = Fixtures.write(in.resolve("locked/inside.md"), "# Inside\n\nBehind a locked door.\n").getParent();
        Fixtures.write(in.resolve("later.md"), "# Later\n\nAfter the locked ones.\n");
        openToEveryone(tmp);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

        Kb.Result r = asUnprivilegedUser("--kb", kb.toString(), "add", in.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).contains("secret.md: permission denied", "locked: permission denied");
        assertThat(r.out()).contains("added   ").contains("good.md").contains("later.md");
        assertThat(r.out()).contains("added 2,");
        Kb.Result single = asUnprivilegedUser("--kb", kb.toString(), "add", secret.toString());
        Kb.Result folder = asUnprivilegedUser("--kb", kb.toString(), "add", locked.toString());
        assertThat(single.code()).as(single.toString()).isEqualTo(66);
        assertThat(folder.code()).as("a locked folder is unreadable input, like a locked file\n" + folder)
                .isEqualTo(66);
    }

    @Test
    void sigtermDuringPdfsWithUnreadableFontsLeavesOnlyKbsOwnLines() throws Exception {
        Path kb = tmp.resolve("kb");
        assertThat(new KbProcess(tmp).run("init", kb.toString()).code()).isZero();
        Path in = tmp.resolve("pdfs");
        Files.createDirectories(in);
        for (int i = 0; i < 12; i++) {
            brokenFontPdf(in.resolve("broken-" + i + ".pdf"), i);
        }
        Path errFile = tmp.resolve("stderr.txt");
        Process p = new KbProcess(tmp).builder("--kb", kb.toString(), "add", "--jobs", "2", in.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errFile.toFile()).start();
        Thread.sleep(1500);
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(errFile);

        for (String line : err.strip().lines().toList()) {
            assertThat(line).as(err).matches("(added|updated|skipped|failed|kb:) .*|\\s*");
        }
        assertThat(err).doesNotContain("ERROR", "Exception", "\tat ");
        assertThat(new KbProcess(tmp).run("--kb", kb.toString(), "doctor").code()).isZero();
    }

    /** A PDF whose text font claims an embedded Type1 program that is garbage: PDFBox complains reading it. */
    private static void brokenFontPdf(Path file, int n) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int page = 0; page < 3; page++) {
                PDPage p = new PDPage();
                doc.addPage(p);
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("Document " + n + " page " + page + " says something about fonts and files.");
                    cs.endText();
                }
            }
            COSStream junk = doc.getDocument().createCOSStream();
            try (var out = junk.createOutputStream()) {
                out.write("%!PS-AdobeFont-1.0: this is not a font program at all".getBytes(StandardCharsets.US_ASCII));
            }
            font.getCOSObject().setItem(COSName.FONT_DESC, descriptor(junk));
            doc.save(file.toFile());
        }
    }

    private static org.apache.pdfbox.cos.COSDictionary descriptor(COSStream fontFile) {
        org.apache.pdfbox.cos.COSDictionary d = new org.apache.pdfbox.cos.COSDictionary();
        d.setItem(COSName.TYPE, COSName.FONT_DESC);
        d.setName(COSName.FONT_NAME, "Helvetica");
        d.setInt(COSName.FLAGS, 32);
        d.setItem(COSName.FONT_FILE, fontFile);
        return d;
    }

    private Kb.Result asUnprivilegedUser(String... args) {
        List<String> command = new ArrayList<>();
        KbProcess kbProcess = new KbProcess(tmp);
        try {
            if (ProcessHandle.current().info().user().orElse("").equals("root")) {
                Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
                        "permissions mean nothing to root and setpriv is missing to drop them");
                command.addAll(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
                // The checkout may sit in a folder only root may enter (a private temp dir).
                Path jar = tmp.resolve("kb.jar");
                kbProcess.jarCopy(jar);
                Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            }
            command.addAll(kbProcess.builder(args).command());
            Path out = Files.createTempFile(tmp, "out", ".txt");
            Path err = Files.createTempFile(tmp, "err", ".txt");
            Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            return new Kb.Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The unprivileged user must reach the knowledge base and the input, as their owner would. */
    private static void openToEveryone(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p)
                        ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
        // JUnit makes its temp folder private to its owner: let others through to what is inside.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
