/* fetch.c: downloads a timetable's bytes with libcurl (http, https, file) or reads a path;
 * reports every failure as one line with a sysexits status.  Never parses the bytes.  Also any
 * HTTP request (http_request), for the CalDAV client: the one module that includes curl. */
#include <ctype.h>
#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "fetch.h"
#include "load.h"
#include "text.h"
#include "timefmt.h"
#include "util.h"

#ifndef PLANNER_VERSION
#define PLANNER_VERSION "0"
#endif

/*
 * libcurl is loaded when the first fetch needs it, not linked: it brings in dozens of libraries
 * (TLS, HTTP/2, Kerberos, LDAP ...) whose loading and initialization cost every command ~10 ms
 * at start-up, while only `fetch` and a first `-s URL` use them.  The prototypes still come from
 * <curl/curl.h>, so every call is checked against them.
 */
static struct {
	__typeof__(curl_global_init) *global_init;
	__typeof__(curl_global_cleanup) *global_cleanup;
	__typeof__(curl_easy_init) *easy_init;
	__typeof__(curl_easy_setopt) *easy_setopt;
	__typeof__(curl_easy_perform) *easy_perform;
	__typeof__(curl_easy_getinfo) *easy_getinfo;
	__typeof__(curl_easy_cleanup) *easy_cleanup;
	__typeof__(curl_easy_strerror) *easy_strerror;
	__typeof__(curl_easy_header) *easy_header;
	__typeof__(curl_slist_append) *slist_append;
	__typeof__(curl_slist_free_all) *slist_free_all;
	__typeof__(curl_url) *url;
	__typeof__(curl_url_set) *url_set;
	__typeof__(curl_url_get) *url_get;
	__typeof__(curl_url_cleanup) *url_cleanup;
	__typeof__(curl_free) *free;
} cu;

static int load_libcurl(void)
{
	static const char *const sonames[] = { "libcurl.so.4", "libcurl.so" };
	static const struct { const char *name; size_t offset; } syms[] = {
#define SYM(f) { "curl_" #f, offsetof(__typeof__(cu), f) }
		SYM(global_init), SYM(global_cleanup), SYM(easy_init), SYM(easy_setopt),
		SYM(easy_perform), SYM(easy_getinfo), SYM(easy_cleanup), SYM(easy_strerror),
		SYM(easy_header), SYM(slist_append), SYM(slist_free_all), SYM(url), SYM(url_set),
		SYM(url_get), SYM(url_cleanup), SYM(free),
#undef SYM
	};
	void *so = NULL;

	for (size_t i = 0; !so && i < sizeof(sonames) / sizeof(sonames[0]); i++)
		so = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
	if (!so)
		return error(EX_UNAVAILABLE, "cannot load libcurl: %s", dlerror());
	for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
		void *f = dlsym(so, syms[i].name);
		if (!f)
			return error(EX_UNAVAILABLE, "cannot load libcurl: no %s (libcurl 7.85 or later "
				     "is needed)", syms[i].name);
		/* POSIX: a function pointer is stored through its object representation. */
		memcpy((char *)&cu + syms[i].offset, &f, sizeof(f));
	}
	return 0;
}

static int curl_ready(void)
{
	static int state; /* 0 not yet, 1 ready, -1 failed */
	static char msg[512];

	if (!state) {
		if (load_libcurl() < 0) {
			snprintf(msg, sizeof(msg), "%s", error_message());
			state = -1;
		} else if (cu.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			snprintf(msg, sizeof(msg), "cannot initialize libcurl");
			state = -1;
		} else {
			state = 1;
			atexit(cu.global_cleanup);
		}
	}
	return state > 0 ? 0 : error(EX_UNAVAILABLE, "%s", msg);
}

void fetch_result_init(struct fetch_result *r)
{
	memset(r, 0, sizeof(*r));
}

void fetch_result_release(struct fetch_result *r)
{
	free(r->body);
	free(r->etag);
	free(r->last_modified);
	free(r->content_type);
	fetch_result_init(r);
}

bool fetch_is_url(const char *s)
{
	const char *p = s;

	if (!isalpha((unsigned char)*p))
		return false;
	while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	return !strncmp(p, "://", 3);
}

