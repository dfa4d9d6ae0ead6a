package dev.kbtool.layout;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.nio.file.Path;

/** Finds the knowledge base a command works on: --kb, else $KB_DIR, else the nearest parent holding .kb/. */
public final class KbLocator {
    private KbLocator() {
    }

    public static KbLayout locate(Path explicit, String envDir, Path cwd) {
        if (explicit != null) {
            return require(cwd.resolve(explicit), "--kb");
        }
        if (envDir != null && !envDir.isBlank()) {
            return require(cwd.resolve(envDir), "KB_DIR");
        }
        for (Path dir = cwd.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (new KbLayout(dir).exists()) {
                return new KbLayout(dir);
            }
        }
        throw new KbException(ExitCode.NO_INPUT, "no knowledge base found in " + cwd
                + " or any parent folder; create one with 'kb init DIR' or point to one with --kb DIR");
    }

    private static KbLayout require(Path dir, String via) {
        KbLayout layout = new KbLayout(dir);
        if (!layout.exists()) {
            throw new KbException(ExitCode.NO_INPUT, layout.root() + " (from " + via
                    + ") is not a knowledge base; create one with 'kb init " + layout.root() + "'");
        }
        return layout;
    }
}
