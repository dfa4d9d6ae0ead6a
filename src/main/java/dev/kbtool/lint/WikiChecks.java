package dev.kbtool.lint;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.compile.TopicKeys;
import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.publish.DerivedViews;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The structural checks of a wiki, shared by {@code kb lint} and {@code kb doctor}. */
final class WikiChecks {
    private WikiChecks() {
    }

    /** Every wikilink outside code must resolve as Obsidian resolves it: by path, or by a unique page name. */
    /** @param restorable link targets whose pages {@link PageRestorer} re-creates */
    static void brokenLinks(KbLayout layout, List<WikiPages.Page> pages, Set<String> restorable, List<Problem> out) {
        Set<String> names = new HashSet<>();
        for (WikiPages.Page p : pages) {
            names.add(p.link().substring(p.link().lastIndexOf('/') + 1));
        }
        names.add("AGENTS");
        for (WikiPages.Page page : pages) {
            for (String target : new LinkedHashSet<>(page.links())) {
                if (!target.isEmpty() && !resolves(layout, target, names)) {
                    out.add(Problem.error("broken-link", page.path(), "links to [[" + target + "]], which does not exist"
                            + (restorable.contains(target) ? "; kb lint --fix or kb doctor --repair re-creates it" : "")));
                }
            }
        }
    }

    static boolean resolves(KbLayout layout, String target, Set<String> names) {
        Path wiki = layout.wiki();
        return Files.exists(wiki.resolve(target + ".md")) || Files.exists(wiki.resolve(target))
                || (!target.contains("/") && names.contains(target));
    }

    static void frontmatter(List<WikiPages.Page> pages, List<Problem> out) {
        for (WikiPages.Page p : pages) {
            if (p.knowledge() && p.problem() != null) {
                out.add(Problem.error("frontmatter-invalid", p.path(), p.problem()));
            }
        }
    }

    /** Knowledge pages carry OKF {@code type} and {@code description}. */
    static void okf(List<WikiPages.Page> pages, List<Problem> out) {
        for (WikiPages.Page p : pages) {
            if (!p.knowledge() || p.frontmatter() == null) {
                continue;
            }
            for (String field : List.of("type", "description")) {
                if (p.frontmatter().text(field).map(String::isBlank).orElse(true)) {
                    out.add(Problem.error("okf-missing", p.path(), "frontmatter lacks a non-empty '" + field + "'"));
                }
            }
        }
    }

    /** Knowledge pages nothing points at (the index aside) and that point nowhere themselves. */
    static void orphans(List<WikiPages.Page> pages, List<Problem> out) {
        Set<String> linked = new HashSet<>();
        for (WikiPages.Page p : pages) {
            if (!isIndex(p)) {
                for (String target : p.links()) {
                    if (!target.equals(p.link())) {
                        linked.add(target);
                    }
                }
            }
        }
        for (WikiPages.Page p : pages) {
            boolean pointsOut = p.links().stream().anyMatch(t -> !t.equals(p.link()));
            if (p.knowledge() && !pointsOut && !linked.contains(p.link())) {
                out.add(Problem.warning("orphan-page", p.path(), "no page links here and it links nowhere"));
            }
        }
    }

    /** Concept pages whose names are the same once normalized (case, plural, hyphens). */
    static Map<String, List<WikiPages.Page>> duplicateConcepts(List<WikiPages.Page> pages) {
        Map<String, List<WikiPages.Page>> byKey = new LinkedHashMap<>();
        for (WikiPages.Page p : pages) {
            if (!p.in("concepts")) {
                continue;
            }
            String title = p.frontmatter() == null ? null : p.frontmatter().text("title").orElse(null);
            String stem = p.link().substring("concepts/".length());
            String key = TopicKeys.concept(title != null && !title.isBlank() ? title : stem.replace('-', ' '));
            byKey.computeIfAbsent(key.isEmpty() ? stem : key, k -> new ArrayList<>()).add(p);
        }
        byKey.values().removeIf(list -> list.size() < 2);
        return byKey;
    }

    static void duplicates(List<WikiPages.Page> pages, List<Problem> out) {
        duplicateConcepts(pages).forEach((key, list) -> {
            for (WikiPages.Page p : list.subList(1, list.size())) {
                out.add(Problem.warning("duplicate-concept", p.path(), "same concept as " + list.get(0).path()
                        + " (normalized: " + key + "); kb lint --fix merges them"));
            }
        });
    }

    /**
     * Every document has its files, and every file in raw/, sources/ and summaries/ has a
     * document — except a raw copy that {@code kb remove --keep-raw} kept on purpose.
     *
     * @param removed names of documents a {@code kb remove} took away
     */
    static void catalogFiles(KbLayout layout, List<DocumentRecord> documents, Collection<String> removed,
            List<Problem> out) throws IOException {
        Set<String> keptRaw = new HashSet<>();
        removed.forEach(name -> keptRaw.add(name.toLowerCase(Locale.ROOT)));
        Set<String> owned = new HashSet<>();
        Set<String> imageDirs = new HashSet<>();
        for (DocumentRecord d : documents) {
            for (String path : List.of(d.rawPath(), d.sourcePath(), d.summaryPath())) {
                owned.add(path);
                if (!Files.isRegularFile(layout.root().resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                    boolean compilable = path.equals(d.summaryPath())
                            && Files.isRegularFile(layout.root().resolve(d.sourcePath()), LinkOption.NOFOLLOW_LINKS);
                    out.add(Problem.error("document-file-missing", path, "document " + d.name() + " lacks this file; "
                            + (compilable ? "kb lint --fix or kb doctor --repair re-creates it"
                                    : "add it again or kb remove it")));
                }
            }
            imageDirs.add("wiki/sources/images/" + d.name());
        }
        for (Path dir : List.of(layout.raw(), layout.sources(), layout.summaries(), layout.images())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.sorted().toList()) {
                    String rel = layout.relative(p);
                    if (p.equals(layout.images()) || AtomicFiles.isTemp(p) || owned.contains(rel)
                            || imageDirs.contains(rel) || dir.equals(layout.raw()) && keptRaw.contains(stem(p))) {
                        continue;
                    }
                    out.add(Problem.warning("file-without-document", rel,
                            "no document in the catalog owns this; add it with kb add, or delete it"));
                }
            }
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }

    static void index(TxEngine engine, List<Problem> out) throws IOException {
        Catalog catalog = engine.catalog();
        if (catalog.viewsPending() && !catalog.viewsAbandoned()) {
            // A running kb committed content and renders the index at the end of its batch:
            // work in progress, not damage.
            return;
        }
        for (String page : DerivedViews.outOfSync(engine)) {
            out.add(Problem.warning("index-out-of-sync", page,
                    "does not match the catalog; kb lint --fix or kb doctor --repair re-renders it"));
        }
    }

    private static boolean isIndex(WikiPages.Page p) {
        return p.path().equals("wiki/index.md") || p.in("index");
    }
}
