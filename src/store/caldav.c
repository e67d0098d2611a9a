/* caldav.c: the CalDAV client of `planner push` — discovery, MKCALENDAR, conditional PUT and
 * DELETE, and the state that keeps a calendar in step (caldav.h).  Never prints. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <expat.h>

#include "caldav.h"
#include "fetch.h"
#include "fsutil.h"
#include "hash.h"
#include "text.h"
#include "util.h"

#define NS_DAV "DAV:"
#define NS_CALDAV "urn:ietf:params:xml:ns:caldav"
#define NS_CS "http://calendarserver.org/ns/"
/* Expat's namespace separator: "DAV:|href" */
#define SEP '|'
/* The state is saved after this many requests that changed the calendar (and at the end). */
#define SAVE_EVERY 25
#define STATE_HEADER "planner-caldav-state 1"

void caldav_report_init(struct caldav_report *r)
{
	memset(r, 0, sizeof(*r));
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void caldav_report_release(struct caldav_report *r)
{
	free(r->calendar);
	free_strings(r->conflicts, r->nconflicts);
	free_strings(r->failures, r->nfailures);
	caldav_report_init(r);
}

static void push_string(char ***v, size_t *n, char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = s;
}

/* ---- multistatus (RFC 4918 section 13) ---- */

struct dav_resp {
	char *href;             /* as the server wrote it */
	bool found;             /* a 200 propstat came */
	bool calendar;          /* resourcetype has C:calendar */
	char *etag, *ctag, *sync_token, *displayname, *principal, *home;
};

struct ms_parser {
	XML_Parser p;
	struct dav_resp *v;
	size_t n;
	struct dav_resp cur, ps; /* the response, and the propstat being read */
	char *ps_status;
	struct strbuf text;
	int stack[32];          /* the open elements' codes (Expat's names live only during a call) */
	int depth;
	bool refused;
};

static void resp_release(struct dav_resp *r)
{
	free(r->href);
	free(r->etag);
	free(r->ctag);
	free(r->sync_token);
	free(r->displayname);
	free(r->principal);
	free(r->home);
	memset(r, 0, sizeof(*r));
}

static void resps_free(struct dav_resp *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		resp_release(&v[i]);
	free(v);
}

static bool is(const char *name, const char *ns, const char *local)
{
	size_t l = strlen(ns);

	return !strncmp(name, ns, l) && name[l] == SEP && !strcmp(name + l + 1, local);
}

enum { E_OTHER, E_HREF, E_RESPONSE, E_PROPSTAT, E_PROP, E_STATUS, E_PRINCIPAL, E_HOME,
       E_RESOURCETYPE, E_CALENDAR, E_GETETAG, E_GETCTAG, E_SYNC_TOKEN, E_DISPLAYNAME };

static int code_of(const char *name)
{
	static const struct { const char *ns, *local; int code; } known[] = {
		{ NS_DAV, "href", E_HREF }, { NS_DAV, "response", E_RESPONSE },
		{ NS_DAV, "propstat", E_PROPSTAT }, { NS_DAV, "prop", E_PROP },
		{ NS_DAV, "status", E_STATUS }, { NS_DAV, "current-user-principal", E_PRINCIPAL },
		{ NS_CALDAV, "calendar-home-set", E_HOME }, { NS_DAV, "resourcetype", E_RESOURCETYPE },
		{ NS_CALDAV, "calendar", E_CALENDAR }, { NS_DAV, "getetag", E_GETETAG },
		{ NS_CS, "getctag", E_GETCTAG }, { NS_DAV, "sync-token", E_SYNC_TOKEN },
		{ NS_DAV, "displayname", E_DISPLAYNAME },
	};

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (is(name, known[i].ns, known[i].local))
			return known[i].code;
	return E_OTHER;
}

/* The code of the element `up` levels above the one being closed. */
static int parent(const struct ms_parser *m, int up)
{
	int i = m->depth - 1 - up;

	return i >= 0 && i < 32 ? m->stack[i] : E_OTHER;
}

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct ms_parser *m = data;

	int code = code_of(name);

	(void)atts;
	if (m->depth < 32)
		m->stack[m->depth] = code;
	m->depth++;
	strbuf_release(&m->text);
	strbuf_init(&m->text);
	if (code == E_PROPSTAT) {
		resp_release(&m->ps);
		free(m->ps_status);
		m->ps_status = NULL;
	}
}

static void take(char **field, struct strbuf *text)
{
	const char *s = text->buf ? text->buf : "";
	size_t a = 0, b = strlen(s);

	while (a < b && strchr(" \t\r\n", s[a]))
		a++;
	while (b > a && strchr(" \t\r\n", s[b - 1]))
		b--;
	free(*field);
	*field = xstrndup(s + a, b - a);
}

