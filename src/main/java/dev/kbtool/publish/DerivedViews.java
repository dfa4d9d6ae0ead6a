package dev.kbtool.publish;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.catalog.PageKind;
import dev.kbtool.catalog.PageRecord;
import dev.kbtool.catalog.TopicKind;
import dev.kbtool.catalog.TopicRecord;
import dev.kbtool.layout.DocumentNames;
import dev.kbtool.render.IndexPages;
import dev.kbtool.render.Wikilinks;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pages rendered from the catalog (the index), refreshed once at the end of a command, in a
 * transaction of their own. The catalog remembers a hash of every derived page as written,
 * so a refresh writes only the pages whose content changed — a bounded few per added
 * document — and never reads the others back.
 */
public final class DerivedViews {
    private DerivedViews() {
    }

    /** Writes the index pages that changed and removes those no longer needed; returns how many changed. */
    public static int refresh(TxEngine engine) throws IOException {
        return refresh(engine, false);
    }

    /**
     * @param checkDisk compare with the files on disk rather than the recorded hashes, so pages
     *                  edited by hand are put back too ({@code kb doctor --repair}, {@code kb lint --fix});
     *                  what a person wrote in kb's part is kept in the catalog, their text around it
     *                  stays on the page
     */
    public static int refresh(TxEngine engine, boolean checkDisk) throws IOException {
        return engine.mutate(() -> {
            Catalog catalog = engine.catalog();
            Map<String, String> pages = IndexPages.render(input(catalog));
            Map<String, String> recorded = catalog.derivedPages();
            Map<String, String> changed = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : pages.entrySet()) {
                boolean same = checkDisk ? shows(engine, e.getKey(), e.getValue())
                        : DocumentNames.sha256(e.getValue()).equals(recorded.get(e.getKey()));
                if (!same) {
                    changed.put(e.getKey(), e.getValue());
                }
            }
            List<String> gone = new ArrayList<>();
            for (String path : recorded.keySet()) {
                if (!pages.containsKey(path) && (!checkDisk || read(engine, path) != null)) {
                    gone.add(path);
                }
            }
            // With nothing to write, a pending mark is still cleared, by an empty render, so
            // that other commands do not render again for nothing.
            if (changed.isEmpty() && gone.isEmpty() && !catalog.viewsPending()) {
                return TxEngine.Mutation.none(0);
            }
            Plan.Builder plan = Plan.builder();
            changed.keySet().forEach(plan::file);
            gone.forEach(plan::file);
            // A repair asked for (checkDisk) takes kb's index back over a person's edit of kb's part;
            // their version is kept in the catalog (replaced_pages). Otherwise their edit stands.
            PageWriter writer = new PageWriter(engine.layout(), catalog, checkDisk, null);
            return TxEngine.Mutation.of(Catalog.RENDER, "index", plan.build(), tx -> {
                for (Map.Entry<String, String> e : changed.entrySet()) {
                    writer.write(tx, e.getKey(), e.getValue());
                }
                for (String path : gone) {
                    writer.delete(tx, path);
                }
                return w -> {
                    writer.record(w);
                    for (Map.Entry<String, String> e : changed.entrySet()) {
                        w.putDerivedPage(e.getKey(), DocumentNames.sha256(e.getValue()));
                    }
                    for (String path : gone) {
                        w.putDerivedPage(path, null);
                    }
                    for (Map.Entry<String, String> e : pages.entrySet()) {
                        if (checkDisk && !changed.containsKey(e.getKey())) {
                            w.putDerivedPage(e.getKey(), DocumentNames.sha256(e.getValue()));
                        }
                    }
                };
            }, changed.size() + gone.size());
        });
    }

    /** The derived pages that differ on disk from what the catalog says they should be. */
    public static List<String> outOfSync(TxEngine engine) throws IOException {
        Map<String, String> pages = IndexPages.render(input(engine.catalog()));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : pages.entrySet()) {
            if (!shows(engine, e.getKey(), e.getValue())) {
                out.add(e.getKey());
            }
        }
        for (String recorded : engine.catalog().derivedPages().keySet()) {
            if (!pages.containsKey(recorded) && read(engine, recorded) != null) {
                out.add(recorded);
            }
        }
        return out;
    }

    /** Whether the page on disk shows this rendering as kb's part (what a person wrote around it aside). */
    private static boolean shows(TxEngine engine, String path, String rendered) throws IOException {
        String current = read(engine, path);
        return current != null && PageWriter.shows(current, rendered);
    }

    static IndexPages.Input input(Catalog catalog) {
        Map<String, PageRecord> summaries = new HashMap<>();
        for (PageRecord p : catalog.pages(PageKind.SUMMARY)) {
            summaries.put(p.document(), p);
        }
        List<DocumentRecord> docs = catalog.documents();
        List<IndexPages.Entry> documents = new ArrayList<>();
        for (DocumentRecord d : docs) {
            documents.add(new IndexPages.Entry(d.name(), documentLine(d, summaries.get(d.name()))));
        }
        List<IndexPages.Entry> recent = docs.stream()
                .sorted(Comparator.comparing(DocumentRecord::addedAt).reversed().thenComparing(DocumentRecord::name))
                .limit(IndexPages.RECENT)
                .map(d -> new IndexPages.Entry(d.name(), documentLine(d, summaries.get(d.name())))).toList();
        Topics concepts = Topics.of(catalog, TopicKind.CONCEPT);
        Topics entities = Topics.of(catalog, TopicKind.ENTITY);
        List<IndexPages.Entry> answers = new ArrayList<>();
        for (PageRecord p : catalog.pages(PageKind.ANSWER)) {
            String link = p.path().substring(0, p.path().length() - ".md".length());
            answers.add(new IndexPages.Entry(link, "- " + Wikilinks.link(link, p.title())));
        }
        return new IndexPages.Input(documents, recent, concepts.all(), concepts.top(), entities.all(), entities.top(),
                answers);
    }

    private static String documentLine(DocumentRecord d, PageRecord summary) {
        String title = summary != null ? summary.title() : d.name();
        StringBuilder line = new StringBuilder("- ").append(Wikilinks.link("summaries/" + d.name(), title))
                .append(" (").append(d.type()).append(')');
        return describe(line, d.description());
    }

    /** One kind's listing lines: every topic by name, and the most connected with their counts. */
    private record Topics(List<IndexPages.Entry> all, List<IndexPages.Entry> top) {
        static Topics of(Catalog catalog, TopicKind kind) {
            List<TopicRecord> topics = catalog.topics(kind);
            List<IndexPages.Entry> all = new ArrayList<>();
            for (TopicRecord t : topics) {
                all.add(new IndexPages.Entry(t.key(), describe(head(kind, t), t.description())));
            }
            Map<String, Integer> counts = catalog.contributionCounts(kind);
            List<IndexPages.Entry> top = new ArrayList<>();
            topics.stream()
                    .sorted(Comparator.comparing((TopicRecord t) -> -counts.getOrDefault(t.key(), 0))
                            .thenComparing(TopicRecord::key))
                    .limit(IndexPages.RECENT)
                    .forEach(t -> {
                        int n = counts.getOrDefault(t.key(), 0);
                        top.add(new IndexPages.Entry(t.key(), head(kind, t).append(" — ").append(n)
                                .append(n == 1 ? " document" : " documents").toString()));
                    });
            return new Topics(all, top);
        }

        private static StringBuilder head(TopicKind kind, TopicRecord t) {
            StringBuilder line = new StringBuilder("- ").append(Wikilinks.link(kind.link(t.key()), t.name()));
            if (kind == TopicKind.ENTITY) {
                line.append(" (").append(t.type().toLowerCase(Locale.ROOT)).append(')');
            }
            return line;
        }
    }

    private static String describe(StringBuilder line, String description) {
        if (description != null && !description.isBlank()) {
            line.append(" — ").append(description.strip().replace('\n', ' '));
        }
        return line.toString();
    }

    private static String read(TxEngine engine, String path) throws IOException {
        try {
            return Files.readString(engine.layout().root().resolve(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
