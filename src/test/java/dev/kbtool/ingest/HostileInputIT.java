package dev.kbtool.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.Canaries;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs, in a 256 MiB heap: external entities and entity bombs in DOCX, zip entries
 * that climb out of the package, a zip bomb and a 99 MiB part, scripts and script links in HTML
 * and Markdown, Markdown linking /etc/passwd, links to a secret and to / inside the input, a
 * 60 MB table, 100,000 nested quotes, and a file swapped for a link while its folder is added.
 * Each bad file fails alone with a reason or is read safely; nothing outside the input is read
 * into the knowledge base, nothing outside the knowledge base is written, no script reaches a
 * page, and the batch ends well within file_timeout.
 */
class HostileInputIT {
    @TempDir
    Path work;
    Canaries canaries;
    Path kb;

    @BeforeEach
    void setUp() {
        canaries = Canaries.plant(work.resolve("outside"));
        kb = work.resolve("kb");
        Kb.Result init = new KbProcess(work).run("init", kb.toString(), "--set", "file_timeout=120s");
        assertThat(init.code()).as(init.toString()).isZero();
    }

    @Test
    void everyHostileFileFailsAloneOrIsReadSafely() throws Exception {
        Path in = work.resolve("in");
        Fixtures.write(in.resolve("good.md"), "# Good\n\nA good note about graph theory.\n");
        Fixtures.write(in.resolve("fine.txt"), "A plain text file that is fine.\n");
        docx(in.resolve("xxe.docx"), "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file://"
                + canaries.secret() + "\">]>" + body("Entity: &x; end."));
        docx(in.resolve("laughs.docx"), "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"lol\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                + body("Laughs: &e; end."));
        zipSlip(in.resolve("slip.docx"));
        zipBomb(in.resolve("bomb.docx"), 512L << 20);
        bigPart(in.resolve("big.docx"), 99L << 20);
        Fixtures.write(in.resolve("page.html"), "<html><head><title>Page</title><script>steal()</script></head><body>"
                + "<h1>Page</h1><p onclick=\"steal()\">Text with <a href=\"javascript:steal()\">a</a>, "
                + "<a href=\" vbscript:msgbox\">b</a>, <a href=\"data:text/html;base64,PHNjcmlwdD4=\">c</a> and "
                + "<img src=\"x.png\" onerror=\"steal()\">.</p><iframe src=\"https://evil.example\"></iframe></body></html>");
        Fixtures.write(in.resolve("notes.md"), "# Notes\n\n<script>steal()</script>\n\nSee [passwd](../../etc/passwd),"
                + " [secret](" + canaries.secret() + ") and [run](javascript:steal()) and <img src=x onerror=steal()>.\n");
        Files.createSymbolicLink(in.resolve("secret.md"), canaries.secret());
        Files.createSymbolicLink(in.resolve("root"), Path.of("/"));
        csv(in.resolve("huge.csv"), 3_000_000);
        Fixtures.write(in.resolve("deep.md"), "# Deep\n\n" + ">".repeat(100_000) + " nested\n\nText after the quotes.\n");
        Set<String> outsideBefore = files(work, kb);

        Kb.Result r = new KbProcess(work).jvmOptions("-Xmx256m", "-XX:+UseSerialGC")
                .run("--kb", kb.toString(), "--json", "add", in.toString());

        assertThat(r.code()).as(r.toString()).isIn(0, 3);
        assertThat(r.err()).as(r.toString()).doesNotContain("Exception", "internal error", "\tat ");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        for (JsonNode line : lines.subList(0, lines.size() - 1)) {
            if (line.path("status").asText().equals("failed")) {
                assertThat(line.path("reason").asText()).as(line.toString()).isNotBlank();
            }
        }
        assertThat(statusOf(lines, "good.md")).isEqualTo("added");
        assertThat(statusOf(lines, "fine.txt")).isEqualTo("added");
        assertThat(statusOf(lines, "bomb.docx")).isEqualTo("failed");
        String everything = allText(kb);
        assertThat(everything).doesNotContain(Canaries.SECRET_MARKER, "root:x:0:0");
        String pages = allText(kb.resolve("wiki"));
        assertThat(pages.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script", "javascript:", "vbscript:",
                "data:text/html", "onerror=", "onclick=", "<iframe");
        canaries.assertUnchanged();
        assertThat(files(work, kb)).as("nothing written outside the knowledge base").isEqualTo(outsideBefore);
        Kb.Result doctor = new KbProcess(work).run("--kb", kb.toString(), "doctor");
        assertThat(doctor.code()).as(doctor.toString()).isZero();
    }

