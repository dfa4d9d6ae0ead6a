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

    static void install(Cancellation cancellation, PrintWriter err) {
        AtomicInteger count = new AtomicInteger();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (count.incrementAndGet() == 1 && cancellation.cancel(name)) {
                        err.println();
                        err.println("kb: interrupted; finishing the document in flight (press Ctrl-C again to quit at once)");
                        err.flush();
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
