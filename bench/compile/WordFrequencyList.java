import java.io.FileInputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import morfologik.fsa.FSA;

/**
 * Writes src/main/resources/dev/kbtool/language/word-frequency-en.txt from LanguageTool's
 * en_US speller dictionary (Maven Central: org.languagetool:english-pos-dict:0.3, LGPL 2.1),
 * whose entries carry a frequency class A..Z taken from Mozilla's en_us_wordlist (itself from
 * Android's keyboard dictionaries). Class A (no frequency known) is left out, and so is every
 * entry that is not a word (digits, dots). See bench/compile/README.md for the command.
 *
 * usage: java -cp morfologik-fsa-2.1.9.jar WordFrequencyList.java en_US.dict OUT
 */
public class WordFrequencyList {
    private static final Pattern WORD = Pattern.compile("\\p{L}+(['’-]\\p{L}+)*");

    public static void main(String[] args) throws Exception {
        FSA fsa = FSA.read(new FileInputStream(args[0]));
        List<String> lines = new ArrayList<>();
        for (ByteBuffer bb : fsa) {
            String entry = new String(bb.array(), 0, bb.remaining(), StandardCharsets.UTF_8);
            int plus = entry.lastIndexOf('+');
            if (plus <= 0 || plus + 2 != entry.length()) {
                continue;
            }
            String word = entry.substring(0, plus);
            int frequencyClass = entry.charAt(plus + 1) - 'A';
            if (frequencyClass > 0 && WORD.matcher(word).matches()) {
                lines.add(word + " " + frequencyClass);
            }
        }
        lines.sort(null);
        try (PrintStream out = new PrintStream(args[1], StandardCharsets.UTF_8)) {
            out.println("# English word frequency classes, 1 (rare) to 22 (\"the\"); roughly logarithmic.");
            out.println("# Extracted by bench/compile/WordFrequencyList.java from LanguageTool's en_US speller");
            out.println("# dictionary, org.languagetool:english-pos-dict:0.3 (Maven Central), LGPL 2.1: see");
            out.println("# word-frequency-en.LICENSE.txt beside this file. Words without a known frequency are left out.");
            for (String line : lines) {
                out.println(line);
            }
        }
        System.err.println(lines.size() + " words");
    }
}