static void merge(char **into, char **from)
{
	if (*from) {
		free(*into);
		*into = *from;
		*from = NULL;
	}
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct ms_parser *m = data;
	int code = code_of(name), up;

	m->depth--;
	up = parent(m, 0);
	if (code == E_HREF) {
		if (up == E_RESPONSE)
			take(&m->cur.href, &m->text);
		else if (up == E_PRINCIPAL)
			take(&m->ps.principal, &m->text);
		else if (up == E_HOME)
			take(&m->ps.home, &m->text);
	} else if (up == E_PROP) {
		if (code == E_GETETAG)
			take(&m->ps.etag, &m->text);
		else if (code == E_GETCTAG)
			take(&m->ps.ctag, &m->text);
		else if (code == E_SYNC_TOKEN)
			take(&m->ps.sync_token, &m->text);
		else if (code == E_DISPLAYNAME)
			take(&m->ps.displayname, &m->text);
	} else if (code == E_CALENDAR && up == E_RESOURCETYPE) {
		m->ps.calendar = true;
	} else if (code == E_STATUS && up == E_PROPSTAT) {
		take(&m->ps_status, &m->text);
	} else if (code == E_PROPSTAT) {
		/* only the properties the server found: "HTTP/1.1 200 OK" */
		const char *sp = m->ps_status ? strchr(m->ps_status, ' ') : NULL;
		if (!m->ps_status || (sp && !strncmp(sp + 1, "200", 3))) {
			m->cur.found = true;
			m->cur.calendar |= m->ps.calendar;
			merge(&m->cur.etag, &m->ps.etag);
			merge(&m->cur.ctag, &m->ps.ctag);
			merge(&m->cur.sync_token, &m->ps.sync_token);
			merge(&m->cur.displayname, &m->ps.displayname);
			merge(&m->cur.principal, &m->ps.principal);
			merge(&m->cur.home, &m->ps.home);
		}
		resp_release(&m->ps);
	} else if (code == E_RESPONSE) {
		if (m->cur.href) {
			m->v = xrealloc(m->v, (m->n + 1) * sizeof(*m->v));
			m->v[m->n++] = m->cur;
			memset(&m->cur, 0, sizeof(m->cur));
		}
		resp_release(&m->cur);
	}
	strbuf_release(&m->text);
	strbuf_init(&m->text);
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct ms_parser *m = data;

	/* character data arrives in pieces; a value is short, a huge one is refused */
	if (m->text.len + (size_t)len > 65536) {
		m->refused = true;
		XML_StopParser(m->p, XML_FALSE);
		return;
	}
	strbuf_add(&m->text, s, (size_t)len);
}

/* A server's reply declares no entities: refused, so none can expand or read a file. */
static void XMLCALL on_entity(void *data, const XML_Char *name, int is_param, const XML_Char *value,
			      int value_len, const XML_Char *base, const XML_Char *system_id,
			      const XML_Char *public_id, const XML_Char *notation)
{
	struct ms_parser *m = data;

	(void)name; (void)is_param; (void)value; (void)value_len; (void)base; (void)system_id;
	(void)public_id; (void)notation;
	m->refused = true;
	XML_StopParser(m->p, XML_FALSE);
}

/* The responses of multistatus body[0..len): *v (caller frees: resps_free) and *n.  0, or -1
 * with error() set (EX_PROTOCOL, naming `what`). */
static int parse_multistatus(const char *body, size_t len, const char *what, struct dav_resp **v,
			     size_t *n)
{
	struct ms_parser m;
	enum XML_Status st;
	int ret = 0;

	memset(&m, 0, sizeof(m));
	strbuf_init(&m.text);
	*v = NULL;
	*n = 0;
	m.p = XML_ParserCreateNS("UTF-8", SEP);
	if (!m.p)
		out_of_memory();
	XML_SetUserData(m.p, &m);
	XML_SetElementHandler(m.p, on_start, on_end);
	XML_SetCharacterDataHandler(m.p, on_text);
	XML_SetEntityDeclHandler(m.p, on_entity);
	XML_SetParamEntityParsing(m.p, XML_PARAM_ENTITY_PARSING_NEVER);
#if defined(XML_DTD) && (XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4))
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(m.p, 10.0f);
	XML_SetBillionLaughsAttackProtectionActivationThreshold(m.p, 1u << 20);
#endif
	st = len > (size_t)INT32_MAX ? XML_STATUS_ERROR : XML_Parse(m.p, body, (int)len, XML_TRUE);
	if (m.refused)
		ret = error(EX_PROTOCOL, "%s: the server's XML declares entities or holds a value over "
			    "64 KiB", what);
	else if (st != XML_STATUS_OK)
		ret = error(EX_PROTOCOL, "%s: the server's XML is not well-formed: line %lu: %s", what,
			    (unsigned long)XML_GetCurrentLineNumber(m.p),
			    XML_ErrorString(XML_GetErrorCode(m.p)));
	XML_ParserFree(m.p);
	resp_release(&m.cur);
	resp_release(&m.ps);
	free(m.ps_status);
	strbuf_release(&m.text);
	if (ret < 0) {
		resps_free(m.v, m.n);
		return -1;
	}
	*v = m.v;
	*n = m.n;
	return 0;
}

long caldav_parse_count(const char *body, size_t len)
{
	struct dav_resp *v;
	size_t n;

	if (parse_multistatus(body, len, "reply", &v, &n) < 0)
		return -1;
	resps_free(v, n);
	return (long)n;
}

/* ---- requests ---- */

struct client {
	const struct caldav_push_opts *o;
	struct caldav_report *rep;
};

/* Sends one request; 0 with *r filled (any status but 401 and 403), or -1 with error() set. */
static int dav_send(struct client *c, const char *method, const char *url, const char *const *headers,
		const char *body, struct http_response *r)
{
	struct http_request rq;
	char *label;

	memset(&rq, 0, sizeof(rq));
	rq.method = method;
	rq.url = url;
	rq.headers = headers;
	rq.body = body;
	rq.body_len = body ? strlen(body) : 0;
	rq.user = c->o->user;
	rq.password = c->o->password;
	rq.netrc = !c->o->password;
	rq.cacert = c->o->cacert;
	rq.follow = !strcmp(method, "PROPFIND");
	c->rep->requests++;
	if (http_request(&rq, r) < 0)
		return -1;
	if (r->status != 401 && r->status != 403)
		return 0;
	label = redact_credentials(url);
	if (r->status == 401)
		error(EX_NOPERM, "%s: the server refused the user name or password (HTTP 401)%s", label,
		      c->o->user ? "" : "; set caldav-user and caldav-password-command, or use ~/.netrc");
	else
		error(EX_NOPERM, "%s: access denied (HTTP 403)", label);
	free(label);
	http_response_release(r);
	return -1;
}