int fetch_parse_size(const char *s, uint64_t *out)
{
	char *end;
	double v, mult = 1;

	errno = 0;
	if (!isdigit((unsigned char)*s) && *s != '.')
		goto bad;
	v = strtod(s, &end);
	if (errno || end == s || v < 0)
		goto bad;
	switch (*end) {
	case 'k': case 'K': mult = 1024.0; end++; break;
	case 'm': case 'M': mult = 1024.0 * 1024; end++; break;
	case 'g': case 'G': mult = 1024.0 * 1024 * 1024; end++; break;
	}
	if (mult > 1 && *end == 'i')
		end++;
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end)
		goto bad;
	v *= mult;
	if (v < 1 || v > 1e15)
		goto bad;
	if (v > (double)FETCH_DEFAULT_MAX_SIZE)
		return error(EX_USAGE, "'%s' is over %u MiB, the largest timetable planner reads", s,
			     (unsigned)(FETCH_DEFAULT_MAX_SIZE >> 20));
	*out = (uint64_t)ceil(v);
	return 0;
bad:
	return error(EX_USAGE, "bad size '%s' (a number of bytes, or with k, M or G: 64M)", s);
}

/* Seconds from PLANNER_FETCH_TIMEOUT, or the default. */
static int total_timeout_ms(long *ms)
{
	double v;
	int r = env_seconds("PLANNER_FETCH_TIMEOUT", false, &v);

	*ms = r > 0 ? (long)ceil(v * 1000) : FETCH_TOTAL_TIMEOUT * 1000L;
	return r < 0 ? -1 : 0;
}

struct transfer {
	CURL *curl;
	struct strbuf body;
	uint64_t max;
	bool too_big;
	bool discard;          /* an error status: the body is not kept */
	bool keep_all;         /* http_request: error bodies are kept too */
	const struct fetch_request *req;
	struct timespec start;
	double last_report;
};

static double elapsed(const struct transfer *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->start.tv_sec) + (now.tv_nsec - t->start.tv_nsec) / 1e9;
}

static size_t on_write(char *data, size_t size, size_t n, void *arg)
{
	struct transfer *t = arg;
	size_t len = size * n;
	long status = 0;

	cu.easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &status);
	if (status >= 300 && !t->keep_all) {
		t->discard = true;
		return len;
	}
	/* CURLOPT_MAXFILESIZE_LARGE stops only bodies whose length is announced; the rest (and
	 * whatever gzip expands to) is counted here. */
	if ((uint64_t)t->body.len + len > t->max) {
		t->too_big = true;
		return 0;
	}
	strbuf_add(&t->body, data, len);
	return len;
}

static int on_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	struct transfer *t = arg;
	double e = elapsed(t);

	(void)ultotal;
	(void)ulnow;
	if (t->req->progress && e - t->last_report >= 0.1) {
		t->last_report = e;
		t->req->progress(t->req->progress_data, (uint64_t)(dlnow > 0 ? dlnow : 0),
				 (uint64_t)(dltotal > 0 ? dltotal : 0), e);
	}
	return 0;
}

/* The header's value, or NULL when absent, empty or longer than FETCH_MAX_VALIDATOR bytes (an
 * ETag of 100 KB, kept and sent back, makes the server refuse every later request). */
