package dev.kbtool.watch;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.InputFile;
import dev.kbtool.ingest.InputScanner;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.sync.FileStat;
import dev.kbtool.sync.SyncPlan;
import dev.kbtool.sync.SyncPlanner;
import dev.kbtool.sync.Syncer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kb watch}: keeps the knowledge base in sync with folders until cancelled. It syncs
 * everything once, then runs a pass whenever file events name paths (looking only at those),
 * when a waiting file may have settled, and at every periodic rescan (looking at everything,
 * since network file systems drop events). A pass is a sync through the same planner and
 * pipeline as {@code kb sync}, so the lock is held per commit and other kb commands run
 * meanwhile. Removals wait while any file is still settling: a file being copied to a new place
 * may turn a removal into a move once it is whole. A watched folder that disappears is waited
 * for, and nothing added from it is removed.
 */
public final class Watcher {
    /** How often a pass may look for changes when nothing else wakes it: cancellation is seen this fast. */
    private static final Duration TICK = Duration.ofMillis(200);

    /**
     * @param settle how long a file must stand still before it is taken
     * @param rescan how often everything is looked at, events or not
     */
    public record Options(Duration settle, Duration rescan) {
    }

    /** Where a watcher reports. */
    public interface Listener {
        /** A change made (or a file that failed). */
        void outcome(AddOutcome outcome);

        /** Something a person should know: a folder gone or back, a limit of the system. */
        void notice(String message);

        /** The first pass is done: from now on, changes are followed as they happen. */
        void watching();
    }

    private final SyncPlanner planner;
    private final Syncer syncer;
    private final Cancellation cancellation;
    private final Map<Path, Path> roots = new LinkedHashMap<>();
    private final Options options;
    private final Settling settling;
    private final Set<String> problemsTold = new HashSet<>();
    private String busyTold;

    /** @param roots the folders as given, resolved against {@code cwd} */
    public Watcher(SyncPlanner planner, Syncer syncer, Cancellation cancellation, List<Path> roots, Path cwd,
            Options options) {
        this.planner = planner;
        this.syncer = syncer;
        this.cancellation = cancellation;
        for (Path root : roots) {
            this.roots.put(root, cwd.resolve(root).toAbsolutePath().normalize());
        }
        this.options = options;
        this.settling = new Settling(options.settle());
    }

    /** Watches until cancelled; returns then, after the commit in flight. */
    public void run(Listener listener) throws IOException, InterruptedException {
        cancellation.honour(true);
        try (FolderEvents events = new FolderEvents(listener::notice)) {
            Set<Path> missing = new HashSet<>();
            for (Map.Entry<Path, Path> root : roots.entrySet()) {
                if (Files.exists(root.getValue())) {
                    events.register(root.getValue());
                } else {
                    missing.add(root.getKey());
                    listener.notice(root.getKey() + " does not exist; waiting for it");
                }
            }
            Set<Path> dirty = new LinkedHashSet<>();
            boolean everything = true;
            boolean told = false;
            long nextRescan = System.nanoTime() + options.rescan().toNanos();
            while (!cancellation.isCancelled()) {
                everything |= followRoots(missing, events, listener);
                long now = System.nanoTime();
                if (everything || !dirty.isEmpty() || settling.nextDue() <= now) {
                    everything = !passOrWait(everything, dirty, missing, listener);
                    if (!told && !everything) {
                        told = true;
                        listener.watching();
                    }
                }
                now = System.nanoTime();
                long wait = Math.min(Math.min(nextRescan, settling.nextDue()) - now, TICK.toNanos());
                FolderEvents.Changes changes = events.poll(Duration.ofNanos(Math.max(1_000_000, wait)));
                dirty.addAll(changes.paths());
                everything |= changes.everything();
                if (System.nanoTime() >= nextRescan) {
                    everything = true;
                    nextRescan = System.nanoTime() + options.rescan().toNanos();
                }
            }
        } finally {
            cancellation.honour(false);
        }
    }

    /**
     * One pass; false when the knowledge base was busy (the lock's wait ran out, or a
     * transaction awaits a person) so that everything is looked at again on the next turn.
     */
    private boolean passOrWait(boolean everything, Set<Path> dirty, Set<Path> missing, Listener listener)
            throws IOException {
        try {
            pass(everything, dirty, missing, listener);
            busyTold = null;
            return true;
        } catch (KbException e) {
            if (e.exitCode() != ExitCode.BUSY) {
                throw e;
            }
            if (!e.getMessage().equals(busyTold)) {
                busyTold = e.getMessage();
                listener.notice(e.getMessage() + "; trying again");
            }
            return false;
        }
    }

    /** Notes folders that went away or came back; true when one came back and must be read whole. */
    private boolean followRoots(Set<Path> missing, FolderEvents events, Listener listener) {
        boolean back = false;
        for (Map.Entry<Path, Path> root : roots.entrySet()) {
            boolean exists = Files.exists(root.getValue());
            if (exists && missing.remove(root.getKey())) {
                listener.notice(root.getKey() + " is back; watching it again");
                events.register(root.getValue());
                back = true;
            } else if (!exists && missing.add(root.getKey())) {
                listener.notice(root.getKey() + " is gone; waiting for it to come back (nothing added from it is "
                        + "removed meanwhile)");
            }
        }
        return back;
    }

    private void pass(boolean everything, Set<Path> dirty, Set<Path> missing, Listener listener) throws IOException {
        List<Path> present = roots.keySet().stream().filter(r -> !missing.contains(r)).toList();
        Set<Path> scope = new LinkedHashSet<>(dirty);
        scope.addAll(settling.waiting());
        dirty.clear();
        if (present.isEmpty()) {
            return;
        }
        SyncPlan plan = planner.plan(present, everything ? InputScanner.Scope.ALL : InputScanner.Scope.of(scope));
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        List<InputFile> ready = new ArrayList<>();
        for (InputFile file : plan.changed()) {
            FileStat stat = plan.stats().get(file);
            if (stat == null || settling.ready(file.path(), stat, nowNanos, nowMillis)) {
                ready.add(file);
            }
        }
        Set<Path> seen = new HashSet<>();
        plan.changed().forEach(f -> seen.add(f.path()));
        settling.waiting().removeIf(p -> !seen.contains(p));
        boolean waiting = !settling.waiting().isEmpty();
        if (waiting) {
            plan.gone().forEach(d -> dirty.add(Path.of(d.origin())));
        }
        for (AddOutcome problem : plan.problems()) {
            if (!problem.leftOut() && problemsTold.add(problem.path() + "\n" + problem.reason())) {
                listener.outcome(problem);
            }
        }
        SyncPlan now = new SyncPlan(ready, plan.stats(), plan.moves(), waiting ? List.of() : plan.gone(),
                waiting ? List.of() : plan.forgotten(), List.of(), plan.unchanged());
        if (now.changesSomething() || !now.forgotten().isEmpty()) {
            syncer.run(now, listener::outcome);
        }
    }
}
