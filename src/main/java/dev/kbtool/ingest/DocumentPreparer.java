package dev.kbtool.ingest;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.KbVersion;
import dev.kbtool.catalog.TreeNode;
import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.config.Config;
import dev.kbtool.convert.ConversionException;
import dev.kbtool.convert.ConversionRequest;
import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.convert.Converter;
import dev.kbtool.convert.Converters;
import dev.kbtool.convert.TextHygiene;
import dev.kbtool.fs.FileTrees;
import dev.kbtool.layout.DocumentNames;
import dev.kbtool.render.LongDocuments;
import dev.kbtool.search.SearchRows;
import dev.kbtool.search.dense.TokenVectors;
import dev.kbtool.text.MarkdownText;
import dev.kbtool.text.Units;
import dev.kbtool.tx.StagingLease;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The prepare stage of {@code kb add}: everything that depends on one file alone — size
 * check, staged copy and hash, known-content check, conversion, document-local compile —
 * done in staging without the KB lock, so it can run on many files at once.
 */
public final class DocumentPreparer {
    /** Formats whose whole conversion is cheap enough for a dry run to tell an empty file. */
    private static final Set<String> TEXT_FORMATS = Set.of("md", "markdown", "txt", "text", "html", "htm", "csv", "tsv");
    private static final long DRY_RUN_CONVERT_LIMIT = 4L << 20;

    private final Catalog catalog;
    private final Config config;
    private final Converters converters;
    private final DocumentCompiler compiler;

    public DocumentPreparer(Catalog catalog, Config config, Converters converters, DocumentCompiler compiler) {
        this.catalog = catalog;
        this.config = config;
        this.converters = converters;
        this.compiler = compiler;
    }

    /** A prepared document, or the outcome that ends this file here (skipped or failed). */
    public sealed interface Result permits Ready, Done {
    }

    public record Ready(PreparedDocument document) implements Result {
    }

    public record Done(AddOutcome outcome) implements Result {
    }

    /** The failure for a file of {@code size} bytes over the size cap, checked before anything reads it. */
    public Optional<AddOutcome> checkSize(InputFile file, long size) {
        if (size > config.maxFileSize()) {
            return Optional.of(AddOutcome.failed(file.display(), AddOutcome.Failure.LIMIT, "larger than max_file_size ("
                    + Units.formatSize(size) + " > " + Units.formatSize(config.maxFileSize()) + ")"));
        }
        return Optional.empty();
    }

    /** The document already holding this content, if any. */
    public Optional<String> knownAs(String hash) {
        return catalog.documentByHash(hash).map(d -> d.name());
    }

    /** Why this content failed before with this kb version, if it did: it would fail again. */
    public Optional<String> failedBefore(String hash) {
        return catalog.knownFailure(hash, KbVersion.current());
    }

    /**
     * What the real run would do with a file the prefilter let through, from the cheap checks it
     * makes — the type's signature and decoding, and for text formats the whole (cheap)
     * conversion, which tells an empty note — without converting PDFs or DOCX or compiling.
     */
    public AddOutcome plan(InputFile file, StagingLease lease) throws IOException {
        String display = file.display();
        try {
            converters.precheck(file.real());
            if (TEXT_FORMATS.contains(Converters.extension(file.path())) && file.size() <= DRY_RUN_CONVERT_LIMIT) {
                Path folder = lease.newFolder(file.path().getFileName().toString());
                try {
                    ConvertedDocument converted = converters.forFile(file.path()).orElseThrow()
                            .convert(new ConversionRequest(file.real(), folder.resolve("images"), "images/dry-run/"));
                    if (!MarkdownText.hasText(TextHygiene.clean(converted).markdown())) {
                        return AddOutcome.planned(display, AddStatus.WOULD_SKIP, null, "empty: no text to add");
                    }
                } finally {
                    FileTrees.deleteRecursively(folder);
                }
            }
        } catch (ConversionException e) {
            return AddOutcome.planned(display, AddStatus.WOULD_FAIL, null, e.getMessage());
        }
        boolean update = catalog.documentByOrigin(file.origin()).isPresent();
        return AddOutcome.planned(display, update ? AddStatus.WOULD_UPDATE : AddStatus.WOULD_ADD, null, null);
    }

