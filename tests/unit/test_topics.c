/* test_topics.c: the topic list (its line format and errors), the words a query word stands for,
 * how they are found in text, and their use by the filters (--search, the --track fallback) and
 * the preferences (--keyword): best field first, the reason naming the word; and --lang's rule
 * for a language code and its variants. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "load.h"
#include "prefs.h"
#include "schedule.h"
#include "tap.h"
#include "text.h"
#include "topics.h"
#include "util.h"

static const char bundled[] =
	"# a comment\n"
	"\n"
	"asyncio: async, Coroutine, ASGI, 비동기, 코루틴\n"
	"  python :  파이썬 ,Py\n"
	"ml: machine learning, 머신러닝\n"
	"web: ASGI, 웹\n";

static const char *extra;	/* a line the loader adds after the file, or NULL */
static int loads, fail_load;

static int test_loader(struct topic_lines *l)
{
	loads++;
	if (fail_load)
		return error(EX_DATAERR, "topics unreadable");
	if (topic_lines_add(l, bundled, sizeof(bundled) - 1, "test-topics", 1, EX_DATAERR) < 0)
		return -1;
	return extra ? topic_lines_add(l, extra, strlen(extra), "cfg", 7, EX_CONFIG) : 0;
}

/* The error topics_parse gives for text (its message, "" when it parses). */
static const char *parse_error(const char *text)
{
	static char msg[512];
	struct topics t;

	topics_init(&t);
	msg[0] = '\0';
	if (topics_parse(&t, text, strlen(text), "f") < 0)
		snprintf(msg, sizeof(msg), "%s", error_message());
	topics_release(&t);
	error_clear();
	return msg;
}

static void test_format(void)
{
	struct topics t;
	char *why = NULL;

	topics_init(&t);
	is_int(topics_parse(&t, bundled, sizeof(bundled) - 1, "b"), 0, "the file parses");
	is_int(t.n, 4, "four topics; comments and blank lines skipped");
	is_str(t.v[1].words.v[0], "python", "the name is trimmed and is the first word");
	is_int(t.v[1].words.n, 3, "with its words");
	is_str(t.v[1].words.v[2], "Py", "words are kept as written");
	is_str(t.v[1].folded.v[2], "py", "and folded for matching");
	is_int(topics_add_line(&t, "Python: snake, 파이썬", 24, &why), 0, "a line for a known name");
	is_int(t.n, 4, "adds to that topic");
	is_int(t.v[1].words.n, 4, "the new word only");
	is_int(topics_add_line(&t, "rust: pyo3", 10, &why), 0, "a line for a new name");
	is_int(t.n, 5, "is a new topic");
	is_int(topics_add_line(&t, "go: ok, \x01x", 10, &why), -1, "a control character");
	is_str(why, "a control character", "says so");
	free(why);
	is_int(t.n, 5, "a bad line adds nothing, not even its good words");
	topics_release(&t);

	is_str(parse_error("\xEF\xBB\xBF" "a: b\n"), "", "a byte-order mark is accepted");
	is_str(parse_error("a: b\r\n# c\r\n"), "", "CRLF line ends");
	is_str(parse_error("a: b\nno colon\n"), "f:2: expected \"NAME: WORD, WORD, ...\"",
	       "a line without ':' is named by its line");
	is_str(parse_error("a: b\n\n : b\n"), "f:3: the topic's name is empty "
	       "(expected \"NAME: WORD, WORD, ...\")", "an empty name");
	is_str(parse_error("a: b,,c\n"), "f:1: word 2 is empty (expected \"NAME: WORD, WORD, ...\")",
	       "an empty word");
	is_str(parse_error("a:\n"), "f:1: word 1 is empty (expected \"NAME: WORD, WORD, ...\")",
	       "a topic with no words");
	is_str(parse_error("a: b\xff\n"), "f:1: not valid UTF-8", "invalid UTF-8");
	is_str(parse_error("a: b\xc2\x85\n"), "f:1: a control character", "a C1 control (NEL)");
	is_str(parse_error("a: b\xe2\x80\xae\n"), "f:1: a control character", "a BiDi override");
	is_str(parse_error("a: b\tc\n"), "f:1: a control character", "a tab inside a word");
	{
		static const char nul[] = "a: b\nc: d\0e\n";
		struct topics t2;

		topics_init(&t2);
		is_int(topics_parse(&t2, nul, sizeof(nul) - 1, "f"), -1, "a NUL byte");
		is_str(error_message(), "f:2: a NUL byte", "on its line");
		topics_release(&t2);
		error_clear();
	}
	{
		char big[300];

		memset(big, 'x', sizeof(big));
		memcpy(big, "a: ", 3);
		big[sizeof(big) - 1] = '\0';
		is_str(parse_error(big), "f:1: word 1 is longer than 100 bytes", "a word too long");
	}
}

