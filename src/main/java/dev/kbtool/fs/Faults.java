package dev.kbtool.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injected I/O failures for the fault tests: {@code KB_FAULT=<op>:<n>} makes the n-th
 * {@code write}, {@code fsync} or {@code rename} of the process fail the way a full disk
 * or a failing device does. Without the variable every check is a single volatile read.
 */
public final class Faults {
    private static final String OP;
    private static final int NTH;
    private static final AtomicInteger COUNT = new AtomicInteger();

    static {
        String spec = System.getenv("KB_FAULT");
        String op = null;
        int nth = 0;
        if (spec != null && !spec.isBlank()) {
            String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":");
            op = parts[0];
            nth = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        }
        OP = op;
        NTH = nth;
    }

    private Faults() {
    }

    static void beforeWrite(Path target) throws IOException {
        fail("write", target, "No space left on device");
    }

    static void beforeFsync(Path target) throws IOException {
        fail("fsync", target, "fsync failed: Input/output error");
    }

    static void beforeRename(Path target) throws IOException {
        fail("rename", target, "rename failed: No space left on device");
    }

    private static void fail(String op, Path target, String error) throws IOException {
        if (op.equals(OP) && COUNT.incrementAndGet() == NTH) {
            // Tests read this line to know the fault fired; it never appears without KB_FAULT.
            System.err.println("fault-injected " + op + " " + target);
            throw new java.nio.file.FileSystemException(target.toString(), null, error);
        }
    }
}
