package dev.kbtool.publish;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.ContributionRecord;
import dev.kbtool.catalog.TopicKind;
import dev.kbtool.catalog.TopicRecord;
import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.llm.OverviewSynthesizer;
import dev.kbtool.text.ShortText;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Re-synthesises the overview paragraph of concept and entity pages from their
 * contributions with the LLM — on demand ({@code kb recompile}), never on every add. The
 * LLM call happens without the lock; each page is then updated in its own transaction.
 */
public final class OverviewRefresher {
    private final TxEngine engine;
    private final OverviewSynthesizer synthesizer;
    private final TopicMerger.Limits limits;

    public OverviewRefresher(TxEngine engine, OverviewSynthesizer synthesizer, TopicMerger.Limits limits) {
        this.engine = engine;
        this.synthesizer = synthesizer;
        this.limits = limits;
    }

    /** Returns whether the topic's page got a new overview. */
    public boolean refresh(TopicKind kind, String key) throws IOException, InterruptedException, CompileException {
        Catalog catalog = engine.catalog();
        Optional<TopicRecord> topic = catalog.topic(kind, key);
        if (topic.isEmpty()) {
            return false;
        }
        List<String> texts = catalog.topContributions(kind, key, limits.shownInFull()).stream()
                .map(ContributionRecord::text).toList();
        if (texts.isEmpty()) {
            return false;
        }
        String overview = synthesizer.synthesize(topic.get().name(), texts).text();
        return engine.mutate(() -> {
            TopicRecord current = catalog.topic(kind, key).orElse(null);
            if (current == null) {
                return TxEngine.Mutation.none(false);
            }
            TopicRecord withOverview = new TopicRecord(kind, key, current.name(), current.type(),
                    ShortText.describe(overview), overview, current.aliases());
            TopicMerger.Change change = new TopicMerger(catalog, limits).rerender(withOverview,
                    catalog.topContributions(kind, key, Integer.MAX_VALUE));
            PageWriter pages = new PageWriter(engine.layout(), catalog, false, null);
            return TxEngine.Mutation.of("overview", kind.link(key), Plan.builder().file(change.path()).build(), tx -> {
                pages.write(tx, change.path(), change.page());
                return w -> {
                    TopicMerger.recordChange(w, change);
                    pages.record(w);
                };
            }, true);
        });
    }
}
