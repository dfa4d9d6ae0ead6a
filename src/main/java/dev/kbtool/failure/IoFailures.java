package dev.kbtool.failure;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** I/O failures in words a person can act on: the file concerned, what happened, what to do. */
public final class IoFailures {
    private IoFailures() {
    }

    /** {@code <file>: <what happened>[; what to do]}, as one line. */
    public static String describe(IOException e) {
        String text;
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            String reason = fse.getReason() != null ? fse.getReason() : reason(fse);
            text = fse.getFile() + ": " + reason;
        } else {
            text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return withAdvice(text.lines().findFirst().orElse(text));
    }

    /** What happened, without the file: for a message that names the file itself. */
    public static String whatHappened(IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            return fse.getReason() != null ? fse.getReason() : reason(fse);
        }
        String text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return text.lines().findFirst().orElse(text);
    }

    /**
     * Adds what to do to a message naming a system error a person can fix: a full disk, a
     * failing disk, a read-only file system. Other messages are returned as they are.
     */
    public static String withAdvice(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        // SQLite reports a shared-memory file it cannot grow as an I/O error: the disk is full.
        if (m.contains("no space left") || m.contains("disk is full") || m.contains("sqlite_full")
                || m.contains("sqlite_ioerr_shmsize")) {
            return message + "; the disk is full: free some space, then run the command again (it finishes or undoes"
                    + " what was interrupted)";
        }
        if (m.contains("input/output error") || m.contains("disk i/o error") || m.contains("sqlite_ioerr")) {
            return message + "; the disk reported an error: check it (dmesg, free space), then run the command again";
        }
        if (m.contains("read-only file system") || m.contains("sqlite_readonly")) {
            return message + "; the knowledge base is on a read-only file system: commands that change it cannot run";
        }
        if (m.contains("disk quota exceeded")) {
            return message + "; your disk quota is used up: free some space, then run the command again";
        }
        return message;
    }

    /** Java names these failures only by their class; say what the system would have said. */
    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        return e.getClass().getSimpleName();
    }
}