static const char *const propfind_headers[][3] = {
	{ "Depth: 0", "Content-Type: application/xml; charset=utf-8", NULL },
	{ "Depth: 1", "Content-Type: application/xml; charset=utf-8", NULL },
};

#define PROPFIND(props) \
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" \
	"<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" " \
	"xmlns:CS=\"http://calendarserver.org/ns/\"><D:prop>" props "</D:prop></D:propfind>\n"

/* PROPFIND url with `body` at `depth`: *v, *n the responses of a 207.  0; 1 for another status
 * (in *status, nothing parsed); -1 with error() set.  *final gets the URL that answered (after
 * redirects; caller frees) when not NULL. */
static int propfind(struct client *c, const char *url, int depth, const char *body,
		    struct dav_resp **v, size_t *n, long *status, char **final)
{
	struct http_response r;
	char *label;
	int ret;

	*v = NULL;
	*n = 0;
	if (final)
		*final = NULL;
	if (dav_send(c, "PROPFIND", url, propfind_headers[depth], body, &r) < 0)
		return -1;
	*status = r.status;
	if (r.status != 207) {
		http_response_release(&r);
		return 1;
	}
	label = redact_credentials(url);
	ret = parse_multistatus(r.body, r.len, label, v, n);
	free(label);
	if (ret == 0 && final) {
		*final = r.url;
		r.url = NULL;
	}
	http_response_release(&r);
	return ret;
}

/* The response about `url` itself among v[0..n) (its href resolved against url is url, or
 * the only one). */
static struct dav_resp *self_of(const char *url, struct dav_resp *v, size_t n)
{
	struct dav_resp *found = NULL;

	for (size_t i = 0; i < n && !found; i++) {
		char *abs = http_resolve(url, v[i].href);
		if (abs && !strcmp(abs, url))
			found = &v[i];
		free(abs);
	}
	return found ? found : n == 1 ? &v[0] : NULL;
}

static void xml_escape(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '<': strbuf_adds(sb, "&lt;"); break;
		case '>': strbuf_adds(sb, "&gt;"); break;
		case '&': strbuf_adds(sb, "&amp;"); break;
		case '"': strbuf_adds(sb, "&quot;"); break;
		default: strbuf_addc(sb, *s);
		}
}

/* MKCALENDAR url with display name `name`.  0 (made, or there already), -1 with error() set. */
static int mkcalendar(struct client *c, const char *url, const char *name)
{
	struct strbuf b;
	struct http_response r;
	static const char *const headers[] = { "Content-Type: application/xml; charset=utf-8", NULL };
	char *label;
	int ret = 0;

	strbuf_init(&b);
	strbuf_adds(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<C:mkcalendar xmlns:D=\"DAV:\" "
		    "xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop><D:displayname>");
	xml_escape(&b, name);
	strbuf_adds(&b, "</D:displayname><C:supported-calendar-component-set><C:comp name=\"VEVENT\"/>"
		    "</C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>\n");
	ret = dav_send(c, "MKCALENDAR", url, headers, b.buf, &r);
	strbuf_release(&b);
	if (ret < 0)
		return -1;
	label = redact_credentials(url);
	if (r.status >= 200 && r.status <= 299)
		c->rep->made = true;
	else if (r.status != 405)	/* 405: something is there already; the next request tells what */
		ret = error(r.status >= 500 ? EX_UNAVAILABLE : EX_CANTCREAT,
			    "%s: cannot make the calendar (HTTP %ld)", label, r.status);
	free(label);
	http_response_release(&r);
	return ret;
}

/* The last path segment of href ("/u/cal/" -> "cal"), without its slash.  Caller frees. */
static char *last_segment(const char *href)
{
	size_t len = strlen(href), a;

	while (len && href[len - 1] == '/')
		len--;
	a = len;
	while (a && href[a - 1] != '/')
		a--;
	return xstrndup(href + a, len - a);
}

/* For a name made into a path segment: letters, digits, '-', '_', '.' stay; anything else makes
 * it a hash. */
static char *segment_for(const char *name)
{
	char *s = xstrdup(name);

	if (!*s || *s == '.' || !file_name_safe(s)) {
		free(s);
		return xasprintf("%016llx", (unsigned long long)hash_fnv1a(HASH_FNV1A_INIT, name,
									   strlen(name)));
	}
	return s;
}

static bool root_path(const char *url)
{
	const char *p = strstr(url, "://");

	p = p ? p + 3 : url;
	p += strcspn(p, "/?#");
	return !*p || !strcmp(p, "/");
}

