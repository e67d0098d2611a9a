/* changes_format.c: the changes report as text (aligned, inert for a terminal) or as JSON.
 * Formats only; the cli prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changes.h"
#include "jsonw.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

#define ID_MAX 16

/* "2025-08-16 10:30-11:00" in zone z (the time as format_span writes it: "23:30-01:30 (+1)",
 * "18:30"), or "unscheduled". */
static void when(struct strbuf *sb, const struct tz *z, bool timed, int64_t start, int64_t end)
{
	struct civil a;
	char span[FORMAT_SPAN_MAX];

	if (!timed) {
		strbuf_adds(sb, "unscheduled");
		return;
	}
	tz_to_civil(z, start, &a);
	strbuf_addf(sb, "%04d-%02d-%02d %s", a.year, a.month, a.day,
		    format_span(z, start, end, span, sizeof(span)));
}

static void add_inert(struct strbuf *sb, const char *s)
{
	char *clean = text_sanitize(s ? s : "");

	strbuf_adds(sb, clean);
	free(clean);
}

static void room(struct strbuf *sb, const char *label)
{
	if (label && *label)
		add_inert(sb, label);
	else
		strbuf_adds(sb, "no room");
}

static void pad(struct strbuf *sb, size_t have, size_t want)
{
	while (have++ < want)
		strbuf_addc(sb, ' ');
}

char *changes_format_text(const struct changes *c, const struct tz *z, const struct tz *local,
			  size_t limit)
{
	struct strbuf sb;
	size_t kind_w = 0, id_w = 0, others = 0, left_out = 0;
	bool any_planned = false;

	strbuf_init(&sb);
	add_inert(&sb, c->conference);
	if (c->n)
		strbuf_addf(&sb, ": %zu session%s changed", c->n, c->n == 1 ? "" : "s");
	else
		strbuf_adds(&sb, ": no session changed");
	if (c->since) {
		struct civil t;
		char when[24];

		tz_to_civil(local, c->since, &t);
		civil_format_date_hm(&t, when, sizeof(when));
		strbuf_addf(&sb, " since the copy fetched %s", when);
	}
	strbuf_addc(&sb, '\n');

	for (size_t i = 0; i < c->n; i++) {
		char *k = change_kinds_text(c->v[i].kinds), *id = text_sanitize(c->v[i].id);
		size_t w = text_width(id);

		if (strlen(k) > kind_w)
			kind_w = strlen(k);
		if (w > id_w)
			id_w = w > ID_MAX ? ID_MAX : w;
		any_planned |= c->v[i].planned;
		free(k);
		free(id);
	}
	for (size_t i = 0; i < c->n; i++) {
		const struct change *ch = &c->v[i];
		char *k, *id, *cut;
		bool first = true;

		/* every change to the plan; of the rest, the first `limit` */
		if (!ch->planned && limit && others++ >= limit) {
			left_out++;
			continue;
		}
		k = change_kinds_text(ch->kinds);
		id = text_sanitize(ch->id);
		cut = text_truncate(id, ID_MAX);

		strbuf_adds(&sb, ch->planned ? "* " : "  ");
		strbuf_adds(&sb, k);
		pad(&sb, strlen(k), kind_w + 2);
		strbuf_adds(&sb, cut);
		pad(&sb, text_width(cut), id_w + 2);
		add_inert(&sb, ch->title);
		strbuf_adds(&sb, " — ");
		if (ch->kinds & (CHANGE_ADDED | CHANGE_CANCELLED)) {
			bool added = ch->kinds & CHANGE_ADDED;
			if (!added)
				strbuf_adds(&sb, "was ");
			when(&sb, z, added ? ch->new_timed : ch->old_timed,
			     added ? ch->new_start : ch->old_start, added ? ch->new_end : ch->old_end);
			strbuf_adds(&sb, ", ");
			room(&sb, added ? ch->new_room : ch->old_room);
		} else {
			if (ch->kinds & CHANGE_TIME) {
				when(&sb, z, ch->old_timed, ch->old_start, ch->old_end);
				strbuf_adds(&sb, " → ");
				when(&sb, z, ch->new_timed, ch->new_start, ch->new_end);
				first = false;
			}
			if (ch->kinds & CHANGE_ROOM) {
				if (!first)
					strbuf_adds(&sb, "; ");
				room(&sb, ch->old_room);
				strbuf_adds(&sb, " → ");
				room(&sb, ch->new_room);
				first = false;
			}
			if (ch->kinds & CHANGE_TITLE) {
				if (!first)
					strbuf_adds(&sb, "; ");
				strbuf_adds(&sb, "was \"");
				add_inert(&sb, ch->old_title);
				strbuf_adds(&sb, "\"");
			}
		}
		strbuf_addc(&sb, '\n');
		free(k);
		free(id);
		free(cut);
	}
	if (left_out)
		strbuf_addf(&sb, "  ... and %zu more; 'planner changes' lists them all\n", left_out);
	if (any_planned)
		strbuf_adds(&sb, "(* in your plan)\n");
	return strbuf_detach(&sb);
}

