package dev.kbtool.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writeReplacesContentAndLeavesNoTempFile() throws Exception {
        Path f = tmp.resolve("a/b/page.md");

        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");

        assertThat(f).hasContent("two");
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("page.md");
        }
    }

    @Test
    void replacementIsANewInodeSoHardLinkedBackupsKeepTheOldBytes() throws Exception {
        Path f = tmp.resolve("page.md");
        AtomicFiles.writeString(f, "before");
        Path backup = tmp.resolve("backup.md");
        Files.createLink(backup, f);

        AtomicFiles.writeString(f, "after");

        assertThat(backup).hasContent("before");
        assertThat(f).hasContent("after");
    }

    @Test
    void newFilesGetTheNormalModeAndReplacedFilesKeepTheirs() throws Exception {
        Path probe = Files.createFile(tmp.resolve("probe"));
        Path fresh = tmp.resolve("fresh.md");
        Path kept = tmp.resolve("kept.md");
        Files.writeString(kept, "x");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.writeString(fresh, "new");
        AtomicFiles.writeString(kept, "replaced");
        Path staged = Files.writeString(tmp.resolve("staged"), "staged");
        Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-------"));
        Path published = tmp.resolve("out/published.md");
        Files.createDirectories(published.getParent());
        Files.writeString(published, "old");
        Files.setPosixFilePermissions(published, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.publish(staged, published);

        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(Files.getPosixFilePermissions(probe))
                .isNotEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(published))).isEqualTo("rw-rw-r--");
        assertThat(published).hasContent("staged");
        assertThat(staged).doesNotExist();
    }

    @Test
    void copyStreamsLargeFiles() throws Exception {
        Path big = tmp.resolve("big.bin");
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) i;
        }
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 8; i++) {
                out.write(chunk);
            }
        }
        Path target = tmp.resolve("copy.bin");

        AtomicFiles.copy(big, target);

        assertThat(target).hasSameBinaryContentAs(big);
    }

    @Test
    void appendAddsAtTheEnd() throws Exception {
        Path log = tmp.resolve("log.md");
        AtomicFiles.append(log, "a\n".getBytes());
        AtomicFiles.append(log, "b\n".getBytes());

        assertThat(log).hasContent("a\nb\n");
    }

    @Test
    void recognisesItsTempFiles() {
        assertThat(AtomicFiles.isTemp(Path.of("/x/.page.md.kbtmp-12ab"))).isTrue();
        assertThat(AtomicFiles.isTemp(Path.of("/x/page.md"))).isFalse();
    }
}