/* Finds (or with create, makes) the calendar o->url names.  *cal gets its URL (caller frees). */
static int discover(struct client *c, char **cal)
{
	const struct caldav_push_opts *o = c->o;
	const char *url = o->url;
	struct dav_resp *v = NULL, *me;
	size_t n = 0;
	long status = 0;
	char *final = NULL, *principal = NULL, *home = NULL, *label = redact_credentials(url);
	struct strbuf names;
	int ret = -1, r;

	*cal = NULL;
	strbuf_init(&names);
	if (root_path(url)) {
		/* RFC 6764: the server's own answer to where CalDAV lives */
		char *wk = http_resolve(url, "/.well-known/caldav");
		r = wk ? propfind(c, wk, 0, PROPFIND("<D:current-user-principal/>"), &v, &n, &status,
				  &final) : 1;
		free(wk);
		if (r < 0)
			goto out;
		if (r == 0 && (me = self_of(final, v, n)) != NULL && me->principal)
			principal = http_resolve(final, me->principal);
		resps_free(v, n);
		v = NULL;
		n = 0;
		free(final);
		final = NULL;
	}
	/* a calendar's URL, taken as is */
	if (!principal) {
		r = propfind(c, url, 0, PROPFIND("<D:resourcetype/><D:current-user-principal/>"
						 "<C:calendar-home-set/>"), &v, &n, &status, &final);
		if (r < 0)
			goto out;
		if (r == 0 && (me = self_of(final, v, n)) != NULL) {
			if (me->calendar) {
				*cal = final;
				final = NULL;
				ret = 0;
				goto out;
			}
			if (me->principal)
				principal = http_resolve(final, me->principal);
			if (me->home)
				home = http_resolve(final, me->home);
		}
		resps_free(v, n);
		v = NULL;
		n = 0;
		if (r == 1 && status == 404 && o->create && !root_path(url)) {
			/* the calendar to make */
			if (mkcalendar(c, url, o->calendar ? o->calendar : o->new_name) < 0)
				goto out;
			*cal = xstrdup(url);
			ret = 0;
			goto out;
		}
	}
	if (!principal && !home) {
		if (r == 1 && status == 404)
			error(EX_NOINPUT, "%s: no calendar there (HTTP 404)%s", label,
			      o->create ? "" : "; 'planner push --create' makes one");
		else if (r == 1 && status >= 500)
			error(EX_UNAVAILABLE, "%s: HTTP %ld", label, status);
		else if (r == 1)
			error(EX_PROTOCOL, "%s: not a CalDAV server (HTTP %ld to PROPFIND)", label, status);
		else
			error(EX_PROTOCOL, "%s: not a CalDAV server or calendar (no current-user-principal)",
			      label);
		goto out;
	}
	if (!home) {
		free(final);
		final = NULL;
		r = propfind(c, principal, 0, PROPFIND("<C:calendar-home-set/>"), &v, &n, &status,
			     &final);
		if (r < 0)
			goto out;
		if (r == 0 && (me = self_of(final, v, n)) != NULL && me->home)
			home = http_resolve(final, me->home);
		resps_free(v, n);
		v = NULL;
		n = 0;
		if (!home) {
			error(EX_PROTOCOL, "%s: the server names no calendar home (calendar-home-set)",
			      label);
			goto out;
		}
	}
	/* the home's calendars */
	free(final);
	final = NULL;
	r = propfind(c, home, 1, PROPFIND("<D:resourcetype/><D:displayname/>"), &v, &n, &status,
		     &final);
	if (r < 0)
		goto out;
	if (r == 1) {
		char *h = redact_credentials(home);
		error(status >= 500 ? EX_UNAVAILABLE : EX_PROTOCOL,
		      "%s: cannot list the calendars (HTTP %ld)", h, status);
		free(h);
		goto out;
	}
	{
		size_t ncal = 0;
		char *match = NULL, *first = NULL;
		/* --create alone: a calendar of the conference's own, not whichever is there */
		const char *want = o->calendar ? o->calendar : o->create ? o->new_name : NULL;

		for (size_t i = 0; i < n; i++) {
			char *seg;
			const char *shown;

			if (!v[i].calendar)
				continue;
			seg = last_segment(v[i].href);
			shown = v[i].displayname && *v[i].displayname ? v[i].displayname : seg;
			if (want && !match && (!strcmp(shown, want) || !strcmp(seg, want)))
				match = http_resolve(final, v[i].href);
			strbuf_addf(&names, "%s'%s'", names.len ? ", " : "", text_inert(shown));
			if (strcmp(shown, seg))
				strbuf_addf(&names, " (%s)", text_inert(seg));
			if (!ncal++)
				first = http_resolve(final, v[i].href);
			free(seg);
		}
		if (want && match) {
			*cal = match;
			free(first);
			ret = 0;
			goto out;
		}
		free(match);
		if (!want && ncal == 1 && first) {
			*cal = first;
			ret = 0;
			goto out;
		}
		free(first);
		if (o->create) {
			char *seg = segment_for(want), *rel = xasprintf("%s/", seg), *base;

			base = xasprintf("%s%s", home, home[strlen(home) - 1] == '/' ? "" : "/");
			*cal = http_resolve(base, rel);
			free(base);
			free(rel);
			free(seg);
			if (!*cal || mkcalendar(c, *cal, want) < 0) {
				free(*cal);
				*cal = NULL;
				goto out;
			}
			ret = 0;
			goto out;
		}
		if (o->calendar && ncal)
			error(EX_NOINPUT, "%s: no calendar named '%s' (there %s %s); 'planner push "
			      "--create' makes it", label, text_inert(o->calendar), ncal == 1 ? "is" : "are",
			      names.buf);
		else if (o->calendar || !ncal)
			error(EX_NOINPUT, "%s: no calendar%s%s%s there; 'planner push --create' makes %s",
			      label, o->calendar ? " named '" : "", o->calendar ? text_inert(o->calendar) : "",
			      o->calendar ? "'" : "", o->calendar ? "it" : "one");
		else
			error(EX_NOINPUT, "%s: %zu calendars: %s; choose one with --calendar NAME", label,
			      ncal, names.buf);
	}
out:
	resps_free(v, n);
	free(final);
	free(principal);
	free(home);
	free(label);
	strbuf_release(&names);
	return ret;
}

/* ---- the state ---- */

struct entry {
	char *id, *href, *etag, *title;
	uint64_t hash;
	bool keep;              /* among the items of this push */
	bool gone;              /* not on the server any more */
};

struct state {
	char *calendar;
	char *ctag;             /* "ctag sync-token" after the last push; NULL: unknown */
	struct entry *v;
	size_t n, alloc;
};

static void entry_release(struct entry *e)
{
	free(e->id);
	free(e->href);
	free(e->etag);
	free(e->title);
}

