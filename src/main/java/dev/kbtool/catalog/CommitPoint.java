package dev.kbtool.catalog;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Where a mutation becomes durable: its catalog rows and the marker {@code committed(txid)} in
 * one SQLite transaction. A catalog hands out one commit point ({@link Catalog#claimCommitPoint}),
 * which the transaction engine takes, so no code can write catalog rows except as the last step
 * of a transaction whose files and journal are already in place.
 */
public final class CommitPoint {
    private final Catalog catalog;

    CommitPoint(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Runs {@code work} and records {@code txid} as committed in one SQLite transaction. Either
     * every row of the mutation and the committed marker become durable, or none do.
     *
     * @throws KbException                   a row could not be written: nothing committed
     * @throws CommitOutcomeUnknownException SQLite's COMMIT itself failed: the transaction may or
     *                                       may not be durable, and only the next process can tell
     */
    public void commit(String txid, String operation, String detail, CatalogWork work) {
        synchronized (catalog) {
            Connection connection = catalog.connection();
            try {
                connection.setAutoCommit(false);
                writeRows(connection, txid, operation, detail, work);
                try {
                    connection.commit();
                } catch (SQLException e) {
                    // SQLite may have written the commit to its WAL before failing (a failed fsync,
                    // say); reopened, it finds the transaction committed. This connection cannot
                    // tell, so the decision is left to recovery in the next process.
                    rollbackQuietly(connection);
                    throw new CommitOutcomeUnknownException(operation, detail, e);
                }
            } catch (SQLException e) {
                throw new KbException(ExitCode.FAILURE, "catalog write failed: " + e.getMessage(), e);
            } finally {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // The connection is unusable; the next statement reports it.
                }
            }
        }
    }

    private void writeRows(Connection connection, String txid, String operation, String detail, CatalogWork work)
            throws SQLException {
        try {
            work.apply(new CatalogWriter(connection));
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO transactions(txid, operation, detail, committed_at) VALUES (?,?,?,?)")) {
                ps.setString(1, txid);
                ps.setString(2, operation);
                ps.setString(3, detail);
                ps.setString(4, Instant.now().toString());
                ps.executeUpdate();
            }
            markViews(connection, operation);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // SQLite rolls back an unfinished transaction itself when the connection closes.
        }
    }

    /**
     * A content change leaves the derived views pending, in the name of this process; rendering
     * them clears that, and bookkeeping leaves them as they are. Same SQLite transaction as the change, so a crash cannot separate them.
     */
    private void markViews(Connection connection, String operation) throws SQLException {
        if (Catalog.BOOKKEEPING.contains(operation)) {
            return;
        }
        boolean render = Catalog.RENDER.equals(operation);
        String sql = render ? "DELETE FROM views_pending"
                : "INSERT INTO views_pending(id, committer) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET committer = excluded.committer";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (!render) {
                ps.setString(1, catalog.committer().text());
            }
            ps.executeUpdate();
        }
    }
}
