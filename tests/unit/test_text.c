/* test_text.c: unit tests for text.c — UTF-8 validation, display width, folding, sanitizing,
 * truncation and edit distance. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text.h"

/* Decomposed "한국" as macOS file names carry it: ᄒ ᅡ ᆫ ᄀ ᅮ ᆨ. */
#define HANGUK_NFD "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab\xe1\x84\x80\xe1\x85\xae\xe1\x86\xa8"
#define HANGUK_NFC "\xed\x95\x9c\xea\xb5\xad"

static void check_valid(const char *s, size_t len, bool want, size_t want_off, const char *what)
{
	size_t off = (size_t)-1;
	bool got = text_valid_utf8(s, len, &off);

	is_int(got, want, "valid_utf8: %s", what);
	if (!want)
		is_int(off, want_off, "valid_utf8: offset of %s", what);
}

static void test_valid(void)
{
	check_valid("", 0, true, 0, "empty");
	check_valid("abc", 3, true, 0, "ASCII");
	check_valid("파이썬", strlen("파이썬"), true, 0, "Hangul");
	check_valid("\xf0\x9f\x90\x8d", 4, true, 0, "U+1F40D");
	check_valid("\xf4\x8f\xbf\xbf", 4, true, 0, "U+10FFFF");
	check_valid("\xef\xbf\xbf", 3, true, 0, "U+FFFF");
	check_valid("ab\xc0\xaf", 4, false, 2, "overlong '/' (C0 AF)");
	check_valid("\xe0\x80\xaf", 3, false, 0, "overlong 3-byte (E0 80 AF)");
	check_valid("\xf0\x80\x80\xaf", 4, false, 0, "overlong 4-byte (F0 80 80 AF)");
	check_valid("x\xed\xa0\x80", 4, false, 1, "surrogate U+D800");
	check_valid("\xed\x9f\xbf", 3, true, 0, "U+D7FF just below surrogates");
	check_valid("abc\xf4\x90\x80\x80", 7, false, 3, "above U+10FFFF");
	check_valid("\xf5\x80\x80\x80", 4, false, 0, "F5 lead");
	check_valid("a\x80", 2, false, 1, "lone continuation");
	check_valid("\xe2\x82", 2, false, 0, "truncated sequence");
	check_valid("\xe2\x82\xac", 2, false, 0, "sequence cut by len");
	check_valid("ok\xff", 3, false, 2, "FF");
	check_valid("\xe2\x82\xac", 3, true, 0, "euro sign");
	ok(!text_valid_utf8("\xc0", 1, NULL), "valid_utf8: NULL bad_offset allowed");
}

static void test_width(void)
{
	is_int(text_width("abc"), 3, "width: abc");
	is_int(text_width(""), 0, "width: empty");
	is_int(text_width("파이썬"), 6, "width: 파이썬 is six columns");
	is_int(text_width("PyCon 한국"), 10, "width: mixed ASCII and Hangul");
	is_int(text_width("e\xcc\x81"), 1, "width: e + combining acute");
	is_int(text_width("a\xcc\x81\xcc\xa3z"), 2, "width: two combining marks on one base");
	is_int(text_width("\xf0\x9f\x90\x8d"), 2, "width: emoji U+1F40D");
	is_int(text_width("\xf0\x9f\x98\x80!"), 3, "width: emoji U+1F600 then '!'");
	is_int(text_width("a\x1b" "b\x07"), 2, "width: ESC and BEL are zero");
	is_int(text_width("a\xe2\x80\x8b" "b"), 2, "width: zero-width space");
	is_int(text_width("\xe2\x80\xae" "abc"), 3, "width: RLO is zero");
	is_int(text_width("a\xffz"), 3, "width: invalid byte is one column");
	is_int(text_width("\xc0\xaf"), 2, "width: each byte of an overlong form is one column");
	is_int(text_width(HANGUK_NFD), 4, "width: decomposed 한국 is drawn as two syllables");
	is_int(text_width(HANGUK_NFC), 4, "width: composed 한국");
	is_int(text_width("\xe3\x80\x80"), 2, "width: ideographic space");
	is_int(text_width("\xe2\x80\xa6"), 1, "width: ellipsis");
}

