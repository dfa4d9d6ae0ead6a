package research;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** BERT uncased WordPiece tokenizer (BertNormalizer + BertPreTokenizer + WordPiece) read from a tokenizer.json. */
final class WordPiece {
	Map<String,Integer> vocab() { return vocab; }
	int cls() { return cls; }
	int sep() { return sep; }
	private final Map<String, Integer> vocab = new HashMap<>();
	private final int unk, cls, sep, maxLength, maxCharsPerWord;
	private final String prefix;

	WordPiece(InputStream tokenizerJson) throws IOException {
		JsonNode root = new ObjectMapper().readTree(tokenizerJson);
		JsonNode model = root.get("model");
		model.get("vocab").fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
		unk = vocab.get(model.get("unk_token").asText());
		prefix = model.get("continuing_subword_prefix").asText();
		maxCharsPerWord = model.get("max_input_chars_per_word").asInt();
		cls = vocab.get("[CLS]");
		sep = vocab.get("[SEP]");
		JsonNode trunc = root.get("truncation");
		maxLength = trunc != null && !trunc.isNull() ? trunc.get("max_length").asInt() : 512;
	}

	/** [CLS] pieces... [SEP], truncated to the tokenizer's max_length. */
	long[] encode(String text) {
		List<Integer> ids = new ArrayList<>();
		ids.add(cls);
		outer:
		for (String word : preTokenize(normalize(text))) {
			for (int id : wordPiece(word)) {
				if (ids.size() == maxLength - 1) break outer;
				ids.add(id);
			}
		}
		ids.add(sep);
		long[] out = new long[ids.size()];
		for (int i = 0; i < out.length; i++) out[i] = ids.get(i);
		return out;
	}

	static String normalize(String text) {
		StringBuilder sb = new StringBuilder(text.length() + 8);
		text.codePoints().forEach(c -> {
			if (c == 0 || c == 0xFFFD || isControl(c)) return;
			if (isWhitespace(c)) { sb.append(' '); return; }
			if (isCjk(c)) { sb.append(' ').appendCodePoint(c).append(' '); return; }
			sb.appendCodePoint(c);
		});
		String nfd = Normalizer.normalize(sb, Normalizer.Form.NFD);
		StringBuilder stripped = new StringBuilder(nfd.length());
		nfd.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(stripped::appendCodePoint);
		return stripped.toString().toLowerCase(Locale.ROOT);
	}

	static List<String> preTokenize(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder cur = new StringBuilder();
		text.codePoints().forEach(c -> {
			if (isWhitespace(c)) { flush(cur, words); }
			else if (isPunctuation(c)) { flush(cur, words); words.add(new String(Character.toChars(c))); }
			else cur.appendCodePoint(c);
		});
		flush(cur, words);
		return words;
	}

	List<Integer> pieces(String w) { return wordPiece(w); }
	private List<Integer> wordPiece(String word) {
		int n = word.codePointCount(0, word.length());
		if (n > maxCharsPerWord) return List.of(unk);
		List<Integer> pieces = new ArrayList<>();
		int start = 0;
		while (start < word.length()) {
			int end = word.length();
			Integer found = null;
			while (end > start) {
				String sub = (start > 0 ? prefix : "") + word.substring(start, end);
				found = vocab.get(sub);
				if (found != null) break;
				end = word.offsetByCodePoints(end, -1);
			}
			if (found == null) return List.of(unk);
			pieces.add(found);
			start = end;
		}
		return pieces;
	}

	private static void flush(StringBuilder cur, List<String> words) {
		if (cur.length() > 0) { words.add(cur.toString()); cur.setLength(0); }
	}

	private static boolean isWhitespace(int c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR;
	}

	private static boolean isControl(int c) {
		if (c == '\t' || c == '\n' || c == '\r') return false;
		int t = Character.getType(c);
		return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE
				|| t == Character.SURROGATE || t == Character.UNASSIGNED;
	}

	private static boolean isPunctuation(int c) {
		if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) return true;
		switch (Character.getType(c)) {
			case Character.CONNECTOR_PUNCTUATION: case Character.DASH_PUNCTUATION: case Character.START_PUNCTUATION:
			case Character.END_PUNCTUATION: case Character.INITIAL_QUOTE_PUNCTUATION: case Character.FINAL_QUOTE_PUNCTUATION:
			case Character.OTHER_PUNCTUATION:
				return true;
			default:
				return false;
		}
	}

	private static boolean isCjk(int c) {
		return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
				|| (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
				|| (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
	}
}
