package research;
import java.io.*;
import java.util.*;
/** Writes, for every vocabulary id, the model's sentence embedding of [CLS] token [SEP] (384 floats, big endian). */
public final class Distill {
	public static void main(String[] args) throws Exception {
		try (MiniLm m = new MiniLm(1); DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[0])))) {
			WordPiece wp = m.tokenizer();
			String[] byId = new String[wp.vocab().size()];
			wp.vocab().forEach((k, v) -> byId[v] = k);
			out.writeInt(byId.length);
			long t0 = System.nanoTime();
			for (int i = 0; i < byId.length; i += 64) {
				int n = Math.min(64, byId.length - i);
				long[][] ids = new long[n][];
				for (int k = 0; k < n; k++) ids[k] = new long[] {wp.cls(), i + k, wp.sep()};
				float[][] v = m.embedIds(ids);
				for (float[] row : v) for (float f : row) out.writeFloat(f);
				if (i % 6400 == 0) System.err.println(i + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
			}
		}
	}
}