static char *header_value(CURL *curl, const char *name)
{
	struct curl_header *h;

	if (cu.easy_header(curl, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h->value)
		return NULL;
	return *h->value && strlen(h->value) <= FETCH_MAX_VALIDATOR ? xstrdup(h->value) : NULL;
}

/* "Connection refused" → "connection refused": messages are lowercase; but a first word with
 * more capitals ("OpenSSL", "SSL") is a name and stays. */
static void lower_first(char *s)
{
	if (!isupper((unsigned char)s[0]))
		return;
	for (const char *p = s + 1; *p && !isspace((unsigned char)*p) && *p != ':'; p++)
		if (isupper((unsigned char)*p))
			return;
	s[0] = (char)tolower((unsigned char)s[0]);
}

/* Turns a failed transfer into the one-line error. */
static int transfer_error(struct transfer *t, const char *url, const char *host, CURLcode rc,
			  const char *errbuf, bool *offline)
{
	char detail[CURL_ERROR_SIZE + 1], sz[32];
	long os_errno = 0, redirects = 0;
	curl_off_t clen = -1, got = 0;

	snprintf(detail, sizeof(detail), "%s", errbuf[0] ? errbuf : cu.easy_strerror(rc));
	lower_first(detail);
	cu.easy_getinfo(t->curl, CURLINFO_OS_ERRNO, &os_errno);
	cu.easy_getinfo(t->curl, CURLINFO_REDIRECT_COUNT, &redirects);
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		*offline = true;
		return error(EX_NOHOST, "%s: cannot resolve host '%s'", url, host ? host : "");
	case CURLE_COULDNT_CONNECT:
		*offline = true;
		if (os_errno) {
			char why[128];
			snprintf(why, sizeof(why), "%s", strerror((int)os_errno));
			lower_first(why);
			return error(EX_UNAVAILABLE, "%s: cannot connect: %s", url, why);
		}
		return error(EX_UNAVAILABLE, "%s: cannot connect: %s", url, detail);
	case CURLE_OPERATION_TIMEDOUT: {
		curl_off_t connected = 0, secured = 0, total = 0;
		long local_port = 0;
		char *scheme = NULL;
		double secs;

		/* The time that really went by, and what was being waited for: the connection (the
		 * only timeout that means "no network"), the TLS handshake, or the reply. */
		cu.easy_getinfo(t->curl, CURLINFO_CONNECT_TIME_T, &connected);
		cu.easy_getinfo(t->curl, CURLINFO_APPCONNECT_TIME_T, &secured);
		cu.easy_getinfo(t->curl, CURLINFO_TOTAL_TIME_T, &total);
		cu.easy_getinfo(t->curl, CURLINFO_SCHEME, &scheme);
		/* libcurl counts the connection made only once TLS is up too; a local port says the
		 * TCP connection was made */
		cu.easy_getinfo(t->curl, CURLINFO_LOCAL_PORT, &local_port);
		if (local_port > 0 && connected <= 0)
			connected = 1;
		secs = (double)((total + 50000) / 100000) / 10.0;	/* to a tenth of a second */
		if (connected > 0 && secured <= 0 && scheme && !strcasecmp(scheme, "https"))
			return error(EX_TEMPFAIL, "%s: no TLS handshake: timed out after %g second%s "
				     "(is the server speaking https on that port?)", url, secs,
				     secs == 1 ? "" : "s");
		if (connected <= 0) {
			*offline = true;
			return error(EX_TEMPFAIL, "%s: cannot connect: timed out after %g second%s",
				     url, secs, secs == 1 ? "" : "s");
		}
		cu.easy_getinfo(t->curl, CURLINFO_SIZE_DOWNLOAD_T, &got);
		return error(EX_TEMPFAIL, "%s: timed out after %g second%s (%lld bytes received)",
			     url, secs, secs == 1 ? "" : "s", (long long)got);
	}
	case CURLE_RECV_ERROR:
		/* a socket error is the network's; anything else is a reply that breaks HTTP (a
		 * malformed chunked encoding) */
		if (os_errno)
			break;
		return error(EX_PROTOCOL, "%s: %s", url, detail);
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_USE_SSL_FAILED:
		return error(EX_PROTOCOL, "%s: TLS failure: %s", url, detail);
	case CURLE_TOO_MANY_REDIRECTS:
		return error(EX_PROTOCOL, "%s: too many redirects (more than %d)", url,
			     FETCH_MAX_REDIRS);
	case CURLE_UNSUPPORTED_PROTOCOL:
		if (redirects > 0)
			return error(EX_PROTOCOL, "%s: redirected to a URL planner does not follow "
				     "(only http and https)", url);
		/* the URL's own scheme was checked before: this is the server's reply (HTTP/0.9) */
		return error(EX_PROTOCOL, "%s: %s", url, detail);
	case CURLE_WEIRD_SERVER_REPLY:
		return error(EX_PROTOCOL, "%s: %s", url, detail);
	case CURLE_PARTIAL_FILE:
		cu.easy_getinfo(t->curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &clen);
		cu.easy_getinfo(t->curl, CURLINFO_SIZE_DOWNLOAD_T, &got);
		if (clen > 0)
			return error(EX_PROTOCOL, "%s: truncated body: got %lld of %lld bytes",
				     url, (long long)got, (long long)clen);
		return error(EX_PROTOCOL, "%s: truncated body: %s", url, detail);
	case CURLE_FILESIZE_EXCEEDED:	/* announced (Content-Length) */
	case CURLE_WRITE_ERROR:		/* not announced: the write callback stopped it */
		if (rc == CURLE_FILESIZE_EXCEEDED || t->too_big)
			return error(EX_DATAERR, "%s: body over the size limit of %s%s", url,
				     text_size(t->max, sz, sizeof(sz)),
				     t->req ? " (see --max-size)" : "");
		break;
	case CURLE_FILE_COULDNT_READ_FILE:
		return error(EX_NOINPUT, "%s: cannot read the file", url);
	case CURLE_URL_MALFORMAT:
		if (redirects > 0)
			return error(EX_PROTOCOL, "%s: redirected to a malformed URL", url);
		return error(EX_USAGE, "%s: malformed URL", url);
	case CURLE_BAD_CONTENT_ENCODING:
		return error(EX_PROTOCOL, "%s: bad content encoding: %s", url, detail);
	case CURLE_OUT_OF_MEMORY:
		/* libcurl 7.x says so for a reply header over its 100 KB limit; planner itself
		 * aborts when memory runs out */
		return error(EX_PROTOCOL, "%s: the server's reply is too large to read "
			     "(libcurl: %s)", url, detail);
	default:
		break;
	}
	return error(EX_UNAVAILABLE, "%s: %s", url, detail);
}

