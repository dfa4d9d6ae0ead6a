/*
 * A fault-injection shim for kb's fault campaigns, loaded with LD_PRELOAD into a kb child JVM.
 * From the N-th call of the chosen operation on a file under a chosen folder on, the call
 * fails with the chosen errno, as a dying or full disk would make it fail. Everything else
 * goes to libc untouched.
 *
 *   KB_SHIM_OP     fsync | fdatasync | write | rename | sync (fsync and fdatasync)
 *   KB_SHIM_AFTER  N (1-based): calls before the N-th succeed
 *   KB_SHIM_DIR    only files under this absolute folder count and fail
 *   KB_SHIM_ERRNO  EIO (default) or ENOSPC
 *
 * Built by the test suite with gcc; never part of kb.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/types.h>

static const char *op;
static long after = -1;
static const char *dir;
static size_t dir_len;
static int fail_errno = EIO;
static long count;
static int ready;

static void init(void) {
    if (ready) {
        return;
    }
    op = getenv("KB_SHIM_OP");
    const char *a = getenv("KB_SHIM_AFTER");
    dir = getenv("KB_SHIM_DIR");
    const char *e = getenv("KB_SHIM_ERRNO");
    after = a ? atol(a) : -1;
    dir_len = dir ? strlen(dir) : 0;
    if (e && strcmp(e, "ENOSPC") == 0) {
        fail_errno = ENOSPC;
    }
    ready = 1;
}

static int under_dir(const char *path) {
    return path && dir_len > 0 && strncmp(path, dir, dir_len) == 0
        && (path[dir_len] == '/' || path[dir_len] == '\0');
}

static int fd_under_dir(int fd) {
    char link[64];
    char target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0) {
        return 0;
    }
    target[n] = '\0';
    return under_dir(target);
}

/* Whether this call of operation `name` should fail; counts the calls that concern the folder. */
static int should_fail(const char *name, int concerns) {
    init();
    if (!op || after < 1 || !concerns) {
        return 0;
    }
    int match = strcmp(op, name) == 0
        || (strcmp(op, "sync") == 0 && (strcmp(name, "fsync") == 0 || strcmp(name, "fdatasync") == 0));
    if (!match) {
        return 0;
    }
    count++;
    return count >= after;
}

int fsync(int fd) {
    static int (*real)(int);
    if (!real) real = dlsym(RTLD_NEXT, "fsync");
    if (should_fail("fsync", fd_under_dir(fd))) { errno = fail_errno; return -1; }
    return real(fd);
}

int fdatasync(int fd) {
    static int (*real)(int);
    if (!real) real = dlsym(RTLD_NEXT, "fdatasync");
    if (should_fail("fdatasync", fd_under_dir(fd))) { errno = fail_errno; return -1; }
    return real(fd);
}

ssize_t write(int fd, const void *buf, size_t count_) {
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) real = dlsym(RTLD_NEXT, "write");
    if (fd > 2 && should_fail("write", fd_under_dir(fd))) { errno = fail_errno; return -1; }
    return real(fd, buf, count_);
}

ssize_t pwrite(int fd, const void *buf, size_t count_, off_t offset) {
    static ssize_t (*real)(int, const void *, size_t, off_t);
    if (!real) real = dlsym(RTLD_NEXT, "pwrite");
    if (should_fail("write", fd_under_dir(fd))) { errno = fail_errno; return -1; }
    return real(fd, buf, count_, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t count_, off_t offset) {
    static ssize_t (*real)(int, const void *, size_t, off_t);
    if (!real) real = dlsym(RTLD_NEXT, "pwrite64");
    if (should_fail("write", fd_under_dir(fd))) { errno = fail_errno; return -1; }
    return real(fd, buf, count_, offset);
}

int rename(const char *from, const char *to) {
    static int (*real)(const char *, const char *);
    if (!real) real = dlsym(RTLD_NEXT, "rename");
    if (should_fail("rename", under_dir(to))) { errno = fail_errno; return -1; }
    return real(from, to);
}

int renameat(int fromfd, const char *from, int tofd, const char *to) {
    static int (*real)(int, const char *, int, const char *);
    if (!real) real = dlsym(RTLD_NEXT, "renameat");
    if (should_fail("rename", to && to[0] == '/' && under_dir(to))) { errno = fail_errno; return -1; }
    return real(fromfd, from, tofd, to);
}
