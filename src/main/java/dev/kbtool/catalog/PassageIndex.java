package dev.kbtool.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;

/**
 * Reads of the passage search index ({@code passages} and the FTS5 table {@code passage_text}):
 * document frequencies, BM25 ranking with fields weighted, and passages by id, document or
 * phrase. It reads through its {@link Catalog}'s connection; the index is written at commit
 * points like every other row.
 */
public final class PassageIndex {
    private final Catalog catalog;

    PassageIndex(Catalog catalog) {
        this.catalog = catalog;
    }

    /** How many passages the search index holds. */
    public int count() {
        return catalog.query("SELECT count(*) FROM passages", rs -> rs.getInt(1)).orElse(0);
    }

    /** How many passages match an FTS5 expression: a term's document frequency. */
    public int matchCount(String match) {
        return catalog.query("SELECT count(*) FROM passage_text WHERE passage_text MATCH ?", rs -> rs.getInt(1), match)
                .orElse(0);
    }

    /**
     * Like {@link #matchCount(String)}, but counting no further than {@code cap}: past it a term is common
     * and its exact frequency does not matter, and counting a word every passage has reads the
     * whole index.
     */
    public int matchCount(String match, int cap) {
        return catalog.query("SELECT count(*) FROM (SELECT 1 FROM passage_text WHERE passage_text MATCH ? LIMIT ?)",
                rs -> rs.getInt(1), match, cap).orElse(0);
    }

    /**
     * The passages matching an FTS5 expression, best first by BM25 with the fields weighted:
     * title, headings, summary, body. Only ids and scores: the text of thousands of matches is
     * never read, only that of the few kept.
     *
     * @param match     FTS5 query syntax, normalized as the index reads text
     * @param kinds     only passages of these kinds; empty for all
     * @param documents only passages of these documents; empty for all
     */
    public List<RankedPassage> rank(String match, Collection<String> kinds,
            Collection<String> documents, int limit) {
        StringBuilder sql = new StringBuilder("SELECT t.rowid, bm25(passage_text, ").append(FIELD_WEIGHTS)
                .append(") AS rank FROM passage_text t");
        List<Object> args = new ArrayList<>();
        args.add(match);
        if (!documents.isEmpty()) {
            // The match drives and the document filters (CROSS JOIN fixes the order): handing
            // FTS5 a document's row ids to test one by one took 34 s (3 s of CPU) for
            // `--doc` on a 30 MB book's 14,000 pages, against 0.13 s; on a small document of
            // 10,000 the two cost alike (3-7 ms CPU).
            sql.append(" CROSS JOIN passages p ON p.id = t.rowid WHERE passage_text MATCH ? AND p.document IN (")
                    .append(marks(documents.size())).append(')');
            args.addAll(documents);
            if (!kinds.isEmpty()) {
                sql.append(" AND p.kind IN (").append(marks(kinds.size())).append(')');
                args.addAll(kinds);
            }
        } else if (!kinds.isEmpty() && hasPassagesOtherThan(kinds)) {
            sql.append(" JOIN passages p ON p.id = t.rowid WHERE passage_text MATCH ? AND p.kind IN (")
                    .append(marks(kinds.size())).append(')');
            args.addAll(kinds);
        } else {
            sql.append(" WHERE passage_text MATCH ?");
        }
        sql.append(" ORDER BY rank LIMIT ?");
        args.add(limit);
        return catalog.list(sql.toString(), rs -> new RankedPassage(rs.getLong(1), -rs.getDouble(2)), args.toArray());
    }

    /**
     * The {@code limit} passages closest in meaning, by a similarity of their packed vectors
     * (dense retrieval), best first. Every passage with vectors is scored: a brute force scan
     * over vectors kept in memory ({@link VectorRows}), 15 ms for the 30,000 passages of 10,000
     * documents.
     *
     * @param kinds     only passages of these kinds; empty for all
     * @param documents only passages of these documents; empty for all
     */
    public List<RankedPassage> closest(ToDoubleFunction<byte[]> similarity, Collection<String> kinds,
            Collection<String> documents, int limit) {
        VectorRows rows = catalog.vectorRows();
        PriorityQueue<RankedPassage> best = new PriorityQueue<>(Comparator.comparingDouble(RankedPassage::score));
        for (int i = 0; i < rows.size(); i++) {
            if ((kinds.isEmpty() || kinds.contains(rows.kinds()[i]))
                    && (documents.isEmpty() || rows.documents()[i] != null && documents.contains(rows.documents()[i]))) {
                best.add(new RankedPassage(rows.ids()[i], similarity.applyAsDouble(rows.windows()[i])));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        List<RankedPassage> out = new ArrayList<>(best);
        out.sort(Comparator.comparingDouble(RankedPassage::score).reversed());
        return out;
    }

    /** Whether the index holds passages of kinds other than these; when not, filtering by kind is for nothing. */
    private boolean hasPassagesOtherThan(Collection<String> kinds) {
        return catalog.query("SELECT 1 FROM passages WHERE kind NOT IN (" + marks(kinds.size()) + ") LIMIT 1", rs -> true,
                kinds.toArray()).isPresent();
    }

    /** Title, headings, summary, body: a word in a title says more about a passage than one in its text. */
    private static final String FIELD_WEIGHTS = "4.0, 2.0, 1.5, 1.0";

    /** The passages with these ids, in the order given; ids no longer in the index are left out. */
    public List<PassageRow> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PassageRow> byId = new HashMap<>();
        for (PassageRow r : catalog.list(PASSAGE_SELECT + " WHERE p.id IN (" + marks(ids.size()) + ")", PassageIndex::passage,
                ids.toArray())) {
            byId.put(r.id(), r);
        }
        List<PassageRow> out = new ArrayList<>();
        for (Long id : ids) {
            PassageRow r = byId.get(id);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The first passage of a kind (and of a document, unless null) matching an FTS5 expression:
     * where a sentence quoted from a summary stands in its source.
     */
    public Optional<PassageRow> first(String match, String kind, String document) {
        // The full-text match drives (CROSS JOIN keeps SQLite from starting at the passages
        // table): a phrase of a dozen words is in few passages, while handing FTS5 a list of
        // row ids to test one by one took 11 s for the 20,000 sources of 10,000 documents
        // and 0.9 s for a 30 MB book's 14,000 pages, against 1-7 ms this way.
        return catalog.query(PASSAGE_SELECT + " WHERE p.id = (SELECT t.rowid FROM passage_text t CROSS JOIN passages q"
                + " ON q.id = t.rowid WHERE passage_text MATCH ? AND q.kind = ? AND (? IS NULL OR q.document = ?)"
                + " LIMIT 1)", PassageIndex::passage, match, kind, document, document);
    }

    /** A document's passages of one kind in reading order; {@code page} 0 for all pages. */
    public List<PassageRow> of(String document, String kind, int page) {
        return catalog.list(PASSAGE_SELECT + " WHERE p.document = ? AND p.kind = ? AND (? = 0 OR p.page = ?) ORDER BY p.page, p.line,"
                + " p.id", PassageIndex::passage, document, kind, page, page);
    }

    static final String PASSAGE_SELECT = "SELECT p.id, p.document, d.file_name, p.target, p.kind, p.page, p.line,"
            + " p.section, p.title, t.headings, t.summary, t.body FROM passages p"
            + " JOIN passage_text t ON t.rowid = p.id LEFT JOIN documents d ON d.name = p.document";

    static PassageRow passage(ResultSet rs) throws SQLException {
        return new PassageRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12));
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
