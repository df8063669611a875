/*
 * test_its_powerloss_file.c - the file backend under SIGKILL at random
 * points, thousands of times.
 *
 * A child process opens the store and overwrites a set of ITS objects in a
 * loop (several uids, sizes 0..20000 bytes, contents derived from (uid,
 * generation)). Before each psa_its_set it records, in memory shared with
 * the parent, the generation it is writing; after success, the generation
 * committed. The parent kills it with SIGKILL after a random delay (a
 * microsecond to a few milliseconds; one kill in eight comes before the
 * child is ready, so it can land in the open and its recovery too), then
 * re-opens the store and checks:
 *  - every object is exactly its last committed generation or the one being
 *    written; never corrupt, never missing once created;
 *  - a write-once object set at the start is intact;
 *  - no temporary file survives the open, and no stray file appears;
 *  - the store keeps working (a set, get and remove after recovery).
 *
 * SIGKILL keeps the kernel's page cache, so this checks the atomicity of
 * the rename protocol against a process dying at any instruction; the
 * fsync ordering that makes it hold across a power cut is in docs/storage.md.
 *
 * By default the test kills for DEFAULT_SECONDS (at least MIN_ITERATIONS
 * times): the cost of a kill depends on the disk's fsync latency and on the
 * machine's load. CIT_POWERLOSS_ITERATIONS=N makes it exactly N kills.
 */
#define _DEFAULT_SOURCE 1
#include "test.h"

#include <psa/internal_trusted_storage.h>

#include "platform/linux/store_file.h"
#include "storage/storage.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_SECONDS 25.0
#define MIN_ITERATIONS 2000ul
#define MAX_ITERATIONS 100000ul
#define UIDS 6
#define UID_BASE 0x100u
#define WO_UID 0x50u
#define SCRATCH_UID 0x999u
#define MAX_LEN 20000u
#define MAX_DELAY_US 20000.0

/* Written by the child, read by the parent once the child is dead. */
typedef struct {
    volatile uint64_t intent[UIDS];    /* generation being written */
    volatile uint64_t committed[UIDS]; /* generation of the last successful set (0: none) */
    volatile uint64_t next_gen;        /* next generation to use */
    volatile uint32_t writes;          /* successful sets in this child */
    volatile int32_t error;            /* status of a failed set or open (0: none) */
} shared_t;

static char dir[512];
static shared_t *shared;
static uint8_t buf[MAX_LEN + 64];
static uint8_t want[MAX_LEN];

/* ---- Values ---- */

static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* value builds the contents of generation gen of object u: a quarter are tiny (0..64 bytes). */
static size_t value(unsigned u, uint64_t gen, uint8_t *p)
{
    uint64_t h = mix(((uint64_t)u << 56) ^ gen);
    size_t len = (h & 3) == 0 ? (size_t)((h >> 8) % 65) : (size_t)((h >> 8) % (MAX_LEN + 1));
    uint64_t s = h | 1;
    size_t i;

    for (i = 0; i < len; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        p[i] = (uint8_t)s;
    }
    return len;
}

/* ---- The child ---- */

static void child_main(int ready_fd, uint64_t seed)
{
    static uint8_t data[MAX_LEN];
    cit_store_file_t st;
    cit_store_backend_t be;
    psa_status_t status;
    uint64_t r = seed;

    status = cit_store_file_open(&be, &st, dir);
    if (status != PSA_SUCCESS) {
        shared->error = status;
        _exit(2);
    }
    cit_store_set_backend(&be);
    if (write(ready_fd, "r", 1) != 1) {
        _exit(4);
    }
    for (;;) {
        unsigned u;
        uint64_t gen;
        size_t len;

        r = mix(r);
        u = (unsigned)(r % UIDS);
        gen = shared->next_gen;
        shared->next_gen = gen + 1;
        len = value(u, gen, data);
        shared->intent[u] = gen;
        status = psa_its_set(UID_BASE + u, len, data, 0);
        if (status != PSA_SUCCESS) {
            shared->error = status;
            _exit(3);
        }
        shared->committed[u] = gen;
        shared->writes++;
    }
}

/* ---- The parent's checks ---- */

