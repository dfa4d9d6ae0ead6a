package dev.kbtool.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files outside every knowledge base a campaign touches, checksummed before and after: kb must
 * never write, move or delete anything outside the knowledge base it works on. One of them
 * holds a marker hostile inputs point links at, so a test can also tell it was never read in.
 */
public final class Canaries {
    /** Text that must never appear inside a knowledge base: it exists only in the secret canary. */
    public static final String SECRET_MARKER = "canary-secret-7f3a9c1e";

    private final Path dir;
    private final Map<String, String> before;

    private Canaries(Path dir, Map<String, String> before) {
        this.dir = dir;
        this.before = before;
    }

    public static Canaries plant(Path dir) {
        Fixtures.write(dir.resolve("secret.txt"), "root:x:0:0 " + SECRET_MARKER + "\n");
        Fixtures.write(dir.resolve("notes/keep.md"), "# Keep\n\nA note outside the knowledge base.\n");
        Fixtures.write(dir.resolve("x"), "a file named like a zip-slip target\n");
        return new Canaries(dir, snapshot(dir));
    }

    /** The secret canary, for hostile links to point at. */
    public Path secret() {
        return dir.resolve("secret.txt");
    }

    public Path dir() {
        return dir;
    }

    public void assertUnchanged() {
        assertThat(snapshot(dir)).as("files outside the knowledge base").isEqualTo(before);
    }

    private static Map<String, String> snapshot(Path dir) {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                sums.put(dir.relativize(p).toString(), Fixtures.sha256(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }
}