static void is_fold(const char *in, const char *want, const char *what)
{
	char *got = text_fold(in);

	is_str(got, want, "fold: %s", what);
	free(got);
}

static void test_fold(void)
{
	char *a = text_fold("AsyncIO"), *b = text_fold("asyncio");

	is_str(a, b, "fold: AsyncIO == asyncio");
	free(a);
	free(b);
	a = text_fold(HANGUK_NFD);
	b = text_fold(HANGUK_NFC);
	is_str(a, b, "fold: decomposed 한국 == composed 한국");
	is_str(b, HANGUK_NFC, "fold: composed Hangul is unchanged");
	free(a);
	free(b);
	is_fold("Stra\xc3\x9f" "e", "strasse", "full case folding (ß -> ss)");
	is_fold("CAF\xc3\x89", "caf\xc3\xa9", "É -> é");
	is_fold("cafe\xcc\x81", "caf\xc3\xa9", "e + U+0301 composes to é");
	is_fold("\xce\xa3\xce\x9f\xce\xa6\xce\x8f\xce\xa3", "\xcf\x83\xce\xbf\xcf\x86\xcf\x8e\xcf\x83",
		"Greek capitals");
	is_fold("", "", "empty");
	is_fold("A\xff" "B", "a\xff" "b", "invalid byte copied, neighbours still folded");
	is_fold("X\xc0\xaf" "Y", "x\xc0\xaf" "y", "overlong form copied");
	is_fold("\xe2\x82", "\xe2\x82", "truncated sequence copied");
	/* English and Korean take a path of their own (no utf8proc): the same results */
	is_fold("Django 장고 ASGI", "django 장고 asgi", "ASCII and Hangul syllables: ASCII lowercased");
	is_fold("\xea\xb0\x80\xe1\x86\xa8", "\xea\xb0\x81",
		"a syllable and a final jamo after it still compose (가 + ᆨ = 각)");
	is_fold("\xed\x9e\xa3Z\xea\xb0\x80", "\xed\x9e\xa3z\xea\xb0\x80",
		"the first and the last syllable (U+D7A3, U+AC00)");
	is_fold("\xed\x9e\xa4Q", "\xed\x9e\xa4q", "past the syllables (U+D7A4): utf8proc's way");
	is_fold("\xea\xb0K", "\xea\xb0k", "a cut syllable is copied, its neighbours folded");
	is_fold("\xef\xbc\xa1", "\xef\xbd\x81", "fullwidth Ａ still folds (not ASCII)");

	a = text_fold("asyncio");
	ok(text_contains_folded("Building with AsyncIO today", a), "contains: case-insensitive");
	ok(!text_contains_folded("Building with Trio", a), "contains: absent");
	free(a);
	a = text_fold("한국");
	ok(text_contains_folded("PyCon " HANGUK_NFD " 2024", a), "contains: decomposed haystack");
	free(a);
	ok(text_contains_folded("anything", ""), "contains: empty needle");
	ok(text_contains_folded("a\xff" "b", "\xff"), "contains: invalid haystack does not crash");
}

static void is_sanitize(const char *in, const char *want, const char *what)
{
	char *got = text_sanitize(in);

	is_str(got, want, "sanitize: %s", what);
	free(got);
}