static void state_release(struct state *st)
{
	for (size_t i = 0; i < st->n; i++)
		entry_release(&st->v[i]);
	free(st->v);
	free(st->calendar);
	free(st->ctag);
	memset(st, 0, sizeof(*st));
}

static void put_field(struct strbuf *sb, const char *s)
{
	if (!s || !*s) {
		strbuf_addc(sb, '-');
		return;
	}
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '%' || (p == (const unsigned char *)s && *p == '-'))
			strbuf_addf(sb, "%%%02X", *p);
		else
			strbuf_addc(sb, (char)*p);
}

/* The field at *p (up to a space or the end), unescaped; NULL for "-" or a bad escape (*bad). */
static char *get_field(const char **p, bool *bad)
{
	const char *s = *p, *e = s + strcspn(s, " ");
	struct strbuf sb;

	*p = *e ? e + 1 : e;
	if (e == s) {
		*bad = true;
		return NULL;
	}
	if (e - s == 1 && *s == '-')
		return NULL;
	strbuf_init(&sb);
	for (; s < e; s++) {
		if (*s == '%') {
			if (e - s < 3 || hex_value(s[1]) < 0 || hex_value(s[2]) < 0 ||
			    (hex_value(s[1]) == 0 && hex_value(s[2]) == 0)) {
				*bad = true;
				strbuf_release(&sb);
				return NULL;
			}
			strbuf_addc(&sb, (char)(hex_value(s[1]) * 16 + hex_value(s[2])));
			s += 2;
		} else {
			strbuf_addc(&sb, *s);
		}
	}
	return strbuf_detach(&sb);
}

/* 0; 1 when there is no file; -1 with error() set (EX_DATAERR naming the file and line). */
static int state_load(struct state *st, const char *path)
{
	char *buf, *line, *save = NULL;
	size_t len, ln = 0;
	int ret = 0;

	memset(st, 0, sizeof(*st));
	if (access(path, F_OK) < 0 && errno == ENOENT)
		return 1;
	if (read_file(path, 64u << 20, &buf, &len) < 0)
		return -1;
	if (strlen(buf) != len) {
		free(buf);
		return error(EX_DATAERR, "%s: damaged (a NUL byte)", path);
	}
	for (line = strtok_r(buf, "\n", &save); line && !ret; line = strtok_r(NULL, "\n", &save)) {
		const char *p = line;
		bool bad = false;

		ln++;
		if (ln == 1) {
			if (strcmp(line, STATE_HEADER))
				ret = error(EX_DATAERR, "%s:1: not a planner push state", path);
			continue;
		}
		if (!strncmp(line, "calendar ", 9)) {
			p += 9;
			free(st->calendar);
			st->calendar = get_field(&p, &bad);
		} else if (!strncmp(line, "ctag ", 5)) {
			p += 5;
			free(st->ctag);
			st->ctag = get_field(&p, &bad);
		} else if (!strncmp(line, "event ", 6)) {
			struct entry e;
			char *h;

			p += 6;
			memset(&e, 0, sizeof(e));
			e.id = get_field(&p, &bad);
			h = get_field(&p, &bad);
			e.href = get_field(&p, &bad);
			e.etag = get_field(&p, &bad);
			e.title = get_field(&p, &bad);
			if (!bad && e.id && h && e.href && strlen(h) == 16 && strspn(h, "0123456789abcdef") == 16)
				e.hash = strtoull(h, NULL, 16);
			else
				bad = true;
			free(h);
			if (bad) {
				entry_release(&e);
			} else {
				st->v = xgrow(st->v, st->n + 1, &st->alloc, sizeof(*st->v));
				st->v[st->n++] = e;
			}
		} else {
			bad = true;
		}
		if (bad)
			ret = error(EX_DATAERR, "%s:%zu: damaged", path, ln);
	}
	if (!ret && (!ln || !st->calendar))
		ret = error(EX_DATAERR, "%s: damaged (no calendar)", path);
	free(buf);
	if (ret < 0)
		state_release(st);
	return ret;
}

static int state_save(const struct state *st, const char *path)
{
	struct strbuf sb;
	int ret;

	if (mkdir_parent(path) < 0)
		return -1;
	strbuf_init(&sb);
	strbuf_adds(&sb, STATE_HEADER "\ncalendar ");
	put_field(&sb, st->calendar);
	strbuf_adds(&sb, "\nctag ");
	put_field(&sb, st->ctag);
	strbuf_addc(&sb, '\n');
	for (size_t i = 0; i < st->n; i++) {
		const struct entry *e = &st->v[i];
		if (!e->id)
			continue;	/* deleted */
		strbuf_adds(&sb, "event ");
		put_field(&sb, e->id);
		strbuf_addf(&sb, " %016llx ", (unsigned long long)e->hash);
		put_field(&sb, e->href);
		strbuf_addc(&sb, ' ');
		put_field(&sb, e->etag);
		strbuf_addc(&sb, ' ');
		put_field(&sb, e->title);
		strbuf_addc(&sb, '\n');
	}
	ret = write_file_atomic(path, sb.buf, sb.len);
	strbuf_release(&sb);
	return ret;
}

char *caldav_state_dir(void)
{
	char *dir = xdg_state_dir(), *path;

	if (!dir)
		return NULL;
	path = xasprintf("%s/caldav", dir);
	free(dir);
	return path;
}

/* "<dir>/<conference id, safe, at most 40 bytes>-<16 hex digits of hash h><suffix>" */
static char *state_file(const struct caldav_push_opts *o, uint64_t h, const char *suffix)
{
	size_t len = strlen(o->key);
	char *safe = xstrndup(o->key, len < 40 ? len : 40), *path;

	file_name_safe(safe);
	path = xasprintf("%s/%s-%016llx%s", o->state_dir, safe, (unsigned long long)h, suffix);
	free(safe);
	return path;
}

