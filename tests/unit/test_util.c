/* test_util.c: unit tests for util.c's error state — error(), error_prefix(),
 * error_prefix_status(), error_option(), error_subject() and error_after_subject(),
 * error_clear() — and for the loader recording its input as the subject. */
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "schedule.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static void test_prefix(void)
{
	is_int(error(EX_NOINPUT, "'%s': no such file", "a.json"), -1, "error returns -1");
	is_int(error_prefix("fetch %s", "x"), -1, "error_prefix returns -1");
	is_str(error_message(), "fetch x: 'a.json': no such file", "the context goes first");
	is_int(error_status(), EX_NOINPUT, "the status is kept");

	error_prefix("%s:%u", "cfg", 3u);
	is_str(error_message(), "cfg:3: fetch x: 'a.json': no such file", "prefixes nest, outermost "
	       "first");
	is_int(error_status(), EX_NOINPUT, "still the first status");

	is_int(error_prefix_status(EX_CONFIG, "config"), -1, "error_prefix_status returns -1");
	is_str(error_message(), "config: cfg:3: fetch x: 'a.json': no such file",
	       "error_prefix_status prefixes too");
	is_int(error_status(), EX_CONFIG, "and changes the status");

	/* a '%' in the current message is text, not a conversion */
	error(EX_DATAERR, "100%% %s", "sure");
	error_prefix("p%d", 1);
	is_str(error_message(), "p1: 100% sure", "the message is never taken as a format");
}

static void test_alias(void)
{
	error(EX_USAGE, "unknown time zone \"Mars/Base\"");
	error(EX_DATAERR, "fetch %s: the cache does not say (%s)", "n", error_message());
	is_str(error_message(), "fetch n: the cache does not say (unknown time zone \"Mars/Base\")",
	       "error() may quote the current message");
	is_int(error_status(), EX_DATAERR, "with its own status");
	error(error_status(), "%s (set in %s)", error_message(), "cfg:2");
	is_str(error_message(), "fetch n: the cache does not say (unknown time zone \"Mars/Base\") "
	       "(set in cfg:2)", "... also to add after it");
	error(EX_CONFIG, "%s", error_message());
	is_str(error_message(), "fetch n: the cache does not say (unknown time zone \"Mars/Base\") "
	       "(set in cfg:2)", "re-raising with another status keeps the text");
	is_int(error_status(), EX_CONFIG, "... and changes the status");
}

static bool valid(const char *s)
{
	size_t bad;

	return text_valid_utf8(s, strlen(s), &bad);
}

static void test_long(void)
{
	char *big = xmalloc(ERROR_MAX * 2), *want;
	size_t n;

	/* 1.5 ERROR_MAX of "한" (3 bytes each) */
	for (n = 0; n + 3 < ERROR_MAX * 3 / 2; n += 3)
		memcpy(big + n, "\xed\x95\x9c", 3);
	big[n] = '\0';
	error(EX_DATAERR, "%s", big);
	n = strlen(error_message());
	ok(n < ERROR_MAX && n > ERROR_MAX - 4, "a long message is cut to the limit (%zu bytes)", n);
	ok(n % 3 == 0 && valid(error_message()), "at a character boundary, never inside one");

	error_prefix("ctx");
	ok(!strncmp(error_message(), "ctx: \xed\x95\x9c", 8), "a prefix to a full message is kept");
	n = strlen(error_message());
	ok(n < ERROR_MAX && valid(error_message()), "what no longer fits is cut off the end, whole "
	   "characters (%zu bytes)", n);

	/* 4 bytes below the limit: a 7-byte prefix pushes 3 out */
	memset(big, 'a', ERROR_MAX - 5);
	big[ERROR_MAX - 5] = '\0';
	error(EX_DATAERR, "%s", big);
	error_prefix("12345");
	want = xasprintf("12345: %s", big);
	want[ERROR_MAX - 1] = '\0';
	is_str(error_message(), want, "a prefix pushes the last bytes out, no more");
	is_int(strlen(error_message()), ERROR_MAX - 1, "to exactly the limit");
	free(want);

	/* longer than the old fixed copies (200, 512, 600 bytes) made: nothing lost */
	memset(big, 'z', 1000);
	big[1000] = '\0';
	error(EX_USAGE, "%s", big);
	error_prefix_status(EX_USAGE, "zone");
	ok(strlen(error_message()) == 1006 && !strcmp(error_message() + 6, big),
	   "a 1000-byte message keeps every byte under a prefix");
	free(big);
}

