package dev.kbtool.sync;

import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.InputFile;
import dev.kbtool.layout.DocumentPaths;
import dev.kbtool.publish.PageWriter;
import dev.kbtool.render.LogEntry;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A document whose file was renamed or moved takes its new place in one transaction: the
 * catalog's origin and file name, and the summary's {@code origin} and {@code source_file}. Its
 * name, pages and links stay, so nothing that points at it breaks and nothing is compiled again.
 */
final class DocumentMover {
    private final TxEngine engine;

    DocumentMover(TxEngine engine) {
        this.engine = engine;
    }

    /** Moves the document to {@code to}; null when, under the lock, it is no longer the document the plan saw. */
    AddOutcome move(DocumentRecord document, InputFile to, String fromShown) throws IOException {
        return engine.mutate(() -> {
            DocumentRecord current = engine.catalog().documentByName(document.name()).orElse(null);
            if (current == null || !current.hash().equals(document.hash())) {
                return TxEngine.Mutation.none(null);
            }
            String origin = to.path().toString();
            String fileName = to.path().getFileName().toString();
            DocumentRecord moved = new DocumentRecord(current.name(), current.hash(), fileName, current.type(), origin,
                    current.rawPath(), current.sourcePath(), current.summaryPath(), current.pages(),
                    current.description(), current.addedAt());
            DocumentPaths paths = new DocumentPaths(current.name(), current.type());
            PageWriter pages = new PageWriter(engine.layout(), engine.catalog(), false, current.name());
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("source_file", fileName);
            keys.put("origin", origin);
            Plan plan = Plan.builder().file(paths.summary()).append(LogEntry.PATH).build();
            return TxEngine.Mutation.of("move", current.name(), plan, tx -> {
                pages.retag(tx, paths.summary(), keys);
                tx.append(LogEntry.PATH, LogEntry.render(Instant.now(), "move", current.origin() + " → " + origin));
                return w -> {
                    w.putDocument(moved);
                    pages.record(w);
                };
            }, AddOutcome.moved(to.display(), current.name(), fromShown).withHash(current.hash()));
        });
    }
}
