package dev.kbtool.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.session.KbInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionTest {
    @TempDir
    Path tmp;
    KbLayout layout;
    Catalog catalog;
    TxEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        layout = KbInitializer.init(tmp.resolve("kb"), Map.of(), Map.of());
        catalog = Catalog.open(layout.catalogFile());
        engine = new TxEngine(layout, catalog, Duration.ZERO, "kb test", n -> { }, e -> { });
        Files.writeString(layout.root().resolve("wiki/concepts/old.md"), "old concept");
        Files.writeString(layout.root().resolve("wiki/log.md"), "# Log\n\n");
        Files.createDirectories(layout.root().resolve("wiki/sources/images/doc"));
        Files.writeString(layout.root().resolve("wiki/sources/images/doc/a.png"), "A");
        Files.writeString(layout.root().resolve("wiki/sources/images/doc/b.png"), "B");
    }

    @AfterEach
    void tearDown() {
        catalog.close();
    }

    @Test
    void committedChangesStayAndLeaveNoJournalOrBackup() throws Exception {
        String[] txid = new String[1];
        engine.mutate("add", "doc", plan(), tx -> {
            txid[0] = tx.txid();
            tx.write("wiki/concepts/old.md", "new concept");
            tx.write("wiki/concepts/fresh.md", "fresh");
            tx.append("wiki/log.md", "entry\n");
            return w -> { };
        });

        assertThat(catalog.isCommitted(txid[0])).isTrue();

        assertThat(live("wiki/concepts/old.md")).hasContent("new concept");
        assertThat(live("wiki/concepts/fresh.md")).hasContent("fresh");
        assertThat(live("wiki/log.md")).hasContent("# Log\n\nentry");
        assertThat(list(layout.journals())).isZero();
        assertThat(list(layout.backups())).isZero();
    }

    @Test
    void anUncommittedTransactionIsRolledBackExactly() throws Exception {
        Path untouched = live("wiki/sources/images/doc/a.png");
        Object inodeBefore = Files.readAttributes(untouched, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertThatThrownBy(() -> engine.mutate("add", "doc", plan(), tx -> {
            tx.write("wiki/concepts/old.md", "new concept");
            tx.write("wiki/concepts/fresh.md", "fresh");
            tx.append("wiki/log.md", "entry\n");
            tx.write("wiki/sources/images/doc/b.png", "B2");
            tx.write("wiki/sources/images/doc/c.png", "C");
            tx.delete("raw/gone.md");
            throw new IOException("the body failed");
        })).hasMessage("the body failed");

        assertThat(live("wiki/concepts/old.md")).hasContent("old concept");
        assertThat(live("wiki/concepts/fresh.md")).doesNotExist();
        assertThat(live("wiki/log.md")).hasContent("# Log\n\n");
        assertThat(live("wiki/sources/images/doc/b.png")).hasContent("B");
        assertThat(live("wiki/sources/images/doc/c.png")).doesNotExist();
        assertThat(Files.readAttributes(untouched, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(inodeBefore);
        assertThat(list(layout.journals())).isZero();
        assertThat(list(layout.backups())).isZero();
    }

    /**
     * The files of a transaction are made durable together just before the commit point, not one
     * by one as they are written: a file that cannot be synced then (here: gone behind kb's back,
     * so its fsync fails) stops the commit point and everything is rolled back.
     */
    @Test
    void theFsyncsBeforeTheCommitPointDecideIt() throws Exception {
        String[] txid = new String[1];
        assertThatThrownBy(() -> engine.mutate("add", "doc", plan(), tx -> {
            txid[0] = tx.txid();
            tx.write("wiki/concepts/old.md", "new concept");
            tx.write("wiki/concepts/fresh.md", "fresh");
            tx.append("wiki/log.md", "entry\n");
            Files.delete(live("wiki/concepts/fresh.md"));
            return w -> { };
        })).isInstanceOf(IOException.class).hasMessageContaining("fresh.md");

        assertThat(catalog.isCommitted(txid[0])).isFalse();
        assertThat(live("wiki/concepts/old.md")).hasContent("old concept");
        assertThat(live("wiki/log.md")).hasContent("# Log\n\n");
        assertThat(list(layout.journals())).isZero();
        assertThat(list(layout.backups())).isZero();
    }

    @Test
    void deletingAPlannedTreeIsUndoneToo() throws Exception {
        assertThatThrownBy(() -> engine.mutate("remove", "doc", plan(), tx -> {
            tx.delete("wiki/sources/images/doc");
            assertThat(live("wiki/sources/images/doc")).doesNotExist();
            throw new IllegalStateException("the body failed");
        })).hasMessage("the body failed");

        assertThat(live("wiki/sources/images/doc/a.png")).hasContent("A");
        assertThat(live("wiki/sources/images/doc/b.png")).hasContent("B");
    }

    @Test
    void pathsOutsideThePlanAreRefused() throws Exception {
        engine.mutate("add", "doc", plan(), tx -> {
            assertThatThrownBy(() -> tx.write("wiki/summaries/other.md", "x"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not plan");
            assertThatThrownBy(() -> tx.write("wiki/log.md", "rewrite"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("APPEND");
            assertThatThrownBy(() -> tx.append("wiki/concepts/old.md", "x"))
                    .isInstanceOf(IllegalStateException.class);
            return w -> { };
        });
        assertThat(live("wiki/summaries/other.md")).doesNotExist();
    }

    @Test
    void aFailedCatalogCommitRollsTheFilesBack() throws Exception {
        assertThatThrownBy(() -> engine.mutate("add", "doc", plan(), tx -> {
            tx.write("wiki/concepts/fresh.md", "fresh");
            return w -> {
                throw new java.sql.SQLException("disk I/O error");
            };
        })).hasMessageContaining("disk I/O error");

        assertThat(live("wiki/concepts/fresh.md")).doesNotExist();
        assertThat(list(layout.journals())).isZero();
    }

    @Test
    void anAbandonedTransactionIsRolledBackByRecovery() throws Exception {
        LockToken token = engine.lock();
        Transaction tx = Transaction.begin(layout, token, "add", "doc", catalog.lastCommitSeq(), plan());
        tx.write("wiki/concepts/old.md", "half-written state");
        tx.write("wiki/concepts/fresh.md", "fresh");
        tx.append("wiki/log.md", "entry\n");
        // As if the process died here: no close, no commit; the lock goes with the "process".
        token.close();

        try (LockToken again = engine.lock()) {
            again.check();
        }

        assertThat(live("wiki/concepts/old.md")).hasContent("old concept");
        assertThat(live("wiki/concepts/fresh.md")).doesNotExist();
        assertThat(live("wiki/log.md")).hasContent("# Log\n\n");
        assertThat(list(layout.journals())).isZero();
        assertThat(list(layout.backups())).isZero();
    }

    @Test
    void rollbackIsIdempotent() throws Exception {
        LockToken token = engine.lock();
        Transaction tx = Transaction.begin(layout, token, "add", "doc", catalog.lastCommitSeq(), plan());
        tx.write("wiki/concepts/old.md", "changed");
        tx.write("wiki/sources/images/doc/c.png", "C");
        Journal journal = JournalFiles.read(layout, JournalFiles.fileFor(layout, tx.txid()));

        MutationSnapshot.restore(layout, tx.txid(), journal.entries());
        MutationSnapshot.restore(layout, tx.txid(), journal.entries());
        token.close();

        assertThat(live("wiki/concepts/old.md")).hasContent("old concept");
        assertThat(live("wiki/sources/images/doc/c.png")).doesNotExist();
        assertThat(live("wiki/sources/images/doc/a.png")).hasContent("A");
    }

    @Test
    void aCommittedTransactionWhoseCleanupWasInterruptedIsKept() throws Exception {
        LockToken token = engine.lock();
        Transaction tx = Transaction.begin(layout, token, "add", "doc", catalog.lastCommitSeq(), plan());
        tx.write("wiki/concepts/fresh.md", "fresh");
        // The commit point reached, then the process dies before removing its journal.
        engine.commitPoint().commit(tx.txid(), "add", "doc", w -> { });
        token.close();

        try (LockToken again = engine.lock()) {
            again.check();
        }

        assertThat(live("wiki/concepts/fresh.md")).hasContent("fresh");
        assertThat(list(layout.journals())).isZero();
        assertThat(list(layout.backups())).isZero();
    }

    private Plan plan() {
        return Plan.builder()
                .file("wiki/concepts/old.md")
                .file("wiki/concepts/fresh.md")
                .append("wiki/log.md")
                .tree("wiki/sources/images/doc")
                .file("raw/gone.md")
                .build();
    }

    private Path live(String rel) {
        return layout.root().resolve(rel);
    }

    private static long list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
