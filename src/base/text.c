/* text.c: UTF-8 text as people read it — validation, display width, case-insensitive
 * matching, terminal-safe copies, truncation to a column budget and edit distance.
 *
 * The only module that includes <utf8proc.h>.  Widths come from utf8proc_charwidth(), never from
 * wcwidth(), so they do not depend on the user's locale.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"
#include "util.h"

/*
 * Decodes one UTF-8 sequence at s[0..len), len > 0.  Returns its length (1..4) and sets *cp, or
 * returns minus the length of the invalid sequence to skip.  The invalid length is the "maximal
 * subpart" of Unicode 15 section 3.9 (U+FFFD substitution of maximal subparts): the longest
 * prefix of a well-formed sequence, or one byte if there is none, so "\xe2\x82" followed by "A"
 * is one bad sequence of two bytes and "\xc0\xaf" is two bad bytes.  The well-formed byte
 * sequences are those of Unicode's table 3-7: no overlong forms (C0, C1, E0 80..9F, F0 80..8F),
 * no surrogates (ED A0..BF), nothing above U+10FFFF (F4 90.., F5..FF).
 */
static int decode(const unsigned char *s, size_t len, int32_t *cp)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;
	int need, i;
	int32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		return -1;
	}
	/* Only the second byte has a restricted range; the rest are plain continuation bytes. */
	for (i = 1; i <= need; i++) {
		unsigned char b;

		if ((size_t)i >= len)
			return -i;
		b = s[i];
		if (b < lo || b > hi)
			return -i;
		v = (v << 6) | (b & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = v;
	return need + 1;
}

bool text_valid_utf8(const char *s, size_t len, size_t *bad_offset)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		int32_t cp;
		int n;

		if (p[i] < 0x80) {	/* ASCII: valid, a byte at a time */
			i++;
			continue;
		}
		n = decode(p + i, len - i, &cp);
		if (n < 0) {
			if (bad_offset)
				*bad_offset = i;
			return false;
		}
		i += (size_t)n;
	}
	return true;
}

/*
 * Hangul medial vowels and final consonants (jamo U+1160..U+11FF and the extended block
 * U+D7B0..U+D7FF) join the leading consonant before them into one syllable block two columns
 * wide (Unicode 15 section 3.12, "Conjoining Jamo Behavior"), which is how decomposed text from
 * macOS file names is drawn; utf8proc 2.8 still gives them one column each, so count them zero,
 * as glibc's wcwidth() does.
 */
static bool is_conjoining_jamo(int32_t cp)
{
	return (cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff);
}

static size_t cp_width(int32_t cp)
{
	int w;

	if (is_conjoining_jamo(cp))
		return 0;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_CC:	/* C0, DEL, C1 */
	case UTF8PROC_CATEGORY_ZL:	/* U+2028 */
	case UTF8PROC_CATEGORY_ZP:	/* U+2029 */
		return 0;
	default:
		break;
	}
	w = utf8proc_charwidth(cp);
	return w > 0 ? (size_t)w : 0;
}

size_t text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, i = 0, width = 0;

	if (!s)
		return 0;
	len = strlen(s);
	while (i < len) {
		int32_t cp;
		int n;

		if (p[i] >= 0x20 && p[i] < 0x7f) {
			/* printable ASCII, most of a timetable: one column, without utf8proc */
			width++;
			i++;
			continue;
		}
		n = decode(p + i, len - i, &cp);
		if (n < 0) {
			/* Each byte of a bad sequence is one column (a terminal shows one U+FFFD each). */
			width += (size_t)-n;
			i += (size_t)-n;
			continue;
		}
		width += cp_width(cp);
		i += (size_t)n;
	}
	return width;
}

/* Eight bytes at a time, for the loops over ASCII below: the bytes of s[0..8) as one word (any
 * alignment), and the word with every byte 1 and with every byte's top bit. */
