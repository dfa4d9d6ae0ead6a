package dev.kbtool.lint;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.publish.DerivedViews;
import dev.kbtool.tx.LockToken;
import dev.kbtool.tx.Quarantine;
import dev.kbtool.tx.Recovery;
import dev.kbtool.tx.StagingLease;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Checks every invariant of a knowledge base, read-only: transaction state (journals,
 * quarantine, staging, backups, temp files), the catalog's own integrity, catalog against
 * files in both directions, frontmatter, and the derived index.
 */
public final class Doctor {
    private final KbLayout layout;
    private final Catalog catalog;
    private final TxEngine engine;
    private final PageRestorer restorer;
    private final Consumer<String> notices;

    /**
     * @param restorer re-creates generated pages a person deleted, on {@link #repairThenCheck()}
     * @param notices  where a repair tells what it re-created
     */
    public Doctor(TxEngine engine, PageRestorer restorer, Consumer<String> notices) {
        this.engine = engine;
        this.restorer = restorer;
        this.notices = notices;
        this.layout = engine.layout();
        this.catalog = engine.catalog();
    }

    /**
     * Checks under the KB lock, waiting for a command that is changing the KB: its journal,
     * temp files and half-published pages would otherwise read as damage. Someone who may
     * only read the KB cannot take its lock, and is shown things as they are.
     */
    public List<Problem> check() throws IOException {
        if (!Files.isWritable(layout.lockFile())) {
            return checkNow();
        }
        try (LockToken token = engine.lockToRead()) {
            return checkNow();
        }
    }

    /**
     * Runs recovery and re-creates deleted generated pages, then removes leftover temp files,
     * re-renders derived views and checks under one lock.
     */
    public List<Problem> repairThenCheck() throws IOException, InterruptedException {
        PageRestorer.Report restored = restorer.restore(new Cancellation());
        if (restored.pages() > 0) {
            notices.accept("re-created " + restored.pages() + " deleted page(s) from the catalog");
        }
        try (LockToken token = engine.lock()) {
            for (Path tmp : tempFiles()) {
                Files.deleteIfExists(tmp);
            }
            DerivedViews.refresh(engine, true);
            return checkNow();
        }
    }

    private List<Problem> checkNow() throws IOException {
        List<Problem> problems = new ArrayList<>();
        transactionState(problems);
        String integrity = catalog.pragma("integrity_check");
        if (!"ok".equals(integrity)) {
            problems.add(Problem.error("catalog-integrity", layout.relative(layout.catalogFile()),
                    "SQLite integrity check failed: " + integrity));
        }
        WikiChecks.catalogFiles(layout, catalog.documents(), catalog.removedDocumentNames(), problems);
        List<WikiPages.Page> pages = WikiPages.load(layout);
        WikiChecks.frontmatter(pages, problems);
        WikiChecks.brokenLinks(layout, pages, PageRestorer.restorableLinks(layout, catalog), problems);
        WikiChecks.index(engine, problems);
        return problems;
    }

    private void transactionState(List<Problem> problems) throws IOException {
        for (Recovery.Pending p : Recovery.pending(layout)) {
            problems.add(p.problem() == null
                    ? Problem.error("journal-pending", p.file(), "unfinished transaction (" + p.description()
                            + "); the next mutating command or kb doctor --repair rolls it back")
                    : Problem.error("journal-invalid", p.file(), p.problem()
                            + "; the next mutating command moves it to .kb/quarantine without executing it"));
        }
        for (Quarantine.Item q : Quarantine.list(layout)) {
            if (!q.blocking()) {
                problems.add(Problem.warning("journal-set-aside", q.path(), q.reason()
                        + ". Kept for you to inspect; it blocks nothing, and you may delete the folder"));
                continue;
            }
            problems.add(Problem.error("journal-quarantined", q.path(), q.reason()
                    + ". Inspect the folder (journal.json lists the paths, backup/ holds their before-images),"
                    + " restore what you need by hand, then move the folder out of .kb/quarantine;"
                    + " until then commands that change the knowledge base refuse to run"));
        }
        for (Path stale : StagingLease.stale(layout, false)) {
            problems.add(Problem.error("staging-stale", layout.relative(stale),
                    "staging left by a kb process that died; kb doctor --repair removes it"));
        }
        for (String orphan : Recovery.orphanedBackups(layout)) {
            problems.add(Problem.error("backup-orphaned", orphan,
                    "backup without a journal; kb doctor --repair removes it"));
        }
        for (var held : catalog.heldPages()) {
            problems.add(Problem.warning("page-edited", held.path(), "a person edited kb's part of this page, so kb left"
                    + " it as they did and set its own update aside"
                    + (held.document() != null ? "; keep it, or take kb's version with kb recompile --discard-edits "
                    + held.document() : "; keep it, or take kb's version with kb doctor --repair")));
        }
        for (Path stray : Recovery.strayFiles(layout)) {
            problems.add(Problem.warning("stray-file", layout.relative(stray),
                    "not a kb journal, so recovery leaves it alone; move it out of .kb/journal"));
        }
        for (Path tmp : tempFiles()) {
            problems.add(Problem.error("temp-file", layout.relative(tmp),
                    "temporary file of an interrupted write; kb doctor --repair removes it"));
        }
    }

    private List<Path> tempFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        // Only the top of .kb: its subfolders are staging, backups and quarantine, which have
        // checks of their own.
        found.addAll(tempFilesIn(layout.state(), 1));
        for (Path dir : List.of(layout.raw(), layout.wiki(), layout.journals())) {
            found.addAll(tempFilesIn(dir, Integer.MAX_VALUE));
        }
        return found;
    }

    private static List<Path> tempFilesIn(Path dir, int depth) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir, depth)) {
                walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && AtomicFiles.isTemp(p))
                        .forEach(found::add);
            }
        }
        return found;
    }

}
