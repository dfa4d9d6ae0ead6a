package dev.kbtool.publish;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.CatalogWriter;
import dev.kbtool.catalog.ContributionRecord;
import dev.kbtool.catalog.PageRecord;
import dev.kbtool.catalog.TopicKind;
import dev.kbtool.catalog.TopicRecord;
import dev.kbtool.compile.CompileUsage;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.TopicCandidate;
import dev.kbtool.layout.DocumentNames;
import dev.kbtool.render.TopicPage;
import dev.kbtool.render.Wikilinks;
import dev.kbtool.search.SearchRows;
import dev.kbtool.text.ShortText;
import dev.kbtool.tx.Transaction;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The merge half of compiling, run in a document's commit: its concept and entity
 * candidates become its contributions, and every topic it touches (now or before, when a
 * changed document is re-added) gets its page re-rendered from the catalog. A document adds
 * or replaces only its own contribution; pages are never rewritten wholesale, and the work
 * per document is bounded by the topics it touches, whatever the size of the KB.
 */
public final class TopicMerger {
    /**
     * @param maxConcepts concepts taken per document
     * @param maxEntities entities taken per document
     * @param shownInFull contributions a page shows in full
     * @param shownLinked further contributing documents a page links to
     */
    public record Limits(int maxConcepts, int maxEntities, int shownInFull, int shownLinked) {
        public static final Limits DEFAULT = new Limits(10, 10, 12, 50);
    }

    private final Catalog catalog;
    private final Limits limits;

    public TopicMerger(Catalog catalog, Limits limits) {
        this.catalog = catalog;
        this.limits = limits;
    }

    /** The page changes of one document's merge, computed under the lock before its transaction starts. */
    public Merge plan(String document, String documentTitle, DocumentAnalysis analysis) {
        return plan(document, documentTitle, analysis, false);
    }

    /**
     * The page changes of a document leaving: its contributions go; topics left without any
     * are deleted, or with {@code keepEmpty} kept as pages without contributions.
     */
    public Merge planRemoval(String document, boolean keepEmpty) {
        DocumentAnalysis none = new DocumentAnalysis(document, "", List.of(), List.of(), List.of(), CompileUsage.NONE);
        return plan(document, document, none, keepEmpty);
    }

    private Merge plan(String document, String documentTitle, DocumentAnalysis analysis, boolean keepEmpty) {
        Map<TopicKind, Map<String, ContributionRecord>> mine = new LinkedHashMap<>();
        Map<TopicKind, Map<String, TopicCandidate>> candidates = new LinkedHashMap<>();
        take(TopicKind.CONCEPT, analysis.concepts(), limits.maxConcepts(), document, mine, candidates);
        take(TopicKind.ENTITY, analysis.entities(), limits.maxEntities(), document, mine, candidates);
        // A name that is both a concept and an entity in one document is kept as the entity.
        mine.get(TopicKind.CONCEPT).keySet().removeAll(mine.get(TopicKind.ENTITY).keySet());

        Set<String> touched = new LinkedHashSet<>();
        for (ContributionRecord old : catalog.contributionsOf(document)) {
            touched.add(old.kind().dbName() + "/" + old.key());
        }
        Set<String> previouslyMine = Set.copyOf(touched);
        mine.forEach((kind, byKey) -> byKey.keySet().forEach(k -> touched.add(kind.dbName() + "/" + k)));

        List<Change> changes = new ArrayList<>();
        for (String t : touched) {
            TopicKind kind = TopicKind.valueOf(t.substring(0, t.indexOf('/')).toUpperCase(Locale.ROOT));
            String key = t.substring(t.indexOf('/') + 1);
            changes.add(change(kind, key, document, documentTitle, mine.get(kind).get(key),
                    candidates.get(kind).get(key), previouslyMine.contains(t), keepEmpty));
        }
        List<ContributionRecord> contributions = new ArrayList<>();
        mine.values().forEach(m -> contributions.addAll(m.values()));
        return new Merge(document, changes, contributions);
    }

    private void take(TopicKind kind, List<TopicCandidate> list, int max, String document,
            Map<TopicKind, Map<String, ContributionRecord>> mine, Map<TopicKind, Map<String, TopicCandidate>> seen) {
        Map<String, ContributionRecord> byKey = new LinkedHashMap<>();
        Map<String, TopicCandidate> cands = new LinkedHashMap<>();
        List<TopicCandidate> ranked = new ArrayList<>(list);
        ranked.sort(Comparator.comparingDouble(TopicCandidate::score).reversed());
        for (TopicCandidate c : ranked) {
            String key = safeKey(c.key());
            if (key.isEmpty() || byKey.containsKey(key) || c.contribution() == null || c.contribution().isBlank()) {
                continue;
            }
            if (byKey.size() >= max) {
                break;
            }
            byKey.put(key, new ContributionRecord(kind, key, document, c.name(), c.contribution().strip(), c.score()));
            cands.put(key, c);
        }
        mine.put(kind, byKey);
        seen.put(kind, cands);
    }

