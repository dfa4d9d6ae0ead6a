package dev.kbtool.lint;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.ContributionRecord;
import dev.kbtool.catalog.TopicKind;
import dev.kbtool.catalog.TopicRecord;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.publish.DerivedViews;
import dev.kbtool.publish.PageWriter;
import dev.kbtool.publish.TopicMerger;
import dev.kbtool.render.Wikilinks;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kb lint --fix}: the mechanical repairs. Generated pages a person deleted are first
 * re-created from the catalog ({@link PageRestorer}); then, in one transaction, duplicate
 * concept pages that kb compiled are merged into one (contributions moved, links redirected),
 * and links that still point nowhere become plain text — except links to a document the
 * catalog still holds, which come back when it is added again. The index, a derived view, is
 * then refreshed as after every command.
 */
public final class LintFixer {
    /**
     * What a fix did.
     *
     * @param notRestored documents whose summary could not be compiled again, with the reason
     */
    public record Report(int linksUnlinked, int conceptsMerged, int pagesChanged, int pagesRestored,
            List<String> notRestored) {
    }

    private final TxEngine engine;
    private final TopicMerger.Limits limits;
    private final PageRestorer restorer;

    public LintFixer(TxEngine engine, TopicMerger.Limits limits, PageRestorer restorer) {
        this.engine = engine;
        this.limits = limits;
        this.restorer = restorer;
    }

    public Report fix(Cancellation cancellation) throws IOException, InterruptedException {
        PageRestorer.Report restored = restorer.restore(cancellation);
        Report report = engine.mutate(this::plan);
        DerivedViews.refresh(engine, true);
        return new Report(report.linksUnlinked(), report.conceptsMerged(), report.pagesChanged() + restored.pages(),
                restored.pages(), restored.failures());
    }

    private TxEngine.Mutation<Report> plan() throws IOException {
        Catalog catalog = engine.catalog();
        List<WikiPages.Page> pages = WikiPages.load(engine.layout());
        Map<String, String> writes = new LinkedHashMap<>();
        List<String> deletes = new ArrayList<>();
        List<TopicMerger.Change> merged = new ArrayList<>();
        Map<String, List<ContributionRecord>> moved = new LinkedHashMap<>();
        Map<String, String> redirect = new LinkedHashMap<>();
        WikiChecks.duplicateConcepts(pages).forEach((key, group) ->
                mergeGroup(catalog, key, group, redirect, deletes, merged, moved));
        Set<String> gone = new HashSet<>();
        deletes.forEach(d -> gone.add(d.substring("wiki/".length(), d.length() - 3)));
        Set<String> names = new HashSet<>();
        pages.forEach(p -> names.add(p.link().substring(p.link().lastIndexOf('/') + 1)));
        Set<String> documents = new HashSet<>();
        catalog.documents().forEach(d -> documents.add("summaries/" + d.name()));
        int unlinked = 0;
        for (WikiPages.Page page : pages) {
            if (page.text() == null || deletes.contains(page.path())
                    || merged.stream().anyMatch(c -> c.path().equals(page.path()))) {
                continue;
            }
            String text = Wikilinks.retarget(page.text(), redirect);
            int[] count = {0};
            text = Wikilinks.unlinkMissing(text, target -> {
                boolean keep = !gone.contains(target)
                        && (WikiChecks.resolves(engine.layout(), target, names) || documents.contains(target));
                if (!keep) {
                    count[0]++;
                }
                return keep;
            });
            if (!text.equals(page.text())) {
                writes.put(page.path(), text);
                unlinked += count[0];
            }
        }
        merged.forEach(c -> writes.put(c.path(), c.page()));
        if (writes.isEmpty() && deletes.isEmpty()) {
            return TxEngine.Mutation.none(new Report(0, 0, 0, 0, List.of()));
        }
        Plan.Builder plan = Plan.builder();
        writes.keySet().forEach(plan::file);
        deletes.forEach(plan::file);
        Report report = new Report(unlinked, deletes.size(), writes.size() + deletes.size(), 0, List.of());
        Set<String> mergedPaths = new HashSet<>();
        merged.forEach(c -> mergedPaths.add(c.path()));
        PageWriter writer = new PageWriter(engine.layout(), catalog, false, null);
        return TxEngine.Mutation.of("lint-fix", writes.size() + deletes.size() + " pages", plan.build(), tx -> {
            for (Map.Entry<String, String> e : writes.entrySet()) {
                if (mergedPaths.contains(e.getKey())) {
                    writer.write(tx, e.getKey(), e.getValue());
                } else {
                    writer.rewrite(tx, e.getKey(), e.getValue());
                }
            }
            for (String d : deletes) {
                writer.delete(tx, d);
            }
            return w -> {
                writer.record(w);
                for (Map.Entry<String, List<ContributionRecord>> e : moved.entrySet()) {
                    for (ContributionRecord c : e.getValue()) {
                        w.putContribution(c);
                    }
                }
                for (String d : deletes) {
                    String key = d.substring("wiki/concepts/".length(), d.length() - 3);
                    w.deleteTopic(TopicKind.CONCEPT, key);
                    w.deletePage(d.substring("wiki/".length()));
                    w.putLinks(d.substring("wiki/".length()), List.of());
                    w.unindexTarget(TopicKind.CONCEPT.link(key));
                    for (ContributionRecord c : catalog.topContributions(TopicKind.CONCEPT, key, Integer.MAX_VALUE)) {
                        w.deleteContribution(c);
                    }
                }
                for (TopicMerger.Change c : merged) {
                    TopicMerger.recordChange(w, c);
                }
                for (Map.Entry<String, String> e : writes.entrySet()) {
                    w.putLinks(e.getKey().substring("wiki/".length()), Wikilinks.targets(e.getValue()));
                }
            };
        }, report);
    }

