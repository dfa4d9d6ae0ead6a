package dev.kbtool.cli;

import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.AddStatus;
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
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private boolean barShown;

    AddProgress(PrintWriter err, boolean terminal, boolean quiet, boolean timings, int total) {
        this.err = err;
        this.bar = terminal && !quiet && total > 1;
        this.quiet = quiet;
        this.timings = timings;
        this.total = total;
    }

    void onOutcome(AddOutcome o) {
        done++;
        boolean failed = o.status() == AddStatus.FAILED;
        if (quiet) {
            if (failed) {
                err.println("kb: " + o.path() + ": " + o.reason());
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
        return switch (o.status()) {
            case ADDED -> "added   " + o.path() + " -> " + o.document();
            case WOULD_ADD -> "would add " + o.path();
            case SKIPPED -> "skipped " + o.path() + " (" + o.reason() + ")";
            case FAILED -> "failed  " + o.path() + ": " + o.reason();
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
