package dev.kbtool.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.config.Config;
import dev.kbtool.convert.ConversionRequest;
import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.convert.Converter;
import dev.kbtool.convert.Converters;
import dev.kbtool.convert.MarkdownConverter;
import dev.kbtool.convert.TextConverter;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.publish.DerivedViews;
import dev.kbtool.session.KbInitializer;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.ScriptedCompiler;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The add pipeline with three workers, through real files, staging, transactions and SQLite. */
class AddPipelineTest {
    @TempDir
    Path tmp;
    KbLayout layout;
    Catalog catalog;
    TxEngine engine;
    final AtomicInteger conversions = new AtomicInteger();

    @BeforeEach
    void setUp() {
        layout = KbInitializer.init(tmp.resolve("kb"), Map.of(), Map.of());
        catalog = Catalog.open(layout.catalogFile());
        engine = new TxEngine(layout, catalog, Duration.ofSeconds(10), "kb test", n -> { },
                DerivedViews::refresh);
    }

    @AfterEach
    void tearDown() {
        catalog.close();
    }

    @Test
    void everyFileIsAddedOnceAndCommitsFollowScanOrder() throws Exception {
        List<InputFile> files = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            String name = String.format("d%d/file-%02d.%s", i % 3, i, i % 2 == 0 ? "md" : "txt");
            Fixtures.write(tmp.resolve("in/" + name), "Document " + i + " says something unique " + i + ".\n");
        }
        files.addAll(scan("in"));
        List<String> reported = new ArrayList<>();

        List<AddOutcome> outcomes = pipeline(3, Duration.ofMinutes(1), converters()).run(files,
                o -> reported.add(o.path()));

