package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The one-line reason a conversion fails with. */
final class ConversionFailures {
    private ConversionFailures() {
    }

    interface Conversion {
        Object run() throws Exception;
    }

    static String reason(Conversion conversion) {
        Throwable t = catchThrowable(conversion::run);
        assertThat(t).isInstanceOf(ConversionException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }
}
