package dev.kbtool.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentTypesTest {
    private static final Set<String> READABLE = Set.of("md", "markdown", "txt", "pdf", "html", "htm", "docx", "csv");
    private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT = "just words\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theServersTypeFirstThenTheBytesThenTheUrl() {
        assertThat(ContentTypes.extension("application/pdf", TEXT, "", READABLE)).isEqualTo("pdf");
        assertThat(ContentTypes.extension("text/html; charset=utf-8", TEXT, "php", READABLE)).isEqualTo("html");
        assertThat(ContentTypes.extension("application/octet-stream", PDF, "bin", READABLE)).isEqualTo("pdf");
        assertThat(ContentTypes.extension("", "<!DOCTYPE html><p>x".getBytes(StandardCharsets.US_ASCII), "", READABLE))
                .isEqualTo("html");
        assertThat(ContentTypes.extension("application/octet-stream", TEXT, "csv", READABLE)).isEqualTo("csv");
        assertThat(ContentTypes.extension("text/plain", TEXT, "md", READABLE)).as("Markdown served as text").isEqualTo("md");
        assertThat(ContentTypes.extension("text/plain", TEXT, "exe", READABLE)).isEqualTo("txt");
        assertThat(ContentTypes.extension("image/png", TEXT, "png", READABLE)).isNull();
        assertThat(ContentTypes.extension("application/zip", PDF, "", READABLE)).as("the bytes still say PDF")
                .isEqualTo("pdf");
        assertThat(ContentTypes.extension("application/octet-stream", TEXT, "", READABLE)).isNull();
    }

    @Test
    void fileNamesComeFromTheUrlWithTheExtensionOfTheFormat() {
        assertThat(UrlFetcher.fileName(URI.create("https://example.org/papers/On%20Quays.PDF?x=1"), "pdf"))
                .isEqualTo("On Quays.pdf");
        assertThat(UrlFetcher.fileName(URI.create("https://example.org/docs/"), "html")).isEqualTo("example.org.html");
        assertThat(UrlFetcher.fileName(URI.create("https://example.org/a%2Fb%0Ac"), "txt")).isEqualTo("a-b-c.txt");
        assertThat(UrlFetcher.isUrl("HTTPS://example.org")).isTrue();
        assertThat(UrlFetcher.isUrl("https:/example.org/a.pdf")).isFalse();
        assertThat(UrlFetcher.isUrl("ftp://example.org/a.pdf")).as("fails as a URL, not as a missing file").isTrue();
        assertThat(UrlFetcher.isUrl("notes/a.md")).isFalse();
    }
}
