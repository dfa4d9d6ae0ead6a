package dev.kbtool.compile.offline;

import dev.kbtool.language.Token;
import java.util.List;

/**
 * A sentence with its tokens and, for English, their Universal Dependencies part-of-speech
 * tags ({@code NOUN}, {@code PROPN}, {@code ADJ}, ...); without a tagger the tags are null.
 */
record TaggedSentence(Sentence sentence, List<Token> tokens, String[] tags) {
    TaggedSentence {
        tokens = List.copyOf(tokens);
    }

    String tag(int i) {
        return tags == null ? null : tags[i];
    }

    Token token(int i) {
        return tokens.get(i);
    }

    int size() {
        return tokens.size();
    }

    /** Whether the token at {@code i} starts the sentence or a quotation, where capitals say nothing. */
    boolean initial(int i) {
        for (int j = i - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            if (t.shape() == Token.Shape.WORD || t.shape() == Token.Shape.NUMBER || t.shape() == Token.Shape.NOISE) {
                return false;
            }
            if (":\"“‘«—–".contains(t.text())) {
                return true;
            }
        }
        return true;
    }
}
