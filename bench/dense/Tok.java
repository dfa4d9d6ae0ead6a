package research;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
/** Reads "id\ttext" lines, writes "id\ttoken ids" (no [CLS]/[SEP], no truncation). */
public final class Tok {
	public static void main(String[] args) throws Exception {
		WordPiece wp;
		try (InputStream in = Tok.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) { wp = new WordPiece(in); }
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
			for (String l : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
				int tab = l.indexOf('\t');
				StringBuilder sb = new StringBuilder(l.substring(0, tab)).append('\t');
				for (String w : WordPiece.preTokenize(WordPiece.normalize(l.substring(tab + 1))))
					for (int id : wp.pieces(w)) sb.append(id).append(' ');
				out.println(sb.toString().trim());
			}
		}
	}
}
