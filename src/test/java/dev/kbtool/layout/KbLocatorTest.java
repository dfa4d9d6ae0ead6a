package dev.kbtool.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbLocatorTest {
    @TempDir
    Path tmp;

    @Test
    void explicitDirWinsOverEnvironmentAndParents() throws Exception {
        Path a = kb("a");
        Path b = kb("b");

        assertThat(KbLocator.locate(Path.of("a"), b.toString(), tmp).root()).isEqualTo(a);
    }

    @Test
    void environmentWinsOverParents() throws Exception {
        Path a = kb("a");
        Path b = kb("b");
        Path inside = Files.createDirectories(a.resolve("wiki/summaries"));

        assertThat(KbLocator.locate(null, b.toString(), inside).root()).isEqualTo(b);
    }

    @Test
    void nearestParentHoldingStateDir() throws Exception {
        Path a = kb("a");
        Path nested = kb("a/raw/inner");
        Path deep = Files.createDirectories(nested.resolve("x/y"));

        assertThat(KbLocator.locate(null, null, deep).root()).isEqualTo(nested);
        assertThat(KbLocator.locate(null, "", a.resolve("wiki")).root()).isEqualTo(a);
    }

    @Test
    void explicitDirThatIsNoKbIsNamedInTheError() {
        assertThatThrownBy(() -> KbLocator.locate(Path.of("nope"), null, tmp))
                .isInstanceOfSatisfying(KbException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.NO_INPUT);
                    assertThat(e.getMessage()).contains("nope", "--kb", "kb init");
                });
    }

    private Path kb(String dir) throws Exception {
        Path root = tmp.resolve(dir);
        Files.createDirectories(root.resolve(".kb"));
        return root;
    }
}