static void test_subject(void)
{
	is_int(error_option(EX_USAGE, "weight", "x=1", "unknown kind %s", "x"), -1,
	       "error_option returns -1");
	is_str(error_message(), "--weight 'x=1': unknown kind x", "error_option's message");
	is_int(error_status(), EX_USAGE, "and status");
	is_str(error_after_subject(), ": unknown kind x", "the rest after the subject");

	error_prefix("cfg:1");
	ok(!error_after_subject(), "a prefix drops the subject");

	error(EX_DATAERR, "feed.json:3:4: not valid JSON");
	ok(!error_after_subject(), "error() records no subject");
	error_subject("feed.json");
	is_str(error_after_subject(), ":3:4: not valid JSON", "error_subject marks one");
	is_str(error_without_subject(), "3:4: not valid JSON", "without it: from after the ':'");
	error_option(EX_USAGE, "travel", "x", "expected a number");
	is_str(error_without_subject(), "expected a number", "... and after ': '");
	error(EX_DATAERR, "feed.json:3:4: not valid JSON");
	is_str(error_without_subject(), "feed.json:3:4: not valid JSON",
	       "without a subject: the whole message");
	error_subject("feed.json");
	error(EX_DATAERR, "feed.jsonx: odd");
	error_subject("feed.json");
	ok(!error_after_subject(), "a subject is only one followed by ':'");
	error(EX_DATAERR, "unknown format");
	error_subject("other");
	ok(!error_after_subject(), "nor one the message does not start with");
	error_option(EX_USAGE, "alarm", "1h30", "bad");
	error_clear();
	ok(!error_after_subject(), "error_clear drops the subject");
}

static void test_clear(void)
{
	error(EX_IOERR, "disk full");
	error_clear();
	is_str(error_message(), "", "error_clear empties the message");
	is_int(error_status(), EX_SOFTWARE, "and resets the status");
	error_prefix("ctx");
	is_str(error_message(), "ctx: ", "a prefix to no message is the context alone");
}

static void test_loader_subject(void)
{
	static const char bad[] = "{\"planner_format\": 1, ";
	struct schedule s;

	schedule_init(&s);
	ok(schedule_load_buffer(&s, bad, sizeof(bad) - 1, "https://x.test/a.json", NULL) < 0,
	   "a broken feed is refused");
	ok(!strncmp(error_message(), "https://x.test/a.json:", 22), "naming the input first: %s",
	   error_message());
	ok(error_after_subject() && error_after_subject() == error_message() + 21,
	   "which the loader records as the subject");
	schedule_init(&s);
	ok(schedule_load_buffer(&s, bad, sizeof(bad) - 1, "x", &(struct load_options){
					.format = "nope" }) < 0 && !error_after_subject(),
	   "an error that does not start with the input has no subject: %s", error_message());
	{
		static const char ics[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";

		schedule_init(&s);
		ok(schedule_load_buffer(&s, ics, sizeof(ics) - 1, "cal.ics", &(struct load_options){
						.timezone = "Mars/Base" }) < 0, "a bad time zone option fails");
		is_str(error_message(), "cal.ics: time zone option: unknown time zone \"Mars/Base\" "
		       "(expected an IANA name like \"Asia/Seoul\")", "the importer prefixes tz_get's "
		       "message");
		is_int(error_status(), EX_USAGE, "as a usage error");
	}
}

static void redacts(const char *in, const char *want)
{
	char *got = redact_credentials(in);

	is_str(got, want, "redact_credentials(\"%s\")", in);
	free(got);
}

static void test_redact(void)
{
	redacts("fetch https://ann:secret@host.example/x.json: HTTP 401",
		"fetch https://host.example/x.json: HTTP 401");
	redacts("https://ann@host/x", "https://host/x");
	redacts("'http://a:b@h:8080/p?q=1' and ftp://u:p@f/", "'http://h:8080/p?q=1' and ftp://f/");
	redacts("https://host/x?mail=a@b.example", "https://host/x?mail=a@b.example");
	redacts("https://host/a@b", "https://host/a@b");
	redacts("no URL: ann@example.com", "no URL: ann@example.com");
	redacts("https://u:p@", "https://");
	redacts("://@", "://");
	redacts("", "");
}

int main(void)
{
	test_redact();
	test_prefix();
	test_alias();
	test_long();
	test_subject();
	test_clear();
	test_loader_subject();
	return done_testing();
}
