package dev.kbtool.llm;

/**
 * Told an answer's text as it arrives, for showing it while the model writes (a streamed
 * answer arrives in pieces; a whole one at once).
 */
public interface TextListener {
    /** The next piece of the answer. */
    void text(String piece);

    /** The pieces told so far are void: the call failed part-way and is being tried again. */
    void restart();

    /** Tells nothing. */
    TextListener NONE = new TextListener() {
        @Override
        public void text(String piece) {
        }

        @Override
        public void restart() {
        }
    };
}