static uint64_t word_at(const void *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof(w));
	return w;
}
#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* Whether s[0..len) is only ASCII and precomposed Hangul syllables (U+AC00..U+D7A3): text that
 * NFC leaves as it is and case folding changes only in its ASCII letters. */
static bool ascii_or_syllables(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		if (i + 8 <= len && !(word_at(s + i) & HIGHS)) {
			i += 8;	/* eight ASCII bytes */
		} else if (s[i] < 0x80) {
			i++;
		} else if (i + 2 < len && s[i] >= 0xEA && s[i] <= 0xED &&
			   (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			unsigned cp = ((s[i] & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);

			if (cp < 0xAC00 || cp > 0xD7A3)
				return false;
			i += 3;
		} else {
			return false;
		}
	}
	return true;
}

bool text_plain(const char *s, size_t len)
{
	return ascii_or_syllables((const unsigned char *)s, len);
}

void text_ascii_lower(char *s, size_t len)
{
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		/* a byte is a capital when its low seven bits are 'A'..'Z' and its top bit is clear:
		 * adding to the low bits (no carry crosses a byte) sets the top bit of those >= 'A'
		 * and of those > 'Z' */
		uint64_t w = word_at(s + i), low = w & ~HIGHS;
		uint64_t upper = (low + (0x80 - 'A') * ONES) & ~(low + (0x80 - 'Z' - 1) * ONES) & ~w &
				 HIGHS;

		if (upper) {
			w |= upper >> 2;	/* 0x80 >> 2: the case bit, 0x20 */
			memcpy(s + i, &w, sizeof(w));
		}
	}
	for (; i < len; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
}

bool text_has_ascii_control(const char *s, size_t len)
{
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		/* a byte below 0x20, or a byte equal to 0x7f (zero once xored with it): the usual
		 * tests for a byte less than n, which are exact about whether there is one */
		uint64_t w = word_at(s + i), d = w ^ (0x7f * ONES);

		if (((w - 0x20 * ONES) & ~w & HIGHS) || ((d - ONES) & ~d & HIGHS))
			return true;
	}
	for (; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return true;
	return false;
}

/* Appends the NFC, case-folded form of the valid UTF-8 in s[0..len) to sb. */
static void fold_run(struct strbuf *sb, const char *s, size_t len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	if (!len)
		return;
	/* the common case — English and Korean — without utf8proc: the same result, much sooner */
	if (ascii_or_syllables((const unsigned char *)s, len)) {
		size_t at = sb->len;

		strbuf_add(sb, s, len);
		text_ascii_lower(sb->buf + at, len);
		return;
	}
	/*
	 * COMPOSE gives NFC; CASEFOLD applies Unicode full case folding ("ß" -> "ss") during the
	 * decomposition step, and composition then rebuilds Hangul syllables from jamo
	 * algorithmically, so U+1112 U+1161 U+11AB becomes U+D55C.  STABLE keeps unassigned code
	 * points stable under later Unicode versions.
	 */
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n < 0) {
		/* Only UTF8PROC_ERROR_NOMEM is possible on valid input; keep the text as it is. */
		strbuf_add(sb, s, len);
		return;
	}
	strbuf_add(sb, out, (size_t)n);
	free(out);
}

char *text_fold(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf sb;
	size_t len, i = 0, run = 0;

	strbuf_init(&sb);
	if (!s)
		return strbuf_detach(&sb);
	len = strlen(s);
	if (ascii_or_syllables(p, len)) {
		fold_run(&sb, s, len);
		return strbuf_detach(&sb);
	}
	/* utf8proc_map() refuses a whole string with one bad byte: fold the valid runs between. */
	while (i < len) {
		int32_t cp;
		int n = decode(p + i, len - i, &cp);

		if (n > 0) {
			i += (size_t)n;
			continue;
		}
		fold_run(&sb, s + run, i - run);
		strbuf_add(&sb, s + i, (size_t)-n);
		i += (size_t)-n;
		run = i;
	}
	fold_run(&sb, s + run, i - run);
	return strbuf_detach(&sb);
}

