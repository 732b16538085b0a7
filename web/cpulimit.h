/* cpulimit.h — a hard CPU-time limit per request.
 *
 * A request that runs away (a pathological query, a bug) must not hold
 * the resident FastCGI process, and with it every later visitor. Each
 * request arms a CPU-time timer; when it expires the process ends at
 * once, without answering: lighttpd (or any FastCGI manager) starts a
 * fresh one and the visitor gets an error page from the server. */
#ifndef ARKIV_WEB_CPULIMIT_H
#define ARKIV_WEB_CPULIMIT_H

#include <glib.h>

/* Exit status of a process cut off by the limit (like timeout(1)). */
#define WEB_EXIT_CPU_LIMIT 124

/* The limit in seconds from $ARKIV_CPU_LIMIT (a decimal number; 0 turns
 * it off), 10 when unset. FALSE when the value is not a number >= 0,
 * *seconds then holds the default. */
gboolean web_cpu_limit_from_env(double *seconds);

/* Install the handler once; seconds <= 0 leaves the limit off. */
void web_cpu_limit_init(double seconds);

/* Start counting the CPU time of one request. */
void web_cpu_limit_arm(void);

/* Stop counting; when the request used more than the limit (a timer
 * only fires on a scheduler tick, so a short overrun can finish first)
 * the process ends here, before anything is sent. */
void web_cpu_limit_disarm(void);

#endif