static void test_lines(void)
{
	struct topic_lines l;

	topic_lines_init(&l);
	is_int(topic_lines_add(&l, "a: b\n# c\n\n  d : e \n", 19, "f", 10, EX_CONFIG), 0,
	       "lines are added");
	ok(l.n == 2 && l.v[1].len == 5 && !memcmp(l.v[1].s, "d : e", 5),
	   "the topic lines only, trimmed");
	is_int(topic_lines_add(&l, "x: y\nbad\n", 10, "g", 7, EX_CONFIG), -1, "a bad line");
	is_str(error_message(), "g:8: expected \"NAME: WORD, WORD, ...\"",
	       "is named by its line, counted from the first line's number");
	is_int(error_status(), EX_CONFIG, "with the status asked for");
	is_int(l.n, 2, "and none of that text's lines is added");
	topic_lines_release(&l);
	error_clear();
}

static bool in(const char *word, const char *text)
{
	struct query q;
	char *f = text_fold(text);
	bool r = false;

	if (query_init(&q, word) == 0)
		for (size_t i = 0; i < q.nalt && !r; i++)
			r = query_alt_in(&q.alt[i], f);
	query_release(&q);
	free(f);
	return r;
}

static void test_query(void)
{
	struct query q;

	is_int(query_init(&q, "asyncio"), 0, "a topic's name");
	ok(q.topical, "is topical");
	is_int(q.nalt, 6, "stands for its topic's words");
	is_str(q.alt[0].folded, "asyncio", "itself first");
	is_str(q.alt[3].shown, "ASGI", "then the others, as written");
	query_release(&q);
	is_int(query_init(&q, "asgi"), 0, "a word of two topics, the name of none");
	is_int(q.nalt, 8, "stands for both topics' words");
	query_release(&q);
	is_int(query_init(&q, "web"), 0, "a name");
	is_int(q.nalt, 3, "stands for its own topic only");
	query_release(&q);
	is_int(query_init(&q, "rust"), 0, "a word in no topic");
	ok(!q.topical && q.nalt == 1, "stands for itself");
	query_release(&q);

	ok(in("asyncio", "aiohttp와 비동기를 씁니다"), "a Korean word of the topic, with an ending");
	ok(in("비동기", "Coroutines in depth"), "an English word for a Korean one, any case");
	ok(!in("async", "pyasync"), "not inside a word");
	ok(in("ml", "Python으로 ML 퀀트전략"), "a short word as a whole word");
	ok(!in("ml", "html 템플릿"), "not at the end of another");
	ok(!in("ml", "mlflow"), "not at the start of another");
	ok(in("py", "py-spy and py's friends"), "a short word before punctuation");
	ok(in("py", "many pys"), "or with a plural s");
	ok(in("머신러닝", "machine learning basics"), "a Korean word finds the English one");
	ok(in("rust", "trusty"), "a word in no topic matches anywhere, as before");
	ok(in("", "anything"), "the empty word is everywhere, as before");
	is_int(query_init(&q, ""), 0, "the empty word");
	ok(!q.topical && q.nalt == 1, "is in no topic");
	query_release(&q);
	ok(in("asyncio", "\xe1\x84\x87\xe1\x85\xb5\xe1\x84\x83\xe1\x85\xa9\xe1\x86\xbc"
	      "\xe1\x84\x80\xe1\x85\xb5\xe1\x84\x85\xe1\x85\xb3\xe1\x86\xaf"),
	   "decomposed Hangul (비동기를 in NFD, as macOS types it) is found");
	ok(in("async", "Asynchronous Python"), "a word at a word start, as the start of a longer one");
}

