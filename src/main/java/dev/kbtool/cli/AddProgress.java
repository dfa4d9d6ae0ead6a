package dev.kbtool.cli;

import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.AddPipeline;
import dev.kbtool.ingest.AddStatus;
import dev.kbtool.text.Printable;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What {@code kb add} shows while it works. Results — one line per file — go to stdout; the
 * progress line goes to stderr, only on a terminal that takes cursor control, redrawn in place
 * below the results: a spinner that turns while nothing completes, the bar, done/total, the
 * rate and time left (from files this run converted, so a resumed run's quick skips do not
 * promise an ETA of milliseconds), and the file being worked on. It fits the terminal's width,
 * read again on every redraw, so it never wraps. With -q only failures are printed, on stderr.
 *
 * <p>Worker threads report what they start, the committing thread the outcomes, a ticker thread
 * redraws and the Ctrl-C handler writes its notice: all of them write stderr holding its lock.
 */
final class AddProgress {
    /** How the batch is shown. */
    enum Mode {
        /** A terminal: results on stdout and a progress line redrawn on stderr. */
        BAR,
        /** Not a terminal (or TERM=dumb, NO_COLOR): results on stdout, nothing redrawn. */
        LINES,
        /** -q: failures on stderr, nothing else. */
        QUIET,
        /** --json not on a terminal: the JSON Lines are the results; nothing more to show. */
        NONE
    }

    private static final String SPINNER = "|/-\\";
    private static final int MAX_BAR = 30;
    private static final long TICK_MILLIS = 150;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Mode mode;
    private final boolean lines;
    private final boolean verbose;
    private final boolean timings;
    private final IntSupplier width;
    private final LongSupplier clock;
    private final BooleanSupplier stopping;
    private final long start;
    /** Files started and not yet done, by when their current step began, with that step. */
    private final Map<String, String> inFlight = new LinkedHashMap<>();
    private int total;
    private int done;
    private int worked;
    private int ticks;
    private boolean barShown;
    private boolean finished;
    private Thread ticker;

    /**
     * @param lines    print a line per file on stdout (not with --json, whose lines are the results)
     * @param verbose  also name the entries a scan leaves out (unsupported types, links out of the folder)
     * @param timings  per-file stage timings (-vv), on stderr
     * @param total    the files of the batch, entries left out not counted
     * @param width    the terminal's columns now
     * @param clock    nanoseconds, for the rate and the time left
     * @param stopping whether the user asked to stop (Ctrl-C)
     */
    AddProgress(PrintWriter out, PrintWriter err, Mode mode, boolean lines, boolean verbose, boolean timings, int total,
            IntSupplier width, LongSupplier clock, BooleanSupplier stopping) {
        this.out = out;
        this.err = err;
        this.mode = mode;
        this.lines = lines;
        this.verbose = verbose;
        this.timings = timings;
        this.total = total;
        this.width = width;
        this.clock = clock;
        this.stopping = stopping;
        this.start = clock.getAsLong();
    }

    /**
     * The display of a batch command ({@code add}, {@code sync}), chosen from its options and
     * the terminal, already animating.
     */
    static AddProgress of(BaseCommand command, int total, BooleanSupplier stopping) {
        CliContext context = command.context;
        Mode mode = command.quiet() ? Mode.QUIET : context.progressBarAllowed() ? Mode.BAR
                : command.json() ? Mode.NONE : Mode.LINES;
        IntSupplier width = mode == Mode.BAR ? TerminalWidth.follow(context.env("COLUMNS")) : () -> 80;
        return new AddProgress(command.out(), command.err(), mode, !command.json(), command.verbosity() >= 1,
                command.verbosity() >= 2, total, width, System::nanoTime, stopping).animate();
    }