static int count_names(unsigned long *temps, unsigned long *objects, unsigned long *others)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    *temps = *objects = *others = 0;
    if (d == NULL) {
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);

        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
            strcmp(e->d_name, CIT_STORE_FILE_LOCK_NAME) == 0) {
            continue;
        }
        if (l > 4 && strcmp(e->d_name + l - 4, ".tmp") == 0) {
            (*temps)++;
        } else if (l > 4 && strcmp(e->d_name + l - 4, ".obj") == 0) {
            (*objects)++;
        } else {
            (*others)++;
        }
    }
    closedir(d);
    return 0;
}

/* object_is: the object u holds exactly generation gen. */
static int object_is(unsigned u, uint64_t gen, const uint8_t *got, size_t got_len)
{
    size_t len = value(u, gen, want);

    return len == got_len && memcmp(got, want, len) == 0;
}

typedef struct {
    unsigned long kills;
    unsigned long early_kills;   /* before the child was ready */
    unsigned long mid_write;     /* a set was in progress */
    unsigned long new_version;   /* ... and its new value was already in place */
    unsigned long temps_found;   /* temporary files left by the kill */
    unsigned long child_writes;
} stats_t;

/*
 * verify re-opens the store after a kill and checks every object against
 * the shared record; known[] receives the generation found. 0 if all is well.
 */
static int verify(uint64_t known[UIDS], stats_t *stats, unsigned long iteration)
{
    cit_store_file_t st;
    cit_store_backend_t be;
    unsigned long temps;
    unsigned long objects;
    unsigned long others;
    unsigned long expect_objects = 1;
    int bad = 0;
    unsigned u;

    CHECK(count_names(&temps, &objects, &others) == 0);
    stats->temps_found += temps;
    CHECK_STATUS(cit_store_file_open(&be, &st, dir), PSA_SUCCESS);
    cit_store_set_backend(&be);
    CHECK(st.recovered == temps);
    CHECK(count_names(&temps, &objects, &others) == 0);
    CHECK(temps == 0 && others == 0);
    for (u = 0; u < UIDS; u++) {
        uint64_t c = shared->committed[u];
        uint64_t i = shared->intent[u];
        size_t len = 0;
        psa_status_t s = psa_its_get(UID_BASE + u, 0, sizeof(buf), buf, &len);

        if (i != c) {
            stats->mid_write++;
        }
        if (s == PSA_ERROR_DOES_NOT_EXIST && c == 0) {
            known[u] = 0; /* its creation was interrupted */
            continue;
        }
        expect_objects++;
        if (s == PSA_SUCCESS && c != 0 && object_is(u, c, buf, len)) {
            known[u] = c;
        } else if (s == PSA_SUCCESS && i != c && object_is(u, i, buf, len)) {
            known[u] = i;
            stats->new_version++;
        } else {
            fprintf(stderr, "iteration %lu: object %u: status %d, %lu bytes; committed %llu "
                    "(%lu bytes), intent %llu (%lu bytes)\n", iteration, u, (int)s,
                    (unsigned long)len, (unsigned long long)c,
                    (unsigned long)value(u, c, want), (unsigned long long)i,
                    (unsigned long)value(u, i, want));
            bad = 1;
        }
    }
    CHECK(!bad);
    CHECK(objects == expect_objects);
    /* The write-once object. */
    {
        size_t len = 0;

        CHECK_STATUS(psa_its_get(WO_UID, 0, sizeof(buf), buf, &len), PSA_SUCCESS);
        CHECK(len == 11 && memcmp(buf, "write once!", 11) == 0);
    }
    /* The store keeps working. */
    {
        size_t n = value(7, iteration, want);
        size_t len = 0;

        CHECK_STATUS(psa_its_set(SCRATCH_UID, n, want, 0), PSA_SUCCESS);
        CHECK_STATUS(psa_its_get(SCRATCH_UID, 0, sizeof(buf), buf, &len), PSA_SUCCESS);
        CHECK(len == n && memcmp(buf, want, n) == 0);
        CHECK_STATUS(psa_its_remove(SCRATCH_UID), PSA_SUCCESS);
    }
    cit_store_file_close(&st);
    return bad;
}

/* ---- One kill ---- */

