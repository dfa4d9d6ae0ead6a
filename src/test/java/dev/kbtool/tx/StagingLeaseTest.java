package dev.kbtool.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.layout.KbLayout;
import dev.kbtool.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingLeaseTest {
    @TempDir
    Path tmp;
    KbLayout layout;

    @BeforeEach
    void setUp() throws Exception {
        layout = new KbLayout(tmp);
        Files.createDirectories(layout.staging());
    }

    @Test
    void aLiveLeaseOfThisProcessIsNeverSwept() throws Exception {
        try (StagingLease lease = StagingLease.open(layout)) {
            Path work = lease.newFolder("doc.md");
            Fixtures.write(work.resolve("raw.md"), "staged");

            assertThat(StagingLease.sweep(layout)).isEmpty();
            assertThat(work.resolve("raw.md")).exists();
        }
        assertThat(layout.staging()).isEmptyDirectory();
    }

    @Test
    void anUnlockedLeaseBelongsToADeadProcessAndIsSwept() throws Exception {
        Fixtures.write(layout.staging().resolve("999-deadbeef/1-x/raw.md"), "left behind");
        Files.createFile(layout.staging().resolve("999-deadbeef.lease"));
        Fixtures.write(layout.staging().resolve("888-cafecafe/raw.md"), "area whose lease is already gone");

        assertThat(StagingLease.stale(layout, false)).hasSize(2);
        StagingLease.sweep(layout);

        assertThat(layout.staging()).isEmptyDirectory();
    }

    @Test
    void foldersOfOneLeaseAreDistinct() throws Exception {
        try (StagingLease lease = StagingLease.open(layout)) {
            Path a = lease.newFolder("same.md");
            Path b = lease.newFolder("same.md");
            assertThat(a).isNotEqualTo(b).isDirectory();
            assertThat(b).isDirectory();
        }
    }
}