    /** Redraws a few times a second, so the line shows activity before any file completes. */
    AddProgress animate() {
        if (mode == Mode.BAR) {
            ticker = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(TICK_MILLIS);
                        tick();
                    }
                } catch (InterruptedException e) {
                    // finish() stops the ticker.
                }
            }, "kb-progress");
            ticker.setDaemon(true);
            ticker.start();
        }
        return this;
    }

    /** More files joined the batch (URLs fetched, say). */
    void addToTotal(int more) {
        synchronized (err) {
            total += more;
        }
    }

    /** A worker began a step on a file: "fetching", "hashing", "converting"... */
    void started(String path, String what) {
        synchronized (err) {
            inFlight.remove(path);
            inFlight.put(path, what);
        }
    }

    void tick() {
        synchronized (err) {
            ticks++;
            drawBar();
            err.flush();
        }
    }

    void onOutcome(AddOutcome o) {
        synchronized (err) {
            inFlight.remove(o.path());
            if (!o.leftOut()) {
                done++;
                if (didWork(o)) {
                    worked++;
                }
            }
            if (mode == Mode.NONE) {
                return;
            }
            if (mode == Mode.QUIET) {
                if (o.status().failed()) {
                    err.println("kb: " + Printable.escape(o.path()) + ": " + o.reason());
                    err.flush();
                }
                return;
            }
            if (lines && (!o.leftOut() || verbose)) {
                clearBar();
                out.println(lineFor(o));
                out.flush();
                if (timings && !o.leftOut()) {
                    err.printf(Locale.ROOT, "        hash %dms  prepare %dms (convert %dms, compile %dms)  lock wait"
                            + " %dms  commit %dms%n", o.times().hash(), o.times().prepare(), o.times().convert(),
                            o.times().compile(), o.times().lockWait(), o.times().commit());
                }
            }
            drawBar();
            err.flush();
        }
    }

    /** Takes the progress line away for good; what follows is the summary. */
    void finish() {
        Thread t;
        synchronized (err) {
            finished = true;
            clearBar();
            err.flush();
            t = ticker;
        }
        if (t != null) {
            t.interrupt();
        }
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

    /**
     * Whether the file cost this run real work. Files found already in the knowledge base take
     * a hash and no more; counting them, a resumed run showed 47 files/s and an ETA of 340 ms
     * for seven seconds of work left.
     */
    private static boolean didWork(AddOutcome o) {
        return o.status() != AddStatus.SKIPPED && o.status() != AddStatus.WOULD_SKIP && (o.millis() > 0
                || o.times().prepare() > 0);
    }

    private void drawBar() {
        if (mode != Mode.BAR || finished) {
            return;
        }
        err.print("\r" + render() + "\u001b[K");
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\u001b[K");
            barShown = false;
        }
    }

    /** The progress line as it is now, in fewer columns than the terminal has. */
    String render() {
        double seconds = (clock.getAsLong() - start) / 1e9;
        double rate = seconds > 0 ? worked / seconds : 0;
        String rateText = worked > 0 && seconds >= 1 ? String.format(Locale.ROOT, "  %.1f files/s", rate) : "";
        // One file's time is mostly the JVM warming up: the time left is guessed from two files on.
        String eta = worked > 1 && seconds >= 1 && done < total && rate > 0
                ? "  ETA " + roughly((total - done) / rate) : "";
        String[] activity = activity();
        return Line.compose(width.getAsInt(), SPINNER.charAt(ticks % SPINNER.length()), done, total, rateText, eta,
                activity[0], activity[1], activity[2]);
    }

    /**
     * What is being done now: a verb, what it is done to, and how many more files are being
     * worked on. Files waiting between steps are not named: a file hashed seconds ago and queued
     * for a worker is not the one being worked on.
     */
    private String[] activity() {
        List<Map.Entry<String, String>> busy = inFlight.entrySet().stream()
                .filter(e -> !e.getValue().equals(AddPipeline.Activity.WAITING)).toList();
        if (stopping.getAsBoolean()) {
            return busy.isEmpty() ? new String[] {"stopping", "", ""}
                    : new String[] {"stopping after", Printable.escape(busy.get(0).getKey()), ""};
        }
        if (busy.isEmpty()) {
            return new String[] {done >= total && total > 0 ? "updating the index" : "", "", ""};
        }
        Map.Entry<String, String> oldest = busy.get(0);
        String more = busy.size() > 1 ? " (+" + (busy.size() - 1) + ")" : "";
        return new String[] {oldest.getValue(), Printable.escape(oldest.getKey()), more};
    }

    /** Whole seconds (minutes past a minute): an ETA is a guess, and tenths of it only flicker. */
    static String roughly(double seconds) {
        long s = Math.max(1, Math.round(seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return s / 3600 + "h" + String.format(Locale.ROOT, "%02d", s % 3600 / 60) + "m";
    }

    /** Lays the parts of a progress line out in the columns there are, dropping the least useful first. */
    static final class Line {
        private Line() {
        }

        static String compose(int columns, char spinner, int done, int total, String rate, String eta,
                String verb, String name, String more) {
            // The last column is left alone: writing it makes some terminals wrap at once.
            int room = Math.max(1, columns - 1);
            String head = spinner + " " + done + "/" + total;
            String act = verb.isEmpty() ? "" : "  " + verb + (name.isEmpty() ? "" : " ");
            // The file being worked on is worth more than the bar, which takes only what is left;
            // the rate, then the time left, give way when the name would get too few columns.
            int wantedActivity = Math.min(Columns.width(act + name + more), 36);
            int neededActivity = Math.min(wantedActivity, 22);
            if (fixed(head, rate, eta) + neededActivity > room) {
                rate = "";
            }
            if (fixed(head, rate, eta) + neededActivity > room) {
                eta = "";
            }
            int barRoom = room - fixed(head, rate, eta) - wantedActivity - 3;
            String bar = "";
            if (barRoom >= 8) {
                int inner = Math.min(MAX_BAR, barRoom);
                int filled = total <= 0 ? 0 : (int) ((long) inner * Math.min(done, total) / total);
                bar = " [" + "=".repeat(filled) + " ".repeat(inner - filled) + "]";
            }
            String line = spinner + bar + head.substring(1) + rate + eta;
            int left = room - Columns.width(line);
            if (left <= 0) {
                return Columns.head(line, room);
            }
            if (Columns.width(act) >= left) {
                return line + Columns.head(act, left).stripTrailing();
            }
            if (Columns.width(act + name + more) > left) {
                more = "";
            }
            // A path keeps its end, where the file's name is.
            String tail = Columns.tail(name, left - Columns.width(act) - Columns.width(more));
            return tail.isEmpty() ? line + act.stripTrailing() : line + act + tail + more;
        }

        private static int fixed(String head, String rate, String eta) {
            return Columns.width(head) + Columns.width(rate) + Columns.width(eta);
        }
    }
}