static uint64_t hash_strings(const char *a, const char *b, const char *c)
{
	uint64_t h = HASH_FNV1A_INIT;

	h = hash_fnv1a(h, a ? a : "", strlen(a ? a : "") + 1);
	h = hash_fnv1a(h, b ? b : "", strlen(b ? b : "") + 1);
	return hash_fnv1a(h, c ? c : "", strlen(c ? c : "") + 1);
}

/* The calendar URL found for o's URL, user and calendar name by an earlier push (its ".where"
 * file), or NULL. */
static char *where_read(const char *path)
{
	char *buf, *nl;
	size_t len;

	if (access(path, F_OK) < 0 || read_file(path, 65536, &buf, &len) < 0) {
		error_clear();
		return NULL;
	}
	nl = strchr(buf, '\n');
	if (nl)
		*nl = '\0';
	if (strlen(buf) != strcspn(buf, "\r\n") || (strncmp(buf, "http://", 7) &&
						    strncmp(buf, "https://", 8))) {
		free(buf);
		return NULL;	/* damaged: found again */
	}
	return buf;
}

/* ---- the push ---- */

/* "<16 hex digits of the UID's hash>.ics" */
static char *resource_name(const char *uid)
{
	uint64_t h = hash_fnv1a(HASH_FNV1A_INIT, uid, strlen(uid));

	return xasprintf("%016llx.ics", (unsigned long long)h);
}

static struct entry *find_entry(struct state *st, const char *id)
{
	for (size_t i = 0; i < st->n; i++)
		if (st->v[i].id && !strcmp(st->v[i].id, id))
			return &st->v[i];
	return NULL;
}

/* The calendar's ctag and sync-token, as one string ("-" for a missing one); NULL when it has
 * neither.  0, 1 (HTTP status in *status), -1 as propfind(). */
static int calendar_token(struct client *c, const char *cal, char **token, bool *is_cal,
			  long *status)
{
	struct dav_resp *v, *me;
	size_t n;
	int r;

	*token = NULL;
	*is_cal = false;
	r = propfind(c, cal, 0, PROPFIND("<D:resourcetype/><CS:getctag/><D:sync-token/>"), &v, &n,
		     status, NULL);
	if (r != 0)
		return r;
	me = self_of(cal, v, n);
	if (me) {
		*is_cal = me->calendar;
		if (me->ctag || me->sync_token)
			*token = xasprintf("%s %s", me->ctag ? me->ctag : "-",
					   me->sync_token ? me->sync_token : "-");
	}
	resps_free(v, n);
	return 0;
}

static int save(struct state *st, const char *path)
{
	return state_save(st, path);
}

/* After one request (r: put_one's or delete_one's result): the progress line, and the state
 * saved every SAVE_EVERY requests that went through, so that a failure later loses little.
 * -1 when saving fails (error() set). */
static int step_done(const struct caldav_push_opts *o, struct state *st, const char *path, int r,
		     size_t *done, size_t total, size_t *since_save)
{
	if (o->progress)
		o->progress(o->progress_data, ++*done, total);
	if (r == 0 && ++*since_save >= SAVE_EVERY) {
		*since_save = 0;
		return save(st, path);
	}
	return 0;
}


/* The ETag of the resource at href (PROPFIND getetag), or NULL. */
static char *ask_etag(struct client *c, const char *href)
{
	struct dav_resp *v, *me;
	size_t n;
	long status;
	char *etag = NULL;

	if (propfind(c, href, 0, PROPFIND("<D:getetag/>"), &v, &n, &status, NULL) != 0) {
		error_clear();
		return NULL;
	}
	me = self_of(href, v, n);
	if (me && me->etag) {
		etag = me->etag;
		me->etag = NULL;
	}
	resps_free(v, n);
	return etag;
}

static void failure(struct caldav_report *rep, const char *title, const char *fmt, long status)
{
	char *why = xasprintf(fmt, status);

	push_string(&rep->failures, &rep->nfailures, xasprintf("'%s': %s", text_inert(title), why));
	free(why);
}

/* One PUT.  0 done (e updated), 1 a conflict or a refusal (reported), -1 stop (error set). */
static int put_one(struct client *c, struct state *st, const char *cal, const struct caldav_item *it,
		   struct entry *e, bool fresh)
{
	static const char ctype[] = "Content-Type: text/calendar; charset=utf-8";
	const char *headers[3] = { ctype, NULL, NULL };
	char *cond = NULL, *href, *name = resource_name(it->uid);
	struct http_response r;
	int ret = 0;

