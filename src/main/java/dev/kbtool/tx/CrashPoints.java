package dev.kbtool.tx;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named places where a test may kill kb: {@code KB_CRASH_AT=<point>[:<n>]} halts the JVM the
 * n-th time the point is reached, skipping shutdown hooks and finally blocks like SIGKILL
 * would; {@code KB_CRASH_TRACE=1} prints {@code crash-point <name>} on stderr at every point
 * so tests can enumerate them. {@code docs/crash-safety.md} lists every point.
 */
public final class CrashPoints {
    private static final String TARGET;
    private static final int NTH;
    private static final boolean TRACE = "1".equals(System.getenv("KB_CRASH_TRACE"));
    private static final AtomicInteger HITS = new AtomicInteger();

    static {
        String spec = System.getenv("KB_CRASH_AT");
        String target = null;
        int nth = 1;
        if (spec != null && !spec.isBlank()) {
            int colon = spec.lastIndexOf(':');
            if (colon > 0) {
                target = spec.substring(0, colon).trim();
                nth = Integer.parseInt(spec.substring(colon + 1).trim());
            } else {
                target = spec.trim();
            }
        }
        TARGET = target;
        NTH = nth;
    }

    private CrashPoints() {
    }

    public static void reach(String point) {
        if (TRACE) {
            System.err.println("crash-point " + point);
            System.err.flush();
        }
        if (point.equals(TARGET) && HITS.incrementAndGet() == NTH) {
            Runtime.getRuntime().halt(137);
        }
    }
}
