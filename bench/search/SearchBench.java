import dev.kbtool.catalog.Catalog;
import dev.kbtool.query.QueryService;
import dev.kbtool.search.Searcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Warm latency of kb search and kb query (offline) on one knowledge base, in one JVM, as a
 * long-running process (kb mcp) or repeated use sees them: every query is run three times to
 * warm up, then {@code rounds} times measured. Prints per query the median and the worst time
 * and the number of results (or quotes), then the median and p90 over all runs. The CPU time of
 * the run (SQLite works on the calling thread) is printed too: on a machine shared with other
 * work it tells what a query costs when the wall time mostly tells how long it waited for a core.
 * Usage: {@code java -cp target/kb.jar bench/search/SearchBench.java KB_DIR search|query ROUNDS QUERY...}
 * ({@code doc=NAME words}: only that document's passages). {@code -Dbench.dense=false} ranks by
 * words alone, as {@code dense_search: false} does.
 */
public class SearchBench {
    public static void main(String[] args) throws Exception {
        Path kb = Path.of(args[0]);
        boolean query = args[1].equals("query");
        int rounds = Integer.parseInt(args[2]);
        List<String> queries = Arrays.asList(args).subList(3, args.length);
        try (Catalog catalog = Catalog.openForReading(kb.resolve(".kb/kb.db"), n -> { })) {
            boolean dense = Boolean.parseBoolean(System.getProperty("bench.dense", "true"));
            Searcher searcher = new Searcher(catalog, dense);
            QueryService answers = new QueryService(catalog, dense);
            for (int w = 0; w < 3; w++) {
                for (String q : queries) {
                    run(query, searcher, answers, q);
                }
            }
            System.out.printf("%-52s %8s %8s %8s %8s%n", query ? "question" : "query", "p50 ms", "max ms", "cpu ms",
                    query ? "quotes" : "results");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            List<Double> all = new ArrayList<>();
            List<Double> allCpu = new ArrayList<>();
            for (String q : queries) {
                double[] t = new double[rounds];
                double[] cpu = new double[rounds];
                int n = 0;
                for (int r = 0; r < rounds; r++) {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    n = run(query, searcher, answers, q);
                    t[r] = (System.nanoTime() - start) / 1e6;
                    cpu[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                    all.add(t[r]);
                    allCpu.add(cpu[r]);
                }
                Arrays.sort(t);
                Arrays.sort(cpu);
                System.out.printf("%-52s %8.1f %8.1f %8.1f %8d%n", q.length() > 52 ? q.substring(0, 49) + "..." : q,
                        t[rounds / 2], t[rounds - 1], cpu[rounds / 2], n);
            }
            all.sort(null);
            allCpu.sort(null);
            System.out.printf("all: p50 %.1f ms, p90 %.1f ms, max %.1f ms (%d runs); cpu p50 %.1f ms, p90 %.1f ms%n",
                    all.get(all.size() / 2), all.get((int) (all.size() * 0.9)), all.get(all.size() - 1), all.size(),
                    allCpu.get(allCpu.size() / 2), allCpu.get((int) (allCpu.size() * 0.9)));
        }
    }

    private static int run(boolean query, Searcher searcher, QueryService answers, String q) {
        return query ? answers.offline(q, QueryService.QUOTES).citations().size()
                : searcher.search(request(q)).size();
    }

    /** A query; {@code doc=NAME words} searches one document, as {@code kb search --doc NAME words}. */
    private static Searcher.Request request(String q) {
        if (!q.startsWith("doc=")) {
            return Searcher.Request.of(q, 10);
        }
        int space = q.indexOf(' ');
        return new Searcher.Request(q.substring(space + 1), 10, List.of(q.substring(4, space)), List.of(), 0);
    }
}