static void test_sanitize(void)
{
	is_sanitize("plain", "plain", "plain text unchanged");
	is_sanitize("\x1b[31mred\x1b[0m", "red", "SGR sequences removed");
	is_sanitize("\x1b[38;5;196mX", "X", "CSI with parameters removed");
	is_sanitize("\x1b]0;title\x07rest", "rest", "OSC ended by BEL removed");
	is_sanitize("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link", "OSC 8 hyperlink removed");
	is_sanitize("a\x1bPqdata\x1b\\b", "ab", "DCS removed");
	is_sanitize("a\x1b(Bb", "ab", "nF escape (charset) removed");
	is_sanitize("a\x1b" "cb", "ab", "ESC c (reset) removed");
	is_sanitize("tail\x1b", "tail", "trailing lone ESC");
	is_sanitize("\xe2\x80\xae" "evil" "\xe2\x80\xac", "evil", "U+202E/U+202C removed");
	is_sanitize("a\xe2\x81\xa6" "b\xe2\x81\xa9" "c\xe2\x80\x8f" "d\xd8\x9c" "e", "abcde",
		    "isolates, RLM and ALM removed");
	is_sanitize("pay\xe2\x80\x8bpal" "\xe2\x81\xa0" "x\xc2\xad" "y\xef\xbb\xbf" "z", "paypalxyz",
		    "zero-width space, word joiner, soft hyphen and BOM removed");
	is_sanitize("hi" "\xf3\xa0\x80\x81" "\xf3\xa0\x81\x88" "\xf3\xa0\x81\xa9" "\xf3\xa0\x81\xbf", "hi",
		    "tag characters (a hidden message) removed");
	is_sanitize("\xe3\x85\xa4" "파이콘", "파이콘", "the Hangul filler removed");
	is_sanitize("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb \xe2\x9d\xa4\xef\xb8\x8f",
		    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb \xe2\x9d\xa4\xef\xb8\x8f",
		    "the joiner and variation selector of emoji kept");
	is_sanitize("a\xc2\x9b" "31mb", "ab", "8-bit CSI (U+009B) with parameters removed");
	is_sanitize("a\xc2\x80\xc2\x94\xc2\x85" "b", "a b", "C1 controls removed, NEL is a space");
	is_sanitize("a\xc2\x9f" "apc\x1b\\b", "ab", "8-bit APC ... ESC \\ removed");
	is_sanitize("a\xc2\x9d" "0;t\xc2\x9c" "b", "ab", "8-bit OSC ... ST removed");
	is_sanitize("line one\r\nline two", "line one line two", "CRLF becomes one space");
	is_sanitize("a\tb\nc\x0b" "d\x0c" "e", "a b c d e", "tab, LF, VT, FF become spaces");
	is_sanitize("a\xc2\x85" "b\xe2\x80\xa8" "c", "a b c", "NEL and U+2028 become spaces");
	is_sanitize("  lots   of \t\n space  ", "lots of space", "runs collapse, ends trimmed");
	is_sanitize("a\x01\x7f" "b", "ab", "C0 and DEL removed");
	is_sanitize("a\xff" "b", "a\xef\xbf\xbd" "b", "invalid byte becomes U+FFFD");
	is_sanitize("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd", "overlong: one U+FFFD per byte");
	is_sanitize("\xe2\x82" "A", "\xef\xbf\xbd" "A", "truncated sequence: one U+FFFD");
	is_sanitize("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", "surrogate");
	is_sanitize("파이썬 \xe3\x80\x80 컨퍼런스", "파이썬 컨퍼런스", "ideographic space collapses");
	is_sanitize("e\xcc\x81 \xf0\x9f\x90\x8d", "\xc3\xa9 \xf0\x9f\x90\x8d",
		    "marks kept (composed to NFC) and emoji kept");
	is_sanitize("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "\xed\x95\x9c",
		    "decomposed Hangul jamo are shown as the composed syllable");
	is_sanitize("", "", "empty");
	is_sanitize(" \r\n\t", "", "only white space");
	is_sanitize("Talk \x1b]0;never ends", "Talk 0;never ends",
		    "an OSC that never ends drops only its introducer, not the rest");
	is_sanitize("a\x1bPdcs b", "adcs b", "a DCS that never ends likewise");
}

static void test_inert(void)
{
	char msg[256];
	const char *a = text_inert("x\x1b]"), *b = text_inert("\xe2\x80\xaey\x1b[");

	snprintf(msg, sizeof(msg), "unknown type \"%s\" near \"%s\" (known: talk)", a, b);
	is_str(msg, "unknown type \"x\" near \"y\" (known: talk)",
	       "each quoted value is cleaned on its own: the message after it survives");
	is_str(text_inert("\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
			  "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
			  "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
			  "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
			  "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
			  "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
			  "\xea\xb0\x80"),
	       "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
	       "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
	       "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
	       "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
	       "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
	       "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xe2\x80\xa6",
	       "a long value is cut to 60 columns (29 wide syllables and an ellipsis)");
	ok(text_inert(NULL)[0] == '\0', "NULL is the empty string");
}

