package research;

import java.io.*;
import java.nio.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

/** Reads lines "id\ttext" and writes id and 384 floats per line (binary little endian) to the output. */
public final class Embed {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        try (MiniLm m = new MiniLm(Integer.parseInt(args.length > 2 ? args[2] : "1"));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[1])))) {
            long t1 = System.nanoTime();
            System.err.printf("load %d ms%n", (t1 - t0) / 1_000_000);
            int batch = 16;
            for (int i = 0; i < lines.size(); i += batch) {
                List<String> texts = new ArrayList<>();
                List<Integer> ids = new ArrayList<>();
                for (String l : lines.subList(i, Math.min(lines.size(), i + batch))) {
                    int tab = l.indexOf('\t');
                    ids.add(Integer.parseInt(l.substring(0, tab)));
                    texts.add(l.substring(tab + 1));
                }
                float[][] v = m.embed(texts);
                for (int k = 0; k < v.length; k++) {
                    out.writeInt(ids.get(k));
                    for (float f : v[k]) out.writeFloat(f);
                }
            }
            System.err.printf("embed %d texts in %d ms%n", lines.size(), (System.nanoTime() - t1) / 1_000_000);
        }
    }
}