static const struct session *find(const struct schedule *s, const char *id)
{
	long i = schedule_find_session(s, id);
	return i < 0 ? NULL : &s->sessions[i];
}

static void test_sessions(const struct schedule *s)
{
	struct query q;
	struct query_match m;
	struct prefs p;
	struct filter f;
	struct strbuf why;

	/* t1: title "asyncio 깊이 보기", tag asyncio; t3: abstract "about 파이썬" */
	query_init(&q, "비동기");
	ok(session_about(find(s, "t1"), &q, &m), "비동기 finds the asyncio talk");
	ok(m.field == MATCH_TITLE && !strcmp(q.alt[m.alt].shown, "asyncio"),
	   "in the title (before the tags), by the word asyncio");
	ok(!session_about(find(s, "t3"), &q, NULL), "and not the Python one");
	query_release(&q);

	prefs_init(&p);
	prefs_add(&p, PREF_KEYWORD, "코루틴");
	prefs_add(&p, PREF_TRACK, "python");
	is_int(prefs_resolve(&p, s, NULL), 0, "keyword and track resolve");
	is_int(p.track_fallbacks.n, 1, "python is no track: a fallback");
	strbuf_init(&why);
	is_int(prefs_score(&p, find(s, "t1"), &why), 200, "a title match earns the keyword weight");
	is_str(why.buf, "about 코루틴: asyncio in the title", "why names the word and where");
	strbuf_release(&why);
	strbuf_init(&why);
	is_int(prefs_score(&p, find(s, "t3"), &why), 100, "an abstract match earns half");
	is_str(why.buf, "about python: 파이썬 in the abstract", "the fallback's reason");
	strbuf_release(&why);
	prefs_release(&p);

	prefs_init(&p);
	prefs_add(&p, PREF_KEYWORD, "asyncio");
	prefs_add(&p, PREF_KEYWORD, "coroutine");
	prefs_resolve(&p, s, NULL);
	strbuf_init(&why);
	prefs_score(&p, find(s, "t1"), &why);
	is_str(why.buf, "about asyncio in the title", "the word itself is named alone");
	strbuf_release(&why);
	prefs_release(&p);

	filter_init(&f);
	filter_add(&f.search, "파이썬");
	is_int(filter_resolve(&f, s), 0, "a search resolves");
	ok(filter_match(&f, s, find(s, "t3")) && !filter_match(&f, s, find(s, "t1")),
	   "--search 파이썬 finds the session that says python's Korean name only");
	filter_release(&f);
	filter_init(&f);
	filter_add(&f.tracks, "ASGI");
	is_int(filter_resolve(&f, s), 0, "a --track named like nothing but a topic word resolves");
	ok(f.track_fallbacks.n == 1 && filter_match(&f, s, find(s, "t1")),
	   "and falls back to its topic");
	filter_release(&f);

	is_int(filter_value_check(s, "search", "coroutine"), 0,
	       "--search coroutine: its topic is in the timetable");
	is_int(filter_value_check(s, "keyword", "asyncoi"), -1, "a keyword that matches nothing");
	is_str(error_message(), "--keyword 'asyncoi': no session in MiniCon 2025 mentions it "
	       "(did you mean 'asyncio'?)", "says so, suggesting the close tag");
	is_int(error_status(), EX_DATAERR, "a data error");
	is_int(filter_value_check(s, "search", "pythn"), -1, "a typo of a topic's name");
	is_str(error_message(), "--search 'pythn': no session in MiniCon 2025 mentions it "
	       "(did you mean 'python'?)", "suggests the topic, as some session is about it");
	is_int(filter_value_check(s, "search", "mx"), -1, "a typo of a topic nothing is about");
	is_str(error_message(), "--search 'mx': no session in MiniCon 2025 mentions it; "
	       "see 'planner tracks'", "is not suggested");
	is_int(filter_value_check(s, "search", "머신러닝"), -1, "a topic word nothing mentions");
	is_str(error_message(), "--search '머신러닝': no session in MiniCon 2025 mentions it or another "
	       "word of its topic; see 'planner tracks'", "says the topic was tried");
	error_clear();
}