/* The scheme and host of url, checked: http, https and file only.  Caller frees both. */
static int parse_url(const char *url, char **scheme, char **host)
{
	CURLU *u = cu.url();
	char *sch = NULL, *h = NULL;
	int ret = 0;

	*scheme = *host = NULL;
	if (!u)
		return error(EX_OSERR, "fetch %s: out of memory", url);
	if (cu.url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	    cu.url_get(u, CURLUPART_SCHEME, &sch, 0) != CURLUE_OK) {
		ret = error(EX_USAGE, "fetch %s: malformed URL", url);
		goto out;
	}
	if (strcasecmp(sch, "http") && strcasecmp(sch, "https") && strcasecmp(sch, "file")) {
		ret = error(EX_USAGE, "fetch %s: unsupported protocol '%s' (planner fetches http, https "
			    "and file URLs)", url, sch);
		goto out;
	}
	if (cu.url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK && h)
		*host = xstrdup(h);
	*scheme = xstrdup(sch);
out:
	cu.free(sch);
	cu.free(h);
	cu.url_cleanup(u);
	return ret;
}

static int fetch_path(const struct fetch_request *req, uint64_t max, struct fetch_result *r)
{
	if (read_file(req->source, max > SIZE_MAX - 1 ? SIZE_MAX - 1 : (size_t)max, &r->body,
		      &r->len) < 0)
		return error(error_status(), "fetch %s", error_message());
	r->status = 200;
	return 0;
}

