package dev.kbtool.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.session.KbServices;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.ScriptedCompiler;
import dev.kbtool.testing.ScriptedKb;
import dev.kbtool.text.GeneratedRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's edits survive every kb command: their text around kb's part of a summary, concept
 * or entity page and their own frontmatter keys are kept when kb rewrites the page; an edit of
 * kb's part is never overwritten silently — the page stays as they left it, kb's update is set
 * aside and reported — until --discard-edits takes kb's version, keeping theirs in the catalog.
 */
class HandEditsTest {
    private static final String MY_NOTES = "## My notes\n\nMy own thought about graphs, kept by kb.\n";

    @TempDir
    Path tmp;
    ScriptedKb scripted;
    Kb kb;

    @BeforeEach
    void setUp() {
        Fixtures.write(tmp.resolve("in/alpha.md"), "# Alpha\n\nsummary: Alpha draws graphs.\n"
                + "concept: Graph | Alpha draws graphs.\nentity: Ada Lovelace/person | Alpha cites Ada.\n");
        Fixtures.write(tmp.resolve("in/beta.md"), "# Beta\n\nsummary: Beta colours graphs.\n"
                + "concept: Graph | Beta colours graphs.\nentity: Ada Lovelace/person | Beta admires Ada.\n");
        scripted = new ScriptedKb(tmp, "kb");
        scripted.add("in");
        kb = new Kb(tmp).env("KB_DIR", scripted.root.toString());
    }

    @Test
    void aPersonsTextAroundKbsPartSurvivesEveryCommandAndAnEditInsideIsNeverOverwritten() throws Exception {
        Path concept = scripted.file("wiki/concepts/graph.md");
        Path entity = scripted.file("wiki/entities/ada-lovelace.md");
        Path summary = scripted.file("wiki/summaries/alpha.md");
        assertThat(Files.readString(concept)).contains(GeneratedRegion.BEGIN, GeneratedRegion.END);
        // Outside kb's part: notes below it, a tag of their own, an introduction above the summary.
        Files.writeString(concept, Files.readString(concept).replaceFirst("\n---\n", "\ntags: [\"mine\"]\n---\n")
                + "\n" + MY_NOTES);
        Files.writeString(summary, Files.readString(summary).replace(GeneratedRegion.BEGIN,
                "My introduction to alpha.\n\n" + GeneratedRegion.BEGIN));
        // Inside kb's part: a sentence changed.
        Files.writeString(entity, Files.readString(entity).replace("Alpha cites Ada.", "Alpha quotes Ada at length."));
        String myEntity = Files.readString(entity);

        Fixtures.write(tmp.resolve("more/delta.md"), "# Delta\n\nsummary: Delta counts graphs.\n"
                + "concept: Graph | Delta counts graphs.\nentity: Ada Lovelace/person | Delta follows Ada.\n");
        scripted.add("more");
        assertThat(Files.readString(concept)).contains("Delta counts graphs.", MY_NOTES, "tags: [\"mine\"]");
        assertThat(Files.readString(entity)).as("kb's update set aside").isEqualTo(myEntity).doesNotContain("Delta");

        recompile("alpha", false);
        assertThat(Files.readString(summary)).contains("My introduction to alpha.", "Alpha draws graphs.");
        assertThat(Files.readString(concept)).contains(MY_NOTES);

        assertThat(kb.run("remove", "--yes", "beta").code()).isZero();
        assertThat(Files.readString(concept)).contains(MY_NOTES, "tags: [\"mine\"]").doesNotContain("Beta colours");
        assertThat(Files.readString(entity)).isEqualTo(myEntity);

        assertThat(kb.run("lint", "--fix").code()).isZero();
        assertThat(Files.readString(concept)).contains(MY_NOTES);
        assertThat(Files.readString(summary)).contains("My introduction to alpha.");

        Kb.Result status = kb.run("status");
        Kb.Result doctor = kb.run("doctor");
        assertThat(status.out()).contains("Kept edits:", "1 page(s)");
        assertThat(doctor.code()).as(doctor.toString()).isZero();
        assertThat(doctor.out()).contains("page-edited", "wiki/entities/ada-lovelace.md");

        recompile("delta", true);
        assertThat(Files.readString(entity)).contains("Delta follows Ada.").doesNotContain("quotes Ada at length");
        assertThat(replacedTexts()).singleElement().asString().contains("Alpha quotes Ada at length.");
        assertThat(kb.run("doctor").out()).doesNotContain("page-edited");
    }

