package dev.kbtool.tx;

/**
 * Who holds a KB lock, as recorded in the lock file {@code .kb/lock} for the people who wait.
 *
 * @param since ISO-8601 instant the lock was taken
 */
public record LockHolder(long pid, String command, String since) {
    public String describe() {
        return "pid " + pid + " (" + command + ") since " + since;
    }
}
