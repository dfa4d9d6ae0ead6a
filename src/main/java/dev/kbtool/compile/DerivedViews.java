package dev.kbtool.compile;

import dev.kbtool.kb.Catalog;
import dev.kbtool.kb.PageKind;
import dev.kbtool.tx.LockToken;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.Transaction;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * Pages rendered from the catalog ({@code index.md}), refreshed once at the end of a
 * command rather than per document, in a transaction of their own.
 */
public final class DerivedViews {
    static final String INDEX = "wiki/index.md";

    private DerivedViews() {
    }

    /** Re-renders the index when it differs from what the catalog says; returns whether it changed. */
    public static boolean refresh(TxEngine engine) throws IOException {
        try (LockToken token = engine.lock()) {
            Catalog catalog = engine.catalog();
            String index = IndexPage.render(catalog.documents(), catalog.pages(PageKind.CONCEPT),
                    catalog.pages(PageKind.ENTITY));
            if (index.equals(current(engine))) {
                return false;
            }
            Transaction tx = engine.begin(token, "render", "index", Plan.builder().file(INDEX).build());
            try {
                tx.write(INDEX, index);
                tx.commit(w -> { });
            } catch (IOException | RuntimeException e) {
                Exception thrown = tx.abort(e);
                if (thrown instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) thrown;
            }
            return true;
        }
    }

    /** Whether the index on disk matches the catalog. */
    public static boolean indexInSync(Catalog catalog, TxEngine engine) throws IOException {
        String index = IndexPage.render(catalog.documents(), catalog.pages(PageKind.CONCEPT), catalog.pages(PageKind.ENTITY));
        return index.equals(current(engine));
    }

    private static String current(TxEngine engine) throws IOException {
        try {
            return Files.readString(engine.layout().root().resolve(INDEX), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
