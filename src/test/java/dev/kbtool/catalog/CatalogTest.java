package dev.kbtool.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kbtool.failure.KbException;
import dev.kbtool.testing.Fixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path tmp;

    @Test
    void aContentCommitLeavesTheViewsPendingUntilARenderAndOnlyAGoneCommitterAbandonsThem() throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            CommitPoint point = catalog.claimCommitPoint();
            assertThat(catalog.viewsPending()).isFalse();
            point.commit("t1", "add", "a.md", w -> { });
            assertThat(catalog.viewsPending()).isTrue();
            assertThat(catalog.viewsAbandoned()).as("this process is running").isFalse();
            point.commit("t2", Catalog.RENDER, "index", w -> { });
            assertThat(catalog.viewsPending()).isFalse();

            point.commit("t3", "remove", "a", w -> { });
            Process running = new ProcessBuilder("sleep", "30").start();
            try {
                String other = new Committer(running.pid(),
                        running.info().startInstant().map(Instant::toString).orElse("-")).text();
                Fixtures.setViewsCommitter(tmp.resolve("kb.db"), other);
                assertThat(catalog.viewsAbandoned()).as("another kb still running renders them itself").isFalse();
            } finally {
                running.destroyForcibly().waitFor();
            }
            Fixtures.abandonViews(tmp.resolve("kb.db"));
            assertThat(catalog.viewsAbandoned()).isTrue();
        }
        assertThat(new Committer(ProcessHandle.current().pid(), "1970-01-01T00:00:00Z").alive())
                .as("same pid, other start: a reused pid").isFalse();
        assertThat(Committer.parse("not a committer")).isEmpty();
    }

    @Test
    void theMigrationCountsTheContributionsAnOlderCatalogAlreadyHas() throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            CommitPoint point = catalog.claimCommitPoint();
            point.commit("t1", "add", "a", w -> {
                w.putContribution(new ContributionRecord(TopicKind.CONCEPT, "graph", "a", "Graph", "A on graphs.", 1));
                w.putContribution(new ContributionRecord(TopicKind.CONCEPT, "graph", "b", "Graph", "B on graphs.", 1));
            });
        }
        // Back to version 5: what a catalog written before topic sizes existed looks like.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("kb.db"));
             Statement st = c.createStatement()) {
            List<String> back = new java.util.ArrayList<>(BACK_TO_8);
            back.addAll(List.of("DROP TABLE seen_files", "DROP TABLE written_pages", "DROP TABLE failures",
                    "DROP TABLE held_pages",
                    "DROP TABLE replaced_pages",
                    "DROP TRIGGER contribution_added", "DROP TRIGGER contribution_removed",
                    "DROP TABLE topic_sizes", "DROP TABLE views_pending", "PRAGMA user_version = 5"));
            for (String sql : back) {
                st.execute(sql);
            }
        }
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            assertThat(catalog.contributionCount(TopicKind.CONCEPT, "graph")).isEqualTo(2);
        }
    }

    @Test
    void topicSizesFollowEveryWayContributionsComeAndGo() {
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            CommitPoint point = catalog.claimCommitPoint();
            point.commit("t1", "add", "a", w -> {
                w.putContribution(new ContributionRecord(TopicKind.CONCEPT, "graph", "a", "Graph", "A on graphs.", 1));
                w.putContribution(new ContributionRecord(TopicKind.CONCEPT, "tree", "a", "Tree", "A on trees.", 1));
            });
            point.commit("t2", "add", "b", w -> {
                w.putContribution(new ContributionRecord(TopicKind.CONCEPT, "graph", "b", "Graph", "B on graphs.", 1));
                w.putContribution(new ContributionRecord(TopicKind.ENTITY, "graph", "b", "Graph", "B names Graph.", 1));
            });
            assertThat(catalog.contributionCount(TopicKind.CONCEPT, "graph")).isEqualTo(2);
            // Replacing a document's own contribution is not one more contributor.
            point.commit("t3", "add", "b", w -> w.putContribution(
                    new ContributionRecord(TopicKind.CONCEPT, "graph", "b", "Graph", "B, again.", 2)));
            assertThat(catalog.contributionCount(TopicKind.CONCEPT, "graph")).isEqualTo(2);
            assertThat(catalog.contributionCount(TopicKind.ENTITY, "graph")).isEqualTo(1);
            point.commit("t4", "remove", "a", w -> w.deleteContributionsOf("a"));
            assertThat(catalog.contributionCount(TopicKind.CONCEPT, "graph")).isEqualTo(1);
            assertThat(catalog.contributionCount(TopicKind.CONCEPT, "tree")).isZero();
            assertThat(catalog.contributionCounts(TopicKind.CONCEPT)).containsExactly(java.util.Map.entry("graph", 1));
            point.commit("t5", "remove", "b", w -> w.deleteContribution(
                    new ContributionRecord(TopicKind.ENTITY, "graph", "b", "Graph", "", 0)));
            assertThat(catalog.contributionCounts(TopicKind.ENTITY)).isEmpty();
        }
    }

    @Test
    void rerecordedLinksAreExactlyTheNewSet() {
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            CommitPoint point = catalog.claimCommitPoint();
            point.commit("t1", "add", "p", w -> w.putLinks("concepts/p.md", List.of("summaries/a", "summaries/b")));
            point.commit("t2", "add", "p", w -> w.putLinks("concepts/p.md", List.of("summaries/b", "summaries/c")));
            assertThat(catalog.pagesLinkingTo("summaries/a")).isEmpty();
            assertThat(catalog.pagesLinkingTo("summaries/b")).containsExactly("concepts/p.md");
            assertThat(catalog.pagesLinkingTo("summaries/c")).containsExactly("concepts/p.md");
            point.commit("t3", "remove", "p", w -> w.putLinks("concepts/p.md", List.of()));
            assertThat(catalog.pagesLinkingTo("summaries/b")).isEmpty();
            assertThat(catalog.pagesLinkingTo("summaries/c")).isEmpty();
        }
    }

    @Test
    void opensInWalModeWithFullSyncAndTheLatestSchema() throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            assertThat(catalog.userVersion()).isEqualTo(CatalogSchema.latestVersion());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("kb.db"));
             Statement st = c.createStatement()) {
            assertThat(scalar(st, "PRAGMA journal_mode")).isEqualTo("wal");
        }
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            // synchronous is per connection: check the one kb uses (2 = FULL).
            assertThat(catalog.pragma("synchronous")).isEqualTo("2");
            assertThat(catalog.pragma("foreign_keys")).isEqualTo("1");
        }
    }

    @Test
    void migratesAnEmptyDatabaseForward() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("old.db"))) {
            assertThat(c.createStatement().executeQuery("PRAGMA user_version").getInt(1)).isZero();
        }
        try (Catalog catalog = Catalog.open(tmp.resolve("old.db"))) {
            assertThat(catalog.userVersion()).isEqualTo(CatalogSchema.latestVersion());
            assertThat(catalog.documentCount()).isZero();
        }
    }

    @Test
    void refusesACatalogFromANewerKb() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("new.db"));
             Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 999");
        }
        assertThatThrownBy(() -> Catalog.open(tmp.resolve("new.db")))
                .isInstanceOf(KbException.class)
                .hasMessageContaining("schema version 999")
                .hasMessageContaining("upgrade kb");
    }

    @Test
    void commitWritesRowsAndTheCommittedMarkerTogether() {
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            CommitPoint point = catalog.claimCommitPoint();
            point.commit("tx1", "add", "a", w -> w.putDocument(doc("a", "h1")));

            assertThat(catalog.isCommitted("tx1")).isTrue();
            assertThat(catalog.documentByHash("h1")).map(DocumentRecord::name).contains("a");
            assertThat(catalog.lastTransaction()).map(TransactionRecord::txid).contains("tx1");
        }
    }

    @Test
    void aFailureInsideCommitLeavesNoTrace() {
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            CommitPoint point = catalog.claimCommitPoint();
            assertThatThrownBy(() -> point.commit("tx2", "add", "b", w -> {
                w.putDocument(doc("b", "h2"));
                throw new IllegalStateException("boom");
            })).hasMessage("boom");

            assertThat(catalog.isCommitted("tx2")).isFalse();
            assertThat(catalog.documentByHash("h2")).isEmpty();
            point.commit("tx3", "add", "c", w -> w.putDocument(doc("c", "h3")));
            assertThat(catalog.documentCount()).isEqualTo(1);
        }
    }

    @Test
    void theCommitPointIsHandedOutOnce() {
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            catalog.claimCommitPoint();

            assertThatThrownBy(catalog::claimCommitPoint).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already claimed");
        }
    }

    @Test
    void documentNamesAreUniqueIgnoringCase() {
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            CommitPoint point = catalog.claimCommitPoint();
            point.commit("t1", "add", "", w -> w.putDocument(doc("Report", "h1")));

            assertThat(catalog.documentByName("report")).isPresent();
        }
    }

    static DocumentRecord doc(String name, String hash) {
        return new DocumentRecord(name, hash, name + ".md", "md", "/x/" + name + ".md", "raw/" + name + ".md",
                "wiki/sources/" + name + ".md", "wiki/summaries/" + name + ".md", 0, "", Instant.now());
    }

    private static String scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The search index of schema version 6, before passages: what an older catalog holds. */
    private static final List<String> BACK_TO_8 = List.of("DROP TABLE passage_vectors", "DROP TABLE passage_text",
            "DROP TABLE passages",
            "CREATE TABLE search_rows (id INTEGER PRIMARY KEY, document TEXT, target TEXT NOT NULL, kind TEXT NOT NULL,"
                    + " page INTEGER NOT NULL DEFAULT 0)",
            "CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')",
            "PRAGMA user_version = 8");

    @Test
    void theMigrationCarriesAnOlderSearchIndexOverWithoutItsTreeNodes() throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            assertThat(catalog.passages().count()).isZero();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("kb.db"));
             Statement st = c.createStatement()) {
            for (String sql : BACK_TO_8) {
                st.execute(sql);
            }
            st.execute("INSERT INTO search_rows(id, document, target, kind, page) VALUES (1, 'a', 'summaries/a', 'summary', 0),"
                    + " (2, 'a', 'sources/a.json', 'page', 7), (3, 'a', 'summaries/a', 'node', 7)");
            st.execute("INSERT INTO search(rowid, title, body) VALUES (1, 'Atlas', 'a summary of maps'),"
                    + " (2, 'Atlas (page 7)', 'the lighthouse map'), (3, 'Chapter 2', 'maps of coasts')");
        }
        try (Catalog catalog = Catalog.open(tmp.resolve("kb.db"))) {
            assertThat(catalog.passages().count()).isEqualTo(2);
            assertThat(catalog.passages().matchCount("\"lighthouse\"")).isEqualTo(1);
            assertThat(catalog.passages().matchCount("\"coasts\"")).as("tree nodes repeat their page's text").isZero();
            PassageRow page = catalog.passages().of("a", "source", 7).get(0);
            assertThat(page.target()).isEqualTo("sources/a.json");
            assertThat(page.title()).isEqualTo("Atlas (page 7)");
            assertThat(catalog.passages().of("a", "summary", 0).get(0).summary()).isEqualTo("a summary of maps");
        }
    }
}