int fetch(const struct fetch_request *req, struct fetch_result *r)
{
	const char *url = req->source;
	struct transfer t;
	struct curl_slist *headers = NULL;
	char errbuf[CURL_ERROR_SIZE];
	char *scheme = NULL, *host = NULL;
	long timeout_ms, status = 0;
	uint64_t max = req->max_size ? req->max_size : FETCH_DEFAULT_MAX_SIZE;
	CURLcode rc;
	int ret = -1;

	fetch_result_release(r);
	if (!fetch_is_url(url))
		return fetch_path(req, max, r);
	if (curl_ready() < 0)
		return error_prefix("fetch %s", url);
	if (parse_url(url, &scheme, &host) < 0 || total_timeout_ms(&timeout_ms) < 0)
		goto out_free;

	memset(&t, 0, sizeof(t));
	strbuf_init(&t.body);
	t.max = max;
	t.req = req;
	t.curl = cu.easy_init();
	if (!t.curl) {
		error(EX_SOFTWARE, "fetch %s: cannot start libcurl", url);
		goto out_free;
	}
	clock_gettime(CLOCK_MONOTONIC, &t.start);
	errbuf[0] = '\0';
	cu.easy_setopt(t.curl, CURLOPT_URL, url);
	/* Not file for redirects: a server must not make planner read a local file into its cache.
	 * These two and TLS verification are refused rather than silently ignored. */
	if (cu.easy_setopt(t.curl, CURLOPT_PROTOCOLS_STR, "http,https,file") != CURLE_OK ||
	    cu.easy_setopt(t.curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") != CURLE_OK ||
	    cu.easy_setopt(t.curl, CURLOPT_SSL_VERIFYPEER, 1L) != CURLE_OK ||
	    cu.easy_setopt(t.curl, CURLOPT_SSL_VERIFYHOST, 2L) != CURLE_OK) {
		error(EX_UNAVAILABLE, "fetch %s: this libcurl cannot restrict protocols or verify "
		      "TLS peers (7.85 or later is needed)", url);
		goto out;
	}
	if (req->cacert && cu.easy_setopt(t.curl, CURLOPT_CAINFO, req->cacert) != CURLE_OK) {
		error(EX_UNAVAILABLE, "fetch %s: this libcurl cannot take --cacert", url);
		goto out;
	}
	cu.easy_setopt(t.curl, CURLOPT_FOLLOWLOCATION, 1L);
	cu.easy_setopt(t.curl, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRS);
	cu.easy_setopt(t.curl, CURLOPT_CONNECTTIMEOUT_MS,
			 timeout_ms < FETCH_CONNECT_TIMEOUT * 1000L ? timeout_ms
								    : FETCH_CONNECT_TIMEOUT * 1000L);
	cu.easy_setopt(t.curl, CURLOPT_TIMEOUT_MS, timeout_ms);
	cu.easy_setopt(t.curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)max);
	cu.easy_setopt(t.curl, CURLOPT_ACCEPT_ENCODING, "");
	cu.easy_setopt(t.curl, CURLOPT_USERAGENT, "planner/" PLANNER_VERSION);
	cu.easy_setopt(t.curl, CURLOPT_FAILONERROR, 0L);
	cu.easy_setopt(t.curl, CURLOPT_ERRORBUFFER, errbuf);
	cu.easy_setopt(t.curl, CURLOPT_NOSIGNAL, 1L);
	cu.easy_setopt(t.curl, CURLOPT_WRITEFUNCTION, on_write);
	cu.easy_setopt(t.curl, CURLOPT_WRITEDATA, &t);
	cu.easy_setopt(t.curl, CURLOPT_XFERINFOFUNCTION, on_progress);
	cu.easy_setopt(t.curl, CURLOPT_XFERINFODATA, &t);
	cu.easy_setopt(t.curl, CURLOPT_NOPROGRESS, req->progress ? 0L : 1L);
	/* Validators are sent back as the server wrote them, as long as they are one line. */
	if (req->etag && !strpbrk(req->etag, "\r\n")) {
		char *h = xasprintf("If-None-Match: %s", req->etag);
		headers = cu.slist_append(headers, h);
		free(h);
	}
	if (req->last_modified && !strpbrk(req->last_modified, "\r\n")) {
		char *h = xasprintf("If-Modified-Since: %s", req->last_modified);
		headers = cu.slist_append(headers, h);
		free(h);
	}
	if (headers)
		cu.easy_setopt(t.curl, CURLOPT_HTTPHEADER, headers);

	rc = cu.easy_perform(t.curl);
	cu.easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK && !(t.discard && rc == CURLE_PARTIAL_FILE && status >= 400)) {
		char *label = xasprintf("fetch %s", url);

		transfer_error(&t, label, host, rc, errbuf, &r->offline);
		free(label);
		goto out;
	}
	if (!strcasecmp(scheme, "file"))
		status = 200;
	r->status = status;
	if (status == 304) {
		if (!req->etag && !req->last_modified) {
			error(EX_PROTOCOL, "fetch %s: HTTP 304 to a request that was not conditional", url);
			goto out;
		}
		r->not_modified = true;
	} else if (status < 200 || status > 299) {
		error(status >= 500 && status <= 599 ? EX_UNAVAILABLE
		      : status >= 400 && status <= 499 ? EX_NOINPUT : EX_PROTOCOL,
		      "fetch %s: HTTP %ld", url, status);
		goto out;
	}
	if (req->progress && !r->not_modified)
		req->progress(req->progress_data, t.body.len, t.body.len, elapsed(&t));
	r->etag = header_value(t.curl, "ETag");
	r->last_modified = header_value(t.curl, "Last-Modified");
	r->content_type = header_value(t.curl, "Content-Type");
	if (!r->not_modified) {
		r->len = t.body.len;
		r->body = strbuf_detach(&t.body);
	}
	ret = 0;
