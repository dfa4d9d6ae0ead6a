package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.ScriptedKb;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoveCommandTest {
    @TempDir
    Path tmp;
    ScriptedKb scripted;
    Kb kb;

    @BeforeEach
    void setUp() {
        Fixtures.write(tmp.resolve("in/alpha.md"), "# Alpha\n\nconcept: Graph | Alpha draws graphs.\n"
                + "concept: Tree | Only alpha climbs trees.\nentity: Ada Lovelace/person | Alpha cites Ada.\n");
        Fixtures.write(tmp.resolve("in/beta.md"), "# Beta\n\nconcept: Graph | Beta colours graphs.\n"
                + "summary: Beta builds on [[summaries/alpha|the alpha note]] and [[concepts/tree]].\n");
        scripted = new ScriptedKb(tmp, "kb");
        scripted.add("in/alpha.md");
        scripted.add("in/beta.md");
        kb = new Kb(tmp).env("KB_DIR", scripted.root.toString());
    }

    @Test
    void removesEveryArtifactKeepsOtherContributionsAndLeavesNoBrokenLink() {
        assertThat(Fixtures.read(scripted.file("wiki/summaries/beta.md"))).contains("[[summaries/alpha|the alpha note]]");

        Kb.Result r = kb.run("remove", "--yes", "alpha");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("removed alpha (alpha.md)");
        for (String gone : new String[] {"raw/alpha.md", "wiki/sources/alpha.md", "wiki/summaries/alpha.md",
                "wiki/concepts/tree.md", "wiki/entities/ada-lovelace.md"}) {
            assertThat(scripted.file(gone)).as(gone).doesNotExist();
        }
        String graph = Fixtures.read(scripted.file("wiki/concepts/graph.md"));
        assertThat(graph).contains("Beta colours graphs.", "documents: 1").doesNotContain("Alpha draws");
        assertThat(Fixtures.read(scripted.file("wiki/summaries/beta.md")))
                .contains("Beta builds on the alpha note and tree.").doesNotContain("[[summaries/alpha");
        String index = Fixtures.read(scripted.file("wiki/index.md"));
        assertThat(index).doesNotContain("summaries/alpha").doesNotContain("concepts/tree").contains("summaries/beta");
        assertThat(Fixtures.read(scripted.file("wiki/log.md"))).contains("remove | alpha.md");
        assertThat(kb.run("doctor").out()).contains("healthy");
        assertThat(KbDigest.leftovers(scripted.root)).isEmpty();
    }

    @Test
    void runAgainAfterACommandDiedBeforeItsIndexRefreshItRendersTheIndexThoughItFindsNothingToRemove()
            throws Exception {
        scripted.removeWithoutIndexRefresh("alpha");
        assertThat(Fixtures.read(scripted.file("wiki/index.md"))).contains("summaries/alpha");

        Kb.Result r = kb.run("remove", "--yes", "alpha");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("alpha: removed earlier");
        assertThat(Fixtures.read(scripted.file("wiki/index.md"))).doesNotContain("summaries/alpha")
                .contains("summaries/beta");
        try (Catalog catalog = Catalog.open(new KbLayout(scripted.root).catalogFile())) {
            assertThat(catalog.viewsPending()).isFalse();
        }
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void keepRawAndKeepEmpty() {
        Kb.Result r = kb.run("remove", "-y", "--keep-raw", "--keep-empty", "alpha.md");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(scripted.file("raw/alpha.md")).exists();
        assertThat(Fixtures.read(scripted.file("wiki/concepts/tree.md")))
                .contains("No document in the knowledge base contributes", "documents: 0");
        // The raw copy was kept on purpose: a CI step running doctor must not see damage or noise.
        Kb.Result doctor = kb.run("doctor");
        assertThat(doctor.code()).as(doctor.toString()).isZero();
        assertThat(doctor.out()).doesNotContain("file-without-document").contains("healthy");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() {
        var before = KbDigest.of(scripted.root);

        Kb.Result r = kb.run("remove", "--dry-run", "alpha");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Remove alpha (alpha.md):", "  DELETE raw/alpha.md",
                "  DELETE wiki/summaries/alpha.md", "  DELETE wiki/concepts/tree.md", "  MODIFY wiki/concepts/graph.md",
                "  MODIFY wiki/summaries/beta.md", "(dry run: nothing changed)");
        assertThat(KbDigest.of(scripted.root)).isEqualTo(before);
    }

    @Test
    void jsonGivesALinePerDocumentThenASummaryLikeEveryOtherCommand() {
        Kb.Result plan = kb.run("--json", "remove", "--dry-run", "alpha", "beta");
        Kb.Result done = kb.run("--json", "remove", "--yes", "alpha", "beta");

        assertThat(plan.out().lines().toList()).hasSize(3);
        assertThat(plan.out().lines().toList().get(2)).isEqualTo("{\"summary\":true,\"dry_run\":true,\"would_remove\":2}");
        assertThat(done.code()).isZero();
        assertThat(done.out().lines().toList()).hasSize(3);
        assertThat(done.out().lines().toList().get(0)).isEqualTo("{\"doc\":\"alpha\",\"status\":\"removed\"}");
        assertThat(done.out().lines().toList().get(2)).startsWith("{\"summary\":true,\"removed\":2,\"removed_earlier\":0,\"milliseconds\":");
    }

    @Test
    void ambiguousOrUnknownNamesChangeNothing() {
        var before = KbDigest.of(scripted.root);

        Kb.Result ambiguous = kb.run("remove", "--yes", "a");
        Kb.Result unknown = kb.run("remove", "--yes", "gamma");
        Kb.Result mixed = kb.run("remove", "--yes", "beta", "gamma");

        assertThat(ambiguous.code()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("'a' matches 2 documents: alpha (alpha.md), beta (beta.md)");
        assertThat(unknown.code()).isEqualTo(66);
        assertThat(mixed.code()).isEqualTo(66);
        assertThat(KbDigest.of(scripted.root)).isEqualTo(before);
    }

    @Test
    void asksOnATerminalAndNeedsYesElsewhere() {
        Kb.Result script = kb.run("remove", "alpha");
        Kb.Result declined = kb.answering("n\n", "remove", "alpha");
        assertThat(scripted.file("wiki/summaries/alpha.md")).exists();
        Kb.Result accepted = kb.answering("y\n", "remove", "alpha");

        assertThat(script.code()).isEqualTo(2);
        assertThat(script.err()).contains("--yes");
        assertThat(declined.code()).isEqualTo(1);
        assertThat(declined.err()).contains("Remove 1 document(s)? [y/N]", "aborted; nothing changed");
        assertThat(accepted.code()).isZero();
        assertThat(scripted.file("wiki/summaries/alpha.md")).doesNotExist();
    }
}
