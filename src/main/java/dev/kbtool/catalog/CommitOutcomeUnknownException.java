package dev.kbtool.catalog;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.sql.SQLException;

/**
 * SQLite's COMMIT failed, so whether the mutation is durable is unknown to this process (after
 * a failed fsync the commit may still be in the WAL, and a fresh connection would find it). The
 * transaction's journal must stay: recovery in the next process keeps or undoes the files by
 * what the catalog says then.
 */
public final class CommitOutcomeUnknownException extends KbException {
    CommitOutcomeUnknownException(String operation, String detail, SQLException cause) {
        super(ExitCode.FAILURE, "the catalog commit of " + operation + (detail.isEmpty() ? "" : " " + detail)
                + " failed (" + cause.getMessage() + "); the next kb command finishes or undoes it, whichever"
                + " the catalog then shows", cause);
    }
}