    /**
     * On each of a summary, a concept and an entity page a person adds text outside kb's part and
     * changes a sentence inside it; every command that touches the pages keeps both.
     */
    @Test
    void editsInsideAndOutsideKbsPartOfEveryKindOfPageSurviveEveryCommand() throws Exception {
        List<Path> pages = List.of(scripted.file("wiki/summaries/alpha.md"), scripted.file("wiki/concepts/graph.md"),
                scripted.file("wiki/entities/ada-lovelace.md"));
        for (Path page : pages) {
            String text = Files.readString(page);
            // Inside: kb's first body line after the heading gets a person's words.
            int begin = text.indexOf(GeneratedRegion.BEGIN);
            int heading = text.indexOf("\n# ", begin);
            assertThat(heading).as(page + " has kb's heading inside its part").isGreaterThan(begin);
            int lineEnd = text.indexOf('\n', heading + 1);
            text = text.substring(0, lineEnd) + " (my words inside)" + text.substring(lineEnd);
            Files.writeString(page, text + "\n" + MY_NOTES);
        }
        Runnable personsTextIsThere = () -> {
            for (Path page : pages) {
                assertThat(Fixtures.read(page)).as(page.toString()).contains("(my words inside)", MY_NOTES);
            }
        };

        Fixtures.write(tmp.resolve("more/delta.md"), "# Delta\n\nsummary: Delta counts graphs.\n"
                + "concept: Graph | Delta counts graphs.\nentity: Ada Lovelace/person | Delta follows Ada.\n");
        scripted.add("more");
        personsTextIsThere.run();
        recompile("alpha", false);
        personsTextIsThere.run();
        assertThat(kb.run("remove", "--yes", "beta").code()).isZero();
        personsTextIsThere.run();
        assertThat(kb.run("lint", "--fix").code()).isZero();
        personsTextIsThere.run();
        Fixtures.write(tmp.resolve("in/alpha.md"), "# Alpha\n\nsummary: Alpha draws and counts graphs.\n"
                + "concept: Graph | Alpha draws graphs.\nentity: Ada Lovelace/person | Alpha cites Ada twice.\n");
        assertThat(scripted.sync("in")).extracting(o -> o.status().label()).contains("updated");
        personsTextIsThere.run();

        assertThat(kb.run("status").out()).contains("Kept edits:", "3 page(s)");
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void pagesRewrittenAgainAndAgainStayTheSame() throws Exception {
        Path summary = scripted.file("wiki/summaries/alpha.md");
        Path concept = scripted.file("wiki/concepts/graph.md");
        Fixtures.write(tmp.resolve("in/gamma.md"), "# Gamma\n\nconcept: Graph | Gamma counts graphs.\n");
        scripted.add("in/gamma.md");
        Files.writeString(summary, Files.readString(summary).replace(GeneratedRegion.BEGIN,
                "My introduction to alpha.\n\n" + GeneratedRegion.BEGIN));
        recompile("alpha", false);
        String summaryOnce = Files.readString(summary);
        String conceptOnce = Files.readString(concept);
        String indexOnce = Files.readString(scripted.file("wiki/index.md"));

        for (int i = 0; i < 2; i++) {
            Fixtures.write(tmp.resolve("in/delta" + i + ".md"), "# Delta " + i + "\n\nconcept: Graph | Delta " + i
                    + " bends graphs.\n");
            scripted.add("in/delta" + i + ".md");
            kb.run("remove", "--yes", "delta" + i);
            recompile("alpha", false);
        }

        assertThat(Files.readString(summary)).isEqualTo(summaryOnce).contains("---\n\nMy introduction to alpha.\n\n"
                + GeneratedRegion.BEGIN + "\n\n# ").as("the markers stand apart from kb's paragraphs")
                .containsPattern("[.)]\n\n" + GeneratedRegion.END + "\n");
        assertThat(Files.readString(concept)).isEqualTo(conceptOnce);
        assertThat(Files.readString(scripted.file("wiki/index.md"))).isEqualTo(indexOnce);
    }

    @Test
    void whenKbDeletesItsPageThePersonsPartStaysAsAPageOfItsOwn() throws Exception {
        Path concept = scripted.file("wiki/concepts/graph.md");
        Files.writeString(concept, Files.readString(concept) + "\n" + MY_NOTES);

        assertThat(kb.run("remove", "--yes", "alpha", "beta").code()).isZero();

        String left = Files.readString(concept);
        assertThat(left).contains(MY_NOTES).doesNotContain("Alpha draws graphs.", "Beta colours graphs.");
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void aPageAPersonMadeWhereKbNowWantsOneIsLeftAlone() throws Exception {
        Path mine = Fixtures.write(scripted.file("wiki/concepts/tree.md"), "# Tree\n\nMy page about trees.\n");
        Fixtures.write(tmp.resolve("later/gamma.md"), "# Gamma\n\nsummary: Gamma climbs trees.\n"
                + "concept: Tree | Gamma climbs trees.\n");

        scripted.add("later");

        assertThat(Files.readString(mine)).isEqualTo("# Tree\n\nMy page about trees.\n");
        assertThat(kb.run("doctor").out()).contains("page-edited", "wiki/concepts/tree.md");
    }

    /** kb recompile DOC [--discard-edits], with the scripted compiler the documents were added with. */
    private void recompile(String document, boolean discardEdits) throws Exception {
        try (KbServices services = scripted.services("kb recompile").withCompiler(new ScriptedCompiler())) {
            Catalog catalog = services.session().catalog();
            var recompiler = services.recompiler(1, false);
            if (discardEdits) {
                recompiler.discardingEdits();
            }
            recompiler.run(List.of(catalog.documentByName(document).orElseThrow()), new Cancellation(), o -> { });
        }
    }

    private List<String> replacedTexts() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + new KbLayout(scripted.root).catalogFile());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT text FROM replaced_pages")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