static void test_control_at(void)
{
	size_t n;

	is_int(text_control_at("a", &n), -1, "control_at: a letter is none");
	is_int(n, 1, "control_at: ... one byte");
	is_int(text_control_at("\xea\xb0\x80", &n), -1, "control_at: a syllable is none");
	is_int(n, 3, "control_at: ... three bytes");
	is_int(text_control_at("\x1b[", &n), 0x1b, "control_at: ESC");
	is_int(text_control_at("\x7f", &n), 0x7f, "control_at: DEL");
	is_int(text_control_at("\xc2\x9b", &n), 0x9b, "control_at: a C1 control (CSI)");
	is_int(n, 2, "control_at: ... two bytes");
	is_int(text_control_at("\xe2\x80\xae", &n), 0x202e, "control_at: RIGHT-TO-LEFT OVERRIDE");
	is_int(text_control_at("\xd8\x9c", &n), 0x061c, "control_at: ARABIC LETTER MARK");
	is_int(text_control_at("\xff", &n), -1, "control_at: a byte that is not UTF-8 is none");
	is_int(n, 1, "control_at: ... and one byte long");
}

static void test_nfc(void)
{
	char *a = text_nfc("\xe1\x84\x89\xe1\x85\xa6\xe1\x84\x89\xe1\x85\xa7\xe1\x86\xab-1");
	char *b = text_nfc("plain-id"), *c = text_nfc("bad\xff");

	is_str(a, "\xec\x84\xb8\xec\x85\x98-1", "decomposed Hangul jamo become the syllables (세션-1)");
	is_str(b, "plain-id", "ASCII as it is");
	is_str(c, "bad\xff", "invalid UTF-8 as it is");
	free(a);
	free(b);
	free(c);
}

static void test_truncate(void)
{
	const char *kr = "파이썬 컨퍼런스";
	char *t;

	t = text_truncate(kr, 7);
	ok(text_width(t) <= 7, "truncate: width %zu <= 7", text_width(t));
	ok(strlen(t) >= 3 && !strcmp(t + strlen(t) - 3, "\xe2\x80\xa6"), "truncate: ends with …");
	ok(text_valid_utf8(t, strlen(t), NULL), "truncate: still valid UTF-8");
	is_str(t, "파이썬…", "truncate: 파이썬 컨퍼런스 to 7 columns");
	free(t);
	t = text_truncate(kr, 8);
	is_str(t, "파이썬 …", "truncate: to 8 columns");
	free(t);
	t = text_truncate(kr, 6);
	is_str(t, "파이…", "truncate: a wide character that would overflow is dropped");
	ok(text_width(t) == 5, "truncate: width 5 when a wide char does not fit");
	free(t);
	t = text_truncate(kr, 15);
	is_str(t, kr, "truncate: fits exactly, unchanged");
	free(t);
	t = text_truncate("abcdef", 3);
	is_str(t, "ab…", "truncate: ASCII");
	free(t);
	t = text_truncate("abcdef", 1);
	is_str(t, "…", "truncate: one column is just the ellipsis");
	free(t);
	t = text_truncate("abcdef", 0);
	is_str(t, "", "truncate: zero columns");
	free(t);
	t = text_truncate("ae\xcc\x81" "bcd", 3);
	is_str(t, "ae\xcc\x81\xe2\x80\xa6", "truncate: combining mark stays with its base");
	free(t);
	for (size_t cols = 0; cols <= 16; cols++) {
		t = text_truncate(kr, cols);
		ok(text_width(t) <= cols && text_valid_utf8(t, strlen(t), NULL),
		   "truncate: %zu columns -> width %zu, valid", cols, text_width(t));
		free(t);
	}
}

static void test_distance(void)
{
	is_int(text_distance("kitten", "sitting"), 3, "distance: kitten/sitting");
	is_int(text_distance("", "abc"), 3, "distance: empty/abc");
	is_int(text_distance("abc", ""), 3, "distance: abc/empty");
	is_int(text_distance("same", "same"), 0, "distance: equal");
	is_int(text_distance("flaw", "lawn"), 2, "distance: flaw/lawn");
	is_int(text_distance("list", "lsit"), 2, "distance: transposition is two edits");
	is_int(text_distance("한", "한"), 0, "distance: bytes of Hangul equal");
	is_int(text_distance("한", "국"), 3, "distance: counted on bytes");
}