    /**
     * Merges duplicate concept pages kb compiled into the one whose key is the normalized
     * name (else the first): contributions move unless the document already contributes to
     * the kept page. Hand-made pages are left alone; lint keeps reporting them.
     */
    private void mergeGroup(Catalog catalog, String normalized, List<WikiPages.Page> group, Map<String, String> redirect,
            List<String> deletes, List<TopicMerger.Change> merged, Map<String, List<ContributionRecord>> moved) {
        List<TopicRecord> topics = new ArrayList<>();
        for (WikiPages.Page p : group) {
            Optional<TopicRecord> t = catalog.topic(TopicKind.CONCEPT, p.link().substring("concepts/".length()));
            if (t.isEmpty()) {
                return;
            }
            topics.add(t.get());
        }
        topics.sort(java.util.Comparator.comparing((TopicRecord t) -> !t.key().equals(normalized)));
        TopicRecord kept = topics.get(0);
        List<ContributionRecord> all = new ArrayList<>(catalog.topContributions(TopicKind.CONCEPT, kept.key(), Integer.MAX_VALUE));
        Set<String> contributing = new HashSet<>();
        all.forEach(c -> contributing.add(c.document()));
        List<ContributionRecord> movedHere = new ArrayList<>();
        for (TopicRecord dup : topics.subList(1, topics.size())) {
            for (ContributionRecord c : catalog.topContributions(TopicKind.CONCEPT, dup.key(), Integer.MAX_VALUE)) {
                if (contributing.add(c.document())) {
                    ContributionRecord m = new ContributionRecord(TopicKind.CONCEPT, kept.key(), c.document(), c.name(),
                            c.text(), c.score());
                    all.add(m);
                    movedHere.add(m);
                }
            }
            redirect.put(TopicKind.CONCEPT.link(dup.key()), TopicKind.CONCEPT.link(kept.key()));
            deletes.add(TopicKind.CONCEPT.pagePath(dup.key()));
        }
        merged.add(new TopicMerger(catalog, limits).rerender(kept, all));
        moved.put(kept.key(), movedHere);
    }
}
