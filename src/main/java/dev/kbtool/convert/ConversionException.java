package dev.kbtool.convert;

/** A file that cannot be converted, with the reason a person reads (no stack trace needed). */
public class ConversionException extends Exception {
    public ConversionException(String reason) {
        super(reason);
    }

    public ConversionException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
