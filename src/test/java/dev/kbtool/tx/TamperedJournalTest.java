package dev.kbtool.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals that must not be executed: each is quarantined with its backup, nothing outside
 * the KB is touched, mutating commands refuse until a person resolves it, read-only ones work.
 */
class TamperedJournalTest {
    private static final String TXID = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;
    Kb kb;
    KbLayout layout;
    Path outside;

    @BeforeEach
    void setUp() throws Exception {
        kb = new Kb(tmp).env("KB_DIR", tmp.resolve("kb").toString());
        kb.run("init", "kb");
        layout = new KbLayout(tmp.resolve("kb"));
        Fixtures.write(tmp.resolve("docs/a.md"), "Alpha document.\n");
        assertThat(kb.run("add", "docs").code()).isZero();
        outside = Fixtures.write(tmp.resolve("outside/victim.txt"), "must survive");
    }

    @Test
    void notJson() throws Exception {
        Files.writeString(JournalFiles.fileFor(layout, TXID), "{ this is not json");
        assertQuarantined("unreadable journal");
        assertAPersonCanResolveIt();
    }

    @Test
    void checksumMismatch() throws Exception {
        // Executed, this journal would delete a.md (it records it as absent before the change).
        writeJournal(List.of(new JournalEntry("wiki/summaries/a.md", JournalEntry.ABSENT, 0)), 0);
        Path file = JournalFiles.fileFor(layout, TXID);
        Files.writeString(file, Files.readString(file).replace("\"add\"", "\"del\""));
        assertQuarantined("checksum mismatch");
    }

    @Test
    void pathOutsideTheKb() throws Exception {
        writeJournal(List.of(new JournalEntry("../outside/victim.txt", JournalEntry.ABSENT, 0)), 0);
        assertQuarantined("leaves the knowledge base");
    }

    @Test
    void absolutePath() throws Exception {
        writeJournal(List.of(new JournalEntry(outside.toString(), JournalEntry.ABSENT, 0)), 0);
        assertQuarantined("not a relative KB path");
    }

    @Test
    void pathThroughASymbolicLink() throws Exception {
        Files.createSymbolicLink(layout.concepts().resolve("link"), outside.getParent());
        writeJournal(List.of(new JournalEntry("wiki/concepts/link/victim.txt", JournalEntry.ABSENT, 0)), 0);
        assertQuarantined("symbolic link");
        Files.delete(layout.concepts().resolve("link"));
        assertAPersonCanResolveIt();
    }

    @Test
    void pathIntoKbState() throws Exception {
        writeJournal(List.of(new JournalEntry(".kb/kb.db", JournalEntry.ABSENT, 0)), 0);
        assertQuarantined("state folder");
        assertThat(layout.catalogFile()).isRegularFile();
        assertThat(kb.run("list").out()).contains("a");
    }

    @Test
    void missingBeforeImage() throws Exception {
        writeJournal(List.of(new JournalEntry("wiki/summaries/a.md", JournalEntry.FILE, 0)), 0);
        assertQuarantined("before-image missing");
        assertThat(layout.summaries().resolve("a.md")).exists();
    }

    @Test
    void aJournalThatKeptFailingIsQuarantinedWithItsBackup() throws Exception {
        Path backup = Fixtures.write(layout.backups().resolve(TXID + "/wiki/summaries/a.md"), "old summary");
        writeJournal(List.of(new JournalEntry("wiki/summaries/a.md", JournalEntry.FILE, 0)), Recovery.MAX_ATTEMPTS);
        assertQuarantined("rollback failed");
        assertThat(backup).doesNotExist();
        assertThat(layout.quarantine().resolve(TXID + "/backup/wiki/summaries/a.md")).hasContent("old summary");
        assertAPersonCanResolveIt();
    }

    @Test
    void aStaleJournalIsSetAsideUnexecutedAndBlocksNothing() throws Exception {
        // A journal of a transaction that began before the last commit: put back from a backup,
        // say. Executed, it would delete the committed document's summary.
        writeJournal(List.of(new JournalEntry("wiki/summaries/a.md", JournalEntry.ABSENT, 0)), 0,
                lastCommitSeq() - 1);

        Kb.Result add = kb.run("add", "docs");

        assertThat(add.code()).as(add.toString()).isZero();
        assertThat(add.err()).contains("set aside a stale journal");
        assertThat(layout.summaries().resolve("a.md")).exists();
        assertThat(layout.quarantine().resolve(TXID + "/journal.json")).exists();
        Kb.Result doctor = kb.run("doctor");
        assertThat(doctor.code()).as(doctor.toString()).isZero();
        assertThat(doctor.out()).contains("journal-set-aside");
    }

