package dev.kbtool.tx;

/**
 * Proof that the current thread holds the KB lock. Code that needs the lock takes a token
 * as a parameter instead of locking itself, so the lock is taken in exactly one place and
 * nobody can forget it. Closing the token releases one level of the (reentrant) lock.
 */
public final class LockToken implements AutoCloseable {
    private final KbLock lock;
    private final Thread owner = Thread.currentThread();
    private boolean released;

    LockToken(KbLock lock) {
        this.lock = lock;
    }

    /** Fails unless this token is live and used by the thread that owns it. */
    public void check() {
        if (released || Thread.currentThread() != owner) {
            throw new IllegalStateException("KB lock token used after release or from another thread");
        }
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            lock.release();
        }
    }
}
