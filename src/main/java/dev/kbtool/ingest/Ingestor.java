package dev.kbtool.ingest;

import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.compile.IndexPage;
import dev.kbtool.compile.LeadSummarizer;
import dev.kbtool.compile.LogEntry;
import dev.kbtool.compile.SummaryPage;
import dev.kbtool.convert.ConversionException;
import dev.kbtool.convert.ConversionRequest;
import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.convert.Converter;
import dev.kbtool.convert.Converters;
import dev.kbtool.kb.Catalog;
import dev.kbtool.kb.DocumentNames;
import dev.kbtool.kb.DocumentRecord;
import dev.kbtool.kb.KbLayout;
import dev.kbtool.kb.KbSession;
import dev.kbtool.kb.PageKind;
import dev.kbtool.kb.PageRecord;
import dev.kbtool.kb.Units;
import dev.kbtool.tx.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Adds files to a knowledge base one at a time: prepare (hash, convert, summarise), then commit. */
public final class Ingestor {
    private final KbSession session;
    private final Converters converters;
    private final DocumentCompiler compiler = new LeadSummarizer(5);

    public Ingestor(KbSession session, Converters converters) {
        this.session = session;
        this.converters = converters;
    }

    public List<AddOutcome> add(List<InputFile> files, Consumer<AddOutcome> onOutcome) throws IOException {
        List<AddOutcome> outcomes = new ArrayList<>();
        Map<String, String> seenInBatch = new HashMap<>();
        for (InputFile file : files) {
            long start = System.nanoTime();
            AddOutcome outcome = addOne(file, seenInBatch);
            outcome = new AddOutcome(outcome.path(), outcome.status(), outcome.document(), outcome.reason(),
                    (System.nanoTime() - start) / 1_000_000);
            outcomes.add(outcome);
            onOutcome.accept(outcome);
        }
        if (outcomes.stream().anyMatch(o -> o.status() == AddStatus.ADDED)) {
            renderIndex();
        }
        return outcomes;
    }

    private AddOutcome addOne(InputFile file, Map<String, String> seenInBatch) throws IOException {
        Catalog catalog = session.catalog();
        long size = Files.size(file.path());
        if (size > session.config().maxFileSize()) {
            return AddOutcome.failed(file.display(), "larger than max_file_size ("
                    + Units.formatSize(size) + " > " + Units.formatSize(session.config().maxFileSize()) + ")");
        }
        String hash = FileHashes.sha256(file.path());
        var known = catalog.documentByHash(hash);
        if (known.isPresent()) {
            return new AddOutcome(file.display(), AddStatus.SKIPPED, known.get().name(),
                    "already in the knowledge base as " + known.get().name(), 0);
        }
        String earlier = seenInBatch.putIfAbsent(hash, file.display());
        if (earlier != null) {
            return new AddOutcome(file.display(), AddStatus.SKIPPED, null, "same content as " + earlier, 0);
        }
        Converter converter = converters.forFile(file.path()).orElseThrow();
        ConvertedDocument doc;
        try {
            doc = converter.convert(new ConversionRequest(file.path(), null, null));
        } catch (ConversionException e) {
            return AddOutcome.failed(file.display(), e.getMessage());
        }
        String origin = file.path().toString();
        String fileName = file.path().getFileName().toString();
        String name = catalog.documentByOrigin(origin).map(DocumentRecord::name)
                .orElseGet(() -> DocumentNames.unique(DocumentNames.stem(fileName), origin,
                        n -> catalog.documentByName(n).isPresent()));
        DocumentAnalysis summary;
        try {
            summary = compiler.analyze(new CompileInput(doc.title(), DocumentNames.stem(fileName), doc.markdown(), doc.pages()));
        } catch (dev.kbtool.compile.CompileException | InterruptedException e) {
            return AddOutcome.failed(file.display(), e.getMessage());
        }
        commit(file, hash, name, doc, summary);
        return new AddOutcome(file.display(), AddStatus.ADDED, name, null, 0);
    }

    private void commit(InputFile file, String hash, String name, ConvertedDocument doc, DocumentAnalysis summary)
            throws IOException {
        KbLayout layout = session.layout();
        String fileName = file.path().getFileName().toString();
        String ext = Converters.extension(file.path());
        Path raw = layout.raw().resolve(name + (ext.isEmpty() ? "" : "." + ext));
        Path source = layout.sources().resolve(name + ".md");
        Path summaryFile = layout.summaries().resolve(name + ".md");
        AtomicFiles.copy(file.path(), raw);
        AtomicFiles.writeString(source, doc.markdown());
        AtomicFiles.writeString(summaryFile, SummaryPage.render(name, fileName, summary));
        Instant now = Instant.now();
        AtomicFiles.append(layout.logFile(), LogEntry.render(now, "add", fileName + " → [[summaries/" + name + "]]")
                .getBytes(StandardCharsets.UTF_8));
        DocumentRecord record = new DocumentRecord(name, hash, fileName, ext, file.path().toString(),
                layout.relative(raw), layout.relative(source), layout.relative(summaryFile), doc.pageCount(),
                summary.description(), now);
        session.catalog().commit(UUID.randomUUID().toString().replace("-", ""), "add", name, w -> {
            w.putDocument(record);
            w.putPage(new PageRecord("sources/" + name + ".md", PageKind.SOURCE, summary.title(), "", name));
            w.putPage(new PageRecord("summaries/" + name + ".md", PageKind.SUMMARY, summary.title(),
                    summary.description(), name));
        });
    }

    private void renderIndex() throws IOException {
        Catalog catalog = session.catalog();
        String index = IndexPage.render(catalog.documents(), catalog.pages(PageKind.CONCEPT), catalog.pages(PageKind.ENTITY));
        AtomicFiles.writeString(session.layout().indexFile(), index);
    }
}
