package dev.kbtool.catalog;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * Opening the catalog's connection: SQLite's settings for a crash-safe, shared catalog, the
 * schema brought forward by {@link CatalogSchema}'s migrations, and the read-only fallback for
 * a full disk.
 */
final class CatalogConnections {
    private CatalogConnections() {
    }

    /** Opens (creating if needed) the catalog and brings its schema forward to this kb's version. */
    static Connection open(Path file) {
        SqliteLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        // SQLite's default page cache is 2 MB; a KB of 10,000 documents has a catalog of some
        // 130 MB, and a commit's index lookups would otherwise read the same pages from the
        // file again and again. Negative means KiB.
        config.setCacheSize(-32_768);
        config.enforceForeignKeys(true);
        // Write transactions take the write lock up front, so two writers never deadlock upgrading.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file);
            try {
                migrate(file, connection);
            } catch (RuntimeException | SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        } catch (SQLException e) {
            throw new KbException(ExitCode.FAILURE, "cannot open catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the catalog for a command that only reads it. On a full disk SQLite cannot create
     * the shared-memory file WAL readers need; when every commit is already in the database file
     * (the WAL is empty or gone) the catalog is then read as an immutable file, which needs no
     * shared memory, and {@code notice} is told so. Otherwise the failure stands.
     */
    static Connection openForReading(Path file, Consumer<String> notice) {
        try {
            return open(file);
        } catch (KbException e) {
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            boolean full = String.valueOf(e.getMessage()).matches("(?s).*(SQLITE_IOERR_SHMSIZE|SQLITE_FULL|No space left).*");
            boolean walEmpty;
            try {
                walEmpty = !Files.exists(wal) || Files.size(wal) == 0;
            } catch (IOException io) {
                walEmpty = false;
            }
            if (!full || !walEmpty) {
                throw e;
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            try {
                Connection connection = config.createConnection("jdbc:sqlite:file:" + file + "?immutable=1");
                if (userVersion(connection) != CatalogSchema.latestVersion()) {
                    connection.close();
                    throw e;
                }
                notice.accept("the disk is full: reading the catalog as last written (free some space to change it)");
                return connection;
            } catch (SQLException again) {
                e.addSuppressed(again);
                throw e;
            }
        }
    }

    private static void migrate(Path file, Connection connection) throws SQLException {
        int version = userVersion(connection);
        int latest = CatalogSchema.latestVersion();
        if (version > latest) {
            throw new KbException(ExitCode.FAILURE, "catalog " + file + " has schema version " + version
                    + " but this kb understands up to " + latest + "; upgrade kb");
        }
        if (version == latest) {
            return;
        }
        // The immediate transaction makes two processes opening an old catalog migrate it once.
        try (Statement st = connection.createStatement()) {
            connection.setAutoCommit(false);
            int current = userVersion(connection);
            for (int v = current; v < latest; v++) {
                for (String sql : CatalogSchema.MIGRATIONS.get(v)) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = " + latest);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
