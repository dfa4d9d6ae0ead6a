package dev.kbtool.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Row-level writes, only available inside {@link Catalog#commit}. */
public final class CatalogWriter {
    private final Connection connection;

    CatalogWriter(Connection connection) {
        this.connection = connection;
    }

    /** Inserts the document, or replaces the row with the same name (a re-added, changed file). */
    public void putDocument(DocumentRecord d) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO documents(name, hash, file_name, type, origin, raw_path, source_path, summary_path,
                                      pages, description, added_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT(name) DO UPDATE SET hash = excluded.hash, file_name = excluded.file_name,
                  type = excluded.type, origin = excluded.origin, raw_path = excluded.raw_path,
                  source_path = excluded.source_path, summary_path = excluded.summary_path,
                  pages = excluded.pages, description = excluded.description""")) {
            ps.setString(1, d.name());
            ps.setString(2, d.hash());
            ps.setString(3, d.fileName());
            ps.setString(4, d.type());
            ps.setString(5, d.origin());
            ps.setString(6, d.rawPath());
            ps.setString(7, d.sourcePath());
            ps.setString(8, d.summaryPath());
            ps.setInt(9, d.pages());
            ps.setString(10, d.description());
            ps.setString(11, d.addedAt().toString());
            ps.executeUpdate();
        }
    }

    public void deleteDocument(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM documents WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    public void putPage(PageRecord p) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO pages(path, kind, title, description, document, updated_at) VALUES (?,?,?,?,?,?)
                ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, title = excluded.title,
                  description = excluded.description, document = excluded.document,
                  updated_at = excluded.updated_at""")) {
            ps.setString(1, p.path());
            ps.setString(2, p.kind().dbName());
            ps.setString(3, p.title());
            ps.setString(4, p.description());
            ps.setString(5, p.document());
            ps.setString(6, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    public void deletePage(String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM pages WHERE path = ?")) {
            ps.setString(1, path);
            ps.executeUpdate();
        }
    }

    public void putTopic(TopicRecord t) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO topics(kind, key, name, type, description, overview, aliases) VALUES (?,?,?,?,?,?,?)
                ON CONFLICT(kind, key) DO UPDATE SET name = excluded.name, type = excluded.type,
                  description = excluded.description, overview = excluded.overview, aliases = excluded.aliases""")) {
            ps.setString(1, t.kind().dbName());
            ps.setString(2, t.key());
            ps.setString(3, t.name());
            ps.setString(4, t.type());
            ps.setString(5, t.description());
            ps.setString(6, t.overview());
            ps.setString(7, Aliases.format(t.aliases()));
            ps.executeUpdate();
        }
    }

    public void deleteTopic(TopicKind kind, String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM topics WHERE kind = ? AND key = ?")) {
            ps.setString(1, kind.dbName());
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    public void putContribution(ContributionRecord c) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO contributions(kind, key, document, name, text, score) VALUES (?,?,?,?,?,?)
                ON CONFLICT(kind, key, document) DO UPDATE SET name = excluded.name, text = excluded.text,
                  score = excluded.score""")) {
            ps.setString(1, c.kind().dbName());
            ps.setString(2, c.key());
            ps.setString(3, c.document());
            ps.setString(4, c.name());
            ps.setString(5, c.text());
            ps.setDouble(6, c.score());
            ps.executeUpdate();
        }
    }

    public void deleteContribution(ContributionRecord c) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM contributions WHERE kind = ? AND key = ? AND document = ?")) {
            ps.setString(1, c.kind().dbName());
            ps.setString(2, c.key());
            ps.setString(3, c.document());
            ps.executeUpdate();
        }
    }

    /** Removes every contribution of a document, before its new ones are written or when it is removed. */
    public void deleteContributionsOf(String document) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM contributions WHERE document = ?")) {
            ps.setString(1, document);
            ps.executeUpdate();
        }
    }

    /** Records a derived page as written (sha256 of its content), or forgets it when {@code sha256} is null. */
    public void putDerivedPage(String path, String sha256) throws SQLException {
        String sql = sha256 == null ? "DELETE FROM derived_pages WHERE path = ?"
                : "INSERT INTO derived_pages(path, sha256) VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, path);
            if (sha256 != null) {
                ps.setString(2, sha256);
            }
            ps.executeUpdate();
        }
    }

    /** Replaces a document's page tree. */
    public void putTree(String document, java.util.List<TreeNode> nodes) throws SQLException {
        deleteTree(document);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO doc_tree(document, ord, level, title,"
                + " start_page, end_page, summary) VALUES (?,?,?,?,?,?,?)")) {
            for (TreeNode n : nodes) {
                ps.setString(1, document);
                ps.setInt(2, n.ord());
                ps.setInt(3, n.level());
                ps.setString(4, n.title());
                ps.setInt(5, n.startPage());
                ps.setInt(6, n.endPage());
                ps.setString(7, n.summary());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void deleteTree(String document) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM doc_tree WHERE document = ?")) {
            ps.setString(1, document);
            ps.executeUpdate();
        }
    }

    /**
     * Adds passages to the search index; {@code document} is null for shared pages. The two
     * statements are prepared once for the whole list: a long document adds a row per passage.
     */
    public void index(String document, List<SearchEntry> entries) throws SQLException {
        try (PreparedStatement row = connection.prepareStatement(
                "INSERT INTO passages(document, target, kind, page, line, section, title) VALUES (?,?,?,?,?,?,?)"
                        + " RETURNING id");
                PreparedStatement text = connection.prepareStatement(
                        "INSERT INTO passage_text(rowid, title, headings, summary, body) VALUES (?,?,?,?,?)");
                PreparedStatement vectors = connection.prepareStatement(
                        "INSERT INTO passage_vectors(id, windows) VALUES (?,?)")) {
            for (SearchEntry e : entries) {
                row.setString(1, document);
                row.setString(2, e.target());
                row.setString(3, e.kind());
                row.setInt(4, e.page());
                row.setInt(5, e.line());
                row.setString(6, e.section());
                row.setString(7, e.title());
                long id;
                try (ResultSet rs = row.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                text.setLong(1, id);
                text.setString(2, e.indexTitle());
                text.setString(3, e.headings());
                text.setString(4, e.summary());
                text.setString(5, e.body());
                text.executeUpdate();
                byte[] packed = e.vectors().get();
                if (packed != null) {
                    vectors.setLong(1, id);
                    vectors.setBytes(2, packed);
                    vectors.executeUpdate();
                }
            }
        }
    }

    /**
     * Makes {@code entry} the only index row of a shared page. A topic page that a new
     * document changed only below its shown contributions reads the same as before, and
     * rewriting its row would cost the full-text index a delete and an insert for nothing.
     */
    public void reindexTarget(SearchEntry entry) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT p.kind, p.page, p.title, t.title, t.headings, t.summary, t.body,
                       EXISTS (SELECT 1 FROM passage_vectors v WHERE v.id = p.id)
                FROM passages p JOIN passage_text t ON t.rowid = p.id WHERE p.target = ?""")) {
            ps.setString(1, entry.target());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && entry.kind().equals(rs.getString(1)) && entry.page() == rs.getInt(2)
                        && entry.title().equals(rs.getString(3)) && entry.indexTitle().equals(rs.getString(4))
                        && entry.headings().equals(rs.getString(5)) && entry.summary().equals(rs.getString(6))
                        && entry.body().equals(rs.getString(7)) && (rs.getBoolean(8) || entry.vectors().get() == null)
                        && !rs.next()) {
                    return;
                }
            }
        }
        unindexTarget(entry.target());
        index(null, List.of(entry));
    }

    /** Removes every index row of a document. */
    public void unindexDocument(String document) throws SQLException {
        unindex("document", document);
    }

    /** Removes the index rows of one shared page, e.g. {@code concepts/graph}. */
    public void unindexTarget(String target) throws SQLException {
        unindex("target", target);
    }

    private void unindex(String column, String value) throws SQLException {
        for (String table : List.of("passage_text WHERE rowid", "passage_vectors WHERE id")) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM " + table + " IN (SELECT id FROM passages WHERE " + column + " = ?)")) {
                ps.setString(1, value);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM passages WHERE " + column + " = ?")) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
    }

    /**
     * Records the wikilink targets of a page kb wrote (path relative to {@code wiki/}, e.g.
     * {@code summaries/a.md}), replacing what was recorded before; an empty set forgets the page.
     * Only the difference is written: a topic page that gains one contribution keeps almost all
     * of its links, and rewriting them all made every commit insert a thousand index entries
     * into a table that grows with the knowledge base.
     */
    public void putLinks(String source, java.util.Collection<String> targets) throws SQLException {
        Set<String> wanted = new HashSet<>(targets);
        Set<String> recorded = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT target FROM links WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getString(1));
                }
            }
        }
        linkBatch("DELETE FROM links WHERE source = ? AND target = ?", source, without(recorded, wanted));
        linkBatch("INSERT INTO links(source, target) VALUES (?,?)", source, without(wanted, recorded));
    }

    private static Set<String> without(Set<String> from, Set<String> taken) {
        Set<String> rest = new HashSet<>(from);
        rest.removeAll(taken);
        return rest;
    }

    private void linkBatch(String sql, String source, Set<String> targets) throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (String t : targets) {
                ps.setString(1, source);
                ps.setString(2, t);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Records what kb just wrote to a page. */
    public void putWrittenPage(WrittenPage page) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO written_pages(path, sha256, generated, size, modified) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, generated = excluded.generated,
                  size = excluded.size, modified = excluded.modified""")) {
            ps.setString(1, page.path());
            ps.setString(2, page.sha256());
            ps.setString(3, page.generated());
            ps.setLong(4, page.size());
            ps.setLong(5, page.modified());
            ps.executeUpdate();
        }
    }

    /** Forgets a page kb deleted. */
    public void forgetWrittenPage(String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM written_pages WHERE path = ?")) {
            ps.setString(1, path);
            ps.executeUpdate();
        }
    }

    /** Remembers that the content {@code hash} failed with this kb version, and why. */
    public void putFailure(String hash, String version, String origin, String reason) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO failures(hash, version, origin, reason, failed_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(hash) DO UPDATE SET version = excluded.version, origin = excluded.origin,
                  reason = excluded.reason, failed_at = excluded.failed_at""")) {
            ps.setString(1, hash);
            ps.setString(2, version);
            ps.setString(3, origin);
            ps.setString(4, reason);
            ps.setString(5, java.time.Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** Forgets a failure: the content was added after all. */
    public void clearFailure(String hash) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM failures WHERE hash = ?")) {
            ps.setString(1, hash);
            ps.executeUpdate();
        }
    }

    /**
     * Records that kb did not write its version of a page because a person edited kb's part:
     * {@code kbText} is kb's version (null when kb would have deleted the page).
     */
    public void holdPage(String path, String kbText, String document) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO held_pages(path, kb_text, document, held_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET kb_text = excluded.kb_text, document = excluded.document,
                  held_at = excluded.held_at""")) {
            ps.setString(1, path);
            ps.setString(2, kbText);
            ps.setString(3, document);
            ps.setString(4, java.time.Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** kb wrote the page again: nothing of it is held any more. */
    public void releasePage(String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM held_pages WHERE path = ?")) {
            ps.setString(1, path);
            ps.executeUpdate();
        }
    }

    /** Keeps a person's version of a page that kb replaced on request ({@code --discard-edits}). */
    public void keepReplaced(String path, String text) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO replaced_pages(path, text, replaced_at) VALUES (?, ?, ?)")) {
            ps.setString(1, path);
            ps.setString(2, text);
            ps.setString(3, java.time.Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** Records the size, modification time and content hash a synced file had when kb read it. */
    public void putSeenFile(SeenFile file) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO seen_files(path, size, modified, hash) VALUES (?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET size = excluded.size, modified = excluded.modified,
                  hash = excluded.hash""")) {
            ps.setString(1, file.path());
            ps.setLong(2, file.size());
            ps.setLong(3, file.modified());
            ps.setString(4, file.hash());
            ps.executeUpdate();
        }
    }

    /** Forgets a file that is gone from the folders synced. */
    public void forgetSeenFile(String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM seen_files WHERE path = ?")) {
            ps.setString(1, path);
            ps.executeUpdate();
        }
    }
}