bool text_contains_folded(const char *haystack, const char *needle_folded)
{
	char *folded;
	bool found;

	if (!needle_folded || !*needle_folded)
		return true;
	if (!haystack)
		return false;
	folded = text_fold(haystack);
	found = strstr(folded, needle_folded) != NULL;
	free(folded);
	return found;
}

/* The bidirectional formatting characters of UAX #9 ("Explicit Directional Formatting
 * Characters" and the implicit marks), which can make text display in a misleading order. */
static bool is_bidi_control(int32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

/* Characters that show nothing yet change what text means or hides in it: Unicode's default
 * ignorable code points (zero-width space, word joiner, soft hyphen, the invisible operators,
 * the Hangul fillers, the tag characters that can carry a hidden message, ...), but for the
 * joiners and variation selectors that emoji and some scripts need. */
static bool is_invisible(int32_t cp)
{
	if (cp == 0x200c || cp == 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) ||
	    (cp >= 0xe0100 && cp <= 0xe01ef))
		return false;
	return utf8proc_get_property(cp)->ignorable;
}

int32_t text_control_at(const char *s, size_t *len)
{
	int32_t cp;
	int n = decode((const unsigned char *)s, strnlen(s, 4), &cp);

	if (n < 0) {
		*len = 1;
		return -1;
	}
	*len = (size_t)n;
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || is_bidi_control(cp) ? cp : -1;
}

/* Characters that become a (collapsible) space: tab, LF, VT, FF, CR, NEL, the line and paragraph
 * separators, and every space separator (category Zs: U+00A0, U+3000, ...). */
static bool is_space_like(int32_t cp)
{
	if (cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85)
		return true;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return true;
	default:
		return false;
	}
}

/*
 * Length of the escape sequence whose introducer has been read, at s[0..len): `kind` is the
 * byte after ESC (for an 8-bit C1 introducer, the equivalent ESC byte: U+009B is ESC [ and so
 * on, ECMA-48 section 5.3).  Returns how many bytes of s belong to the sequence.
 *   ESC [ ... final        CSI: parameter and intermediate bytes 0x20..0x3F, final 0x40..0x7E
 *   ESC ] ... BEL or ST    OSC (xterm also ends it with BEL)
 *   ESC P/X/^/_ ... ST     DCS, SOS, PM, APC; ST is ESC \ or U+009C
 *   ESC 0x20..0x2F... F    nF sequences (character set designation and the like)
 *   ESC F                  any other single final byte 0x30..0x7E
 * Only the introducer is dangerous, and it is dropped whatever happens here: this just keeps the
 * parameters from showing up as litter like "[31m".  A string (OSC, DCS ...) that never ends
 * takes nothing with it, so a stray ESC ] cannot hide the rest of a title.
 */
static size_t escape_length(const unsigned char *s, size_t len, unsigned char kind)
{
	size_t i = 0;

	switch (kind) {
	case '[':
		while (i < len && s[i] >= 0x20 && s[i] <= 0x3f)
			i++;
		if (i < len && s[i] >= 0x40 && s[i] <= 0x7e)
			i++;
		return i;
	case ']':
	case 'P':
	case 'X':
	case '^':
	case '_':
		for (; i < len; i++) {
			if (s[i] == 0x07 && kind == ']')
				return i + 1;
			if (s[i] == 0x1b)
				return i + 1 < len && s[i + 1] == '\\' ? i + 2 : i + 1;
			if (s[i] == 0xc2 && i + 1 < len && s[i + 1] == 0x9c)
				return i + 2;
		}
		return 0;	/* never ended: only the introducer goes, the text after it stays */
	default:
		return 0;
	}
}

/* NFC of valid UTF-8 s (consumed), so that decomposed Hangul from a macOS-made feed reaches the
 * terminal as the syllables it means.  Caller frees the result. */
