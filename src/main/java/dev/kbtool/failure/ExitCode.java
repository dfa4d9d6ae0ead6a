package dev.kbtool.failure;

/** The process exit codes of the command-line contract; scripts depend on every value. */
public enum ExitCode {
    OK(0),
    FAILURE(1),
    USAGE(2),
    PARTIAL(3),
    DATA_ERROR(65),
    NO_INPUT(66),
    UNAVAILABLE(69),
    BUSY(75),
    CONFIG(78),
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
