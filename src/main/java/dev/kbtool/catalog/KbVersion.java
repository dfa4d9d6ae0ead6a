package dev.kbtool.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The kb that is running, as the catalog records it with what depends on kb's code: a file that
 * failed to convert is remembered as failed with this version, and tried again by any other
 * build. The build time is part of it, so a fixed converter of the same release version retries.
 */
public final class KbVersion {
    private static final String CURRENT = read();

    private KbVersion() {
    }

    /** {@code <release version>+<build time>}, e.g. {@code 0.1.0+20261207.1402}. */
    public static String current() {
        return CURRENT;
    }

    /** The release version alone, as people read it. */
    public static String release() {
        return CURRENT.substring(0, CURRENT.indexOf('+'));
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = KbVersion.class.getResourceAsStream("/dev/kbtool/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown") + "+" + p.getProperty("built", "unknown");
    }
}