    private Change change(TopicKind kind, String key, String document, String documentTitle, ContributionRecord mine,
            TopicCandidate candidate, boolean hadMine, boolean keepEmpty) {
        int cap = limits.shownInFull() + limits.shownLinked();
        List<ContributionRecord> ranked = new ArrayList<>();
        for (ContributionRecord c : catalog.topContributions(kind, key, cap + 1)) {
            if (!c.document().equals(document)) {
                ranked.add(c);
            }
        }
        int total = catalog.contributionCount(kind, key) - (hadMine ? 1 : 0) + (mine != null ? 1 : 0);
        String path = kind.pagePath(key);
        Optional<TopicRecord> existing = catalog.topic(kind, key);
        if (total == 0 && keepEmpty && existing.isPresent()) {
            return new Change(kind, key, path, existing.get(), TopicPage.render(existing.get(), List.of(), List.of(), 0),
                    existing.get().description());
        }
        if (total == 0) {
            return new Change(kind, key, path, null, null, null);
        }
        if (mine != null) {
            ranked.add(mine);
        }
        TopicRecord topic = header(kind, key, existing, candidate, best(ranked));
        Rendered r = render(topic, ranked, total, docs -> {
            Map<String, String> titles = catalog.documentTitles(docs);
            titles.computeIfPresent(document, (d, t) -> documentTitle);
            return titles;
        });
        return new Change(kind, key, path, topic, r.page(), r.searchBody());
    }

    /**
     * Re-renders a topic whose contributions change other than by a document's add or
     * removal — two duplicate pages merged by {@code kb lint --fix}.
     *
     * @param all every contribution the topic will have
     */
    public Change rerender(TopicRecord topic, List<ContributionRecord> all) {
        TopicRecord header = header(topic.kind(), topic.key(), Optional.of(topic), null, best(new ArrayList<>(all)));
        Rendered r = render(header, new ArrayList<>(all), all.size(), catalog::documentTitles);
        return new Change(topic.kind(), topic.key(), topic.kind().pagePath(topic.key()), header, r.page(), r.searchBody());
    }

    private static ContributionRecord best(List<ContributionRecord> contributions) {
        return contributions.stream().max(Comparator.comparingDouble(ContributionRecord::score)
                .thenComparing(ContributionRecord::document, Comparator.reverseOrder())).orElseThrow();
    }

    /** A page and the plain text the search index gets for it (no need to strip the Markdown again). */
    private record Rendered(String page, String searchBody) {
    }

    private Rendered render(TopicRecord topic, List<ContributionRecord> ranked, int total,
            java.util.function.Function<List<String>, Map<String, String>> titlesOf) {
        int cap = limits.shownInFull() + limits.shownLinked();
        ranked.sort(Comparator.comparingDouble(ContributionRecord::score).reversed()
                .thenComparing(ContributionRecord::document));
        List<ContributionRecord> shownList = ranked.size() > cap ? ranked.subList(0, cap) : ranked;
        Map<String, String> titles = titlesOf.apply(shownList.stream().map(ContributionRecord::document).toList());
        List<TopicPage.Shown> full = new ArrayList<>();
        List<TopicPage.Shown> linked = new ArrayList<>();
        for (int i = 0; i < shownList.size(); i++) {
            ContributionRecord c = shownList.get(i);
            TopicPage.Shown shown = new TopicPage.Shown("summaries/" + c.document(), titles.get(c.document()), c.text());
            (i < limits.shownInFull() ? full : linked).add(shown);
        }
        // What the page shows: the linked contributions appear by their documents' titles only.
        StringBuilder body = new StringBuilder(topic.description()).append('\n').append(topic.overview());
        for (TopicPage.Shown s : full) {
            body.append('\n').append(s.text());
        }
        for (TopicPage.Shown s : linked) {
            body.append('\n').append(s.documentTitle());
        }
        return new Rendered(TopicPage.render(topic, full, linked, total), body.toString());
    }