/* best of the candidates for typed, within max (NULL: none), as text_suggest chooses */
static const char *suggest(const char *typed, size_t max, const char *const *cands)
{
	struct text_suggest sg;

	text_suggest_init(&sg, typed, max);
	for (; *cands; cands++)
		text_suggest_offer(&sg, *cands);
	return text_suggest_best(&sg);
}

static void test_suggest(void)
{
	static const char *const keys[] = { "schedule", "tz", "track", "tag", "travel", "break", NULL };
	static const char *const two[] = { "abcx", "abcy", NULL };
	const char *r;

	r = suggest("trav", 2, keys);
	ok(r && !strcmp(r, "travel"), "suggest: equally near, the longer shared start wins (trav: travel)");
	r = suggest("trakc", 2, keys);
	ok(r && !strcmp(r, "track"), "suggest: the nearest wins (trakc: track)");
	r = suggest("abcz", 2, two);
	ok(r && !strcmp(r, "abcx"), "suggest: a full tie goes to the first offered");
	ok(suggest("zzzzzz", 2, keys) == NULL, "suggest: nothing within the distance");
	r = suggest("schedul", 1, keys);
	ok(r && !strcmp(r, "schedule"), "suggest: within a distance of 1");
	ok(suggest("sched", 1, keys) == NULL, "suggest: a distance of 3 is not within 1");
}

static void test_size(void)
{
	char b[32];

	is_str(text_size(64u << 20, b, sizeof(b)), "64 MiB", "size: whole MiB");
	is_str(text_size(3u << 19, b, sizeof(b)), "1.5 MiB", "size: a MiB and a half");
	is_str(text_size(1024, b, sizeof(b)), "1 KiB", "size: whole KiB");
	is_str(text_size(1500, b, sizeof(b)), "1500 bytes", "size: not a whole KiB");
	is_str(text_size(0, b, sizeof(b)), "0 bytes", "size: nothing");
}

/* The word-at-a-time ASCII loops against the byte-at-a-time rule: every byte value at every
 * place of a 19-byte text (so that it falls in a word and in the tail), amid capitals and
 * syllable bytes. */
static void test_ascii_words(void)
{
	size_t lower_bad = 0, control_bad = 0;

	for (size_t at = 0; at < 19; at++)
		for (int c = 0; c < 256; c++) {
			char buf[19], want[19];
			bool control = false;

			for (size_t i = 0; i < sizeof(buf); i++)
				buf[i] = "AZaz@[`{ \xea\xb0\x80Mz0~!Qq"[i];
			buf[at] = (char)c;
			for (size_t i = 0; i < sizeof(buf); i++) {
				unsigned char b = (unsigned char)buf[i];

				want[i] = b >= 'A' && b <= 'Z' ? (char)(b - 'A' + 'a') : (char)b;
				control |= b < 0x20 || b == 0x7f;
			}
			control_bad += text_has_ascii_control(buf, sizeof(buf)) != control;
			text_ascii_lower(buf, sizeof(buf));
			lower_bad += memcmp(buf, want, sizeof(buf)) != 0;
		}
	ok(!lower_bad, "ascii_lower: every byte at every place (%zu wrong)", lower_bad);
	ok(!control_bad, "has_ascii_control: every byte at every place (%zu wrong)", control_bad);
	ok(!text_has_ascii_control("", 0) && text_has_ascii_control("abcdefgh\x7f", 9),
	   "has_ascii_control: empty, DEL in the tail");
	ok(text_plain("abcdefgh\xea\xb0\x80ijklmnop", 19) && !text_plain("abcdefghij\xc3\xa9", 12),
	   "plain: ASCII words, a syllable, a Latin letter after eight ASCII bytes");
	ok(text_plain("abcdefg\xea\xb0\x80", 10), "plain: a syllable across a word's end");
}

int main(void)
{
	test_valid();
	test_width();
	test_fold();
	test_sanitize();
	test_truncate();
	test_inert();
	test_nfc();
	test_control_at();
	test_distance();
	test_suggest();
	test_size();
	test_ascii_words();
	return done_testing();
}
