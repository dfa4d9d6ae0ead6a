package dev.kbtool.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * The process that commits through a catalog: its pid and start time, so that a pid the system
 * has since given to another process is not mistaken for it. Recorded with the views a commit
 * leaves pending, so a later command can tell a committer that will still render them (alive)
 * from one that never will (gone).
 *
 * @param started the start instant, or {@code -} where the system does not tell
 */
record Committer(long pid, String started) {
    private static final String UNKNOWN = "-";

    static Committer current() {
        ProcessHandle me = ProcessHandle.current();
        return new Committer(me.pid(), me.info().startInstant().map(Instant::toString).orElse(UNKNOWN));
    }

    /** Empty for text no kb wrote: such a committer counts as gone. */
    static Optional<Committer> parse(String text) {
        String[] parts = text.split(" ");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Committer(Long.parseLong(parts[0]), parts[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String text() {
        return pid + " " + started;
    }

    /** A running process with this pid and start time; with no start time known, any process with the pid. */
    boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> started.equals(UNKNOWN) || h.info().startInstant().map(i -> i.toString().equals(started)).orElse(true))
                .orElse(false);
    }
}