    private static TopicRecord header(TopicKind kind, String key, Optional<TopicRecord> existing,
            TopicCandidate candidate, ContributionRecord best) {
        String type = kind == TopicKind.CONCEPT ? "Concept" : entityType(candidate);
        if (existing.isEmpty()) {
            String name = candidate != null ? candidate.name() : best.name();
            List<String> aliases = candidate == null ? List.of() : candidate.aliases().stream()
                    .filter(a -> !a.equalsIgnoreCase(name)).distinct().limit(10).toList();
            return new TopicRecord(kind, key, name, type, ShortText.describe(best.text()), "", aliases);
        }
        TopicRecord t = existing.get();
        if (kind == TopicKind.ENTITY && candidate != null && t.type().equals("Other") && !type.equals("Other")) {
            t = new TopicRecord(kind, key, t.name(), type, t.description(), t.overview(), t.aliases());
        }
        Set<String> aliases = new LinkedHashSet<>(t.aliases());
        if (candidate != null) {
            for (String a : candidate.aliases()) {
                if (aliases.size() < 10 && !a.equalsIgnoreCase(t.name())) {
                    aliases.add(a);
                }
            }
        }
        String description = t.overview().isBlank() ? ShortText.describe(best.text()) : t.description();
        return new TopicRecord(kind, key, t.name(), t.type(), description, t.overview(), List.copyOf(aliases));
    }

    private static String entityType(TopicCandidate candidate) {
        String type = candidate == null || candidate.type() == null ? "other" : candidate.type().strip();
        if (type.isEmpty() || type.equalsIgnoreCase("concept")) {
            type = "other";
        }
        return type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The wikilink targets of the pages a document's merge may create. */
    public static java.util.Set<String> topicLinks(DocumentAnalysis analysis) {
        java.util.Set<String> links = new java.util.HashSet<>();
        analysis.concepts().forEach(c -> links.add(TopicKind.CONCEPT.link(safeKey(c.key()))));
        analysis.entities().forEach(c -> links.add(TopicKind.ENTITY.link(safeKey(c.key()))));
        return links;
    }

    /** Keys come from compilers; make sure one can only ever name a file inside its folder. */
    public static String safeKey(String key) {
        return key == null ? "" : DocumentNames.slug(key.toLowerCase(Locale.ROOT));
    }

    /** One topic page to write (or delete, when no document contributes any more). */
    public record Change(TopicKind kind, String key, String path, TopicRecord topic, String page, String searchBody) {
        boolean deletes() {
            return page == null;
        }
    }

    /** The merge of one document: page changes and the document's new contributions. */
    public record Merge(String document, List<Change> changes, List<ContributionRecord> contributions) {
        public List<String> paths() {
            return changes.stream().map(Change::path).toList();
        }

        /** The topics this document now links to from its summary, in page order. */
        public List<TopicRecord> linkedTopics(TopicKind kind) {
            List<TopicRecord> out = new ArrayList<>();
            for (ContributionRecord c : contributions) {
                if (c.kind() != kind) {
                    continue;
                }
                changes.stream().filter(ch -> ch.kind() == kind && ch.key().equals(c.key()) && !ch.deletes())
                        .findFirst().ifPresent(ch -> out.add(ch.topic()));
            }
            return out;
        }

        /** Writes and deletes the topic pages, keeping what a person wrote in them. */
        public void apply(Transaction tx, PageWriter pages) throws IOException {
            for (Change c : changes) {
                if (c.deletes()) {
                    pages.delete(tx, c.path());
                } else {
                    pages.write(tx, c.path(), c.page());
                }
            }
        }

        public void record(CatalogWriter w) throws SQLException {
            w.deleteContributionsOf(document);
            for (ContributionRecord c : contributions) {
                w.putContribution(c);
            }
            for (Change c : changes) {
                recordChange(w, c);
            }
        }
    }

    /** The catalog side of one page change: topic row, page row, recorded links and search rows. */
    public static void recordChange(CatalogWriter w, Change c) throws SQLException {
        String pagePath = c.path().substring("wiki/".length());
        String target = c.kind().link(c.key());
        w.putLinks(pagePath, c.deletes() ? List.of() : Wikilinks.targets(c.page()));
        if (c.deletes()) {
            w.unindexTarget(target);
            w.deleteTopic(c.kind(), c.key());
            w.deletePage(pagePath);
            return;
        }
        w.reindexTarget(SearchRows.entry(target, c.kind().dbName(), 0, c.topic().name(), c.searchBody()));
        w.putTopic(c.topic());
        w.putPage(new PageRecord(pagePath, c.kind().pageKind(), c.topic().name(), c.topic().description(), null));
    }
}
