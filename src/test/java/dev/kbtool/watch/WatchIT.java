package dev.kbtool.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kb watch in a child JVM, driven by real file events in a temporary folder: files created,
 * modified, renamed and deleted; a file written slowly in pieces; a burst of 500 files; the
 * folder deleted and re-created; SIGTERM and SIGINT in the middle of a batch; kill -9 while it
 * commits.
 */
class WatchIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;
    Path kb;
    Path notes;

    @BeforeEach
    void setUp() throws IOException {
        kb = tmp.resolve("kb");
        notes = tmp.resolve("notes");
        Files.createDirectories(notes);
        Kb.Result init = new KbProcess(tmp).run("init", kb.toString());
        assertThat(init.code()).as(init.toString()).isZero();
    }

    @Test
    void followsFilesCreatedModifiedRenamedAndDeletedWhileOtherCommandsRun() throws Exception {
        Fixtures.write(notes.resolve("first.md"), "# First\n\nA note there before the watch began.\n");
        try (Watching w = watch("--settle", "300ms")) {
            w.await("added", "first.md");

            Fixtures.write(notes.resolve("rivers.md"), "# Rivers\n\nRivers carry water to the sea.\n");
            w.await("added", "rivers.md");
            Files.writeString(notes.resolve("rivers.md"), "# Rivers\n\nRivers carry silt to the delta.\n");
            w.await("updated", "rivers.md");
            Files.createDirectories(notes.resolve("water"));
            Files.move(notes.resolve("rivers.md"), notes.resolve("water/streams.md"));
            JsonNode moved = w.await("moved", "water/streams.md");
            assertThat(moved.path("doc").asText()).isEqualTo("rivers");
            Kb.Result list = kb("list");
            assertThat(list.code()).as("other kb commands run while the watcher waits\n" + list).isZero();
            assertThat(list.out()).contains("notes/water/streams.md");
            Files.delete(notes.resolve("water/streams.md"));
            w.await("removed", "water/streams.md");

            assertThat(w.stop("TERM")).as("SIGTERM ends a watch with exit 0").isZero();
            assertThat(w.stderr()).contains("watching", "stopped watching");
        }
        assertThat(kb("list").out()).contains("first").doesNotContain("rivers");
        assertThat(kb("doctor").code()).isZero();
    }

    @Test
    void aFileWrittenSlowlyInPiecesIsTakenOnceAndWhole() throws Exception {
        try (Watching w = watch("--settle", "1s")) {
            w.ready();
            Path slow = notes.resolve("slow.md");
            try (OutputStream out = Files.newOutputStream(slow, StandardOpenOption.CREATE_NEW)) {
                out.write("# Slow\n\n".getBytes(StandardCharsets.UTF_8));
                for (int piece = 1; piece <= 6; piece++) {
                    out.write(("Piece " + piece + " of the slowly written note about canals.\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(300);
                }
            }
            w.await("added", "slow.md");
            Thread.sleep(2500);
            assertThat(w.lines()).filteredOn(l -> l.path("path").asText().endsWith("slow.md")).hasSize(1);
            w.stop("TERM");
        }
        assertThat(Files.readString(kb.resolve("wiki/sources/slow.md"))).contains("Piece 6 of the slowly");
    }

    @Test
    void aBurstOf500FilesIsAllAdded() throws Exception {
        try (Watching w = watch("--settle", "300ms", "--jobs", "2")) {
            w.ready();
            for (int i = 0; i < 500; i++) {
                Files.writeString(notes.resolve(String.format("burst-%03d.md", i)),
                        "# Burst " + i + "\n\nNote " + i + " of a burst, about lock number " + i + ".\n");
            }
            w.awaitCount("added", 500, Duration.ofMinutes(8));
            w.stop("TERM");
        }
        assertThat(kb("--json", "status").out()).contains("\"documents\":500");
        assertThat(kb("doctor").code()).isZero();
    }

    @Test
    void survivesTheFolderDeletedAndRecreated() throws Exception {
        Fixtures.write(notes.resolve("a.md"), "# A\n\nThe first note about ponds.\n");
        Fixtures.write(notes.resolve("b.md"), "# B\n\nThe second note about lakes.\n");
        try (Watching w = watch("--settle", "300ms")) {
            w.await("added", "b.md");
            deleteTree(notes);
            w.awaitStderr("is gone");
            Thread.sleep(1500);
            assertThat(kb("list").out()).as("nothing is removed while the folder is missing").contains("a", "b");

            Files.createDirectories(notes);
            Fixtures.write(notes.resolve("c.md"), "# C\n\nA note in the folder made again, about wells.\n");
            w.await("added", "c.md");
            w.await("removed", "a.md");
            w.await("removed", "b.md");
            assertThat(w.stderr()).contains("is back");
            w.stop("TERM");
        }
        assertThat(kb("doctor").code()).isZero();
    }

    @Test
    void sigtermAndCtrlCInTheMiddleOfABatchStopAfterTheCommitInFlight() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Path folder = notes.resolve(signal);
            for (int i = 0; i < 60; i++) {
                Fixtures.write(folder.resolve("n" + i + ".md"), "# Note " + i + " " + signal
                        + "\n\nA note about harbours and the ships of port " + i + ".\n");
            }
            try (Watching w = watch(folder, "--jobs", "1", "--settle", "100ms")) {
                w.awaitCount("added", 1, WAIT);
                int code = w.stop(signal);
                assertThat(code).isEqualTo(signal.equals("TERM") ? 0 : 130);
                long added = w.lines().stream().filter(l -> l.path("status").asText().equals("added")).count();
                assertThat(added).as("stopped in the middle of the batch").isLessThan(60);
                assertThat(w.stderr()).doesNotContain("Exception");
            }
            assertThat(kb("doctor").code()).isZero();
            wholeDocuments();
        }
    }

    @Test
    void aKillWhileAWatchCommitsIsRecoveredByTheNextCommand() throws Exception {
        List<String> points = List.of("tx.journal-written:2", "tx.apply:3", "tx.committed:4");
        for (String point : points) {
            for (int i = 0; i < 5; i++) {
                Fixtures.write(notes.resolve(point.replace(':', '-') + "/n" + i + ".md"), "# Note " + i + "\n\n"
                        + "A note about mills " + i + " written before a crash at " + point + ".\n");
            }
            Process p = new KbProcess(tmp).env("KB_CRASH_AT", point)
                    .builder("--kb", kb.toString(), "watch", "--settle", "100ms", notes.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("killed at " + point).isTrue();
            assertThat(p.exitValue()).as(point).isEqualTo(137);

            Kb.Result repair = kb("--json", "doctor", "--repair");
            assertThat(repair.out()).as(point + "\n" + repair).contains("\"healthy\":true");
            wholeDocuments();
        }
        Kb.Result sync = kb("sync", notes.toString());
        assertThat(sync.code()).as(sync.toString()).isZero();
        assertThat(kb("--json", "status").out()).contains("\"documents\":15");
        wholeDocuments();
    }

    /** Every document in the catalog has its raw copy, source and summary, and every summary a document. */
    private void wholeDocuments() throws Exception {
        JsonNode docs = JSON.readTree("[" + String.join(",", kb("--json", "list").out().strip().lines()
                .filter(l -> l.contains("\"doc\"")).toList()) + "]");
        List<String> names = new ArrayList<>();
        docs.forEach(d -> names.add(d.path("doc").asText()));
        for (String name : names) {
            assertThat(kb.resolve("wiki/summaries/" + name + ".md")).exists();
            assertThat(kb.resolve("wiki/sources/" + name + ".md")).exists();
        }
        try (Stream<Path> summaries = Files.list(kb.resolve("wiki/summaries"))) {
            assertThat(summaries.map(p -> p.getFileName().toString().replaceFirst("\\.md$", "")).toList())
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    private Kb.Result kb(String... args) {
        List<String> all = new ArrayList<>(List.of("--kb", kb.toString()));
        all.addAll(List.of(args));
        return new KbProcess(tmp).run(all.toArray(String[]::new));
    }

    private Watching watch(String... options) throws IOException {
        return watch(notes, options);
    }

    private Watching watch(Path folder, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--kb", kb.toString(), "--json", "watch"));
        args.addAll(List.of(options));
        args.add(folder.toString());
        Path out = tmp.resolve("watch-" + System.nanoTime() + ".out");
        Path err = tmp.resolve("watch-" + System.nanoTime() + ".err");
        Process p = new KbProcess(tmp).builder(args.toArray(String[]::new)).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        return new Watching(p, out, err);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A running watcher and what it printed. */
    private record Watching(Process process, Path out, Path err) implements AutoCloseable {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readString(out).lines().toList()) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        }

        String stderr() throws IOException {
            return Files.readString(err);
        }

        /** Waits until the first full pass is done: the watcher then says it is watching. */
        void ready() throws Exception {
            awaitStderr("watching");
        }

        JsonNode await(String status, String pathEnd) throws Exception {
            Predicate<JsonNode> match = l -> l.path("status").asText().equals(status)
                    && l.path("path").asText().endsWith(pathEnd);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (JsonNode l : lines()) {
                    if (match.test(l)) {
                        return l;
                    }
                }
                checkAlive();
                Thread.sleep(50);
            }
            throw new AssertionError("no '" + status + " " + pathEnd + "' in " + WAIT + "\n" + Files.readString(out)
                    + "\n" + stderr());
        }

        void awaitCount(String status, int count, Duration wait) throws Exception {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                if (lines().stream().filter(l -> l.path("status").asText().equals(status)).count() >= count) {
                    return;
                }
                checkAlive();
                Thread.sleep(100);
            }
            throw new AssertionError("fewer than " + count + " '" + status + "' in " + wait + "\n" + stderr());
        }

        void awaitStderr(String text) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!stderr().contains(text)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + text + "' on stderr\n" + stderr());
                }
                checkAlive();
                Thread.sleep(50);
            }
        }

        /** Sends the signal and returns the exit code. */
        int stop(String signal) throws Exception {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            assertThat(kill.waitFor()).isZero();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the watcher stops after " + signal).isTrue();
            return process.exitValue();
        }

        private void checkAlive() throws IOException {
            if (!process.isAlive()) {
                throw new AssertionError("the watcher exited with " + process.exitValue() + "\n" + stderr());
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