static void test_names(void)
{
	struct strlist names;

	strlist_init(&names);
	is_int(topics_names(&names), 0, "the topics' names");
	ok(names.n == 4 && !strcmp(names.v[0], "asyncio") && !strcmp(names.v[1], "python") &&
	   !strcmp(names.v[3], "web"), "folded, trimmed, in the list's order");
	strlist_release(&names);
}

static void test_loader_errors(const struct schedule *s)
{
	struct filter f;
	struct query q;

	topics_set_loader(test_loader);
	fail_load = 1;
	is_int(query_init(&q, "x"), -1, "a topic list that cannot be read is an error");
	is_str(error_message(), "topics unreadable", "the loader's");
	query_release(&q);
	filter_init(&f);
	filter_add(&f.search, "asyncio");
	is_int(filter_resolve(&f, s), -1, "filter_resolve says so");
	filter_release(&f);
	fail_load = 0;
	loads = 0;
	is_int(query_init(&q, "x"), 0, "tried again, it loads");
	query_release(&q);
	query_init(&q, "y");
	query_release(&q);
	is_int(loads, 1, "once");

	extra = "asyncio: trio";
	topics_set_loader(test_loader);
	query_init(&q, "trio");
	ok(q.topical && q.nalt == 7, "a line after the file adds to its topic");
	query_release(&q);
	extra = NULL;
	error_clear();
}

/* --lang: a session speaks "en" when its code is "en" or a variant ("en-GB", "en_US"), in any
 * case; never a longer code that only begins the same ("eng").  Both ways: with the snapshot's
 * folded code and folding as it goes. */
static void test_languages(void)
{
	static const struct { const char *code; bool en; } cases[] = {
		{ "en", true }, { "EN", true }, { "en-GB", true }, { "en_US", true }, { "en-", true },
		{ "eng", false }, { "e", false }, { "", false }, { "ko", false }, { "fr-en", false },
		{ "ene", false },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct session se;
		char *folded = text_fold(cases[i].code);

		memset(&se, 0, sizeof(se));
		se.language = (char *)cases[i].code;
		is_int(session_speaks(&se, "en"), cases[i].en, "'%s' speaks en: %d", cases[i].code,
		       cases[i].en);
		se.fold.language = folded;
		is_int(session_speaks(&se, "en"), cases[i].en, "... from its folded code too");
		free(folded);
	}
	{
		struct session se;

		memset(&se, 0, sizeof(se));
		ok(!session_speaks(&se, "en"), "a session with no language speaks none");
		se.language = (char *)"en-GB";
		ok(session_speaks(&se, "en-gb"), "a variant typed in full is itself");
		ok(!session_speaks(&se, "en-us"), "and not another variant");
	}
}

int main(void)
{
	struct schedule s;

	test_format();
	test_lines();
	topics_set_loader(test_loader);
	test_query();
	schedule_init(&s);
	if (schedule_load_file(&s, "tests/data/mini.json", NULL) < 0) {
		printf("Bail out! %s\n", error_message());
		return 1;
	}
	test_sessions(&s);
	test_names();
	test_languages();
	test_loader_errors(&s);
	schedule_release(&s);
	return done_testing();
}
