package dev.kbtool.catalog;

import java.util.List;

/**
 * The catalog's forward migrations. Entry {@code i} takes a database from schema version
 * {@code i} to {@code i + 1} ({@code PRAGMA user_version}); released entries are never edited,
 * only appended to, so every older KB can be brought forward.
 */
final class CatalogSchema {
    static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE documents (
                      id           INTEGER PRIMARY KEY,
                      name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
                      hash         TEXT NOT NULL UNIQUE,
                      file_name    TEXT NOT NULL,
                      type         TEXT NOT NULL,
                      origin       TEXT NOT NULL,
                      raw_path     TEXT NOT NULL,
                      source_path  TEXT NOT NULL,
                      summary_path TEXT NOT NULL,
                      pages        INTEGER NOT NULL DEFAULT 0,
                      description  TEXT NOT NULL DEFAULT '',
                      added_at     TEXT NOT NULL
                    )""",
                    "CREATE INDEX documents_origin ON documents(origin)",
                    """
                    CREATE TABLE pages (
                      path         TEXT PRIMARY KEY,
                      kind         TEXT NOT NULL,
                      title        TEXT NOT NULL,
                      description  TEXT NOT NULL DEFAULT '',
                      document     TEXT,
                      updated_at   TEXT NOT NULL
                    )""",
                    "CREATE INDEX pages_kind ON pages(kind)",
                    "CREATE INDEX pages_document ON pages(document)",
                    """
                    CREATE TABLE transactions (
                      txid         TEXT PRIMARY KEY,
                      operation    TEXT NOT NULL,
                      detail       TEXT NOT NULL DEFAULT '',
                      committed_at TEXT NOT NULL
                    )"""),
            List.of(
                    """
                    CREATE TABLE topics (
                      kind         TEXT NOT NULL,
                      key          TEXT NOT NULL,
                      name         TEXT NOT NULL,
                      type         TEXT NOT NULL,
                      description  TEXT NOT NULL DEFAULT '',
                      overview     TEXT NOT NULL DEFAULT '',
                      aliases      TEXT NOT NULL DEFAULT '[]',
                      PRIMARY KEY (kind, key)
                    )""",
                    """
                    CREATE TABLE contributions (
                      kind         TEXT NOT NULL,
                      key          TEXT NOT NULL,
                      document     TEXT NOT NULL,
                      name         TEXT NOT NULL,
                      text         TEXT NOT NULL,
                      score        REAL NOT NULL,
                      PRIMARY KEY (kind, key, document)
                    )""",
                    "CREATE INDEX contributions_document ON contributions(document)",
                    "CREATE INDEX contributions_rank ON contributions(kind, key, score DESC, document)"),
            List.of(
                    """
                    CREATE TABLE derived_pages (
                      path         TEXT PRIMARY KEY,
                      sha256       TEXT NOT NULL
                    )"""),
            List.of(
                    """
                    CREATE TABLE doc_tree (
                      document     TEXT NOT NULL,
                      ord          INTEGER NOT NULL,
                      level        INTEGER NOT NULL,
                      title        TEXT NOT NULL,
                      start_page   INTEGER NOT NULL,
                      end_page     INTEGER NOT NULL,
                      summary      TEXT NOT NULL DEFAULT '',
                      PRIMARY KEY (document, ord)
                    )""",
                    """
                    CREATE TABLE search_rows (
                      id           INTEGER PRIMARY KEY,
                      document     TEXT,
                      target       TEXT NOT NULL,
                      kind         TEXT NOT NULL,
                      page         INTEGER NOT NULL DEFAULT 0
                    )""",
                    "CREATE INDEX search_rows_document ON search_rows(document)",
                    "CREATE INDEX search_rows_target ON search_rows(target)",
                    "CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')"),
            List.of(
                    """
                    CREATE TABLE links (
                      source       TEXT NOT NULL,
                      target       TEXT NOT NULL,
                      PRIMARY KEY (source, target)
                    )""",
                    "CREATE INDEX links_target ON links(target)"),
            // One row while the derived views lag behind the content: the process that committed
            // content last without rendering them since (pid and start time).
            // How many documents contribute to each topic, kept by triggers: a topic page shows
            // the number, and counting thousands of contributions at every commit made a
            // commit grow with the knowledge base.
            List.of(
                    """
                    CREATE TABLE views_pending (
                      id           INTEGER PRIMARY KEY CHECK (id = 1),
                      committer    TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE topic_sizes (
                      kind         TEXT NOT NULL,
                      key          TEXT NOT NULL,
                      contributors INTEGER NOT NULL,
                      PRIMARY KEY (kind, key)
                    )""",
                    "INSERT INTO topic_sizes(kind, key, contributors) SELECT kind, key, count(*) FROM contributions GROUP BY kind, key",
                    """
                    CREATE TRIGGER contribution_added AFTER INSERT ON contributions BEGIN
                      INSERT OR IGNORE INTO topic_sizes(kind, key, contributors) VALUES (NEW.kind, NEW.key, 0);
                      UPDATE topic_sizes SET contributors = contributors + 1 WHERE kind = NEW.kind AND key = NEW.key;
                    END""",
                    """
                    CREATE TRIGGER contribution_removed AFTER DELETE ON contributions BEGIN
                      UPDATE topic_sizes SET contributors = contributors - 1 WHERE kind = OLD.kind AND key = OLD.key;
                      DELETE FROM topic_sizes WHERE kind = OLD.kind AND key = OLD.key AND contributors <= 0;
                    END"""),
            // What kb last wrote to each page (so a person's edit can be told from kb's own
            // text), and the files that failed with this kb version (so an unchanged file that
            // failed is not converted again on every run).
            List.of(
                    """
                    CREATE TABLE written_pages (
                      path         TEXT PRIMARY KEY,
                      sha256       TEXT NOT NULL,
                      generated    TEXT NOT NULL,
                      size         INTEGER NOT NULL,
                      modified     INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE held_pages (
                      path         TEXT PRIMARY KEY,
                      kb_text      TEXT,
                      document     TEXT,
                      held_at      TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE replaced_pages (
                      id           INTEGER PRIMARY KEY,
                      path         TEXT NOT NULL,
                      text         TEXT NOT NULL,
                      replaced_at  TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE failures (
                      hash         TEXT PRIMARY KEY,
                      version      TEXT NOT NULL,
                      origin       TEXT NOT NULL,
                      reason       TEXT NOT NULL,
                      failed_at    TEXT NOT NULL
                    )"""),
            // The size and modification time each synced file had when kb last read it, and the
            // hash of what it read: kb sync skips a file whose size and time have not changed
            // without reading it again.
            List.of(
                    """
                    CREATE TABLE seen_files (
                      path         TEXT PRIMARY KEY,
                      size         INTEGER NOT NULL,
                      modified     INTEGER NOT NULL,
                      hash         TEXT NOT NULL
                    )"""),
            // Migration 9. The search index by passage: a page of a paged document, a section of a long text,
            // a summary or a topic page, each with the fields ranking weighs (title, headings,
            // summary, body) and where it is (page, line, section). Stemmed (porter), so a
            // question's "supports" finds the text's "support". Rows of the index before it are
            // carried over as they were (tree nodes dropped: their page has its own row);
            // `kb recompile` re-indexes a document by passages.
            List.of(
                    """
                    CREATE TABLE passages (
                      id           INTEGER PRIMARY KEY,
                      document     TEXT,
                      target       TEXT NOT NULL,
                      kind         TEXT NOT NULL,
                      page         INTEGER NOT NULL DEFAULT 0,
                      line         INTEGER NOT NULL DEFAULT 0,
                      section      TEXT NOT NULL DEFAULT '',
                      title        TEXT NOT NULL DEFAULT ''
                    )""",
                    "CREATE INDEX passages_document ON passages(document, kind)",
                    "CREATE INDEX passages_kind ON passages(kind)",
                    "CREATE INDEX passages_target ON passages(target)",
                    "CREATE VIRTUAL TABLE passage_text USING fts5(title, headings, summary, body,"
                            + " tokenize = 'porter unicode61 remove_diacritics 2')",
                    """
                    INSERT INTO passages(id, document, target, kind, page, title)
                    SELECT r.id, r.document, r.target, CASE r.kind WHEN 'page' THEN 'source' ELSE r.kind END, r.page,
                           s.title
                    FROM search_rows r JOIN search s ON s.rowid = r.id WHERE r.kind <> 'node'""",
                    """
                    INSERT INTO passage_text(rowid, title, headings, summary, body)
                    SELECT r.id, s.title, '', CASE r.kind WHEN 'summary' THEN s.body ELSE '' END,
                           CASE r.kind WHEN 'summary' THEN '' ELSE s.body END
                    FROM search_rows r JOIN search s ON s.rowid = r.id WHERE r.kind <> 'node'""",
                    "DROP TABLE search",
                    "DROP TABLE search_rows"),
            // Migration 10. Dense retrieval: each passage's packed window vectors (the search package's
            // PassageVectors), by passage id. Passages indexed before it have none until `kb recompile`
            // re-indexes them; search ranks them by their words alone.
            List.of("CREATE TABLE passage_vectors (id INTEGER PRIMARY KEY, windows BLOB NOT NULL)"));

    private CatalogSchema() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }
}
