/* util.h: errors, warnings and memory helpers shared by every module.
 *
 * Modules never print: error() records a message and a sysexits.h status and returns -1, so a
 * module can `return error(EX_DATAERR, "...")`; the cli prints the last error and exits with its
 * status.  Warnings are queued the same way and flushed by the cli.
 */
#ifndef PLANNER_UTIL_H
#define PLANNER_UTIL_H

#include <stddef.h>
#include <sysexits.h>

/* Records "fmt" as the current error with exit status `status`; always returns -1.  The
 * arguments may include error_message() itself (the new message is made before the old one is
 * dropped), so `error(EX_DATAERR, "fetch %s: (%s)", url, error_message())` rewords the current
 * error without a copy.  A message is cut to ERROR_MAX - 1 bytes, at a character boundary. */
int error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define ERROR_MAX 4096
/* Puts "CONTEXT: " (fmt formatted) before the current message, keeping its status; returns -1,
 * so that a caller can `return error_prefix("%s", path)`. */
int error_prefix(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same, and the status becomes `status`. */
int error_prefix_status(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An error about the value a user gave an option: "--NAME 'VALUE': " then fmt formatted, with
 * "--NAME 'VALUE'" recorded as its subject (error_after_subject()); returns -1. */
int error_option(int status, const char *name, const char *value, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Records that the current message starts with `subject` followed by ':' (a module naming its
 * input first, "feed.json:3:4: ..."); nothing when it does not. */
void error_subject(const char *subject);
/* The current message from the ':' after its recorded subject on, e.g. ": expected a number"
 * of "--travel 'x': expected a number"; NULL when no subject is recorded (any later error(),
 * error_prefix() or error_clear() drops it).  Borrowed until the next error call. */
const char *error_after_subject(void);
/* The current message without its recorded subject and the ':' (and one space) after it: "3:4:
 * not valid JSON" of "feed.json:3:4: not valid JSON", "expected a number" of "--travel 'x':
 * expected a number"; the whole message when no subject is recorded.  Borrowed as above. */
const char *error_without_subject(void);
/* The message of the last error() (empty string if none); borrowed until the next error call
 * that changes it. */
const char *error_message(void);
/* The status of the last error() (EX_SOFTWARE if error() was never called). */
int error_status(void);
/* Clears the current error. */
void error_clear(void);

/* s with the user and password of every URL in it left out: "fetch https://ann:secret@host/x:
 * HTTP 401" is "fetch https://host/x: HTTP 401".  What planner prints goes through it, so that
 * credentials a user put in a URL are never shown.  Caller frees. */
char *redact_credentials(const char *s);

/* Queues a warning for the cli to print. */
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Number of queued warnings, and the i-th one (borrowed). */
size_t warning_count(void);
const char *warning_at(size_t i);
/* Drops every queued warning. */
void warnings_clear(void);
/* Drops the warnings queued after the first n (those of a step that failed after all). */
void warnings_truncate(size_t n);

/* Says "planner: out of memory" and aborts: the only exit a module may take. */
void out_of_memory(void) __attribute__((noreturn));
/* Allocation that aborts the process on out-of-memory (out_of_memory()). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* xcalloc for a large array the caller writes in full at once (a snapshot's sessions): its
 * pages are mapped in one call (Linux's MADV_POPULATE_WRITE) rather than a fault each as they
 * are first written; where that is not available, it is xcalloc.  Caller frees. */
void *xcalloc_prefaulted(size_t n, size_t size);
/* The same without zeroing, for an array of n elements of `size` bytes written in full before
 * it is read, and whose memory calloc would clear (and so fault) first.  Caller frees. */
void *xmalloc_prefaulted(size_t n, size_t size);
/* Grows *p (an array of *alloc elements of `size` bytes) to hold at least `need` elements. */
void *xgrow(void *p, size_t need, size_t *alloc, size_t size);
/* The value of hexadecimal digit c (either case), or -1: what the state files' %XX escapes
 * are read with. */
int hex_value(char c);
/* Caller frees. xstrdup(NULL) is NULL. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer; buf is always NUL-terminated. */
struct strbuf {
	char *buf;
	size_t len, alloc;
};
void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Room for `extra` more bytes at once (a text whose size is about known), so that adding them
 * moves nothing. */
void strbuf_reserve(struct strbuf *sb, size_t extra);
/* Empties sb, keeping its buffer for the next text. */
void strbuf_reset(struct strbuf *sb);
/* Hands the buffer over: the caller frees the returned string; sb is empty afterwards. */
char *strbuf_detach(struct strbuf *sb);

#endif
