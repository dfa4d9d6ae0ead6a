package dev.kbtool.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The crash suite's workload: a KB that already holds two documents, and a batch of new
 * files of different types added in one command. It knows the reference states a crash may
 * legally leave — the KB after each prefix of the batch — computed by uninterrupted runs.
 */
public final class CrashWorkload {
    private static final Pattern POINT = Pattern.compile("^crash-point (\\S+)$", Pattern.MULTILINE);

    public final Path base;
    public final Path batch;
    public final List<TreeMap<String, String>> prefixStates = new ArrayList<>();
    private final Path work;

    /** Builds the base KB and the reference states under {@code work}; {@code files} maps batch file names to content. */
    public CrashWorkload(Path work, Map<String, String> files, String... extraAddArgs) {
        this.work = work;
        this.base = work.resolve("base");
        this.batch = work.resolve("batch");
        KbProcess kb = new KbProcess(work);
        Fixtures.write(work.resolve("seed/first.md"), "# First\n\nThe first seed document explains the base of the tests.\n");
        Fixtures.write(work.resolve("seed/second.txt"), "The second seed document is plain text about shared ideas.\n");
        check(kb.run("init", base.toString()));
        check(kb.run("--kb", base.toString(), "add", work.resolve("seed").toString()));
        files.forEach((name, content) -> Fixtures.write(batch.resolve(name), content));
        List<String> sorted = new ArrayList<>(files.keySet());
        sorted.sort(null);
        for (int k = 0; k <= sorted.size(); k++) {
            Path ref = work.resolve("ref-" + k);
            KbDigest.copyTree(base, ref);
            if (k > 0) {
                List<String> args = new ArrayList<>(List.of("--kb", ref.toString(), "add"));
                args.addAll(List.of(extraAddArgs));
                for (String name : sorted.subList(0, k)) {
                    args.add(batch.resolve(name).toString());
                }
                check(kb.run(args.toArray(String[]::new)));
            }
            prefixStates.add(KbDigest.of(ref));
        }
    }

    /** A fresh copy of the base KB for one case. */
    public Path freshKb(String name) {
        Path kb = work.resolve("case-" + name);
        KbDigest.copyTree(base, kb);
        return kb;
    }

    /** The crash points one uninterrupted batch reaches, with how often each is reached. */
    public Map<String, Integer> crashPoints(String... addArgs) {
        Path kb = freshKb("trace");
        List<String> args = new ArrayList<>(List.of("--kb", kb.toString(), "add"));
        args.addAll(List.of(addArgs));
        args.add(batch.toString());
        Kb.Result r = new KbProcess(work).env("KB_CRASH_TRACE", "1").run(args.toArray(String[]::new));
        check(r);
        return count(r.err());
    }

    /**
     * Which occurrences of a crash point a suite kills at: the first and the last (a command's
     * first and last transaction) and one drawn at random between them, so runs with different
     * seeds cover the transactions in between; every one with {@code -Dkb.crash.every=true}.
     */
    public static List<Integer> occurrences(int count, Random random) {
        if (Boolean.getBoolean("kb.crash.every")) {
            return IntStream.rangeClosed(1, count).boxed().toList();
        }
        TreeSet<Integer> chosen = new TreeSet<>(List.of(1, count));
        if (count > 2) {
            chosen.add(2 + random.nextInt(count - 2));
        }
        return List.copyOf(chosen);
    }

    /** The seed of a suite's random choices: {@code -Dkb.crash.seed}, else a new one (the tests name it). */
    public static long seed() {
        return Long.getLong("kb.crash.seed", System.nanoTime());
    }

    /**
     * The crash points a run traced with {@code KB_CRASH_TRACE} reached, as {@code KB_CRASH_AT}
     * values, at the occurrences {@link #occurrences} picks with this seed.
     */
    public static List<String> sampledPoints(String tracedStderr, long seed) {
        Map<String, Integer> points = count(tracedStderr);
        assertThat(points).containsKeys("tx.journal-written", "tx.apply", "tx.committed");
        Random random = new Random(seed);
        List<String> at = new ArrayList<>();
        points.forEach((point, count) -> occurrences(count, random).forEach(n -> at.add(point + ":" + n)));
        return at;
    }

    public static Map<String, Integer> count(String stderr) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = POINT.matcher(stderr);
        while (m.find()) {
            counts.merge(m.group(1), 1, Integer::sum);
        }
        return counts;
    }

    /** Which prefix state the KB is in, or -1 when it is in none (a half-done state). */
    public int prefixOf(Path kb) {
        return prefixStates.indexOf(KbDigest.of(kb));
    }

    public TreeMap<String, String> finalState() {
        return prefixStates.get(prefixStates.size() - 1);
    }

    public static void check(Kb.Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
    }

    public static boolean exists(Path p) {
        return Files.exists(p);
    }
}
