/* fetch.h: the bytes of a timetable from a URL or a path — transport only, never parses.
 *
 * Wraps libcurl (the only module that includes <curl/curl.h>), which it loads with dlopen() on
 * the first fetch rather than linking it, so that commands that do not fetch start without it
 * and its dozens of libraries (~10 ms a start).  Sources are http://, https:// and
 * file:// URLs and plain paths (read directly).  TLS peers and host names are verified; redirects
 * are followed at most FETCH_MAX_REDIRS times, and only to http or https (a server cannot send
 * planner to a local file); the body is accepted gzip- or deflate-encoded and counted decoded
 * against the size limit, whether or not the server announced its length.  Timeouts: connecting
 * FETCH_CONNECT_TIMEOUT seconds, the whole transfer FETCH_TOTAL_TIMEOUT seconds; the environment
 * variable PLANNER_FETCH_TIMEOUT (seconds, decimals allowed) sets the total, and the connect
 * timeout when smaller.  The User-Agent is "planner/VERSION".
 *
 * Failures are one line naming the source and the cause, with a sysexits status:
 *     fetch http://example.org/x.json: HTTP 404
 * EX_USAGE a malformed URL or another protocol; EX_NOINPUT HTTP 4xx or a missing file;
 * EX_NOHOST the host name does not resolve; EX_UNAVAILABLE a refused or failed connection, HTTP
 * 5xx; EX_TEMPFAIL a timeout; EX_PROTOCOL a TLS failure, a truncated body, too many redirects,
 * another unexpected status; EX_DATAERR a body over the size limit.
 */
#ifndef PLANNER_FETCH_H
#define PLANNER_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "load.h"

/* The largest body: the largest timetable the loader reads (load.h); --max-size only lowers it. */
#define FETCH_DEFAULT_MAX_SIZE ((uint64_t)LOAD_MAX_BYTES)
#define FETCH_MAX_REDIRS 5
/* ETag, Last-Modified and Content-Type values longer than this are not kept (nor sent back). */
#define FETCH_MAX_VALIDATOR 1024
#define FETCH_CONNECT_TIMEOUT 10
#define FETCH_TOTAL_TIMEOUT 300

/* Called while a download runs, at most a few times a second: bytes received so far and the
 * announced total (0 when unknown), and the seconds since the transfer began.  The cli draws. */
typedef void (*fetch_progress_fn)(void *data, uint64_t received, uint64_t total, double elapsed);

struct fetch_request {
	const char *source;         /* an http(s) or file URL, or a path */
	const char *etag;           /* sent as If-None-Match; NULL for none */
	const char *last_modified;  /* sent as If-Modified-Since, as the server wrote it; NULL: none */
	uint64_t max_size;          /* bytes; 0: FETCH_DEFAULT_MAX_SIZE */
	fetch_progress_fn progress; /* may be NULL */
	void *progress_data;
	const char *cacert;         /* a PEM file of trusted CAs; NULL: the system's */
};

struct fetch_result {
	long status;          /* the HTTP status; 200 for files */
	bool not_modified;    /* 304: body is empty, the cached copy is current */
	char *body;           /* the decoded bytes, NUL-terminated; owned by the result */
	size_t len;
	char *etag, *last_modified, *content_type; /* response headers; NULL when absent */
	bool offline;         /* on failure: the network could not be used (no such host, no
	                       * connection, a timeout), so a cached copy may stand in */
};

void fetch_result_init(struct fetch_result *r);
void fetch_result_release(struct fetch_result *r);

/* True if s looks like a URL ("scheme://..."), whatever the scheme. */
bool fetch_is_url(const char *s);

/* Downloads req->source into r (initialized; whatever it held is released).  Returns 0 on a 2xx
 * or 304 answer, or -1 with error() set as above (r->offline tells connection failures apart). */
int fetch(const struct fetch_request *req, struct fetch_result *r);

/* Parses a size: "1048576", "500k", "64M", "1.5MiB", "2G" (k, M, G are powers of 1024; a
 * trailing "B" or "iB" is allowed), at most FETCH_DEFAULT_MAX_SIZE.  Returns 0, or -1 with
 * error() set (EX_USAGE). */
int fetch_parse_size(const char *s, uint64_t *out);

/* ---- any HTTP request: the CalDAV client's transport (caldav.h) ----
 *
 * Only http and https (redirects too), TLS verified (against rq->cacert when given), Basic
 * authentication sent with the first request, the timeouts above (PLANNER_FETCH_TIMEOUT too).
 * Transport failures are one line naming the URL without its user information, with fetch's
 * statuses; every HTTP status is returned for the caller to judge. */

#define HTTP_MAX_BODY (16u << 20)   /* the default cap on a reply's body */

struct http_request {
	const char *method;          /* "GET", "PUT", "PROPFIND", "MKCALENDAR" ... */
	const char *url;
	const char *const *headers;  /* "Name: value" lines, NULL-terminated; NULL: none */
	const char *body;            /* NULL: none */
	size_t body_len;
	const char *user, *password; /* NULL user: none (then ~/.netrc with netrc) */
	bool netrc;                  /* credentials from ~/.netrc when it has the host */
	const char *cacert;          /* a PEM file of trusted CAs; NULL: the system's */
	bool follow;                 /* follow redirects (at most FETCH_MAX_REDIRS) */
	size_t max_body;             /* 0: HTTP_MAX_BODY */
	long timeout_ms;             /* the whole request; 0: as fetch */
};

struct http_response {
	long status;
	char *etag, *location;       /* response headers; NULL when absent */
	char *url;                   /* the URL that answered (after redirects) */
	char *body;                  /* NUL-terminated, whatever the status; owned */
	size_t len;
};

/* Sends rq; *r (owned by the caller: http_response_release) gets the answer.  0 when an answer
 * came (any status), or -1 with error() set. */
int http_request(const struct http_request *rq, struct http_response *r);
void http_response_release(struct http_response *r);

/* ref (an href as a server gave it: absolute, or a path) resolved against base.  Caller frees;
 * NULL when either is malformed (or libcurl cannot be loaded, error() set). */
char *http_resolve(const char *base, const char *ref);

#endif