    public Result prepare(InputFile file, StagingLease lease) throws IOException, InterruptedException {
        Path folder = lease.newFolder(file.path().getFileName().toString());
        try {
            Result result = prepareIn(folder, file);
            if (result instanceof Done) {
                FileTrees.deleteRecursively(folder);
            }
            return result;
        } catch (InputFile.Unreadable e) {
            FileTrees.deleteRecursively(folder);
            return new Done(AddOutcome.failed(file.display(), AddOutcome.Failure.UNREADABLE, e.getMessage()));
        } catch (StackOverflowError e) {
            // A hostile file (100,000 nested quotes, say) must fail alone, not end the batch.
            FileTrees.deleteRecursively(folder);
            return new Done(AddOutcome.failed(file.display(), AddOutcome.Failure.BAD_DATA, "nested too deeply to read"));
        } catch (OutOfMemoryError e) {
            // The allocation that failed was this file's (one huge table or text); once it is
            // dropped the batch goes on. The cap a file is checked against is max_file_size.
            FileTrees.deleteRecursively(folder);
            return new Done(AddOutcome.failed(file.display(), AddOutcome.Failure.LIMIT,
                    "too large to convert in the memory kb may use ("
                    + Units.formatSize(Runtime.getRuntime().maxMemory()) + "); lower max_file_size or give kb more"
                    + " memory (KB_JAVA_OPTS=-Xmx...)"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            FileTrees.deleteRecursively(folder);
            throw e;
        }
    }

    private Result prepareIn(Path folder, InputFile file) throws IOException, InterruptedException {
        String extension = Converters.extension(file.path());
        Path raw = folder.resolve("raw" + (extension.isEmpty() ? "" : "." + extension));
        String hash = StagedCopy.copyAndHash(file, raw);
        Optional<String> known = knownAs(hash);
        if (known.isPresent()) {
            return new Done(AddOutcome.skipped(file.display(), known.get(), "already in the knowledge base as " + known.get()));
        }
        Converter converter = converters.forFile(file.path()).orElseThrow();
        TokenVectors.preload(); // for the search rows made after conversion
        String imagePrefix = "kb-staged-" + UUID.randomUUID();
        Path images = folder.resolve("images");
        ConvertedDocument converted;
        long convertStart = System.nanoTime();
        try {
            converted = TextHygiene.clean(converter.convert(new ConversionRequest(raw, images, "images/" + imagePrefix + "/")));
        } catch (ConversionException e) {
            return new Done(AddOutcome.failed(file.display(), AddOutcome.Failure.BAD_DATA, e.getMessage()).withHash(hash));
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!MarkdownText.hasText(converted.markdown())) {
            // A valid file with nothing in it: not an error in the batch, and no page worth making.
            return new Done(AddOutcome.skipped(file.display(), null, "empty: no text to add"));
        }
        long convertMillis = (System.nanoTime() - convertStart) / 1_000_000;
        String stem = DocumentNames.stem(file.path().getFileName().toString());
        DocumentAnalysis analysis;
        long compileStart = System.nanoTime();
        try {
            analysis = compiler.analyze(new CompileInput(converted.title(), stem, converted.markdown(), converted.pages()));
        } catch (CompileException e) {
            return new Done(AddOutcome.failed(file.display(), AddOutcome.Failure.BAD_DATA, "compile failed: "
                    + e.getMessage()));
        }
        // Text formats have pages only when they were split into parts for their size: long at any count.
        boolean split = TEXT_FORMATS.contains(extension) && converted.pageCount() > 1;
        List<TreeNode> tree = converted.pageCount() >= config.longDocPages() || split ? LongDocuments.tree(converted)
                : List.of();
        long compileMillis = (System.nanoTime() - compileStart) / 1_000_000;
        SearchRows.Texts search = SearchRows.Texts.of(converted.markdown(), converted.pages());
        return new Ready(new PreparedDocument(file, hash, extension, raw, images, converted, analysis, imagePrefix, tree,
                search, convertMillis, compileMillis));
    }
}