	if (e && e->href) {
		href = xstrdup(e->href);
	} else {
		char *base = xasprintf("%s%s", cal, cal[strlen(cal) - 1] == '/' ? "" : "/");
		href = http_resolve(base, name);
		free(base);
	}
	if (!href) {
		free(name);
		return error(EX_SOFTWARE, "cannot make the URL of '%s'", text_inert(it->title));
	}
	if (fresh)
		cond = xstrdup("If-None-Match: *");
	else if (!c->o->force && e && e->etag)
		cond = xasprintf("If-Match: %s", e->etag);
	headers[1] = cond;
	if (dav_send(c, "PUT", href, headers, it->text, &r) < 0) {
		ret = -1;
		goto out;
	}
	if (r.status >= 200 && r.status <= 299) {
		if (!e) {
			st->v = xgrow(st->v, st->n + 1, &st->alloc, sizeof(*st->v));
			e = &st->v[st->n++];
			memset(e, 0, sizeof(*e));
			e->id = xstrdup(it->id);
			e->keep = true;
		}
		free(e->href);
		e->href = href;
		href = NULL;
		if (r.location) {
			char *loc = http_resolve(e->href, r.location);
			if (loc) {
				free(e->href);
				e->href = loc;
			}
		}
		free(e->etag);
		/* a server that sends no ETag is asked for it */
		e->etag = r.etag ? xstrdup(r.etag) : ask_etag(c, e->href);
		e->hash = it->hash;
		e->gone = false;
		free(e->title);
		e->title = xstrdup(it->title);
		if (fresh)
			c->rep->created++;
		else
			c->rep->updated++;
	} else if (r.status == 412) {
		push_string(&c->rep->conflicts, &c->rep->nconflicts, xstrdup(text_inert(it->title)));
		ret = 1;
	} else if (r.status >= 500) {
		char *label = redact_credentials(href);
		ret = error(EX_UNAVAILABLE, "%s: HTTP %ld", label, r.status);
		free(label);
	} else if (r.status == 409 && r.body && strstr(r.body, "no-uid-conflict")) {
		failure(c->rep, it->title, "the calendar has this event under another name already "
			"(imported from a file?) (HTTP %ld)", r.status);
		ret = 1;
	} else {
		failure(c->rep, it->title, "the server refused it (HTTP %ld)", r.status);
		ret = 1;
	}
	http_response_release(&r);
out:
	free(cond);
	free(href);
	free(name);
	return ret;
}

/* One DELETE of entry e.  0 done, 1 a conflict or refusal (reported), -1 stop. */
static int delete_one(struct client *c, struct entry *e)
{
	char *cond = NULL;
	const char *headers[2] = { NULL, NULL };
	struct http_response r;
	int ret = 0;

	if (!c->o->force && e->etag) {
		cond = xasprintf("If-Match: %s", e->etag);
		headers[0] = cond;
	}
	if (dav_send(c, "DELETE", e->href, headers, NULL, &r) < 0) {
		free(cond);
		return -1;
	}
	if ((r.status >= 200 && r.status <= 299) || r.status == 404 || r.status == 410) {
		c->rep->deleted += r.status < 300;
		entry_release(e);
		memset(e, 0, sizeof(*e));
	} else if (r.status == 412) {
		push_string(&c->rep->conflicts, &c->rep->nconflicts,
			    xstrdup(text_inert(e->title ? e->title : e->id)));
		ret = 1;
	} else if (r.status >= 500) {
		char *label = redact_credentials(e->href);
		ret = error(EX_UNAVAILABLE, "%s: HTTP %ld", label, r.status);
		free(label);
	} else {
		failure(c->rep, e->title ? e->title : e->id, "the server refused to delete it (HTTP %ld)",
			r.status);
		ret = 1;
	}
	http_response_release(&r);
	free(cond);
	return ret;
}

/* What the calendar holds now (Depth 1 getetag): each entry's href and server ETag, matched by
 * the resource's name; an item of no entry whose resource is there anyway (a lost state) gets
 * an entry to overwrite it. */
static int list_calendar(struct client *c, struct state *st, const char *cal,
			 const struct caldav_item *items, size_t n)
{
	struct dav_resp *v;
	size_t nv;
	long status;
	int r = propfind(c, cal, 1, PROPFIND("<D:getetag/>"), &v, &nv, &status, NULL);

	if (r < 0)
		return -1;
	if (r == 1) {
		char *label = redact_credentials(cal);
		r = error(status >= 500 ? EX_UNAVAILABLE : EX_PROTOCOL,
			  "%s: cannot list the calendar (HTTP %ld)", label, status);
		free(label);
		return -1;
	}
	for (size_t i = 0; i < st->n; i++) {
		struct entry *e = &st->v[i];
		char *mine = e->href ? last_segment(e->href) : NULL;
		e->gone = true;
		for (size_t k = 0; mine && k < nv; k++) {
			char *seg = last_segment(v[k].href);
			if (!strcmp(seg, mine) && v[k].etag) {
				char *abs = http_resolve(cal, v[k].href);
				/* an ETag other than the one kept: changed on the server; a change
				 * here meets a 412 (If-Match), no change leaves the server's edit */
				e->gone = false;
				if (abs) {
					free(e->href);
					e->href = abs;
				}
			}
			free(seg);
		}
		free(mine);
	}
	for (size_t j = 0; j < n; j++) {
		char *name;
		if (find_entry(st, items[j].id))
			continue;
		name = resource_name(items[j].uid);
		for (size_t k = 0; k < nv; k++) {
			char *seg = last_segment(v[k].href);
			if (!strcmp(seg, name) && v[k].etag) {
				struct entry *e;
				st->v = xgrow(st->v, st->n + 1, &st->alloc, sizeof(*st->v));
				e = &st->v[st->n++];
				memset(e, 0, sizeof(*e));
				e->id = xstrdup(items[j].id);
				e->href = http_resolve(cal, v[k].href);
				e->etag = xstrdup(v[k].etag);
				e->hash = ~items[j].hash;	/* differs: it is written again */
			}
			free(seg);
		}
		free(name);
	}
	resps_free(v, nv);
	return 0;
}

int caldav_push(const struct caldav_push_opts *o, const struct caldav_item *items, size_t n,
		struct caldav_report *rep)
{
	struct client c = { o, rep };
	struct state st;
	char *token = NULL, *label = NULL, *where = NULL, *path = NULL, *lock_path = NULL, *cal;
	bool is_cal = false, work = false;
	long status = 0;
	size_t done = 0, total = 0, since_save = 0;
	int ret = -1, r, lock;