out:
	strbuf_release(&t.body);
	cu.slist_free_all(headers);
	cu.easy_cleanup(t.curl);
out_free:
	free(scheme);
	free(host);
	return ret;
}

/* ---- any HTTP request (caldav.c) ---- */

void http_response_release(struct http_response *r)
{
	free(r->body);
	free(r->etag);
	free(r->location);
	free(r->url);
	memset(r, 0, sizeof(*r));
}

char *http_resolve(const char *base, const char *ref)
{
	CURLU *u;
	char *out = NULL, *ret = NULL;

	if (curl_ready() < 0)
		return NULL;
	u = cu.url();
	if (!u)
		out_of_memory();
	if (cu.url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    cu.url_set(u, CURLUPART_URL, ref, 0) == CURLUE_OK &&
	    cu.url_get(u, CURLUPART_URL, &out, 0) == CURLUE_OK)
		ret = xstrdup(out);
	cu.free(out);
	cu.url_cleanup(u);
	return ret;
}

static void add_header(struct curl_slist **list, const char *h)
{
	struct curl_slist *l = cu.slist_append(*list, h);

	if (!l)
		out_of_memory();
	*list = l;
}

int http_request(const struct http_request *rq, struct http_response *r)
{
	struct transfer t;
	struct curl_slist *headers = NULL;
	char errbuf[CURL_ERROR_SIZE], *scheme = NULL, *host = NULL, *label = NULL, *eff = NULL;
	long timeout_ms = rq->timeout_ms, status = 0;
	bool offline = false;
	CURLcode rc;
	int ret = -1;

	memset(r, 0, sizeof(*r));
	label = redact_credentials(rq->url);
	memset(&t, 0, sizeof(t));
	strbuf_init(&t.body);
	if (curl_ready() < 0) {
		error_prefix("%s", label);
		goto out_free;
	}
	if (parse_url(rq->url, &scheme, &host) < 0) {
		/* parse_url's message names the URL as fetch does: say it again without the userinfo */
		error(error_status(), "%s: malformed URL or a protocol other than http and https", label);
		goto out_free;
	}
	if (strcasecmp(scheme, "http") && strcasecmp(scheme, "https")) {
		error(EX_USAGE, "%s: unsupported protocol '%s' (only http and https)", label, scheme);
		goto out_free;
	}
	if (timeout_ms <= 0 && total_timeout_ms(&timeout_ms) < 0)
		goto out_free;
	t.max = rq->max_body ? rq->max_body : HTTP_MAX_BODY;
	t.keep_all = true;
	t.curl = cu.easy_init();
	if (!t.curl) {
		error(EX_SOFTWARE, "%s: cannot start libcurl", label);
		goto out_free;
	}
	clock_gettime(CLOCK_MONOTONIC, &t.start);
	errbuf[0] = '\0';
	cu.easy_setopt(t.curl, CURLOPT_URL, rq->url);
	if (cu.easy_setopt(t.curl, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK ||
	    cu.easy_setopt(t.curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") != CURLE_OK ||
	    cu.easy_setopt(t.curl, CURLOPT_SSL_VERIFYPEER, 1L) != CURLE_OK ||
	    cu.easy_setopt(t.curl, CURLOPT_SSL_VERIFYHOST, 2L) != CURLE_OK) {
		error(EX_UNAVAILABLE, "%s: this libcurl cannot restrict protocols or verify TLS peers "
		      "(7.85 or later is needed)", label);
		goto out;
	}
	if (rq->cacert && cu.easy_setopt(t.curl, CURLOPT_CAINFO, rq->cacert) != CURLE_OK) {
		error(EX_UNAVAILABLE, "%s: this libcurl cannot use a CA file", label);
		goto out;
	}
	cu.easy_setopt(t.curl, CURLOPT_CUSTOMREQUEST, rq->method);
	if (!strcmp(rq->method, "GET"))
		cu.easy_setopt(t.curl, CURLOPT_HTTPGET, 1L);
	if (rq->body) {
		cu.easy_setopt(t.curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)rq->body_len);
		cu.easy_setopt(t.curl, CURLOPT_POSTFIELDS, rq->body);
	}
	if (rq->follow) {
		/* the method stays the same on every hop (CURLOPT_CUSTOMREQUEST) */
		cu.easy_setopt(t.curl, CURLOPT_FOLLOWLOCATION, 1L);
		cu.easy_setopt(t.curl, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRS);
		cu.easy_setopt(t.curl, CURLOPT_POSTREDIR, (long)CURL_REDIR_POST_ALL);
	}
	if (rq->user && !rq->password && rq->netrc) {
		/* libcurl looks ~/.netrc up for the user of the URL, not CURLOPT_USERNAME's */
		CURLU *u = cu.url();
		char *with = NULL;

		if (u && cu.url_set(u, CURLUPART_URL, rq->url, 0) == CURLUE_OK &&
		    cu.url_set(u, CURLUPART_USER, rq->user, CURLU_URLENCODE) == CURLUE_OK &&
		    cu.url_get(u, CURLUPART_URL, &with, 0) == CURLUE_OK)
			cu.easy_setopt(t.curl, CURLOPT_URL, with);
		else
			cu.easy_setopt(t.curl, CURLOPT_USERNAME, rq->user);
		cu.free(with);	/* CURLOPT_URL keeps a copy */
		cu.url_cleanup(u);
	} else if (rq->user) {
		cu.easy_setopt(t.curl, CURLOPT_USERNAME, rq->user);
		cu.easy_setopt(t.curl, CURLOPT_PASSWORD, rq->password ? rq->password : "");
	}
	if (rq->netrc)
		cu.easy_setopt(t.curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
	/* Basic, sent with the first request: one request each, no 401 round trip (TLS protects it) */
	cu.easy_setopt(t.curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
	cu.easy_setopt(t.curl, CURLOPT_CONNECTTIMEOUT_MS,
			 timeout_ms < FETCH_CONNECT_TIMEOUT * 1000L ? timeout_ms
								    : FETCH_CONNECT_TIMEOUT * 1000L);
	cu.easy_setopt(t.curl, CURLOPT_TIMEOUT_MS, timeout_ms);
	cu.easy_setopt(t.curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)t.max);
	cu.easy_setopt(t.curl, CURLOPT_ACCEPT_ENCODING, "");
	cu.easy_setopt(t.curl, CURLOPT_USERAGENT, "planner/" PLANNER_VERSION);
	cu.easy_setopt(t.curl, CURLOPT_FAILONERROR, 0L);
	cu.easy_setopt(t.curl, CURLOPT_ERRORBUFFER, errbuf);
	cu.easy_setopt(t.curl, CURLOPT_NOSIGNAL, 1L);
	cu.easy_setopt(t.curl, CURLOPT_NOPROGRESS, 1L);
	cu.easy_setopt(t.curl, CURLOPT_WRITEFUNCTION, on_write);
	cu.easy_setopt(t.curl, CURLOPT_WRITEDATA, &t);
	/* no "Expect: 100-continue" round trip for a large body */
	add_header(&headers, "Expect:");
	for (const char *const *h = rq->headers; h && *h; h++) {
		if (strpbrk(*h, "\r\n")) {
			error(EX_SOFTWARE, "%s: a request header with a line break", label);
			goto out;
		}
		add_header(&headers, *h);
	}
	cu.easy_setopt(t.curl, CURLOPT_HTTPHEADER, headers);

	rc = cu.easy_perform(t.curl);
	cu.easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK) {
		transfer_error(&t, label, host, rc, errbuf, &offline);
		goto out;
	}
	r->status = status;
	r->etag = header_value(t.curl, "ETag");
	r->location = header_value(t.curl, "Location");
	/* libcurl puts the user name and password it sent into the effective URL */
	if (cu.easy_getinfo(t.curl, CURLINFO_EFFECTIVE_URL, &eff) != CURLE_OK || !eff)
		eff = (char *)rq->url;
	r->url = redact_credentials(eff);
	r->len = t.body.len;
	r->body = strbuf_detach(&t.body);
	ret = 0;
out:
	cu.slist_free_all(headers);
	cu.easy_cleanup(t.curl);
out_free:
	strbuf_release(&t.body);
	free(scheme);
	free(host);
	free(label);
	return ret;
}
