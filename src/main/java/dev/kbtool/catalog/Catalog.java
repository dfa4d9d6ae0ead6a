package dev.kbtool.catalog;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQLite catalog of one knowledge base and the process's only connection to it. All
 * access is serialized on this object; readers see a consistent snapshot thanks to WAL,
 * so read-only commands never wait for a writer.
 */
public final class Catalog implements AutoCloseable {
    /** The operation of the transaction that renders the derived views. */
    public static final String RENDER = "render";
    /**
     * Operations that record what kb read (files synced, content that failed), not the
     * knowledge base's content: the views do not change, and status does not show them as changes.
     */
    public static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("sync", "failure");
    private static final String CHANGES_EXCLUDED = java.util.stream.Stream.concat(java.util.stream.Stream.of(RENDER),
            BOOKKEEPING.stream()).map(op -> "'" + op + "'").sorted().collect(java.util.stream.Collectors.joining(", "));

    private final Path file;
    private final Connection connection;
    private VectorRows vectorRows;
    /**
     * Who commits through this connection, recorded with the views a commit leaves pending;
     * looked up on first need, so read-only commands never ask the system about their process.
     */
    private Committer committer;
    private boolean commitPointClaimed;

    private Catalog(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the catalog and brings its schema forward to this kb's version. */
    public static Catalog open(Path file) {
        return new Catalog(file, CatalogConnections.open(file));
    }

    /**
     * Opens the catalog for a command that only reads it; on a full disk, read as last written
     * when it can be (see {@link CatalogConnections#openForReading}), and {@code notice} is told so.
     */
    public static Catalog openForReading(Path file, java.util.function.Consumer<String> notice) {
        return new Catalog(file, CatalogConnections.openForReading(file, notice));
    }

    public Path file() {
        return file;
    }

    public synchronized int userVersion() throws SQLException {
        return CatalogConnections.userVersion(connection);
    }

    /** The first value a PRAGMA returns on kb's connection, e.g. {@code synchronous} or {@code integrity_check}. */
    public synchronized String pragma(String name) {
        return query("PRAGMA " + name, rs -> rs.getString(1)).orElse("");
    }

    /**
     * The commit point of this catalog, handed out once: the transaction engine claims it, so
     * catalog rows change only at the end of a transaction whose files are already in place.
     */
    public synchronized CommitPoint claimCommitPoint() {
        if (commitPointClaimed) {
            throw new IllegalStateException("the commit point of " + file + " is already claimed");
        }
        commitPointClaimed = true;
        return new CommitPoint(this);
    }

    Connection connection() {
        return connection;
    }

    /** This process, as recorded with the views a commit leaves pending. */
    Committer committer() {
        if (committer == null) {
            committer = Committer.current();
        }
        return committer;
    }

    /** Whether content changed since the derived views were last rendered. */
    public synchronized boolean viewsPending() {
        return query("SELECT 1 FROM views_pending", rs -> true).isPresent();
    }

    /**
     * Whether the views lag behind content committed by a process that is gone: killed, or
     * ended by an error before it rendered them. A running committer, this one included,
     * renders them at the end of its command.
     */
    public synchronized boolean viewsAbandoned() {
        // The own mark is the usual case, at every commit of a batch: no process lookup for it.
        String own = committer().text();
        return query("SELECT committer FROM views_pending", rs -> rs.getString(1))
                .filter(s -> !s.equals(own) && Committer.parse(s).map(c -> !c.alive()).orElse(true)).isPresent();
    }

    public synchronized boolean isCommitted(String txid) {
        return query("SELECT 1 FROM transactions WHERE txid = ?", rs -> true, txid).isPresent();
    }

    /** What kb last wrote to a page, if it wrote it since it keeps such records. */
    public synchronized Optional<WrittenPage> writtenPage(String path) {
        return query("SELECT path, sha256, generated, size, modified FROM written_pages WHERE path = ?",
                rs -> new WrittenPage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)),
                path);
    }

    /** Every page kb wrote, by path. */
    public synchronized Map<String, WrittenPage> writtenPages() {
        Map<String, WrittenPage> out = new java.util.HashMap<>();
        for (WrittenPage p : list("SELECT path, sha256, generated, size, modified FROM written_pages",
                rs -> new WrittenPage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))) {
            out.put(p.path(), p);
        }
        return out;
    }

    /** A page whose edits kb kept, with kb's version set aside. */
    public record HeldPage(String path, String kbText, String document, String heldAt) {
    }

    /** Pages kb did not update because a person edited its part of them. */
    public synchronized List<HeldPage> heldPages() {
        return list("SELECT path, kb_text, document, held_at FROM held_pages ORDER BY path",
                rs -> new HeldPage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** Why content with this hash failed with kb {@code version}, if it did. */
    public synchronized Optional<String> knownFailure(String hash, String version) {
        return query("SELECT reason FROM failures WHERE hash = ? AND version = ?", rs -> rs.getString(1), hash, version);
    }

    /**
     * The files kb sync last read at {@code path} or under it (a folder), by path: their size
     * and modification time then, and the hash of what was read.
     */
    public synchronized Map<String, SeenFile> seenFiles(String path) {
        Map<String, SeenFile> out = new java.util.HashMap<>();
        String folder = path.endsWith("/") ? path : path + "/";
        // A range instead of LIKE: the primary key's index answers it, and '%' or '_' in a
        // folder name mean nothing.
        for (SeenFile f : list("SELECT path, size, modified, hash FROM seen_files WHERE path = ? OR (path >= ? AND path < ?)",
                rs -> new SeenFile(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)),
                path, folder, folder.substring(0, folder.length() - 1) + "0")) {
            out.put(f.path(), f);
        }
        return out;
    }

    /** The content hashes of every document. */
    public synchronized java.util.Set<String> documentHashes() {
        return new java.util.HashSet<>(list("SELECT hash FROM documents", rs -> rs.getString(1)));
    }

    /** Documents added from {@code path} or from under it (a folder). */
    public synchronized List<DocumentRecord> documentsFrom(String path) {
        String folder = path.endsWith("/") ? path : path + "/";
        return list(DOCUMENT_SELECT + " WHERE origin = ? OR (origin >= ? AND origin < ?) ORDER BY origin",
                Catalog::document, path, folder, folder.substring(0, folder.length() - 1) + "0");
    }

    /** Names of documents a {@code kb remove} took away and that are not documents again. */
    public synchronized List<String> removedDocumentNames() {
        return list("SELECT DISTINCT detail FROM transactions WHERE operation = 'remove'"
                + " AND lower(detail) NOT IN (SELECT lower(name) FROM documents) ORDER BY detail", rs -> rs.getString(1));
    }

    /**
     * The sequence number of the last committed transaction (0 for none). Rows of
     * {@code transactions} are never deleted, so it only grows: a transaction that began when it
     * was lower began before a later one committed.
     */
    public synchronized long lastCommitSeq() {
        return query("SELECT coalesce(max(rowid), 0) FROM transactions", rs -> rs.getLong(1)).orElse(0L);
    }

    /**
     * The latest change to the knowledge base's content; re-rendering derived views and
     * bookkeeping do not count.
     */
    public synchronized Optional<TransactionRecord> lastTransaction() {
        return query("SELECT txid, operation, detail, committed_at FROM transactions"
                + " WHERE operation NOT IN (" + CHANGES_EXCLUDED + ") ORDER BY rowid DESC LIMIT 1",
                rs -> new TransactionRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.parse(rs.getString(4))));
    }

    public synchronized Optional<DocumentRecord> documentByHash(String hash) {
        return query(DOCUMENT_SELECT + " WHERE hash = ?", Catalog::document, hash);
    }

    public synchronized Optional<DocumentRecord> documentByOrigin(String origin) {
        return query(DOCUMENT_SELECT + " WHERE origin = ? ORDER BY id LIMIT 1", Catalog::document, origin);
    }

    public synchronized Optional<DocumentRecord> documentByName(String name) {
        return query(DOCUMENT_SELECT + " WHERE name = ?", Catalog::document, name);
    }

    public synchronized List<DocumentRecord> documents() {
        return list(DOCUMENT_SELECT + " ORDER BY name COLLATE NOCASE", Catalog::document);
    }

    public synchronized int documentCount() {
        return query("SELECT count(*) FROM documents", rs -> rs.getInt(1)).orElse(0);
    }

    public synchronized Map<PageKind, Integer> pageCounts() {
        Map<PageKind, Integer> counts = new EnumMap<>(PageKind.class);
        for (PageKind kind : PageKind.values()) {
            counts.put(kind, 0);
        }
        for (Object[] row : list("SELECT kind, count(*) FROM pages GROUP BY kind",
                rs -> new Object[] {rs.getString(1), rs.getInt(2)})) {
            counts.put(PageKind.fromDb((String) row[0]), (Integer) row[1]);
        }
        return counts;
    }

    public synchronized List<TreeNode> tree(String document) {
        return list("SELECT ord, level, title, start_page, end_page, summary FROM doc_tree WHERE document = ? ORDER BY ord",
                rs -> new TreeNode(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6)), document);
    }

    /** The passage search index's reads. */
    public PassageIndex passages() {
        return new PassageIndex(this);
    }

    /** The passages' vectors as the catalog holds them now, read again only after a change. */
    synchronized VectorRows vectorRows() {
        String version = VectorRows.version(this);
        if (vectorRows == null || !vectorRows.version().equals(version)) {
            vectorRows = VectorRows.read(this, version);
        }
        return vectorRows;
    }

    /** Pages (relative to {@code wiki/}) whose recorded links point at {@code target}, e.g. {@code summaries/a}. */
    public synchronized List<String> pagesLinkingTo(String target) {
        return list("SELECT source FROM links WHERE target = ? ORDER BY source", rs -> rs.getString(1), target);
    }

    /** KB-relative path → SHA-256 of the derived pages (the index) as last written. */
    public synchronized java.util.Map<String, String> derivedPages() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String[] row : list("SELECT path, sha256 FROM derived_pages", rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    /** Whether a wiki page (path relative to {@code wiki/}, e.g. {@code concepts/graph.md}) is known. */
    public synchronized boolean pageExists(String wikiPath) {
        return query("SELECT 1 FROM pages WHERE path = ?", rs -> true, wikiPath).isPresent();
    }

    public synchronized List<PageRecord> pages(PageKind kind) {
        return list("SELECT path, kind, title, description, document FROM pages WHERE kind = ? ORDER BY path",
                Catalog::page, kind.dbName());
    }

    /** The pages a document owns (its source and summary), by path. */
    public synchronized List<PageRecord> pagesOf(String document) {
        return list("SELECT path, kind, title, description, document FROM pages WHERE document = ? ORDER BY path",
                Catalog::page, document);
    }

    /** When a page of the document was last written: its last add, update or recompile. */
    public synchronized Optional<Instant> lastWritten(String document) {
        return query("SELECT max(updated_at) FROM pages WHERE document = ?", rs -> rs.getString(1), document)
                .filter(t -> t != null).map(Instant::parse);
    }

    public synchronized Optional<TopicRecord> topic(TopicKind kind, String key) {
        return query(TOPIC_SELECT + " WHERE kind = ? AND key = ?", Catalog::topic, kind.dbName(), key);
    }

    public synchronized List<TopicRecord> topics(TopicKind kind) {
        return list(TOPIC_SELECT + " WHERE kind = ? ORDER BY key", Catalog::topic, kind.dbName());
    }

    /** The most relevant contributions to a topic, at most {@code limit}. */
    public synchronized List<ContributionRecord> topContributions(TopicKind kind, String key, int limit) {
        return list(CONTRIBUTION_SELECT + " WHERE kind = ? AND key = ? ORDER BY score DESC, document LIMIT ?",
                Catalog::contribution, kind.dbName(), key, limit);
    }

    public synchronized int contributionCount(TopicKind kind, String key) {
        return query("SELECT contributors FROM topic_sizes WHERE kind = ? AND key = ?", rs -> rs.getInt(1),
                kind.dbName(), key).orElse(0);
    }

    /** Every contribution a document makes, to any topic. */
    public synchronized List<ContributionRecord> contributionsOf(String document) {
        return list(CONTRIBUTION_SELECT + " WHERE document = ? ORDER BY kind, key", Catalog::contribution, document);
    }

    /** How many documents contribute to each topic of a kind, for ranking in listings. */
    public synchronized java.util.Map<String, Integer> contributionCounts(TopicKind kind) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (Object[] row : list("SELECT key, contributors FROM topic_sizes WHERE kind = ?",
                rs -> new Object[] {rs.getString(1), rs.getInt(2)}, kind.dbName())) {
            counts.put((String) row[0], (Integer) row[1]);
        }
        return counts;
    }

    /**
     * The titles of documents' summary pages, each its name where it has none; one query, as a
     * topic page shows many.
     */
    public synchronized java.util.Map<String, String> documentTitles(java.util.Collection<String> documents) {
        java.util.Map<String, String> titles = new java.util.HashMap<>();
        if (documents.isEmpty()) {
            return titles;
        }
        List<Object> paths = new ArrayList<>();
        for (String d : documents) {
            paths.add("summaries/" + d + ".md");
            titles.put(d, d);
        }
        String marks = String.join(",", java.util.Collections.nCopies(paths.size(), "?"));
        for (String[] row : list("SELECT path, title FROM pages WHERE path IN (" + marks + ")",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, paths.toArray())) {
            titles.put(row[0].substring("summaries/".length(), row[0].length() - ".md".length()), row[1]);
        }
        return titles;
    }

    /** The title of a document's summary page, or its name when it has none. */
    public synchronized String documentTitle(String document) {
        return documentTitles(List.of(document)).get(document);
    }

    static final String TOPIC_SELECT = "SELECT kind, key, name, type, description, overview, aliases FROM topics";
    static final String CONTRIBUTION_SELECT = "SELECT kind, key, document, name, text, score FROM contributions";

    static TopicRecord topic(ResultSet rs) throws SQLException {
        return new TopicRecord(TopicKind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), Aliases.parse(rs.getString(7)));
    }

    static ContributionRecord contribution(ResultSet rs) throws SQLException {
        return new ContributionRecord(TopicKind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getDouble(6));
    }

    static final String DOCUMENT_SELECT = "SELECT name, hash, file_name, type, origin, raw_path, source_path,"
            + " summary_path, pages, description, added_at FROM documents";

    static DocumentRecord document(ResultSet rs) throws SQLException {
        return new DocumentRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                rs.getString(10), Instant.parse(rs.getString(11)));
    }

    static PageRecord page(ResultSet rs) throws SQLException {
        return new PageRecord(rs.getString(1), PageKind.fromDb(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5));
    }

    /** One row or none; synchronized like every read, since the connection is shared. */
    synchronized <T> Optional<T> query(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = list(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    synchronized <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new KbException(ExitCode.FAILURE, "catalog read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing only releases resources; committed data is already durable.
        }
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