	caldav_report_init(rep);
	memset(&st, 0, sizeof(st));
	if (mkdir_p(o->state_dir) < 0)
		return -1;
	/* one push of a conference at a time */
	lock_path = state_file(o, 0, ".lock");
	lock = lock_file(lock_path, "the calendar's push state", o->state_dir, CALDAV_LOCK_SECONDS);
	free(lock_path);
	if (lock < 0)
		return -1;
	/* the calendar: found once for this URL, user and name, then remembered */
	where = state_file(o, hash_strings(o->url, o->user, o->calendar), ".where");
	cal = where_read(where);
	if (!cal) {
		if (discover(&c, &cal) < 0)
			goto out;
		{
			char *line = xasprintf("%s\n", cal);
			r = write_file_atomic(where, line, strlen(line));
			free(line);
			if (r < 0) {
				free(cal);
				goto out;
			}
		}
	}
	/* what was pushed to it: one state a calendar (however it was named) and conference */
	path = state_file(o, hash_strings(cal, NULL, NULL), ".state");
	r = state_load(&st, path);
	if (r < 0) {
		/* a damaged state only costs a full comparison with the server */
		error_clear();
		memset(&st, 0, sizeof(st));
	}
	if (!st.calendar || strcmp(st.calendar, cal)) {
		state_release(&st);
		st.calendar = cal;
	} else {
		free(cal);
	}
	rep->calendar = xstrdup(st.calendar);
	label = redact_credentials(st.calendar);
	r = calendar_token(&c, st.calendar, &token, &is_cal, &status);
	if (r < 0)
		goto out;
	if (r == 1 && status == 404 && o->create) {
		if (mkcalendar(&c, st.calendar, o->calendar ? o->calendar : o->new_name) < 0)
			goto out;
		/* a new calendar holds none of the events */
		for (size_t i = 0; i < st.n; i++)
			entry_release(&st.v[i]);
		st.n = 0;
		free(st.ctag);
		st.ctag = NULL;
		r = calendar_token(&c, st.calendar, &token, &is_cal, &status);
		if (r < 0)
			goto out;
	}
	if (r == 1) {
		if (status == 404)
			error(EX_NOINPUT, "%s: no calendar there (HTTP 404); 'planner push --create' "
			      "makes it", label);
		else
			error(status >= 500 ? EX_UNAVAILABLE : EX_PROTOCOL, "%s: HTTP %ld to PROPFIND",
			      label, status);
		goto out;
	}
	if (!is_cal) {
		error(EX_PROTOCOL, "%s: not a calendar", label);
		goto out;
	}

	/* what changed here */
	for (size_t i = 0; i < st.n; i++)
		st.v[i].keep = false;
	for (size_t j = 0; j < n; j++) {
		struct entry *e = find_entry(&st, items[j].id);
		if (!e || e->hash != items[j].hash)
			work = true;
		if (e)
			e->keep = true;
	}
	for (size_t i = 0; i < st.n; i++)
		if (!st.v[i].keep)
			work = true;
	if (!work && token && st.ctag && !strcmp(token, st.ctag)) {
		rep->up_to_date = true;
		rep->unchanged = n;
		ret = 0;
		goto out;
	}
	/* the calendar changed since (or planner cannot tell): what does it hold? */
	if (!token || !st.ctag || strcmp(token, st.ctag)) {
		if (list_calendar(&c, &st, st.calendar, items, n) < 0)
			goto out;
		for (size_t j = 0; j < n; j++) {
			struct entry *e = find_entry(&st, items[j].id);
			if (e)
				e->keep = true;
		}
	}
	/* from here on the stored ctag says nothing */
	free(st.ctag);
	st.ctag = NULL;
	if (save(&st, path) < 0)
		goto out;

	for (size_t j = 0; j < n; j++) {
		struct entry *e = find_entry(&st, items[j].id);
		if (!e || e->gone || e->hash != items[j].hash)
			total++;
	}
	for (size_t i = 0; i < st.n; i++)
		if (!st.v[i].keep && st.v[i].id)
			total++;
	for (size_t j = 0; j < n; j++) {
		struct entry *e = find_entry(&st, items[j].id);
		bool fresh = !e || e->gone;

		if (e && !e->gone && e->hash == items[j].hash) {
			rep->unchanged++;
			continue;
		}
		r = put_one(&c, &st, st.calendar, &items[j], e, fresh);
		if (r < 0)
			goto save_out;
		if (step_done(o, &st, path, r, &done, total, &since_save) < 0)
			goto out;
	}
	for (size_t i = 0; i < st.n; i++) {
		struct entry *e = &st.v[i];
		if (e->keep || !e->id)
			continue;
		if (e->gone) {
			entry_release(e);
			memset(e, 0, sizeof(*e));
			continue;
		}
		r = delete_one(&c, e);
		if (r < 0)
			goto save_out;
		if (step_done(o, &st, path, r, &done, total, &since_save) < 0)
			goto out;
	}
	/* the calendar's token now, so that the next push with nothing to do is one request (the
	 * one read first when nothing was sent) */
	if (rep->created + rep->updated + rep->deleted) {
		free(token);
		token = NULL;
		if (calendar_token(&c, st.calendar, &token, &is_cal, &status) < 0)
			goto save_out;
	} else if (!rep->nconflicts && !rep->nfailures) {
		rep->up_to_date = true;
	}
	st.ctag = token;
	token = NULL;
	ret = save(&st, path);
	goto out;
save_out:
	{
		/* keep what was done; the error stays the one that stopped the push */
		int status_was = error_status();
		char *msg = xstrdup(error_message());
		if (save(&st, path) < 0) {
			free(msg);
			goto out;
		}
		error(status_was, "%s", msg);
		free(msg);
	}
out:
	free(token);
	free(label);
	free(where);
	free(path);
	state_release(&st);
	lock_release(lock);
	return ret;
}
