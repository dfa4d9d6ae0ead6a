package dev.kbtool.compile.llm;

import java.util.ArrayList;
import java.util.List;

/** The flaws found in one reply, reported together so one repair request can fix them all. */
final class Problems {
    private static final int SHOWN = 5;
    private final List<String> found = new ArrayList<>();

    void add(String problem) {
        found.add(problem);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() throws InvalidReplyException {
        if (found.isEmpty()) {
            return;
        }
        List<String> shown = found.subList(0, Math.min(SHOWN, found.size()));
        String more = found.size() > SHOWN ? "; and " + (found.size() - SHOWN) + " more" : "";
        throw new InvalidReplyException(String.join("; ", shown) + more);
    }
}
