package dev.kbtool.query;

import dev.kbtool.catalog.PageKind;
import dev.kbtool.catalog.PageRecord;
import dev.kbtool.publish.DerivedViews;
import dev.kbtool.render.LogEntry;
import dev.kbtool.render.Wikilinks;
import dev.kbtool.search.SearchRows;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.time.Instant;

/**
 * Files an answer in the wiki through one transaction: its page, a log line, and the catalog
 * rows that make it a page kb knows (its links, so removing a document it cites unlinks it, and
 * its search passage); then the index, which lists it. The same question saved again replaces
 * the earlier answer.
 */
public final class AnswerSaver {
    private final TxEngine engine;

    public AnswerSaver(TxEngine engine) {
        this.engine = engine;
    }

    /** Saves an answered question; returns the page's path in the knowledge base. */
    public String save(Answer answer) throws IOException {
        if (!answer.answered()) {
            throw new IllegalArgumentException("only answers are saved");
        }
        String slug = AnswerPage.slug(answer.question());
        String link = AnswerPage.FOLDER + "/" + slug;
        String path = "wiki/" + link + ".md";
        Instant now = Instant.now();
        String page = AnswerPage.render(answer, now);
        engine.mutate("answer", slug, Plan.builder().file(path).append(LogEntry.PATH).build(), tx -> {
            tx.write(path, page);
            tx.append(LogEntry.PATH, LogEntry.render(now, "answer", answer.question().strip() + " → " + link));
            return w -> {
                w.putPage(new PageRecord(link + ".md", PageKind.ANSWER, answer.question().strip(),
                        answer.question().strip(), null));
                w.putLinks(link + ".md", Wikilinks.targets(page));
                w.reindexTarget(SearchRows.entry(link, "answer", 0, answer.question().strip(), answer.text()));
            };
        });
        DerivedViews.refresh(engine);
        return path;
    }
}
