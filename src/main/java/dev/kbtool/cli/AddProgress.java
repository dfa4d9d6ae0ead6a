package dev.kbtool.cli;

import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.text.Printable;
import dev.kbtool.text.Units;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code kb add} shows on stderr while it works: on a terminal a bar (done/total, rate,
 * ETA) redrawn in place, with failures printed above it; elsewhere one plain line per file;
 * with {@code -q} only failures.
 */
final class AddProgress {
    private static final int WIDTH = 28;

    private final PrintWriter err;
    private final boolean bar;
    private final boolean quiet;
    private final boolean timings;
    private final boolean verbose;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private boolean barShown;

    /**
     * @param verbose also name the entries a scan leaves out (unsupported types, links out of the folder)
     * @param total   the files of the batch, entries left out not counted
     */
    AddProgress(PrintWriter err, boolean terminal, boolean quiet, boolean verbose, boolean timings, int total) {
        this.err = err;
        this.bar = terminal && !quiet && total > 1;
        this.quiet = quiet;
        this.verbose = verbose;
        this.timings = timings;
        this.total = total;
    }

    void onOutcome(AddOutcome o) {
        if (o.leftOut()) {
            if (verbose) {
                clearBar();
                err.println(lineFor(o));
                drawBar();
                err.flush();
            }
            return;
        }
        done++;
        boolean failed = o.status().failed();
        if (quiet) {
            if (failed) {
                err.println("kb: " + Printable.escape(o.path()) + ": " + o.reason());
            }
        } else if (failed || !bar || timings) {
            clearBar();
            err.println(lineFor(o));
            if (timings) {
                err.printf(Locale.ROOT, "        hash %dms  prepare %dms (convert %dms, compile %dms)  lock wait %dms"
                        + "  commit %dms%n", o.times().hash(), o.times().prepare(), o.times().convert(),
                        o.times().compile(), o.times().lockWait(), o.times().commit());
            }
        }
        drawBar();
        err.flush();
    }

    void finish() {
        clearBar();
        err.flush();
    }

    static String lineFor(AddOutcome o) {
        String path = Printable.escape(o.path());
        return switch (o.status()) {
            case ADDED -> "added   " + path + " -> " + o.document();
            case UPDATED -> "updated " + path + " -> " + o.document();
            case SKIPPED -> "skipped " + path + " (" + o.reason() + ")";
            case FAILED -> "failed  " + path + ": " + o.reason();
            case MOVED -> "moved   " + path + " -> " + o.document() + " (" + o.reason() + ")";
            case REMOVED -> "removed " + path + " -> " + o.document() + " (" + o.reason() + ")";
            case WOULD_ADD, WOULD_UPDATE -> o.status().words() + " " + path;
            case WOULD_MOVE -> "would move " + path + " -> " + o.document() + " (" + o.reason() + ")";
            case WOULD_REMOVE -> "would remove " + path + " -> " + o.document() + " (" + o.reason() + ")";
            case WOULD_SKIP -> "would skip " + path + " (" + o.reason() + ")";
            case WOULD_FAIL -> "would fail " + path + ": " + o.reason();
        };
    }

    private void drawBar() {
        if (!bar) {
            return;
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        double rate = done / seconds;
        int filled = (int) Math.round(WIDTH * (double) done / total);
        String eta = done >= total || rate <= 0 ? "" : " ETA " + Units.formatDuration(
                Duration.ofMillis((long) ((total - done) / rate * 1000)));
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d  %.1f files/s%s\u001b[K", "=".repeat(filled), " ".repeat(WIDTH - filled),
                done, total, rate, eta);
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\u001b[K");
            barShown = false;
        }
    }
}
