package dev.kbtool.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.session.KbServices;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.ScriptedKb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search with the ranking by meaning fused in, through a knowledge base made by the real add pipeline. */
class DenseSearchTest {
    @TempDir
    Path tmp;
    ScriptedKb kb;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.write(tmp.resolve("in/servicing.md"), "# Servicing\n\nVehicles need servicing: change the motor oil,"
                + " rotate the tyres and check the brakes every season.\n"
                + "concept: Motor oil | Servicing changes the motor oil.\n");
        Fixtures.write(tmp.resolve("in/fences.md"), "# Fences\n\nRepair the wooden fence at the bottom of the garden"
                + " before the goats escape.\n");
        Fixtures.write(tmp.resolve("in/baking.md"), "# Baking\n\nKnead the dough, let it rise for an hour, then bake"
                + " the bread until golden.\n");
        kb = new ScriptedKb(tmp, "kb");
        kb.add("in");
    }

    private List<String> documents(boolean dense, String query) throws Exception {
        try (Catalog catalog = Catalog.open(kb.root.resolve(".kb/kb.db"))) {
            return new Searcher(catalog, dense).search(Searcher.Request.of(query, 10)).stream()
                    .map(r -> r.passage().document()).filter(d -> d != null).distinct().toList(); // topic pages have none
        }
    }

    @Test
    void findsAPassageSayingInOtherWordsWhatTheQueryAsks() throws Exception {
        assertThat(documents(false, "car repair")).as("by words: only the fence has 'repair'").containsExactly("fences");
        assertThat(documents(true, "car repair")).as("by meaning: vehicles, motor oil, tyres")
                .containsExactly("fences", "servicing");
    }

    @Test
    void theConfigTurnsItOff() throws Exception {
        Path config = kb.root.resolve(".kb/config.yaml");
        Files.writeString(config, Files.readString(config) + "\ndense_search: false\n");

        try (KbServices services = kb.services("kb search")) {
            assertThat(services.search(Searcher.Request.of("car repair", 10))).extracting(r -> r.passage().document())
                    .containsOnly("fences");
        }
    }

    @Test
    void listsNoPassageUnrelatedToTheQuery() throws Exception {
        assertThat(documents(true, "car repair")).doesNotContain("baking");
        assertThat(documents(true, "zeppelin quasar")).as("no word of the query in the knowledge base").isEmpty();
    }

    @Test
    void filtersByDocumentAndKindAsTheRankingByWordsDoes() throws Exception {
        try (Catalog catalog = Catalog.open(kb.root.resolve(".kb/kb.db"))) {
            List<SearchResult> hits = new Searcher(catalog, true).search(
                    new Searcher.Request("car repair", 10, List.of("servicing"), List.of("source"), 3));

            assertThat(hits).isNotEmpty().allSatisfy(h -> {
                assertThat(h.passage().document()).isEqualTo("servicing");
                assertThat(h.passage().kind()).isEqualTo("source");
            });
        }
    }

    @Test
    void aLongRunningReaderSeesPassagesAddedAfterItsFirstSearch() throws Exception {
        try (Catalog catalog = Catalog.openForReading(kb.root.resolve(".kb/kb.db"), n -> { })) {
            Searcher searcher = new Searcher(catalog, true);
            assertThat(searcher.search(Searcher.Request.of("car repair", 10))).extracting(r -> r.passage().document())
                    .doesNotContain("garage");

            Fixtures.write(tmp.resolve("more/garage.md"), "# Garage\n\nMechanics fix automobiles: engines, gearboxes"
                    + " and clutches of cars and trucks.\n");
            kb.add("more");

            assertThat(searcher.search(Searcher.Request.of("car repair", 10))).extracting(r -> r.passage().document())
                    .contains("garage");
        }
    }

    @Test
    void passagesIndexedBeforeVectorsExistedAreStillFoundByTheirWords() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kb.root.resolve(".kb/kb.db"))) {
            c.createStatement().execute("DELETE FROM passage_vectors");
        }

        assertThat(documents(true, "car repair")).containsExactly("fences");
        assertThat(documents(true, "bread dough")).containsExactly("baking");
    }
}
