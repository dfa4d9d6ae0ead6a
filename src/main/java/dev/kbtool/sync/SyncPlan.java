package dev.kbtool.sync;

import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.InputFile;
import java.util.List;
import java.util.Map;

/**
 * What it takes to make the knowledge base reflect some folders.
 *
 * @param changed   files new or changed since kb last read them: for the add pipeline
 * @param stats     each changed file's size and time as the plan saw them, before anything read it
 * @param moves     documents whose file is now elsewhere under the folders, with the same content
 * @param gone      documents whose file under the folders is gone
 * @param forgotten recorded files that are gone, whose records go too
 * @param problems  entries the scan could not take, and folders that are missing
 * @param unchanged how many files kb read before and that have not changed since
 */
public record SyncPlan(List<InputFile> changed, Map<InputFile, FileStat> stats, List<Move> moves,
        List<DocumentRecord> gone, List<String> forgotten, List<AddOutcome> problems, int unchanged) {

    /** A document whose file was renamed or moved: it takes the new place, keeping its name and pages. */
    public record Move(DocumentRecord document, InputFile to, FileStat stat) {
    }

    /** Whether there is anything to do beyond recording. */
    public boolean changesSomething() {
        return !changed.isEmpty() || !moves.isEmpty() || !gone.isEmpty();
    }
}
