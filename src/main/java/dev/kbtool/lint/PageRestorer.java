package dev.kbtool.lint;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.ContributionRecord;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.catalog.TopicKind;
import dev.kbtool.catalog.TopicRecord;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.publish.PageWriter;
import dev.kbtool.publish.TopicMerger;
import dev.kbtool.recompile.Recompiler;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Re-creates generated pages a person deleted, from what the catalog still holds: a concept or
 * entity page from its topic and contributions, a summary page by compiling its document's
 * source page again. Without this, {@code kb lint --fix} could only turn every link to such a
 * page into plain text — losing the links — and only {@code kb recompile --all} brought the
 * page back. A document whose source page is gone cannot be compiled again from the KB alone;
 * {@code kb doctor} keeps reporting it with what to do.
 */
public final class PageRestorer {
    /** What a restore re-created, and the documents it could not compile again. */
    public record Report(int topicPages, int summaries, List<String> failures) {
        public int pages() {
            return topicPages + summaries;
        }
    }

    private final TxEngine engine;
    private final TopicMerger.Limits limits;
    private final Supplier<Recompiler> recompiler;

    /** @param recompiler made only when a summary needs compiling, since it loads the configured compiler */
    public PageRestorer(TxEngine engine, TopicMerger.Limits limits, Supplier<Recompiler> recompiler) {
        this.engine = engine;
        this.limits = limits;
        this.recompiler = recompiler;
    }

    /** The wikilink targets ({@code concepts/x}, {@code summaries/doc}) a restore brings back. */
    public static Set<String> restorableLinks(KbLayout layout, Catalog catalog) {
        Set<String> links = new HashSet<>();
        for (TopicRecord t : missingTopics(layout, catalog)) {
            links.add(t.kind().link(t.key()));
        }
        for (DocumentRecord d : missingSummaries(layout, catalog)) {
            links.add(stripWiki(d.summaryPath()));
        }
        return links;
    }

    public Report restore(Cancellation cancellation) throws IOException, InterruptedException {
        int topics = engine.mutate(this::restoreTopics);
        List<DocumentRecord> summaries = missingSummaries(engine.layout(), engine.catalog());
        List<String> failures = new ArrayList<>();
        int restored = 0;
        if (!summaries.isEmpty()) {
            for (Recompiler.Outcome o : recompiler.get().run(summaries, cancellation, o -> { }).outcomes()) {
                if (o.recompiled()) {
                    restored++;
                } else {
                    failures.add(o.document() + ": " + o.reason());
                }
            }
        }
        return new Report(topics, restored, failures);
    }

    private TxEngine.Mutation<Integer> restoreTopics() {
        Catalog catalog = engine.catalog();
        TopicMerger merger = new TopicMerger(catalog, limits);
        List<TopicMerger.Change> changes = new ArrayList<>();
        for (TopicRecord t : missingTopics(engine.layout(), catalog)) {
            List<ContributionRecord> all = catalog.topContributions(t.kind(), t.key(), Integer.MAX_VALUE);
            if (!all.isEmpty()) {
                changes.add(merger.rerender(t, all));
            }
        }
        if (changes.isEmpty()) {
            return TxEngine.Mutation.none(0);
        }
        Plan.Builder plan = Plan.builder();
        changes.forEach(c -> plan.file(c.path()));
        PageWriter writer = new PageWriter(engine.layout(), catalog, false, null);
        return TxEngine.Mutation.of("restore", changes.size() + " pages", plan.build(), tx -> {
            for (TopicMerger.Change c : changes) {
                writer.write(tx, c.path(), c.page());
            }
            return w -> {
                writer.record(w);
                for (TopicMerger.Change c : changes) {
                    TopicMerger.recordChange(w, c);
                }
            };
        }, changes.size());
    }

    private static List<TopicRecord> missingTopics(KbLayout layout, Catalog catalog) {
        List<TopicRecord> missing = new ArrayList<>();
        for (TopicKind kind : TopicKind.values()) {
            for (TopicRecord t : catalog.topics(kind)) {
                if (!exists(layout, kind.pagePath(t.key()))) {
                    missing.add(t);
                }
            }
        }
        return missing;
    }

    /** Documents whose summary page is gone while their source page, which a compile reads, is there. */
    private static List<DocumentRecord> missingSummaries(KbLayout layout, Catalog catalog) {
        return catalog.documents().stream()
                .filter(d -> !exists(layout, d.summaryPath()) && exists(layout, d.sourcePath()))
                .toList();
    }

    private static boolean exists(KbLayout layout, String relPath) {
        return Files.isRegularFile(layout.root().resolve(relPath), LinkOption.NOFOLLOW_LINKS);
    }

    private static String stripWiki(String path) {
        return path.substring("wiki/".length()).replaceFirst("\\.md$", "");
    }
}
