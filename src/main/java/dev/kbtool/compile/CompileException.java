package dev.kbtool.compile;

/** A document that could not be compiled, with the reason a person reads. */
public class CompileException extends Exception {
    public CompileException(String message) {
        super(message);
    }

    public CompileException(String message, Throwable cause) {
        super(message, cause);
    }
}
