package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kbtool.testing.Kb;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kb add of http URLs served by a real HTTP server on the loopback interface. */
class UrlAddTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Kb kb;
    HttpServer server;
    ExecutorService pool;
    String base;

    @BeforeEach
    void start() throws Exception {
        kb = new Kb(tmp);
        kb.run("init", "k", "--set", "max_file_size=1MB");
        kb = kb.env("KB_DIR", tmp.resolve("k").toString());
        byte[] pdf = Files.readAllBytes(ShowCommandTest.longPdf(tmp.resolve("src/paper.pdf"), 2));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/papers/paper.pdf", ex -> send(ex, 200, "application/octet-stream", pdf));
        server.createContext("/article", ex -> send(ex, 200, "text/html; charset=utf-8", ("<html><head><title>Quays"
                + "</title></head><body><h1>Quays</h1><p>A quay is a platform along a shore for loading ships."
                + "</p></body></html>").getBytes(StandardCharsets.UTF_8)));
        server.createContext("/notes.md", ex -> send(ex, 200, "text/plain", "# Notes\n\nBollards hold the ropes.\n"
                .getBytes(StandardCharsets.UTF_8)));
        server.createContext("/moved", ex -> redirect(ex, "/papers/paper.pdf"));
        server.createContext("/loop-a", ex -> redirect(ex, "/loop-b"));
        server.createContext("/loop-b", ex -> redirect(ex, "/loop-a"));
        server.createContext("/missing", ex -> send(ex, 404, "text/plain", "no".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/image.png", ex -> send(ex, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        server.createContext("/huge.pdf", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/pdf");
            ex.sendResponseHeaders(200, 5L << 20);
            ex.close();
        });
        server.createContext("/slow.pdf", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/pdf");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(8_000);
            } catch (InterruptedException | IOException e) {
                // The client gave up, as it should.
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    @Test
    void aPdfServedAsOctetStreamIsAddedByItsBytesAndRememberedByItsUrl() throws Exception {
        Kb.Result r = kb.run("add", base + "/papers/paper.pdf", base + "/article");
        Kb.Result again = kb.run("add", base + "/moved");
        JsonNode show = JSON.readTree(kb.run("--json", "show", "paper").out());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("added   " + base + "/papers/paper.pdf -> paper",
                "added   " + base + "/article -> article", "added 2, updated 0, skipped 0, failed 0");
        assertThat(show.get("type").asText()).isEqualTo("pdf");
        assertThat(show.get("origin").asText()).isEqualTo(base + "/papers/paper.pdf");
        assertThat(show.get("file").asText()).isEqualTo("paper.pdf");
        assertThat(again.out()).as("followed the redirect to the same content").contains("skipped " + base
                + "/moved (already in the knowledge base as paper)");
        assertThat(tmp.resolve("k/wiki/summaries/article.md")).exists();
        assertThat(Files.list(tmp.resolve("k/.kb/staging")).toList()).as("downloads are cleaned up").isEmpty();
    }

    @Test
    void eachUrlThatCannotBeHadFailsOnItsOwnWithAClearReason() throws Exception {
        // Converters warmed up first, then a short file_timeout, so the slow server takes two seconds, not five minutes.
        assertThat(kb.run("add", base + "/article").code()).isZero();
        assertThat(kb.run("config", "set", "file_timeout", "2s").code()).isZero();
        Kb.Result r = kb.run("--json", "add", base + "/loop-a", base + "/missing", base + "/slow.pdf",
                base + "/huge.pdf", base + "/image.png", base + "/notes.md", "ftp://127.0.0.1/paper.pdf");

        Map<String, JsonNode> byPath = new HashMap<>();
        List<JsonNode> lines = r.out().lines().map(UrlAddTest::json).toList();
        lines.forEach(l -> byPath.put(l.path("path").asText(), l));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(byPath.get(base + "/loop-a").get("reason").asText()).startsWith("redirect loop");
        assertThat(byPath.get(base + "/missing").get("reason").asText()).isEqualTo("HTTP 404 Not Found");
        // The server sends 9 bytes and then nothing for 8 s: a reason of time, not of a short PDF.
        assertThat(byPath.get(base + "/slow.pdf").get("reason").asText())
                .matches("took longer than 2s \\(file_timeout\\)|the server stopped sending for 2s");
        assertThat(byPath.get(base + "/huge.pdf").get("reason").asText()).startsWith("larger than max_file_size");
        assertThat(byPath.get(base + "/image.png").get("reason").asText()).startsWith("unsupported content type 'image/png'");
        assertThat(byPath.get("ftp://127.0.0.1/paper.pdf").get("reason").asText()).as("not a missing file 'ftp:/...'")
                .isEqualTo("kb downloads http and https URLs, not ftp");
        assertThat(byPath.get(base + "/notes.md").get("status").asText()).isEqualTo("added");
        assertThat(byPath.get(base + "/notes.md").get("doc").asText()).isEqualTo("notes");
        JsonNode summary = lines.get(lines.size() - 1);
        assertThat(summary.get("failed").asInt()).isEqualTo(6);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
