package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextAndMarkdownTest {
    @TempDir
    Path dir;

    private String text(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("t.txt"), bytes);
        return new TextConverter().convert(new ConversionRequest(file, null, null)).markdown();
    }

    @Test
    void decodesUtf8AndUtf16WithLineEndsNormalised() throws Exception {
        String s = "Gr\u00fc\u00dfe \u2014 caf\u00e9\r\nline two\r";
        assertThat(text(s.getBytes(StandardCharsets.UTF_8))).isEqualTo("Gr\u00fc\u00dfe \u2014 caf\u00e9\nline two\n");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThat(text(concat(bom, "with bom".getBytes(StandardCharsets.UTF_8)))).isEqualTo("with bom");
        assertThat(text(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "utf16 \u00e9".getBytes(StandardCharsets.UTF_16LE))))
                .isEqualTo("utf16 \u00e9");
        assertThat(text(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "big".getBytes(StandardCharsets.UTF_16BE))))
                .isEqualTo("big");
    }

    @Test
    void legacyEightBitTextIsRefusedWithAReasonNotGuessed() {
        byte[] latin = "caf\u00e9 \u20ac5".getBytes(Charset.forName("windows-1252"));
        assertThat(ConversionFailures.reason(() -> text(latin)))
                .isEqualTo("not valid UTF-8 text (legacy encoding?); convert the file to UTF-8 first");
    }

    @Test
    void binaryDataIsRefused() {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3, (byte) 0xFF};
        assertThat(ConversionFailures.reason(() -> text(binary))).startsWith("binary data, not text");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void markdownKeepsFrontmatterTakesItsTitleAndCopiesLocalImages() throws Exception {
        Path docDir = Files.createDirectories(dir.resolve("notes"));
        Files.createDirectories(docDir.resolve("img"));
        Files.createDirectories(docDir.resolve("other"));
        Files.write(docDir.resolve("img/a.png"), new byte[] {1, 2, 3});
        Files.write(docDir.resolve("other/a.png"), new byte[] {4, 5});
        Files.write(dir.resolve("outside.png"), new byte[] {6});
        String md = """
                ---
                title: "Field Notes"
                ---
                # Heading One

                ![first](img/a.png) and ![second](other/a.png "t") and again ![](img/a.png)
                <img src="img/a.png" alt="x">
                ![out](../outside.png) ![web](https://example.org/x.png) ![data](data:image/png;base64,AA==)

                ```
                ![code](img/a.png)
                ```
                """;
        Path file = Files.writeString(docDir.resolve("notes.md"), md);
        ConvertedDocument doc = new MarkdownConverter().convert(
                new ConversionRequest(file, dir.resolve("images"), "images/notes/"));

        assertThat(doc.title()).isEqualTo("Field Notes");
        assertThat(doc.images()).containsExactly("a.png", "a-2.png");
        assertThat(Files.readAllBytes(dir.resolve("images/a-2.png"))).containsExactly(4, 5);
        assertThat(doc.markdown()).startsWith("---\ntitle: \"Field Notes\"\n---\n# Heading One")
                .contains("![first](images/notes/a.png) and ![second](images/notes/a-2.png \"t\") and again ![](images/notes/a.png)")
                .contains("<img src=\"images/notes/a.png\" alt=\"x\">")
                .contains("![out](../outside.png) ![web](https://example.org/x.png) ![data](data:image/png;base64,AA==)")
                .contains("```\n![code](img/a.png)\n```");
    }

    @Test
    void markdownTitleFallsBackToTheFirstH1() throws Exception {
        Path file = Files.writeString(dir.resolve("x.md"), "```\n# not this\n```\n\n# Real Title\n");
        assertThat(new MarkdownConverter().convert(new ConversionRequest(file, null, null)).title()).isEqualTo("Real Title");
    }

    @Test
    void textTitleIsTheFirstLineWhenItReadsLikeATitle() throws Exception {
        Path titled = Files.writeString(dir.resolve("notes.txt"), "Field Guide to Moss\n\nMoss grows where it is damp.\n");
        Path underlined = Files.writeString(dir.resolve("cmd.txt"), "git-add(1)\n==========\n\nNAME\n");
        Path sentence = Files.writeString(dir.resolve("s.txt"), "Moss grows where it is damp, and it is green.\n\nMore.\n");
        Path wrapped = Files.writeString(dir.resolve("w.txt"), "Moss grows where it is\ndamp and shaded\n");

        assertThat(new TextConverter().convert(new ConversionRequest(titled, null, null)).title()).isEqualTo("Field Guide to Moss");
        assertThat(new TextConverter().convert(new ConversionRequest(underlined, null, null)).title()).isEqualTo("git-add(1)");
        assertThat(new TextConverter().convert(new ConversionRequest(sentence, null, null)).title()).isNull();
        assertThat(new TextConverter().convert(new ConversionRequest(wrapped, null, null)).title()).isNull();
    }
}
