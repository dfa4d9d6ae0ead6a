package dev.kbtool.testing;

import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.tx.KbLock;
import dev.kbtool.tx.LockToken;
import dev.kbtool.tx.StagingLease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A child process that takes the KB lock or a staging lease with kb's own classes and
 * keeps it until killed, so tests can see what other processes see; or, with {@code sweep},
 * removes dead processes' staging over and over, as every other kb process's recovery does; or,
 * with {@code write}, holds the lock with a page's temp file in {@code wiki/}, as a command does
 * while it publishes a change, until a line arrives on its stdin, then removes it and exits.
 * Usage: {@code HolderMain <kb-dir> lock|lease|sweep|write}.
 */
public final class HolderMain {
    private HolderMain() {
    }

    public static void main(String[] args) throws Exception {
        KbLayout layout = new KbLayout(Path.of(args[0]));
        if (args[1].equals("lock")) {
            KbLock.of(layout).acquire(Duration.ofSeconds(30), "kb test-holder", n -> { });
        } else if (args[1].equals("write")) {
            LockToken token = KbLock.of(layout).acquire(Duration.ofSeconds(30), "kb test-writer", n -> { });
            Path temp = layout.wiki().resolve(".index.md" + AtomicFiles.TEMP_MARKER + "1");
            Files.writeString(temp, "half a page");
            System.out.println("ready");
            System.out.flush();
            System.in.read();
            Files.delete(temp);
            token.close();
            return;
        } else if (args[1].equals("sweep")) {
            System.out.println("ready");
            System.out.flush();
            while (true) {
                StagingLease.stale(layout, true);
            }
        } else {
            StagingLease lease = StagingLease.open(layout);
            lease.newFolder("work");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts the holder and waits until it holds what it was asked to. */
    public static Process start(Path kb, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HolderMain.class.getName(), kb.toString(), mode).redirectErrorStream(true).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        if (!"ready".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("holder did not start: " + line);
        }
        return p;
    }
}