static double now_s(void)
{
    struct timeval tv;

    gettimeofday(&tv, NULL);
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static void sleep_us(double us)
{
    struct timespec ts;

    ts.tv_sec = (time_t)(us / 1e6);
    ts.tv_nsec = (long)((us - (double)ts.tv_sec * 1e6) * 1e3);
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* run_once forks a writer, kills it, and returns 0 if it died by SIGKILL as planned. */
static int run_once(uint64_t seed, stats_t *stats)
{
    int fds[2];
    pid_t pid;
    int status = 0;
    int early = (mix(seed ^ 0x5555) & 7) == 0;
    /* Log-uniform delay between 1 us and MAX_DELAY_US. */
    double frac = (double)(mix(seed) >> 11) / 9007199254740992.0;
    double delay = 1.0;
    int k;

    for (k = 0; k < (int)(frac * 1000.0); k++) {
        delay *= 1.00995; /* 1.00995^1000 ~ 20000 = MAX_DELAY_US */
    }
    if (pipe(fds) != 0) {
        return -1;
    }
    pid = fork();
    if (pid == 0) {
        close(fds[0]);
        child_main(fds[1], seed);
        _exit(5);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return -1;
    }
    if (early) {
        stats->early_kills++;
    } else {
        char c;

        if (read(fds[0], &c, 1) != 1) {
            /* The child died before it was ready: its exit status says why. */
            close(fds[0]);
            waitpid(pid, &status, 0);
            return -1;
        }
    }
    sleep_us(delay);
    kill(pid, SIGKILL);
    close(fds[0]);
    if (waitpid(pid, &status, 0) != pid) {
        return -1;
    }
    if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
        fprintf(stderr, "writer did not die by SIGKILL: status 0x%x, error %d\n", status,
                (int)shared->error);
        return -1;
    }
    stats->kills++;
    return 0;
}

static void remove_dir(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    while (d != NULL && (e = readdir(d)) != NULL) {
        char path[1024];

        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
            unlink(path);
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    rmdir(dir);
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");
    const char *env = getenv("CIT_POWERLOSS_ITERATIONS");
    unsigned long iterations = 0; /* 0: timed */
    uint64_t known[UIDS];
    uint64_t next_gen = 1;
    stats_t stats;
    unsigned long it;
    double start;
    unsigned u;

    if (env != NULL && env[0] != '\0') {
        iterations = strtoul(env, NULL, 10);
    }
    snprintf(dir, sizeof(dir), "%s/citadel-powerloss-XXXXXX",
             tmp != NULL && tmp[0] ? tmp : "/tmp");
    shared = (shared_t *)mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE,
                              MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED || mkdtemp(dir) == NULL) {
        cit_test_skip("cannot map shared memory or create a temporary directory");
    }
    memset(&stats, 0, sizeof(stats));
    memset(known, 0, sizeof(known));
    /* A write-once object that no kill may touch. */
    {
        cit_store_file_t st;
        cit_store_backend_t be;

        CHECK_STATUS(cit_store_file_open(&be, &st, dir), PSA_SUCCESS);
        cit_store_set_backend(&be);
        CHECK_STATUS(psa_its_set(WO_UID, 11, "write once!", PSA_STORAGE_FLAG_WRITE_ONCE),
                     PSA_SUCCESS);
        cit_store_file_close(&st);
    }
    start = now_s();
    for (it = 1; cit_test_failures == 0; it++) {
        if (iterations != 0 ? it > iterations
                            : it > MAX_ITERATIONS ||
                                  (it > MIN_ITERATIONS && now_s() - start > DEFAULT_SECONDS)) {
            break;
        }
        for (u = 0; u < UIDS; u++) {
            shared->intent[u] = known[u];
            shared->committed[u] = known[u];
        }
        shared->next_gen = next_gen;
        shared->writes = 0;
        shared->error = 0;
        if (run_once(mix(it * 0x1234567ull + 99), &stats) != 0) {
            cit_test_fail(__FILE__, __LINE__, "the writer process failed");
            break;
        }
        stats.child_writes += shared->writes;
        next_gen = shared->next_gen;
        if (verify(known, &stats, it) != 0) {
            break;
        }
    }
    printf("powerloss: %lu SIGKILLs in %.1f s (%lu before the writer was ready), "
           "%lu completed writes; %lu kills during a set (%lu found the new value, "
           "%lu the old), %lu temporary files recovered\n",
           stats.kills, now_s() - start, stats.early_kills, stats.child_writes, stats.mid_write,
           stats.new_version, stats.mid_write - stats.new_version, stats.temps_found);
    CHECK(stats.kills == it - 1);
    CHECK(iterations != 0 ? stats.kills == iterations : stats.kills >= MIN_ITERATIONS);
    CHECK(stats.mid_write > 0 || stats.kills < 100);
    remove_dir();
    return cit_test_end("test_its_powerloss_file");
}
