package dev.kbtool.fetch;

/** A URL that could not be fetched, with the one line a person reads about it. */
public final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as a script cares. */
    public enum Kind {
        /** The server said no (404, 500...), or could not be reached, or redirected in circles. */
        UNAVAILABLE,
        /** Over a limit: larger than max_file_size, or slower than the time allowed. */
        LIMIT,
        /** Fetched, but of a type kb does not read. */
        UNSUPPORTED
    }

    private final Kind kind;

    public FetchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
