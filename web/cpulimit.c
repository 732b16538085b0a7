/* cpulimit.c — the per-request CPU-time limit (see cpulimit.h).
 *
 * ITIMER_PROF counts the CPU time of the process, user and system, so a
 * request waiting on the disk or the network is not cut off; only one
 * spinning is. The handler may only call async-signal-safe functions:
 * _exit is one, and it skips atexit handlers and stdio buffers, so
 * nothing half-written reaches the client. */
#include "cpulimit.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static double limit; /* seconds; <= 0: off */
static struct timespec started;

static void on_expiry(int sig)
{
    (void)sig;
    static const char msg[] = "arkiv.cgi: request over the CPU limit, ending the process\n";
    ssize_t n = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)n;
    _exit(WEB_EXIT_CPU_LIMIT);
}

gboolean web_cpu_limit_from_env(double *seconds)
{
    *seconds = 10;
    const char *s = getenv("ARKIV_CPU_LIMIT");
    if (!s || !*s)
        return TRUE;
    char *end = NULL;
    double v = g_ascii_strtod(s, &end);
    if (*end || !(v >= 0))
        return FALSE;
    *seconds = v;
    return TRUE;
}

void web_cpu_limit_init(double seconds)
{
    limit = seconds;
    if (limit <= 0)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_expiry;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPROF, &sa, NULL);
}

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void web_cpu_limit_arm(void)
{
    if (limit <= 0)
        return;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &started);
    struct itimerval it = {.it_interval = {0, 0}};
    it.it_value.tv_sec = (time_t)limit;
    it.it_value.tv_usec = (suseconds_t)((limit - (double)(time_t)limit) * 1e6);
    /* A zero it_value would disarm instead: the least limit is 1 µs. */
    if (it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0)
        it.it_value.tv_usec = 1;
    setitimer(ITIMER_PROF, &it, NULL);
}

void web_cpu_limit_disarm(void)
{
    if (limit <= 0)
        return;
    struct itimerval off;
    memset(&off, 0, sizeof off);
    setitimer(ITIMER_PROF, &off, NULL);
    double used = cpu_now() - ((double)started.tv_sec + (double)started.tv_nsec / 1e9);
    if (used > limit)
        on_expiry(SIGPROF);
}
