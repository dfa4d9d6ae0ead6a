package research;

import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

/** all-MiniLM-L6-v2 (quantised ONNX) sentence embeddings: mean pooling over the last hidden state, L2-normalised. */
final class MiniLm implements AutoCloseable {
	private final OrtEnvironment env = OrtEnvironment.getEnvironment();
	private final OrtSession session;
	private final WordPiece tokenizer;

	MiniLm(int threads) throws Exception {
		byte[] model;
		try (InputStream in = MiniLm.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) { model = in.readAllBytes(); }
		try (InputStream in = MiniLm.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) { tokenizer = new WordPiece(in); }
		OrtSession.SessionOptions options = new OrtSession.SessionOptions();
		options.setIntraOpNumThreads(threads);
		options.setInterOpNumThreads(1);
		session = env.createSession(model, options);
	}

	float[][] embed(List<String> texts) throws Exception {
		long[][] ids = new long[texts.size()][];
		for (int i = 0; i < ids.length; i++) ids[i] = tokenizer.encode(texts.get(i));
		return embedIds(ids);
	}
	WordPiece tokenizer() { return tokenizer; }
	float[][] embedIds(long[][] ids) throws Exception {
		int batch = ids.length;
		int len = 0;
		for (int i = 0; i < batch; i++) len = Math.max(len, ids[i].length);
		long[] input = new long[batch * len], mask = new long[batch * len], types = new long[batch * len];
		for (int i = 0; i < batch; i++)
			for (int j = 0; j < ids[i].length; j++) { input[i * len + j] = ids[i][j]; mask[i * len + j] = 1; }
		long[] shape = {batch, len};
		try (OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape);
				OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
				OnnxTensor tTypes = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
				OrtSession.Result result = session.run(Map.of("input_ids", tIds, "attention_mask", tMask, "token_type_ids", tTypes))) {
			float[][][] hidden = (float[][][]) result.get(0).getValue(); // [batch][len][384]
			float[][] out = new float[batch][];
			for (int i = 0; i < batch; i++) {
				float[] v = new float[hidden[i][0].length];
				for (int j = 0; j < ids[i].length; j++) for (int k = 0; k < v.length; k++) v[k] += hidden[i][j][k];
				double norm = 0;
				for (int k = 0; k < v.length; k++) { v[k] /= ids[i].length; norm += v[k] * v[k]; }
				norm = Math.sqrt(norm);
				for (int k = 0; k < v.length; k++) v[k] /= norm;
				out[i] = v;
			}
			return out;
		}
	}

	String describe() throws Exception {
		return "inputs=" + session.getInputNames() + " outputs=" + session.getOutputNames() + " ort=" + OrtEnvironment.class.getPackage().getImplementationVersion();
	}

	@Override public void close() throws Exception { session.close(); }
}
