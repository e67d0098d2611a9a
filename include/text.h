/* text.h: UTF-8 text as people read it — display width, matching, terminal safety.
 *
 * Wraps utf8proc (the only module that includes <utf8proc.h>).  Widths are in terminal columns
 * (Hangul and other East Asian wide characters are two), independent of the user's locale.
 */
#ifndef PLANNER_TEXT_H
#define PLANNER_TEXT_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

/* True if s[0..len) is well-formed UTF-8 (no overlong forms, no surrogates, <= U+10FFFF).
 * On false and bad_offset non-NULL, *bad_offset is the byte offset of the first bad sequence. */
bool text_valid_utf8(const char *s, size_t len, size_t *bad_offset);

/* Display width in columns of a NUL-terminated UTF-8 string; an invalid byte counts one column,
 * control and zero-width characters count zero. */
size_t text_width(const char *s);

/* The character at s (NUL-terminated) when it is one text_sanitize() removes: a C0 or C1
 * control, DEL, or a BiDi formatting character (U+202A..U+202E, U+2066..U+2069, U+200E/F,
 * U+061C); else -1.  *len is its length in bytes (1 for a byte that is not valid UTF-8). */
int32_t text_control_at(const char *s, size_t *len);

/* Case-folded, NFC-normalized copy for matching (so decomposed Hangul from macOS matches
 * composed Hangul, and "AsyncIO" matches "asyncio").  Invalid UTF-8 bytes are copied as they are.
 * Caller frees. */
char *text_fold(const char *s);

/* True if s[0..len) is only ASCII and precomposed Hangul syllables (U+AC00..U+D7A3): valid
 * UTF-8 whose only control characters are ASCII ones, and whose text_fold() lowers its ASCII
 * letters and changes nothing else. */
bool text_plain(const char *s, size_t len);
/* Lowers the ASCII letters of s[0..len) in place (text_fold() of text_plain() text). */
void text_ascii_lower(char *s, size_t len);
/* True if s[0..len) holds an ASCII control character (U+0000..U+001F or DEL). */
bool text_has_ascii_control(const char *s, size_t len);

/* A copy of s in Unicode normalization form C (decomposed Hangul composed, as typed on most
 * systems); s as it is when it is ASCII or not valid UTF-8.  Caller frees. */
char *text_nfc(const char *s);

/* True if `needle_folded` (already text_fold()ed) occurs in text_fold(haystack). */
bool text_contains_folded(const char *haystack, const char *needle_folded);

/* A copy that is inert on a terminal: C0/C1 control characters, DEL, ESC sequences, BiDi
 * controls (U+202A..U+202E, U+2066..U+2069, U+200E/F, U+061C) and invisible characters (the
 * default ignorable code points: zero-width space, soft hyphen, tag characters, Hangul fillers
 * ...; not the joiners and variation selectors emoji need) are removed, tabs and line breaks
 * become one space, runs of white space collapse to one, leading/trailing space is trimmed, and
 * invalid UTF-8 bytes become U+FFFD; the result is NFC (decomposed Hangul is shown composed).
 * Caller frees. */
char *text_sanitize(const char *s);

/* s made inert (text_sanitize) and cut to 60 columns, for quoting a feed's value inside a message:
 * each value is cleaned on its own, so an unterminated escape in one cannot swallow the rest of
 * the message.  The result lives in one of four static buffers, reused on the fifth call. */
const char *text_inert(const char *s);

/* A copy of s cut to at most `cols` display columns; when cut, the last column is "…" (U+2026,
 * one column).  Never splits a UTF-8 sequence.  Caller frees. */
char *text_truncate(const char *s, size_t cols);

/* Edit distance (on bytes) between a and b, for "did you mean" suggestions. */
size_t text_distance(const char *a, const char *b);

/* n bytes as text for messages: "64 MiB", "1.5 MiB", "1 KiB", "100 bytes".  Writes buf and
 * returns it. */
const char *text_size(uint64_t n, char *buf, size_t size);

/* "Did you mean": the one rule for choosing a suggestion.  Offer every candidate in turn; the
 * best is the nearest (text_distance) within max_distance, and among equally near ones the one
 * sharing the longest start with what was typed ("trav": travel, not track), then the first
 * offered.  The strings are borrowed: they must live as long as the struct is used. */
struct text_suggest {
	const char *typed, *best;
	size_t max_distance, distance, prefix;
};
void text_suggest_init(struct text_suggest *sg, const char *typed, size_t max_distance);
void text_suggest_offer(struct text_suggest *sg, const char *candidate);
/* The suggestion, or NULL when no candidate was near enough.  Borrowed (a candidate). */
const char *text_suggest_best(const struct text_suggest *sg);

#endif
