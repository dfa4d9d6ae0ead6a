package dev.kbtool.failure;

/**
 * A failure meant for the person running kb: the message is the one line they read, the
 * exit code is what their script sees. Anything else that escapes a command is a bug.
 */
public class KbException extends RuntimeException {
    private final ExitCode exitCode;

    public KbException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public KbException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
