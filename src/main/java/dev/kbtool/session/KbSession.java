package dev.kbtool.session;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.config.Config;
import dev.kbtool.config.ConfigLoader;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.layout.KbLayout;

/**
 * An opened knowledge base: its layout, its validated config and the process's catalog
 * connection. Commands open one session and close it when they finish.
 */
public final class KbSession implements AutoCloseable {
    private final KbLayout layout;
    private final Config config;
    private final Catalog catalog;

    private KbSession(KbLayout layout, Config config, Catalog catalog) {
        this.layout = layout;
        this.config = config;
        this.catalog = catalog;
    }

    public static KbSession open(KbLayout layout) {
        Config config = ConfigLoader.load(layout.configFile());
        return new KbSession(layout, config, Catalog.open(layout.catalogFile()));
    }

    /**
     * A session for a command that only reads: it works with a config that does not load (the
     * person may be looking at their knowledge base to fix it; the defaults stand in, with a
     * warning) and on a full disk where SQLite allows.
     */
    public static KbSession openForReading(KbLayout layout, java.util.function.Consumer<String> notice) {
        Config config;
        try {
            config = ConfigLoader.load(layout.configFile());
        } catch (KbException e) {
            if (e.exitCode() != ExitCode.CONFIG) {
                throw e;
            }
            notice.accept(e.getMessage() + " (reading the knowledge base with default settings meanwhile)");
            config = Config.defaults();
        }
        return new KbSession(layout, config, Catalog.openForReading(layout.catalogFile(), notice));
    }

    public KbLayout layout() {
        return layout;
    }

    public Config config() {
        return config;
    }

    public Catalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        catalog.close();
    }
}