static void json_time(struct jsonw *w, const struct tz *z, int64_t t)
{
	char buf[40];

	tz_format_iso(z, t, buf, sizeof(buf));
	jsonw_string(w, buf);
}

static void json_version(struct jsonw *w, const struct tz *z, bool exists, bool timed,
			 int64_t start, int64_t end, const char *room_label)
{
	if (!exists) {
		jsonw_null(w);
		return;
	}
	jsonw_object_begin(w);
	jsonw_key(w, "start");
	if (timed)
		json_time(w, z, start);
	else
		jsonw_null(w);
	jsonw_key(w, "end");
	if (timed)
		json_time(w, z, end);
	else
		jsonw_null(w);
	jsonw_key(w, "room");
	jsonw_string(w, room_label && *room_label ? room_label : NULL);
	jsonw_object_end(w);
}

void changes_json(struct jsonw *w, const struct changes *c, const struct tz *z)
{
	const struct tz *utc = tz_get("UTC");
	static const unsigned kinds[] = { CHANGE_CANCELLED, CHANGE_ADDED, CHANGE_TIME, CHANGE_ROOM,
					  CHANGE_TITLE };

	jsonw_object_begin(w);
	jsonw_key(w, "conference");
	jsonw_string(w, c->conference);
	jsonw_key(w, "timezone");
	jsonw_string(w, c->timezone);
	jsonw_key(w, "since");
	if (c->since)
		json_time(w, utc, c->since);
	else
		jsonw_null(w);
	jsonw_key(w, "at");
	if (c->at)
		json_time(w, utc, c->at);
	else
		jsonw_null(w);
	jsonw_key(w, "changes");
	jsonw_array_begin(w);
	for (size_t i = 0; i < c->n; i++) {
		const struct change *ch = &c->v[i];

		jsonw_object_begin(w);
		jsonw_key(w, "id");
		jsonw_string(w, ch->id);
		jsonw_key(w, "kinds");
		jsonw_array_begin(w);
		for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			if (ch->kinds & kinds[k]) {
				char *t = change_kinds_text(kinds[k]);
				jsonw_string(w, t);
				free(t);
			}
		jsonw_array_end(w);
		jsonw_key(w, "title");
		jsonw_string(w, ch->title);
		jsonw_key(w, "old_title");
		jsonw_string(w, ch->old_title);
		jsonw_key(w, "planned");
		jsonw_bool(w, ch->planned);
		jsonw_key(w, "old");
		json_version(w, z, !(ch->kinds & CHANGE_ADDED), ch->old_timed, ch->old_start,
			     ch->old_end, ch->old_room);
		jsonw_key(w, "new");
		json_version(w, z, !(ch->kinds & CHANGE_CANCELLED), ch->new_timed, ch->new_start,
			     ch->new_end, ch->new_room);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	jsonw_object_end(w);
}