    @Test
    void aTreeEntryForTheWholeWikiIsNeverExecuted() throws Exception {
        Files.createDirectories(layout.backups().resolve(TXID + "/wiki"));
        writeJournal(List.of(new JournalEntry("wiki", JournalEntry.TREE, 0)), 0);
        assertQuarantined("kb never journals tree wiki");
        assertThat(layout.summaries().resolve("a.md")).exists();
    }

    @Test
    void aFifoNamedLikeAJournalIsNotOpened() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", JournalFiles.fileFor(layout, TXID).toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        // Opened, a FIFO with no writer would block the command for ever.
        Kb.Result mutate = kb.run("add", "docs");

        assertThat(mutate.code()).as(mutate.toString()).isEqualTo(75);
        assertThat(mutate.err()).contains("not a regular file");
        assertThat(layout.quarantine().resolve(TXID + "/reason.txt")).content().contains("not a regular file");
        assertThat(layout.journals()).isEmptyDirectory();
    }

    @Test
    void aJournalTooLargeToBeOneIsNotRead() throws Exception {
        try (var file = new java.io.RandomAccessFile(JournalFiles.fileFor(layout, TXID).toFile(), "rw")) {
            file.setLength(JournalFiles.MAX_BYTES + 1);
        }
        assertQuarantined("too large for a journal");
    }

    @Test
    void aFileThatIsNoJournalIsLeftAloneAndBlocksNothing() throws Exception {
        Path notes = Fixtures.write(layout.journals().resolve("notes.txt"), "my notes");

        assertThat(kb.run("add", "docs").code()).isZero();

        assertThat(notes).hasContent("my notes");
        assertThat(layout.quarantine()).isEmptyDirectory();
        Kb.Result doctor = kb.run("doctor");
        assertThat(doctor.code()).as(doctor.toString()).isZero();
        assertThat(doctor.out()).contains("stray-file", ".kb/journal/notes.txt");
    }

    private void writeJournal(List<JournalEntry> entries, int attempts) throws Exception {
        writeJournal(entries, attempts, lastCommitSeq());
    }

    private void writeJournal(List<JournalEntry> entries, int attempts, long catalogSeq) throws Exception {
        JournalFiles.write(layout, new Journal(Journal.VERSION, TXID, "add", "evil", "active",
                Instant.now().toString(), attempts, catalogSeq, entries));
    }

    private long lastCommitSeq() {
        try (Catalog catalog = Catalog.open(layout.catalogFile())) {
            return catalog.lastCommitSeq();
        }
    }

    private void assertQuarantined(String reason) throws Exception {
        String outsideBefore = Files.readString(outside);

        Kb.Result mutate = kb.run("add", "docs");
        Kb.Result list = kb.run("list");
        Kb.Result doctor = kb.run("doctor", "--json");
        Kb.Result again = kb.run("add", "docs");

        assertThat(outside).hasContent(outsideBefore);
        assertThat(mutate.code()).as(mutate.toString()).isEqualTo(75);
        assertThat(mutate.err()).contains("quarantined", "kb doctor");
        assertThat(again.code()).isEqualTo(75);
        assertThat(list.code()).isZero();
        assertThat(doctor.code()).isEqualTo(1);
        assertThat(doctor.out()).contains("\"code\":\"journal-quarantined\"").contains(reason);
        assertThat(layout.journals()).isEmptyDirectory();
        Path q = layout.quarantine().resolve(TXID);
        assertThat(q.resolve("journal.json")).isRegularFile();
        assertThat(q.resolve("reason.txt")).content().contains(reason);
        assertThat(layout.summaries().resolve("a.md")).exists();
    }

    private void assertAPersonCanResolveIt() throws Exception {
        Files.move(layout.quarantine().resolve(TXID), tmp.resolve("inspected"));
        assertThat(kb.run("add", "docs").code()).isZero();
        assertThat(kb.run("doctor").code()).isZero();
    }

}
