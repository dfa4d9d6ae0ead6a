package dev.kbtool.language;

import dev.kbtool.convert.ConversionRequest;
import dev.kbtool.convert.Converters;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;

/**
 * Compares kb's tagger with greedy decoding through OpenNLP's own feature generator and
 * {@code eval}, on every sentence of every file kb converts under a folder: tokens compared,
 * tokens tagged differently, and the time of each. It sits in the tagger's package to reach it,
 * so it is compiled against the jar rather than run from source (see README.md).
 */
public class TagCompare {
    public static void main(String[] args) throws Exception {
        POSModel model;
        try (InputStream in = TagCompare.class.getResourceAsStream(PosTagger.MODEL)) {
            model = new POSModel(in);
        }
        MaxentModel maxent = model.getArtifact("pos.model");
        POSContextGenerator generator = model.getFactory().getPOSContextGenerator(0);
        PosTagger tagger = PosTagger.shared();
        Converters converters = Converters.standard();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            files = s.filter(Files::isRegularFile).filter(p -> converters.forFile(p).isPresent()).sorted().toList();
        }
        Path images = Files.createTempDirectory("kb-bench-images");
        long tokens = 0;
        long differing = 0;
        long referenceNanos = 0;
        long taggerNanos = 0;
        for (Path file : files) {
            String markdown;
            try {
                markdown = converters.forFile(file).orElseThrow()
                        .convert(new ConversionRequest(file, images, "images/doc/")).markdown();
            } catch (Exception e) {
                continue;
            }
            for (String sentence : SentenceSplitter.split(markdown)) {
                List<Token> t = Tokenizer.tokenize(sentence);
                if (t.isEmpty()) {
                    continue;
                }
                String[] words = t.stream().map(Token::text).toArray(String[]::new);
                long t0 = System.nanoTime();
                String[] reference = new String[words.length];
                for (int i = 0; i < words.length; i++) {
                    double[] p = maxent.eval(generator.getContext(i, words, reference, null));
                    int best = 0;
                    for (int o = 1; o < p.length; o++) {
                        best = p[o] > p[best] ? o : best;
                    }
                    reference[i] = maxent.getOutcome(best);
                }
                long t1 = System.nanoTime();
                String[] tags = tagger.tag(t);
                long t2 = System.nanoTime();
                referenceNanos += t1 - t0;
                taggerNanos += t2 - t1;
                tokens += words.length;
                for (int i = 0; i < words.length; i++) {
                    differing += reference[i].equals(tags[i]) ? 0 : 1;
                }
            }
        }
        System.out.printf("files %d, tokens %d, tagged differently %d; OpenNLP's path %.0f ms, kb's tagger %.0f ms%n",
                files.size(), tokens, differing, referenceNanos / 1e6, taggerNanos / 1e6);
    }
}