static char *compose(char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);

	if (n < 0)
		return s;
	free(s);
	return (char *)out;
}

char *text_nfc(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p && *p < 0x80)
		p++;
	if (!*p || !text_valid_utf8(s, strlen(s), NULL))
		return xstrdup(s);
	return compose(xstrdup(s));
}

/* True if the code point cannot change s under text_sanitize: a character that is neither a
 * control, a space, a line or paragraph separator nor a BiDi control, has combining class 0,
 * decomposes to nothing else (no singletons, no composition exclusions) and composes with
 * nothing else in this set — Latin-1 and Latin Extended-A/B letters, the punctuation of
 * U+2010..U+2027 and U+2030..U+205E (dashes, quotes, the ellipsis), arrows, hiragana and
 * katakana (without the combining sound marks U+3099, U+309A), CJK ideographs and Hangul
 * syllables (a syllable only composes with a conjoining jamo, which is not in the set).  The
 * common text of a timetable; anything else takes the long way. */
static bool inert_nfc_cp(int32_t cp)
{
	return (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	       (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205e) ||
	       (cp >= 0x2190 && cp <= 0x21ff) ||
	       (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30a1 && cp <= 0x30fa) ||
	       (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3);
}

/* True if s is printable ASCII with single spaces between words, and letters inert_nfc_cp()
 * accepts: already inert and NFC, what text_sanitize() would give back unchanged. */
static bool plain_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p == ' ')
		return false;
	while (*p) {
		int32_t cp;
		int n;

		if (*p < 0x80) {
			if (*p < 0x20 || *p == 0x7f || (*p == ' ' && (p[1] == ' ' || p[1] == '\0')))
				return false;
			p++;
			continue;
		}
		n = decode(p, strnlen((const char *)p, 4), &cp);
		if (n < 0 || !inert_nfc_cp(cp))
			return false;
		p += n;
	}
	return true;
}

char *text_sanitize(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf sb;
	size_t len, i = 0;
	bool pending_space = false;

	if (s && plain_text(s))
		return xstrdup(s);
	strbuf_init(&sb);
	if (!s)
		return strbuf_detach(&sb);
	len = strlen(s);
	while (i < len) {
		int32_t cp;
		int n = decode(p + i, len - i, &cp);

		if (n < 0) {
			/* One U+FFFD per maximal subpart, as Unicode recommends. */
			i += (size_t)-n;
			if (pending_space && sb.len)
				strbuf_addc(&sb, ' ');
			pending_space = false;
			strbuf_adds(&sb, "\xef\xbf\xbd");
			continue;
		}
		i += (size_t)n;
		if (cp == 0x1b) {
			unsigned char kind;

			if (i >= len)
				break;
			kind = p[i];
			if (kind >= 0x20 && kind <= 0x2f) {
				/* nF: intermediates, then one final byte. */
				while (i < len && p[i] >= 0x20 && p[i] <= 0x2f)
					i++;
				if (i < len && p[i] >= 0x30 && p[i] <= 0x7e)
					i++;
			} else if (kind >= 0x30 && kind <= 0x7e) {
				i++;
				i += escape_length(p + i, len - i, kind);
			}
			/* ESC followed by anything else: the ESC alone is dropped. */
			continue;
		}
		if (cp >= 0x80 && cp <= 0x9f && cp != 0x85) {
			/* C1 controls; the 8-bit forms of CSI, OSC, DCS, SOS, PM and APC take their
			 * parameters with them. */
			static const char c1_kind[] = {
				[0x90 - 0x80] = 'P', [0x98 - 0x80] = 'X', [0x9b - 0x80] = '[',
				[0x9d - 0x80] = ']', [0x9e - 0x80] = '^', [0x9f - 0x80] = '_',
			};
			unsigned char kind = (unsigned char)c1_kind[cp - 0x80];

			if (kind)
				i += escape_length(p + i, len - i, kind);
			continue;
		}
		if (is_space_like(cp)) {
			pending_space = true;
			continue;
		}
		if (cp < 0x20 || cp == 0x7f || is_bidi_control(cp) || is_invisible(cp))
			continue;
		if (pending_space && sb.len)
			strbuf_addc(&sb, ' ');
		pending_space = false;
		strbuf_add(&sb, p + i - n, (size_t)n);
	}
	return compose(strbuf_detach(&sb));
}

