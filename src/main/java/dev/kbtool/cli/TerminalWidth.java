package dev.kbtool.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import sun.misc.Signal;

/**
 * The width of the terminal stderr is on, kept current: asked of {@code stty} once, and again
 * whenever the terminal is resized (SIGWINCH). The JDK cannot ask the terminal itself; a child
 * process costs a few milliseconds, and only runs when a progress line is drawn at all.
 * Without an answer, {@code COLUMNS}, else 80.
 */
final class TerminalWidth implements IntSupplier {
    private static final int FALLBACK = 80;
    private final String columnsVariable;
    private volatile int columns;

    private TerminalWidth(String columnsVariable) {
        this.columnsVariable = columnsVariable;
        this.columns = measure();
    }

    /** The width now, followed on every resize for as long as the process runs. */
    static TerminalWidth follow(String columnsVariable) {
        TerminalWidth width = new TerminalWidth(columnsVariable);
        try {
            Signal.handle(new Signal("WINCH"), signal -> width.columns = width.measure());
        } catch (IllegalArgumentException unavailable) {
            // No SIGWINCH here: the width read at the start stays.
        }
        return width;
    }

    @Override
    public int getAsInt() {
        return columns;
    }

    private int measure() {
        int fromStty = stty();
        if (fromStty > 0) {
            return fromStty;
        }
        try {
            int c = Integer.parseInt(columnsVariable == null ? "" : columnsVariable.strip());
            return c > 0 ? c : FALLBACK;
        } catch (NumberFormatException e) {
            return FALLBACK;
        }
    }

    /** Columns as {@code stty size} reports them for the controlling terminal, or 0. */
    private static int stty() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return 0;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return 0;
            }
            String[] rowsColumns = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                    .strip().split("\\s+");
            return p.exitValue() == 0 && rowsColumns.length == 2 ? Integer.parseInt(rowsColumns[1]) : 0;
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
