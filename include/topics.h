/* topics.h: topics — the words that name one subject in English and Korean ("asyncio": async,
 * await, coroutine, ASGI, gevent, 비동기, 코루틴, ...) — so that a word the user searches for also
 * finds the sessions that say it another way.
 *
 * The list ships as schedules/topics.txt (installed with the bundled timetables) and the config
 * file's `topic` lines extend it.  One topic a line, `NAME: WORD, WORD, ...`; blank lines and
 * lines starting with '#' are ignored.  A line whose NAME is already a topic's name (folded) adds
 * its words to that topic.
 *
 * A query word (--keyword, a --track that names no track or tag, list --search) stands for the
 * topics it names, else for every topic it is a word of; then it and the topics' other words are
 * matched "as words": a word starting with a letter or digit of ASCII only where a word starts
 * (so "ml" is not found in "html"), and one of at most three ASCII characters only as a whole
 * word (or with a plural s: "ai", "ais", not "aim").  Korean words are matched anywhere (Korean
 * words take endings: 비동기를, 장고의).  A word in no topic matches anywhere, as it always did.
 * All matching is on text_fold()ed text (NFC, case-folded).
 *
 * The matching reads the list as lines (struct topic_lines), checked when added but parsed into
 * topics (struct topics) only where a query word is mentioned, so that a search costs little more
 * than reading the file; topics_parse() parses a whole text at once (tests, the fuzzer).
 */
#ifndef PLANNER_TOPICS_H
#define PLANNER_TOPICS_H

#include <stdbool.h>
#include <stddef.h>

#include "schedule.h"

/* Inputs larger than this are refused. */
#define TOPICS_MAX_BYTES (1u << 20)

struct topic {
	struct strlist words;    /* as written; words.v[0] is the topic's name */
	struct strlist folded;   /* text_fold() of each */
};

struct topics {
	struct topic *v;
	size_t n, alloc;
};

void topics_init(struct topics *t);
void topics_release(struct topics *t);

/* Adds one line s[0..len) (no newline), `NAME: WORD, WORD, ...`, to t.  0; -1 with *why set to
 * what is wrong (caller frees), t unchanged. */
int topics_add_line(struct topics *t, const char *s, size_t len, char **why);

/* Parses a topic file buf[0..len) into t (blank and '#' lines skipped); `name` (its path) is used
 * in messages.  0, or -1 with error() set (EX_DATAERR, "NAME:LINE: what is wrong"). */
int topics_parse(struct topics *t, const char *buf, size_t len, const char *name);

/* The topic list as text: its lines, each checked when added, folded and split only when a query
 * word may need it (so that a search costs little more than reading the file). */
struct topic_line {
	const char *s;           /* into one of bufs; trimmed, not NUL-terminated */
	size_t len;
	const char *folded;      /* text_fold() of it, NUL-terminated; into one of bufs */
	bool plain;              /* text_plain(): folded by lowering its ASCII letters */
};
struct topic_lines {
	struct topic_line *v;    /* the topic lines, in order (no blank or comment lines) */
	size_t n, alloc;
	char **bufs;             /* owned: the texts added */
	size_t nbufs;
};

void topic_lines_init(struct topic_lines *l);
void topic_lines_release(struct topic_lines *l);
/* Adds the lines of buf[0..len) (a topic file, whose first line is number first_line, or one
 * config value) after checking each as topics_add_line would.  0, or -1 with error() set
 * (status, "NAME:LINE: what is wrong") and nothing added. */
int topic_lines_add(struct topic_lines *l, const char *buf, size_t len, const char *name,
		    unsigned first_line, int status);

/* The lines the matching uses, added by `load` (the command layer's: the bundled file, then the
 * config's lines) the first time a query word needs them.  Without a loader there are none. */
void topics_set_loader(int (*load)(struct topic_lines *l));

/* Appends the names of the topics (folded, each once, in the list's order) to out.  0; -1 with
 * error() set when the topics cannot be loaded. */
int topics_names(struct strlist *out);

/* One word a query word stands for. */
struct query_alt {
	char *folded;            /* text_fold()ed */
	size_t len;              /* strlen(folded): matching asks it for every text */
	char *shown;             /* as the topic file writes it (the folded query word for alt 0) */
	bool start, whole;       /* found only at a word start / only as a whole word */
};

/* A query word with the words that count as it: alt[0] is the word itself, then its topics'
 * other words in the file's order. */
struct query {
	char *word;              /* folded, as typed */
	struct query_alt *alt;
	size_t nalt;
	bool topical;            /* the word is in a topic */
};

/* Makes q for the folded word `folded` with its topics (the loader's lines).  0; -1 with error()
 * set when the topics cannot be loaded (q is then empty, safe to release). */
int query_init(struct query *q, const char *folded);
/* As query_init, with no topics: the word alone, found anywhere. */
void query_init_plain(struct query *q, const char *folded);
void query_release(struct query *q);

/* A query for each folded word of `words`, into *out: 0 (*out NULL for no words), or -1 with
 * error() set and *out NULL.  Freed with queries_free(*out, words->n). */
int queries_make(const struct strlist *words, struct query **out);
void queries_free(struct query *q, size_t n);

/* True if alternative a occurs in the folded text `hay` by its rules. */
bool query_alt_in(const struct query_alt *a, const char *hay);

#endif