char *text_truncate(const char *s, size_t cols)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf sb;
	size_t len, i = 0, width = 0;

	if (!s)
		return xstrdup("");
	if (text_width(s) <= cols)
		return xstrdup(s);
	strbuf_init(&sb);
	if (!cols)
		return strbuf_detach(&sb);
	/* Keep whole characters (and the zero-width marks that follow them) while they fit in
	 * cols - 1 columns; the last column is the ellipsis. */
	len = strlen(s);
	while (i < len) {
		int32_t cp;
		int n = decode(p + i, len - i, &cp);
		size_t w, step;

		if (n < 0) {
			w = (size_t)-n;
			step = (size_t)-n;
		} else {
			w = cp_width(cp);
			step = (size_t)n;
		}
		if (width + w > cols - 1)
			break;
		width += w;
		i += step;
	}
	strbuf_add(&sb, s, i);
	strbuf_adds(&sb, "\xe2\x80\xa6");
	return strbuf_detach(&sb);
}

/*
 * Levenshtein distance (insertions, deletions and substitutions each cost 1), by the usual
 * dynamic programme kept to one row: row[j] is the distance between a[0..i) and b[0..j).
 */
size_t text_distance(const char *a, const char *b)
{
	size_t la, lb, i, j, *row, result;

	if (!a)
		a = "";
	if (!b)
		b = "";
	la = strlen(a);
	lb = strlen(b);
	if (!la)
		return lb;
	if (!lb)
		return la;
	row = xmalloc((lb + 1) * sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];	/* distance of a[0..i-1) and b[0..j-1) */

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];	/* a[0..i-1) and b[0..j) */
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	result = row[lb];
	free(row);
	return result;
}

const char *text_inert(const char *s)
{
	static char ring[4][256];
	static unsigned next;
	char *buf = ring[next++ % 4];
	char *clean = text_sanitize(s ? s : ""), *cut = text_truncate(clean, 60);

	snprintf(buf, sizeof(ring[0]), "%s", cut);
	free(cut);
	free(clean);
	return buf;
}

void text_suggest_init(struct text_suggest *sg, const char *typed, size_t max_distance)
{
	sg->typed = typed ? typed : "";
	sg->best = NULL;
	sg->max_distance = max_distance;
	sg->distance = (size_t)-1;
	sg->prefix = 0;
}

void text_suggest_offer(struct text_suggest *sg, const char *candidate)
{
	size_t d, p = 0;

	if (!candidate)
		return;
	d = text_distance(sg->typed, candidate);
	if (d > sg->max_distance || d > sg->distance)
		return;
	while (sg->typed[p] && sg->typed[p] == candidate[p])
		p++;
	if (d == sg->distance && p <= sg->prefix)
		return;
	sg->best = candidate;
	sg->distance = d;
	sg->prefix = p;
}

const char *text_suggest_best(const struct text_suggest *sg)
{
	return sg->best;
}

const char *text_size(uint64_t n, char *buf, size_t size)
{
	if (n >= (1u << 20) && n % (1u << 20) == 0)
		snprintf(buf, size, "%llu MiB", (unsigned long long)(n >> 20));
	else if (n >= (1u << 20))
		snprintf(buf, size, "%.1f MiB", (double)n / (1 << 20));
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(buf, size, "%llu KiB", (unsigned long long)(n >> 10));
	else
		snprintf(buf, size, "%llu bytes", (unsigned long long)n);
	return buf;
}
