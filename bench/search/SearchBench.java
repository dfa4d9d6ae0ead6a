import dev.kbtool.catalog.Catalog;
import dev.kbtool.search.Searcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Warm search latency on one knowledge base: each query is run {@code rounds} times after
 * {@code warmup} rounds of all of them, in one JVM, as a long-running process (kb mcp) or a
 * repeated search sees it. Prints per query the median and the worst time and the result count.
 * Usage: {@code java -cp target/kb.jar bench/search/SearchBench.java KB_DIR [ROUNDS] -- QUERY...}
 */
public class SearchBench {
    public static void main(String[] args) throws Exception {
        Path kb = Path.of(args[0]);
        int rounds = args.length > 1 && !args[1].equals("--") ? Integer.parseInt(args[1]) : 5;
        int dash = Arrays.asList(args).indexOf("--");
        List<String> queries = Arrays.asList(args).subList(dash + 1, args.length);
        try (Catalog catalog = Catalog.openForReading(kb.resolve(".kb/kb.db"), n -> { })) {
            Searcher searcher = new Searcher(catalog);
            for (int w = 0; w < 3; w++) {
                for (String q : queries) {
                    searcher.search(Searcher.Request.of(q, 10));
                }
            }
            System.out.printf("%-40s %8s %8s %8s%n", "query", "p50 ms", "max ms", "results");
            List<Double> all = new ArrayList<>();
            for (String q : queries) {
                double[] t = new double[rounds];
                int n = 0;
                for (int r = 0; r < rounds; r++) {
                    long start = System.nanoTime();
                    n = searcher.search(Searcher.Request.of(q, 10)).size();
                    t[r] = (System.nanoTime() - start) / 1e6;
                    all.add(t[r]);
                }
                Arrays.sort(t);
                System.out.printf("%-40s %8.1f %8.1f %8d%n", q.length() > 40 ? q.substring(0, 37) + "..." : q,
                        t[rounds / 2], t[rounds - 1], n);
            }
            all.sort(null);
            System.out.printf("all queries: p50 %.1f ms, p90 %.1f ms, max %.1f ms%n", all.get(all.size() / 2),
                    all.get((int) (all.size() * 0.9)), all.get(all.size() - 1));
        }
    }
}
