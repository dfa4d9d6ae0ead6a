package dev.kbtool.cli;

import dev.kbtool.pipeline.Cancellation;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM: the first asks the running command to stop taking new work
 * and finish or roll back what is in flight, so it can clean up and report; the second
 * exits at once — the next command's recovery repairs whatever was left.
 */
final class Interrupts {
    private Interrupts() {
    }

    /**
     * Says that kb is stopping, on a line of its own: on a terminal it takes the place of the
     * progress line and of the {@code ^C} the terminal echoed after it. The progress line draws
     * holding the same lock, so the two never interleave.
     */
    static void announce(PrintWriter err, boolean cursorControl) {
        synchronized (err) {
            err.print(cursorControl ? "\r\u001b[K" : System.lineSeparator());
            err.println("kb: interrupted; finishing the document in flight (press Ctrl-C again to quit at once)");
            err.flush();
        }
    }

    /**
     * @param cursorControl stderr is a terminal kb may redraw on: the notice then replaces the
     *                      progress line and the {@code ^C} the terminal echoed after it, instead
     *                      of leaving both on screen
     */
    static void install(Cancellation cancellation, PrintWriter err, boolean cursorControl) {
        AtomicInteger count = new AtomicInteger();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (count.incrementAndGet() == 1 && cancellation.cancel(name)) {
                        announce(err, cursorControl);
                    } else {
                        Runtime.getRuntime().halt(130);
                    }
                });
            } catch (IllegalArgumentException unavailable) {
                // This platform does not deliver that signal to Java; the default handling applies.
            }
        }
    }
}
