package dev.kbtool.compile.offline;

import java.util.ArrayList;
import java.util.List;

/** The best-scored topics, without phrases that only repeat a picked one. */
final class TopicSelection {

    private TopicSelection() {
    }

    /**
     * Scored topics, best first, at most {@code limit}.
     *
     * @param minShare  topics scoring under this share of the reference are left out
     * @param reference rank of the reference score: 0 for the best; 2, the third best, where a
     *                  document's own subject dominates its topics (its name, the term of its
     *                  title) and the others still count
     * @param subsume   whether phrases inside picked phrases are left out (concepts)
     */
    static List<TopicTally> pick(List<TopicTally> scored, int limit, double minShare, int reference, boolean subsume) {
        List<TopicTally> sorted = new ArrayList<>();
        for (TopicTally c : scored) {
            if (!subsume || !partOfAnother(c, scored)) {
                sorted.add(c);
            }
        }
        if (sorted.isEmpty()) {
            return sorted;
        }
        sorted.sort((x, y) -> y.score() != x.score() ? Double.compare(y.score(), x.score()) : x.key().compareTo(y.key()));
        List<TopicTally> selected = new ArrayList<>();
        for (TopicTally c : sorted) {
            if (selected.size() >= limit || c.score() < minShare * sorted.get(Math.min(reference, sorted.size() - 1)).score()) {
                break;
            }
            TopicTally spelling = subsume ? sameSpelledOtherwise(c, selected) : null;
            if (spelling != null) {
                spelling.absorb(c);
            } else if (!subsume || !subsumed(c, selected)) {
                selected.add(c);
            }
        }
        return selected;
    }

    /** A picked topic this one only spells otherwise, with or without a hyphen: "finetuning", "fine-tuning". */
    private static TopicTally sameSpelledOtherwise(TopicTally c, List<TopicTally> selected) {
        String joined = c.key().replace("-", "");
        for (TopicTally s : selected) {
            if (s.key().replace("-", "").equals(joined)) {
                return s;
            }
        }
        return null;
    }

    /**
     * A phrase mostly seen inside a picked longer one, or hardly ever on its own ("network"
     * beside "neural network"), or a rare longer form of a picked one.
     */
    private static boolean subsumed(TopicTally c, List<TopicTally> selected) {
        for (TopicTally s : selected) {
            if (contains(s.key(), c.key()) && (c.mentions() <= 1.5 * s.full() || c.full() < 2)) {
                return true;
            }
            if (contains(c.key(), s.key()) && c.full() < 2) {
                return true;
            }
        }
        return false;
    }

    /** Hardly ever on its own and part of another candidate: "function" beside "loss function". */
    private static boolean partOfAnother(TopicTally c, List<TopicTally> all) {
        if (c.full() >= 2) {
            return false;
        }
        for (TopicTally d : all) {
            if (contains(d.key(), c.key())) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String longer, String shorter) {
        return longer.length() > shorter.length() && ("-" + longer + "-").contains("-" + shorter + "-");
    }
}
