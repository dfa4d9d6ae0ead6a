import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.offline.OfflineCompiler;
import dev.kbtool.convert.ConversionRequest;
import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.convert.Converters;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 6's target "offline compile time per document ≤ its conversion time": for every file
 * kb converts under the given folders, the CPU time of its conversion and of the offline
 * compile of the result, one thread, warm JVM (one warm-up pass over all files, then the median of N runs).
 * Usage: java -cp target/kb.jar bench/compile/CompileVsConvert.java [--runs N] FOLDER...
 */
public class CompileVsConvert {
    private static final Converters CONVERTERS = Converters.standard();

    public static void main(String[] args) throws Exception {
        int runs = 5;
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else {
                folders.add(Path.of(args[i]));
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> s = Files.walk(folder)) {
                s.filter(Files::isRegularFile).filter(p -> CONVERTERS.forFile(p).isPresent()).sorted().forEach(files::add);
            }
        }
        Path images = Files.createTempDirectory("kb-bench-images");
        OfflineCompiler compiler = new OfflineCompiler();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (Path file : files) {
            measure(file, images, compiler, mx, 1);
        }
        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("%-60s %6s %10s %10s %7s%n", "file", "pages", "convert", "compile", "ratio");
        int over = 0;
        int measured = 0;
        double convertTotal = 0;
        double compileTotal = 0;
        for (Path file : files) {
            double[] t = measure(file, images, compiler, mx, runs);
            if (t == null) {
                continue;
            }
            measured++;
            convertTotal += t[0];
            compileTotal += t[1];
            boolean slower = t[1] > t[0];
            over += slower ? 1 : 0;
            System.out.printf("%-60s %6d %8.1fms %8.1fms %6.2f%s%n", shorten(file), (int) t[2], t[0], t[1], t[1] / t[0],
                    slower ? "  compile slower" : "");
        }
        System.out.printf("%d documents; compile slower than conversion: %d; totals convert %.0f ms, compile %.0f ms%n",
                measured, over, convertTotal, compileTotal);
    }

    /** Median CPU milliseconds of conversion and of compile, and the page count; null if the file does not convert. */
    private static double[] measure(Path file, Path images, OfflineCompiler compiler, ThreadMXBean mx, int runs)
            throws Exception {
        double[] convert = new double[runs];
        double[] compile = new double[runs];
        int pages = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            ConvertedDocument doc;
            try {
                doc = CONVERTERS.forFile(file).orElseThrow().convert(new ConversionRequest(file, images, "images/doc/"));
            } catch (Exception e) {
                return null;
            }
            long t1 = mx.getCurrentThreadCpuTime();
            compiler.analyze(new CompileInput(doc.title(), file.getFileName().toString(), doc.markdown(), doc.pages()));
            long t2 = mx.getCurrentThreadCpuTime();
            convert[r] = (t1 - t0) / 1e6;
            compile[r] = (t2 - t1) / 1e6;
            pages = doc.pageCount();
        }
        Arrays.sort(convert);
        Arrays.sort(compile);
        return new double[] {convert[runs / 2], compile[runs / 2], pages};
    }

    private static String shorten(Path p) {
        String s = p.toString();
        return s.length() <= 60 ? s : "…" + s.substring(s.length() - 59);
    }
}
