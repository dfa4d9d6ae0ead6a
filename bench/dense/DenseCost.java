import dev.kbtool.search.dense.PassageVectors;
import dev.kbtool.search.dense.TokenVectors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What dense retrieval costs kb: loading the token vectors, and embedding every passage of a
 * knowledge base (as prepare and commit do), in CPU time of one thread.
 * Usage: java -cp target/kb.jar bench/dense/DenseCost.java KB_DIR [ROUNDS]
 */
public class DenseCost {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        TokenVectors model = TokenVectors.shared();
        System.out.printf("load: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        List<String> texts = new ArrayList<>();
        long chars = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0] + "/.kb/kb.db");
                ResultSet rs = c.createStatement().executeQuery("SELECT summary || ' ' || body FROM passage_text")) {
            while (rs.next()) {
                texts.add(rs.getString(1));
                chars += texts.get(texts.size() - 1).length();
            }
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int r = 1; r <= rounds; r++) {
            long start = System.nanoTime();
            long bytes = 0;
            for (String t : texts) {
                byte[] v = PassageVectors.of(model, t);
                bytes += v == null ? 0 : v.length;
            }
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf("round %d: %d passages, %.1f MB of text, %.0f ms (%.2f ms per passage, %.0f ms per MB),"
                    + " %.1f MB of vectors%n", r, texts.size(), chars / 1e6, ms, ms / texts.size(), ms / (chars / 1e6),
                    bytes / 1e6);
        }
    }
}
