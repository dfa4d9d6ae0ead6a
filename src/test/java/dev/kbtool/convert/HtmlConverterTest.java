package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlConverterTest {
    @TempDir
    Path dir;

    private ConvertedDocument convert(Path file) throws Exception {
        return new HtmlConverter().convert(new ConversionRequest(file, null, null));
    }

    @Test
    void keepsOnlyTheMainContentAsMarkdown() throws Exception {
        Path file = Files.writeString(dir.resolve("page.html"), """
                <!DOCTYPE html><html><head><title>Guide &amp; Notes</title><style>p{color:red}</style>
                <script>var tracking = 1;</script></head><body>
                <header><a href="/">Home</a></header><nav><ul><li>Menu entry</li></ul></nav>
                <div class="cookie-banner">We use cookies</div>
                <main>
                  <h1>Getting started</h1>
                  <p>Read the <a href="https://example.org/docs">docs</a> <b>first</b>, then <em>try</em> it.</p>
                  <ul><li>One<ul><li>One point one</li></ul></li><li>Two</li></ul>
                  <ol start="3"><li>Third</li><li>Fourth</li></ol>
                  <pre><code class="language-java">int x = 1;
                if (x &lt; 2) { x++; }</code></pre>
                  <table><tr><th>Name</th><th>Value</th></tr><tr><td>a|b</td><td>2</td></tr></table>
                </main>
                <aside>Related posts</aside><footer>Copyright</footer></body></html>
                """);
        ConvertedDocument doc = convert(file);

        assertThat(doc.title()).isEqualTo("Guide & Notes");
        assertThat(doc.markdown()).isEqualTo("""
                # Getting started

                Read the [docs](https://example.org/docs) **first**, then *try* it.

                - One
                    - One point one
                - Two

                3. Third
                4. Fourth

                ```java
                int x = 1;
                if (x < 2) { x++; }
                ```

                | Name | Value |
                | --- | --- |
                | a\\|b | 2 |
                """);
    }

    @Test
    void withoutMarkersTheDensestBlockWinsAndTheFirstH1IsTheTitle() throws Exception {
        Path file = Files.writeString(dir.resolve("old.html"), """
                <html><body><div id="menu"><a href="a">A</a> <a href="b">B</a></div>
                <div class="content"><h1>Old Page</h1><p>First paragraph with plenty of words in it.</p>
                <p>Second paragraph, also long enough to count as content here.</p></div>
                <div class="sidebar">Links elsewhere</div></body></html>
                """);
        ConvertedDocument doc = convert(file);

        assertThat(doc.title()).isEqualTo("Old Page");
        assertThat(doc.markdown()).isEqualTo("# Old Page\n\nFirst paragraph with plenty of words in it.\n\n"
                + "Second paragraph, also long enough to count as content here.\n");
    }

    @Test
    void honoursTheCharsetFromTheMetaTag() throws Exception {
        Path file = dir.resolve("latin.html");
        Files.write(file, "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9</title></head><body><p>Na\u00efve cr\u00e8me</p></body></html>"
                .getBytes(Charset.forName("windows-1252")));
        ConvertedDocument doc = convert(file);

        assertThat(doc.title()).isEqualTo("Caf\u00e9");
        assertThat(doc.markdown()).isEqualTo("Na\u00efve cr\u00e8me\n");
    }

    @Test
    void theHeadingWinsOverATitleThatAddsTheSiteName() {
        assertThat(HtmlConverter.title("Install on Ubuntu — Project docs", "Install on Ubuntu")).isEqualTo("Install on Ubuntu");
        assertThat(HtmlConverter.title("Docs | Networking overview", "Networking overview")).isEqualTo("Networking overview");
        assertThat(HtmlConverter.title("Release notes", "Version 2.1")).isEqualTo("Release notes");
        assertThat(HtmlConverter.title("  ", "Only a heading")).isEqualTo("Only a heading");
        assertThat(HtmlConverter.title("", "")).isNull();
    }

    @Test
    void aPageTitledWithItsSiteGetsItsHeadingAsTitle() throws Exception {
        Path file = Files.writeString(dir.resolve("page.html"), "<html><head><title>Storage drivers - Example Docs</title>"
                + "</head><body><main><h1>Storage drivers</h1><p>Drivers keep layers on disk.</p></main></body></html>");

        assertThat(new HtmlConverter().convert(new ConversionRequest(file, null, null)).title()).isEqualTo("Storage drivers");
    }

    @Test
    void wordsBeforeAndAfterALinkKeepTheirSpacesEvenAfterAnAnchorHtmlNeverCloses() throws Exception {
        // DocBook's HTML writes <a id="x"/>, which HTML does not close: the text after it stays inside.
        Path file = Files.writeString(dir.resolve("history.html"), "<html><body><main><h2><a id=\"begin\"/>1.1. In"
                + " the Beginning</h2>\n<p>\nThe project was founded by Ian Murdock on <a href=\"https://example.org/x\">"
                + "August\n16th, 1993</a>.  Read <a href=\"https://example.org/y\"> the history </a>too.</p></main>"
                + "</body></html>");

        assertThat(convert(file).markdown()).contains("## 1.1. In the Beginning")
                .contains("founded by Ian Murdock on [August 16th, 1993](https://example.org/x). Read"
                        + " [the history](https://example.org/y) too.");
    }
}