        assertThat(outcomes).hasSize(30).allMatch(o -> o.status() == AddStatus.ADDED);
        assertThat(reported).containsExactlyElementsOf(files.stream().map(InputFile::display).toList());
        assertThat(catalog.documentCount()).isEqualTo(30);
        String log = Files.readString(layout.logFile());
        List<String> logged = log.lines().filter(l -> l.contains("] add |"))
                .map(l -> l.substring(l.indexOf("| ") + 2, l.indexOf(" →"))).toList();
        assertThat(logged).containsExactlyElementsOf(files.stream().map(f -> f.path().getFileName().toString()).toList());
        for (DocumentRecord d : catalog.documents()) {
            assertThat(layout.root().resolve(d.summaryPath())).exists();
            assertThat(layout.root().resolve(d.rawPath())).exists();
        }
        assertThat(KbDigest.leftovers(layout.root())).isEmpty();
    }

    @Test
    void aFailingFileInTheMiddleFailsAloneAndStagingIsCleaned() throws Exception {
        for (int i = 0; i < 9; i++) {
            Fixtures.write(tmp.resolve("in/f" + i + ".md"), "File " + i + " text.\n");
        }
        Files.write(tmp.resolve("in/f4.md"), new byte[] {(byte) 0xC3, 0x28});

        List<AddOutcome> outcomes = pipeline(3, Duration.ofMinutes(1), converters()).run(scan("in"), o -> { });

        assertThat(outcomes).extracting(AddOutcome::status).containsExactly(
                AddStatus.ADDED, AddStatus.ADDED, AddStatus.ADDED, AddStatus.ADDED, AddStatus.FAILED,
                AddStatus.ADDED, AddStatus.ADDED, AddStatus.ADDED, AddStatus.ADDED);
        assertThat(outcomes.get(4).reason()).contains("not valid UTF-8");
        assertThat(KbDigest.leftovers(layout.root())).isEmpty();
    }

    @Test
    void duplicatesInsideTheBatchAreSkippedWithoutConversionFirstInScanOrderWins() throws Exception {
        for (int i = 0; i < 8; i++) {
            Fixtures.write(tmp.resolve("in/copy-" + i + ".md"), "The very same text.\n");
        }
        Fixtures.write(tmp.resolve("in/other.md"), "Different text.\n");

        List<AddOutcome> outcomes = pipeline(3, Duration.ofMinutes(1), converters()).run(scan("in"), o -> { });

        assertThat(outcomes.get(0).status()).isEqualTo(AddStatus.ADDED);
        assertThat(outcomes.subList(1, 8)).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(AddStatus.SKIPPED);
            assertThat(o.reason()).isEqualTo("same content as in/copy-0.md earlier in this batch");
        });
        assertThat(conversions.get()).isEqualTo(2);
    }

    /** Workers take big files first, but every file's outcome stays what scan order decides. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void biggerFilesLaterInScanOrderChangeNoOutcome(int jobs) throws Exception {
        for (int i = 0; i < 12; i++) {
            Fixtures.write(tmp.resolve(String.format("in/f%02d.md", i)), ("Text " + i + ". ").repeat(1 + i * 40) + "\n");
        }
        Files.copy(tmp.resolve("in/f11.md"), tmp.resolve("in/g-copy-of-f11.md"));
        Files.copy(tmp.resolve("in/f10.md"), tmp.resolve("in/h-copy-of-f10.md"));
        List<InputFile> files = scan("in");
        List<String> reported = new ArrayList<>();

        List<AddOutcome> outcomes = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> pipeline(jobs, Duration.ofMinutes(1), converters()).run(files, o -> reported.add(o.path())));

        assertThat(reported).containsExactlyElementsOf(files.stream().map(InputFile::display).toList());
        assertThat(outcomes.subList(0, 12)).allMatch(o -> o.status() == AddStatus.ADDED);
        assertThat(outcomes.get(12).reason()).isEqualTo("same content as in/f11.md earlier in this batch");
        assertThat(outcomes.get(13).reason()).isEqualTo("same content as in/f10.md earlier in this batch");
        assertThat(conversions.get()).isEqualTo(12);
        assertThat(KbDigest.leftovers(layout.root())).isEmpty();
    }

    @Test
    void sameStemsGetTheNamesASerialRunGives() throws Exception {
        for (String dir : List.of("a", "b", "c", "d")) {
            Fixtures.write(tmp.resolve("in/" + dir + "/notes.md"), "Notes from " + dir + ".\n");
        }
        List<String> parallel = pipeline(3, Duration.ofMinutes(1), converters()).run(scan("in"), o -> { })
                .stream().map(AddOutcome::document).toList();

        KbLayout serialKb = KbInitializer.init(tmp.resolve("serial"), Map.of(), Map.of());
        try (Catalog serialCatalog = Catalog.open(serialKb.catalogFile())) {
            TxEngine serialEngine = new TxEngine(serialKb, serialCatalog, Duration.ofSeconds(10), "kb", n -> { },
                    DerivedViews::refresh);
            List<String> serial = new AddPipeline(serialEngine, new DocumentPreparer(serialCatalog, Config.defaults(),
                    converters(), new ScriptedCompiler()), new AddPipeline.Options(1, Duration.ofMinutes(1), false),
                    new Cancellation()).run(scan("in"), o -> { }).stream().map(AddOutcome::document).toList();
            assertThat(parallel).isEqualTo(serial).doesNotHaveDuplicates();
            assertThat(parallel.get(0)).isEqualTo("notes");
        }
    }

    @Test
    void aFileThatHangsFailsAloneAndTheBatchGoesOn() throws Exception {
        Fixtures.write(tmp.resolve("in/a.md"), "A text.\n");
        Fixtures.write(tmp.resolve("in/b.hang"), "never converts");
        Fixtures.write(tmp.resolve("in/c.md"), "C text.\n");
        Fixtures.write(tmp.resolve("in/d.md"), "D text.\n");
        Converters withHang = new Converters(List.of(new MarkdownConverter(), new HangingConverter()));

        List<AddOutcome> outcomes = pipeline(1, Duration.ofMillis(500), withHang)
                .run(new InputScanner(withHang, tmp, List.of()).scan(List.of(tmp.resolve("in"))).files(), o -> { });

        assertThat(outcomes).extracting(AddOutcome::status)
                .containsExactly(AddStatus.ADDED, AddStatus.FAILED, AddStatus.ADDED, AddStatus.ADDED);
        assertThat(outcomes.get(1).reason()).contains("gave up after", "file_timeout");
    }

    @Test
    void aFileThatFinishedWhileEarlierFilesCommittedIsKeptThoughItRanPastTheLimit() throws Exception {
        Fixtures.write(tmp.resolve("in/a.md"), "A text.\n");
        Fixtures.write(tmp.resolve("in/b.slow"), "Converted slowly.\n");
        Converters withSlow = new Converters(List.of(new MarkdownConverter(), new SlowConverter(700, begun -> { })));
        Consumer<AddOutcome> busyCommitter = o -> sleep(1500);

        List<AddOutcome> outcomes = pipeline(2, Duration.ofMillis(500), withSlow)
                .run(new InputScanner(withSlow, tmp, List.of()).scan(List.of(tmp.resolve("in"))).files(), busyCommitter);

        assertThat(outcomes).extracting(AddOutcome::status).containsExactly(AddStatus.ADDED, AddStatus.ADDED);
    }

    @Test
    void aCancelledBatchDoesNotWaitForBiggerFilesQueuedBeforeTheNextToCommit() throws Exception {
        String text = "A much bigger file than the small one. ".repeat(50);
        Fixtures.write(tmp.resolve("in/a0.slow"), "0" + text + text);
        Fixtures.write(tmp.resolve("in/a1.slow"), "1" + text + text);
        Fixtures.write(tmp.resolve("in/a2.md"), "Small.\n");
        for (int i = 0; i < 8; i++) {
            Fixtures.write(tmp.resolve("in/b" + i + ".slow"), i + text);
        }
        Cancellation cancellation = new Cancellation();
        AtomicBoolean a1Committed = new AtomicBoolean();
        // Ctrl-C as soon as a conversion begins while the committer waits for the small a2,
        // which the b files, all bigger, would keep waiting until they are all converted.
        SlowConverter slow = new SlowConverter(300, begun -> {
            if (a1Committed.get()) {
                cancellation.cancel();
            }
        });
        Converters withSlow = new Converters(List.of(new MarkdownConverter(), slow));

        List<AddOutcome> outcomes = new AddPipeline(engine, preparer(withSlow),
                new AddPipeline.Options(2, Duration.ofMinutes(1), false), cancellation)
                .run(new InputScanner(withSlow, tmp, List.of()).scan(List.of(tmp.resolve("in"))).files(),
                        o -> a1Committed.compareAndSet(false, o.path().endsWith("a1.slow")));

        assertThat(cancellation.isCancelled()).isTrue();
        // Waiting for every b means all 10 conversions; on a loaded machine one or two more may
        // begin before the cancellation is seen than on an idle one.
        assertThat(slow.started.get()).as("conversions begun (10 if a2 waits for every b)").isLessThanOrEqualTo(8);
        assertThat(outcomes).extracting(AddOutcome::status).containsOnly(AddStatus.ADDED);
        assertThat(KbDigest.leftovers(layout.root())).isEmpty();
    }

    @Test
    void anotherProcessCommittingTheSameContentOrNameMeanwhileIsHandledAtCommit() throws Exception {
        Fixtures.write(tmp.resolve("in/report.md"), "Quarterly report text.\n");
        Fixtures.write(tmp.resolve("in/summary.md"), "Summary text.\n");
        DocumentCompiler interleaving = input -> {
            if (input.fallbackTitle().equals("report")) {
                commitElsewhere("report", "aaaa");
            } else {
                commitElsewhere("summary-other", DocumentHashes.of(tmp.resolve("in/summary.md")));
            }
            return new ScriptedCompiler().analyze(input);
        };
        DocumentPreparer preparer = new DocumentPreparer(catalog, Config.defaults(), converters(), interleaving);

        List<AddOutcome> outcomes = new AddPipeline(engine, preparer,
                new AddPipeline.Options(2, Duration.ofMinutes(1), false), new Cancellation()).run(scan("in"), o -> { });

        assertThat(outcomes.get(0).status()).isEqualTo(AddStatus.ADDED);
        assertThat(outcomes.get(0).document()).matches("report-[0-9a-f]{8}");
        assertThat(outcomes.get(1).status()).isEqualTo(AddStatus.SKIPPED);
        assertThat(outcomes.get(1).reason()).isEqualTo("already in the knowledge base as summary-other");
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        Fixtures.write(tmp.resolve("in/a.md"), "A text.\n");
        Fixtures.write(tmp.resolve("in/b.md"), "A text.\n");
        var before = KbDigest.of(layout.root());

        List<AddOutcome> outcomes = new AddPipeline(engine, preparer(converters()),
                new AddPipeline.Options(2, Duration.ofMinutes(1), true), new Cancellation()).run(scan("in"), o -> { });

        assertThat(outcomes).extracting(AddOutcome::status).containsExactly(AddStatus.WOULD_ADD, AddStatus.WOULD_SKIP);
        assertThat(KbDigest.of(layout.root())).isEqualTo(before);
        // Only the file that would be added is read through, the cheap text way, to tell an empty note.
        assertThat(conversions.get()).isEqualTo(1);
    }

    @Test
    void aCancelledBatchStopsBetweenDocumentsAndCleansUp() throws Exception {
        for (int i = 0; i < 20; i++) {
            Fixtures.write(tmp.resolve(String.format("in/f%02d.md", i)), "File " + i + ".\n");
        }
        Cancellation cancellation = new Cancellation();
        Consumer<AddOutcome> cancelAfterFive = o -> {
            if (catalog.documentCount() == 5) {
                cancellation.cancel();
            }
        };

        List<AddOutcome> outcomes = new AddPipeline(engine, preparer(converters()),
                new AddPipeline.Options(3, Duration.ofMinutes(1), false), cancellation).run(scan("in"), cancelAfterFive);

        assertThat(outcomes).hasSize(5);
        assertThat(catalog.documentCount()).isEqualTo(5);
        assertThat(KbDigest.leftovers(layout.root())).isEmpty();
        assertThat(Files.readString(layout.indexFile())).contains("[[summaries/f04|").doesNotContain("f05");
    }

    /**
     * Commits a document the way another kb process would — its own catalog connection, its own
     * thread — between this batch's prepare and commit of a file.
     */
    private void commitElsewhere(String name, String hash) {
        Thread other = new Thread(() -> {
            try (Catalog otherCatalog = Catalog.open(layout.catalogFile())) {
                TxEngine otherEngine = new TxEngine(layout, otherCatalog, Duration.ofSeconds(10), "other", n -> { },
                        DerivedViews::refresh);
                otherEngine.mutate("add", name, Plan.builder().file("wiki/summaries/" + name + ".md").build(), tx -> {
                    tx.write("wiki/summaries/" + name + ".md", "---\ntype: \"Summary\"\n---\n");
                    return w -> w.putDocument(new DocumentRecord(name, hash, name + ".md", "md",
                            "/elsewhere/" + name, "raw/" + name + ".md", "wiki/sources/" + name + ".md",
                            "wiki/summaries/" + name + ".md", 0, "", Instant.now()));
                });
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        other.start();
        try {
            other.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private List<InputFile> scan(String dir) {
        return new InputScanner(converters(), tmp, List.of()).scan(List.of(Path.of(dir))).files();
    }

    private AddPipeline pipeline(int jobs, Duration timeout, Converters converters) {
        return new AddPipeline(engine, preparer(converters), new AddPipeline.Options(jobs, timeout, false),
                new Cancellation());
    }

    private DocumentPreparer preparer(Converters converters) {
        return new DocumentPreparer(catalog, Config.defaults(), converters, new ScriptedCompiler());
    }

    /** The real converters, counting how often one runs. */
    private Converters converters() {
        Converter md = new MarkdownConverter();
        Converter counted = new Converter() {
            @Override
            public List<String> extensions() {
                return md.extensions();
            }

            @Override
            public ConvertedDocument convert(ConversionRequest request) throws IOException,
                    dev.kbtool.convert.ConversionException {
                conversions.incrementAndGet();
                return md.convert(request);
            }
        };
        return new Converters(List.of(counted, new TextConverter()));
    }

    /** A converter stuck in a loop that ignores interrupts, like a parser on a pathological file. */
    private static final class HangingConverter implements Converter {
        @Override
        public List<String> extensions() {
            return List.of("hang");
        }

        @Override
        public ConvertedDocument convert(ConversionRequest request) {
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            long spin = 0;
            while (System.nanoTime() < until) {
                spin++;
            }
            return ConvertedDocument.text(null, "never used " + spin);
        }
    }

    /** Converts text slowly, doing something as each conversion begins (a Ctrl-C, say). */
    private static final class SlowConverter implements Converter {
        final AtomicInteger started = new AtomicInteger();
        private final long millis;
        private final IntConsumer onStart;

        SlowConverter(long millis, IntConsumer onStart) {
            this.millis = millis;
            this.onStart = onStart;
        }

        @Override
        public List<String> extensions() {
            return List.of("slow");
        }

        @Override
        public ConvertedDocument convert(ConversionRequest request) throws IOException {
            onStart.accept(started.incrementAndGet());
            sleep(millis);
            return ConvertedDocument.text(null, Files.readString(request.input()));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hashes files the way kb does. */
    private static final class DocumentHashes {
        static String of(Path file) {
            try {
                return FileHashes.sha256(InputFile.scanned(file, file.toString()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
