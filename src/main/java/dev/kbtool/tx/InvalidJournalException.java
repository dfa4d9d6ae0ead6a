package dev.kbtool.tx;

/** A journal recovery must not execute: unreadable, corrupted, tampered with, or pointing outside the KB. */
public final class InvalidJournalException extends Exception {
    public InvalidJournalException(String message) {
        super(message);
    }
}
