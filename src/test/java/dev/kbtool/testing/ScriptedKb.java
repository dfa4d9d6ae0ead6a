package dev.kbtool.testing;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.convert.Converters;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.AddStatus;
import dev.kbtool.ingest.InputScanner;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.session.KbInitializer;
import dev.kbtool.session.KbServices;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds a knowledge base through the real add pipeline with a compiler of the test's
 * choosing (by default {@link ScriptedCompiler}), for tests of what happens afterwards.
 */
public final class ScriptedKb {
    public final Path root;
    private final Path cwd;

    public ScriptedKb(Path cwd, String dir) {
        this(cwd, KbInitializer.init(cwd.resolve(dir), Map.of(), Map.of()).root());
    }

    private ScriptedKb(Path cwd, Path root) {
        this.cwd = cwd;
        this.root = root;
    }

    /** A knowledge base that already exists. */
    public static ScriptedKb existing(Path cwd, Path root) {
        return new ScriptedKb(cwd, root);
    }

    public List<AddOutcome> add(String... paths) {
        return add(new ScriptedCompiler(), paths);
    }

    public List<AddOutcome> add(DocumentCompiler compiler, String... paths) {
        try (KbServices kb = services("kb test").withCompiler(compiler)) {
            var files = new InputScanner(Converters.standard(), cwd, List.of())
                    .scan(java.util.Arrays.stream(paths).map(Path::of).toList()).files();
            List<AddOutcome> outcomes = kb.addPipeline(Converters.standard(), 2, false, false, new Cancellation())
                    .run(files, o -> { });
            for (AddOutcome o : outcomes) {
                if (o.status() != AddStatus.ADDED) {
                    throw new AssertionError("not added: " + o);
                }
            }
            return outcomes;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** kb sync of the paths, with the scripted compiler. */
    public List<AddOutcome> sync(String... paths) {
        try (KbServices kb = services("kb test").withCompiler(new ScriptedCompiler())) {
            var planner = kb.syncPlanner(Converters.standard(), cwd);
            var plan = planner.plan(java.util.Arrays.stream(paths).map(Path::of).toList(),
                    InputScanner.Scope.ALL);
            return kb.syncer(Converters.standard(), 2, false, false, new Cancellation(), cwd).run(plan, o -> { });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Removes a document the way a {@code kb remove} killed between its commit and its index
     * refresh leaves it: the document gone, the index still listing it, the catalog's mark of
     * pending views in the name of a process that has ended.
     */
    public void removeWithoutIndexRefresh(String document) {
        KbLayout layout = new KbLayout(root);
        try (KbServices kb = services("kb remove")) {
            Catalog catalog = kb.session().catalog();
            kb.remover(false, false).remove(catalog.documentByName(document).orElseThrow());
            if (!catalog.viewsPending()) {
                throw new AssertionError("the remove left no views pending");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Fixtures.abandonViews(layout.catalogFile());
    }

    /** The knowledge base's services, as a command would wire them. */
    public KbServices services(String command) {
        return KbServices.open(new KbLayout(root), new KbServices.Settings(command, Duration.ofSeconds(30), Map.of(),
                n -> { }));
    }

    public Path file(String rel) {
        return root.resolve(rel);
    }
}
