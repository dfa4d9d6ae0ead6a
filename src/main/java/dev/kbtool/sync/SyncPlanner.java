package dev.kbtool.sync;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.catalog.KbVersion;
import dev.kbtool.catalog.SeenFile;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.FileHashes;
import dev.kbtool.ingest.InputFile;
import dev.kbtool.ingest.InputScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares folders with what the knowledge base holds from them. A file whose size and
 * modification time are as kb recorded when it last read it, and whose content is still a
 * document (or failed with this kb), is unchanged and not read again; every other file goes to
 * the add pipeline. A document whose file under the folders is gone is removed — unless a new
 * file has its exact content, which makes it a move. A folder that is missing (an unmounted
 * disk, say) is reported and nothing from it is removed.
 */
public final class SyncPlanner {
    private final Catalog catalog;
    private final InputScanner scanner;
    private final Path cwd;

    public SyncPlanner(Catalog catalog, InputScanner scanner, Path cwd) {
        this.catalog = catalog;
        this.scanner = scanner;
        this.cwd = cwd;
    }

    /** The plan for the folders (or files) given, looking only at what {@code scope} covers. */
    public SyncPlan plan(List<Path> roots, InputScanner.Scope scope) {
        List<AddOutcome> problems = new ArrayList<>();
        List<Path> present = new ArrayList<>();
        Map<String, DocumentRecord> documents = new LinkedHashMap<>();
        Map<String, SeenFile> seen = new HashMap<>();
        for (Path root : roots) {
            Path abs = absolute(root);
            if (!Files.exists(abs)) {
                problems.add(AddOutcome.failed(root.toString(), AddOutcome.Failure.UNREADABLE,
                        "no such file or directory; nothing added from it is removed while it is missing"));
                continue;
            }
            present.add(root);
            for (DocumentRecord d : catalog.documentsFrom(abs.toString())) {
                documents.put(d.name(), d);
            }
            seen.putAll(catalog.seenFiles(abs.toString()));
        }
        InputScanner.Scan scan = scanner.scan(present, scope);
        problems.addAll(scan.problems());

        Set<String> hashes = catalog.documentHashes();
        Set<String> scanned = new HashSet<>();
        List<InputFile> changed = new ArrayList<>();
        Map<InputFile, FileStat> stats = new HashMap<>();
        int unchanged = 0;
        for (InputFile file : scan.files()) {
            String path = file.path().toString();
            scanned.add(path);
            FileStat stat;
            try {
                stat = FileStat.of(file.real());
            } catch (IOException e) {
                // Gone or unreadable since the scan: the pipeline reports it.
                changed.add(file);
                continue;
            }
            if (unchanged(seen.get(path), stat, hashes)) {
                unchanged++;
            } else {
                changed.add(file);
                stats.put(file, stat);
            }
        }

        List<DocumentRecord> gone = new ArrayList<>();
        for (DocumentRecord d : documents.values()) {
            Path origin = Path.of(d.origin());
            if (!scanned.contains(d.origin()) && scope.covers(origin) && !Files.exists(origin)) {
                gone.add(d);
            }
        }
        List<SyncPlan.Move> moves = moves(changed, stats, gone, documents, seen);
        List<String> forgotten = new ArrayList<>();
        for (String path : seen.keySet()) {
            Path p = Path.of(path);
            if (!scanned.contains(path) && scope.covers(p) && !Files.exists(p)) {
                forgotten.add(path);
            }
        }
        return new SyncPlan(changed, stats, moves, gone, forgotten, problems, unchanged);
    }

    private boolean unchanged(SeenFile seen, FileStat stat, Set<String> hashes) {
        return seen != null && seen.size() == stat.size() && seen.modified() == stat.modified()
                && (hashes.contains(seen.hash()) || catalog.knownFailure(seen.hash(), KbVersion.current()).isPresent());
    }

    /**
     * New files with the content of a gone document: that document moved. Only files at a new
     * place, of a size a gone document had (when kb knows it), are read to tell.
     */
    private static List<SyncPlan.Move> moves(List<InputFile> changed, Map<InputFile, FileStat> stats,
            List<DocumentRecord> gone, Map<String, DocumentRecord> documents, Map<String, SeenFile> seen) {
        List<SyncPlan.Move> moves = new ArrayList<>();
        if (gone.isEmpty()) {
            return moves;
        }
        Set<String> origins = new HashSet<>();
        documents.values().forEach(d -> origins.add(d.origin()));
        Map<String, DocumentRecord> goneByHash = new HashMap<>();
        Set<Long> goneSizes = new HashSet<>();
        boolean sizesKnown = true;
        for (DocumentRecord d : gone) {
            goneByHash.put(d.hash(), d);
            SeenFile s = seen.get(d.origin());
            if (s == null) {
                sizesKnown = false;
            } else {
                goneSizes.add(s.size());
            }
        }
        for (Iterator<InputFile> it = changed.iterator(); it.hasNext() && !goneByHash.isEmpty(); ) {
            InputFile file = it.next();
            FileStat stat = stats.get(file);
            if (stat == null || origins.contains(file.path().toString())
                    || (sizesKnown && !goneSizes.contains(stat.size()))) {
                continue;
            }
            String hash;
            try {
                hash = FileHashes.sha256(file);
            } catch (IOException e) {
                continue;
            }
            DocumentRecord d = goneByHash.remove(hash);
            if (d != null) {
                moves.add(new SyncPlan.Move(d, file, stat));
                it.remove();
                stats.remove(file);
                gone.remove(d);
            }
        }
        return moves;
    }

    private Path absolute(Path p) {
        return cwd.resolve(p).toAbsolutePath().normalize();
    }
}
