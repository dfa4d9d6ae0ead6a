package dev.kbtool.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.KbProcess;
import dev.kbtool.testing.QaFixtures;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb mcp} from the built jar, end to end: the official MCP TypeScript SDK as an
 * independent client (src/test/mcp-client, installed into target/mcp-client by .ci/run or, when
 * missing, by this test with npm ci), and the raw protocol checked for anything but JSON-RPC on
 * stdout. Needs node and npm; without them the client test is skipped, saying so.
 */
class McpServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLIENT_SOURCES = Path.of("src/test/mcp-client");
    private static final Path CLIENT = Path.of("target/mcp-client");

    @TempDir
    Path tmp;
    Path kb;

    @BeforeEach
    void setUp() throws Exception {
        KbProcess kbp = new KbProcess(tmp);
        kb = tmp.resolve("kb");
        assertThat(kbp.run("init", kb.toString()).code()).isZero();
        QaFixtures.write(tmp.resolve("in"));
        assertThat(kbp.run("--kb", kb.toString(), "-q", "add", tmp.resolve("in").toString()).code()).isZero();
    }

    /** The server as an MCP client's configuration starts it (see the README). */
    private List<String> server() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                KbProcess.jar().toString(), "--kb", kb.toString(), "mcp");
    }

    @Test
    void theOfficialTypeScriptClientListsTheToolsCallsThemAndGetsToolErrors() throws Exception {
        Assumptions.assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "kb mcp's end-to-end test needs node and npm (the official MCP TypeScript SDK); install Node.js 18+");
        installClient();

        // Node's input from /dev/null, not a closed pipe: with its standard input closed, one request
        // of the session was never answered (-32001 after 60 s); `node client.mjs ... <&-` does the same.
        Process client = new ProcessBuilder("node", CLIENT.resolve("client.mjs").toAbsolutePath().toString(),
                JSON.writeValueAsString(server())).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String report = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(3, TimeUnit.MINUTES)).isTrue();

        assertThat(report).as(report).doesNotContain("FAIL").contains("ok   bad arguments are a tool error");
        assertThat(client.exitValue()).as(report).isZero();
        assertThat(report.lines().filter(l -> l.startsWith("ok "))).hasSize(15);
    }

    @Test
    void stdoutCarriesNothingButTheProtocolAndTheServerEndsWithItsInput() throws Exception {
        Process p = new ProcessBuilder(server()).start();
        List<String> lines = new ArrayList<>();
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            // One request at a time, each answer read before the next: a client keeps its input open.
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            lines.add(out.readLine());
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"search\","
                    + "\"arguments\":{\"query\":\"Skerry\"}}}");
            lines.add(out.readLine());
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"read_page\","
                    + "\"arguments\":{\"page\":\"[[concepts/nothing]]\"}}}");
            lines.add(out.readLine());
            in.close();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the server ends when its input does").isTrue();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isZero();

        assertThat(lines).as(stderr).hasSize(3).allSatisfy(line -> {
            JsonNode message = JSON.readTree(line);
            assertThat(message.get("jsonrpc").asText()).isEqualTo("2.0");
        });
        assertThat(JSON.readTree(lines.get(0)).at("/result/serverInfo/name").asText()).isEqualTo("kb");
        assertThat(JSON.readTree(lines.get(1)).at("/result/isError").asBoolean()).isFalse();
        assertThat(JSON.readTree(lines.get(2)).at("/result/isError").asBoolean()).isTrue();
    }

    private static void send(OutputStream in, String message) throws IOException {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The client and its SDK in target/mcp-client, installed from the lockfile when not there yet. */
    private static void installClient() throws Exception {
        Files.createDirectories(CLIENT);
        for (String f : List.of("package.json", "package-lock.json", "client.mjs")) {
            Files.copy(CLIENT_SOURCES.resolve(f), CLIENT.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(CLIENT.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefix", CLIENT.toString())
                .redirectErrorStream(true).start();
        String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci did not finish in 5 minutes").isTrue();
        assertThat(npm.exitValue()).as("npm ci --prefix target/mcp-client failed:\n" + log).isZero();
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