    @Test
    void aFileSwappedForALinkWhileItsFolderIsAddedIsNeverReadThroughIt() throws Exception {
        Path in = work.resolve("notes");
        for (int i = 0; i < 40; i++) {
            Fixtures.write(in.resolve(String.format("note-%02d.md", i)), "# Note " + i + "\n\nNote " + i
                    + " says something of its own about topic " + i + ".\n");
        }
        Path victim = in.resolve("note-20.md");
        Path original = work.resolve("note-20.copy");
        Files.copy(victim, original);
        AtomicBoolean stop = new AtomicBoolean();
        Thread swapper = new Thread(() -> {
            // Flips the note between itself and a link to the secret while the add runs.
            Path link = in.resolve(".swap-link");
            Path file = in.resolve(".swap-file");
            try {
                for (boolean toLink = true; !stop.get(); toLink = !toLink) {
                    if (toLink) {
                        Files.deleteIfExists(link);
                        Files.createSymbolicLink(link, canaries.secret());
                        Files.move(link, victim, StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        Files.copy(original, file, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(file, victim, StandardCopyOption.ATOMIC_MOVE);
                    }
                    Thread.sleep(2);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Files.copy(original, victim, StandardCopyOption.REPLACE_EXISTING);
        swapper.start();
        Kb.Result r;
        try {
            r = new KbProcess(work).run("--kb", kb.toString(), "add", "--jobs", "2", in.toString());
        } finally {
            stop.set(true);
            swapper.join();
        }

        assertThat(r.code()).as(r.toString()).isIn(0, 3);
        assertThat(allText(kb)).doesNotContain(Canaries.SECRET_MARKER);
        canaries.assertUnchanged();
    }

    private static String statusOf(List<JsonNode> lines, String fileName) {
        return lines.stream().filter(l -> l.path("path").asText().endsWith(fileName)).map(l -> l.path("status").asText())
                .findFirst().orElse("not reported");
    }

    private static String body(String text) {
        return "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>";
    }

    private static void docx(Path file, String documentXml) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            skeleton(zip);
            entry(zip, "word/document.xml", documentXml.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void zipSlip(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            skeleton(zip);
            entry(zip, "word/document.xml", body("Slip.").getBytes(StandardCharsets.UTF_8));
            entry(zip, "../../x", "escaped".getBytes(StandardCharsets.UTF_8));
            entry(zip, "word/media/../../../../../x", "escaped".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A small file whose document part inflates to {@code bytes}. */
    private static void zipBomb(Path file, long bytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            skeleton(zip);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < bytes; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
    }

    /** A document part of real XML text, {@code bytes} long. */
    private static void bigPart(Path file, long bytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            skeleton(zip);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            OutputStream out = zip;
            out.write(("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] paragraph = "<w:p><w:r><w:t>Words of a very long document go on and on.</w:t></w:r></w:p>"
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < bytes; written += paragraph.length) {
                out.write(paragraph);
            }
            out.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static void skeleton(ZipOutputStream zip) throws IOException {
        entry(zip, "[Content_Types].xml", ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
                + "2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd."
                + "openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void csv(Path file, int rows) throws IOException {
        try (var out = Files.newBufferedWriter(file)) {
            out.write("id,name,amount\n");
            for (int i = 0; i < rows; i++) {
                out.write(i + ",name number " + i + ",12.5\n");
            }
        }
    }

    /** Every regular file under {@code root} but {@code except}, by relative path. */
    private static Set<String> files(Path root, Path except) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.startsWith(except) && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static String allText(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (Files.size(p) < (20 << 20)) {
                    all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
                }
            }
        }
        return all.toString();
    }
}
