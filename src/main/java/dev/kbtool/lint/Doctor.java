package dev.kbtool.lint;

import dev.kbtool.compile.DerivedViews;
import dev.kbtool.compile.Frontmatter;
import dev.kbtool.compile.Wikilinks;
import dev.kbtool.kb.Catalog;
import dev.kbtool.kb.DocumentRecord;
import dev.kbtool.kb.KbLayout;
import dev.kbtool.tx.AtomicFiles;
import dev.kbtool.tx.Quarantine;
import dev.kbtool.tx.Recovery;
import dev.kbtool.tx.StagingLease;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    public Doctor(TxEngine engine) {
        this.engine = engine;
        this.layout = engine.layout();
        this.catalog = engine.catalog();
    }

    public List<Problem> check() throws IOException {
        List<Problem> problems = new ArrayList<>();
        transactionState(problems);
        String integrity = catalog.pragma("integrity_check");
        if (!"ok".equals(integrity)) {
            problems.add(new Problem("catalog-integrity", layout.relative(layout.catalogFile()),
                    "SQLite integrity check failed: " + integrity));
        }
        List<DocumentRecord> documents = catalog.documents();
        documentsHaveFiles(documents, problems);
        filesHaveDocuments(documents, problems);
        frontmatter(problems);
        brokenLinks(problems);
        for (String page : DerivedViews.outOfSync(engine)) {
            problems.add(new Problem("index-out-of-sync", page,
                    "this index page does not match the catalog; kb doctor --repair re-renders it"));
        }
        return problems;
    }

    /** Runs recovery under the lock, removes leftover temp files and re-renders derived views. */
    public void repair() throws IOException {
        try (var token = engine.lock()) {
            for (Path tmp : tempFiles()) {
                Files.deleteIfExists(tmp);
            }
            DerivedViews.refresh(engine, true);
        }
    }

    private void transactionState(List<Problem> problems) throws IOException {
        for (Recovery.Pending p : Recovery.pending(layout)) {
            problems.add(p.problem() == null
                    ? new Problem("journal-pending", p.file(), "unfinished transaction (" + p.description()
                            + "); the next mutating command or kb doctor --repair rolls it back")
                    : new Problem("journal-invalid", p.file(), p.problem()
                            + "; the next mutating command moves it to .kb/quarantine without executing it"));
        }
        for (Quarantine.Item q : Quarantine.list(layout)) {
            problems.add(new Problem("journal-quarantined", q.path(), q.reason()
                    + ". Inspect the folder (journal.json lists the paths, backup/ holds their before-images),"
                    + " restore what you need by hand, then move the folder out of .kb/quarantine;"
                    + " until then commands that change the knowledge base refuse to run"));
        }
        for (Path stale : StagingLease.stale(layout, false)) {
            problems.add(new Problem("staging-stale", layout.relative(stale),
                    "staging left by a kb process that died; kb doctor --repair removes it"));
        }
        for (String orphan : Recovery.orphanedBackups(layout)) {
            problems.add(new Problem("backup-orphaned", orphan,
                    "backup without a journal; kb doctor --repair removes it"));
        }
        for (Path tmp : tempFiles()) {
            problems.add(new Problem("temp-file", layout.relative(tmp),
                    "temporary file of an interrupted write; kb doctor --repair removes it"));
        }
    }

    private List<Path> tempFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path dir : List.of(layout.raw(), layout.wiki(), layout.journals())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && AtomicFiles.isTemp(p))
                        .forEach(found::add);
            }
        }
        return found;
    }

    private void documentsHaveFiles(List<DocumentRecord> documents, List<Problem> problems) {
        for (DocumentRecord d : documents) {
            for (String path : List.of(d.rawPath(), d.sourcePath(), d.summaryPath())) {
                if (!Files.isRegularFile(layout.root().resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(new Problem("document-file-missing", path,
                            "document " + d.name() + " lacks this file; re-add the document or kb remove it"));
                }
            }
        }
    }

    private void filesHaveDocuments(List<DocumentRecord> documents, List<Problem> problems) throws IOException {
        Set<String> owned = new HashSet<>();
        Set<String> imageDirs = new HashSet<>();
        for (DocumentRecord d : documents) {
            owned.add(d.rawPath());
            owned.add(d.sourcePath());
            owned.add(d.summaryPath());
            imageDirs.add("wiki/sources/images/" + d.name());
        }
        for (Path dir : List.of(layout.raw(), layout.sources(), layout.summaries())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.sorted().toList()) {
                    String rel = layout.relative(p);
                    if (p.equals(layout.images()) || AtomicFiles.isTemp(p) || owned.contains(rel)) {
                        continue;
                    }
                    problems.add(new Problem("file-without-document", rel,
                            "no document in the catalog owns this file; add it with kb add or remove it"));
                }
            }
        }
        if (Files.isDirectory(layout.images())) {
            try (Stream<Path> list = Files.list(layout.images())) {
                for (Path p : list.sorted().toList()) {
                    String rel = layout.relative(p);
                    if (!imageDirs.contains(rel)) {
                        problems.add(new Problem("file-without-document", rel,
                                "images of no document in the catalog"));
                    }
                }
            }
        }
    }

    /** Every wikilink outside code must resolve, as Obsidian resolves it: by path, or by a unique name. */
    private void brokenLinks(List<Problem> problems) throws IOException {
        if (!Files.isDirectory(layout.wiki())) {
            return;
        }
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(layout.wiki())) {
            pages = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && p.toString().endsWith(".md")
                    && !AtomicFiles.isTemp(p)).sorted().toList();
        }
        Set<String> names = new HashSet<>();
        for (Path p : pages) {
            String file = p.getFileName().toString();
            names.add(file.substring(0, file.length() - 3));
        }
        for (Path page : pages) {
            if (page.equals(layout.agentsFile())) {
                continue;
            }
            String text;
            try {
                text = Files.readString(page, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException e) {
                continue;
            }
            for (String target : new LinkedHashSet<>(Wikilinks.targets(text))) {
                if (target.isEmpty() || resolves(target, names)) {
                    continue;
                }
                problems.add(new Problem("broken-link", layout.relative(page),
                        "links to [[" + target + "]], which does not exist"));
            }
        }
    }

    private boolean resolves(String target, Set<String> names) {
        Path wiki = layout.wiki();
        if (Files.exists(wiki.resolve(target + ".md")) || Files.exists(wiki.resolve(target))) {
            return true;
        }
        return !target.contains("/") && names.contains(target);
    }

    private void frontmatter(List<Problem> problems) throws IOException {
        for (Path dir : List.of(layout.summaries(), layout.concepts(), layout.entities())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.filter(f -> f.toString().endsWith(".md") && !AtomicFiles.isTemp(f)).sorted().toList()) {
                    try {
                        Frontmatter.parse(Files.readString(p, StandardCharsets.UTF_8));
                    } catch (Frontmatter.InvalidFrontmatter e) {
                        problems.add(new Problem("frontmatter-invalid", layout.relative(p), e.getMessage()));
                    } catch (java.nio.charset.MalformedInputException e) {
                        problems.add(new Problem("frontmatter-invalid", layout.relative(p), "not valid UTF-8"));
                    }
                }
            }
        }
    }
}
