/* test_pick_team.c: pick for a team (pick_team.h) against a brute force over every assignment
 * of the candidates to members (or to nobody) on random timetables with travel, floors,
 * buildings, plenaries, team pins, members' own pins and blocks: the plan keeps every
 * constraint, and when it says it is exact its points are the brute force's best. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "pick.h"
#include "pick_team.h"
#include "prefs.h"
#include "schedule.h"
#include "tap.h"
#include "util.h"
#include "random_tt.h"

#define MAXC 9
#define MAXM 3

static char *random_timetable(void)
{
	struct strbuf sb;
	size_t n = rnd(MAXC + 1);

	strbuf_init(&sb);
	random_rooms(&sb, 3);
	for (size_t i = 0; i < n; i++) {
		int start = 9 * 60 + (int)rnd(12) * 5, end = start + 5 + (int)rnd(4) * 5;
		int room = (int)rnd(3);
		strbuf_addf(&sb, "%s{\"id\": \"s%zu\", \"title\": \"%s\", \"language\": \"%s\", ",
			    i ? ", " : "", i, rnd(3) ? "kw talk" : "talk", rnd(2) ? "en" : "ko");
		if (rnd(8) == 0)
			strbuf_addf(&sb, "\"room\": [\"r%d\", \"r%d\"], ", room, (room + 1) % 3);
		else
			strbuf_addf(&sb, "\"room\": \"r%d\", ", room);
		strbuf_addf(&sb, "\"start\": \"2025-03-01T%02d:%02d\", \"end\": \"2025-03-01T%02d:%02d\"}",
			    start / 60, start % 60, end / 60, end % 60);
	}
	strbuf_adds(&sb, "]}");
	return strbuf_detach(&sb);
}

struct inst {
	const struct pick_request *rq;
	const struct pick_result *r;      /* candidates */
	struct pick_member *m;
	int k;
	int owner[MAXC];                  /* member pin of candidate c, or -1 */
	bool team_pin[MAXC];
};

static bool in_block(const struct inst *in, int i, size_t c)
{
	const struct session *se = &in->rq->s->sessions[in->r->cand[c].session];
	const struct pick_request *own = &in->m[i].own;

	for (size_t b = 0; b < own->nbusy; b++)
		if (se->start < own->busy[b].end && own->busy[b].start < se->end)
			return true;
	return false;
}

/* Member i's candidates v[0..n): attendable one after the other, as the README's walk allows. */
static bool day_ok(const struct inst *in, size_t *v, size_t n)
{
	const struct schedule *s = in->rq->s;

	for (size_t a = 1; a < n; a++)
		for (size_t b = a; b > 0; b--) {
			const struct session *x = &s->sessions[in->r->cand[v[b - 1]].session];
			const struct session *y = &s->sessions[in->r->cand[v[b]].session];
			if (x->start <= y->start)
				break;
			size_t t = v[b];
			v[b] = v[b - 1];
			v[b - 1] = t;
		}
	for (size_t q = 1; q < n; q++) {
		const struct session *x = &s->sessions[in->r->cand[v[q - 1]].session];
		const struct session *y = &s->sessions[in->r->cand[v[q]].session];
		if (x->end + walk(s, x, y, in->rq->travel_minutes) > y->start)
			return false;
	}
	return true;
}

/* who[c]: 0 nobody, else member who[c]-1.  Every constraint kept? */
static bool assignment_ok(const struct inst *in, const int *who)
{
	for (size_t c = 0; c < in->r->ncand; c++) {
		const struct pick_candidate *x = &in->r->cand[c];
		bool pinned = in->team_pin[c] || in->owner[c] >= 0;
		if (!who[c]) {
			if (pinned)
				return false;
			continue;
		}
		if (x->excluded || (!x->points && !pinned))
			return false;
		if (in->owner[c] >= 0 && in->owner[c] != who[c] - 1)
			return false;
		if (in_block(in, who[c] - 1, c))
			return false;
	}
	for (int i = 0; i < in->k; i++) {
		size_t v[MAXC], n = 0;
		for (size_t c = 0; c < in->r->ncand; c++)
			if (who[c] == i + 1)
				v[n++] = c;
		if (!day_ok(in, v, n))
			return false;
	}
	return true;
}

/* The most points of any assignment keeping every constraint; -1 when none does. */
static int64_t brute_force(const struct inst *in)
{
	size_t n = in->r->ncand, total = 1;
	int64_t best = -1;
	int who[MAXC];

	for (size_t c = 0; c < n; c++)
		total *= (size_t)in->k + 1;
	for (size_t code = 0; code < total; code++) {
		size_t x = code;
		int64_t pts = 0;

		for (size_t c = 0; c < n; c++) {
			who[c] = (int)(x % ((size_t)in->k + 1));
			x /= (size_t)in->k + 1;
			if (who[c])
				pts += in->r->cand[c].points;
		}
		if (pts > best && assignment_ok(in, who))
			best = pts;
	}
	return best;
}

/* The result as an assignment, checked. */
static bool result_ok(const struct inst *in, const struct pick_team *t)
{
	int who[MAXC] = { 0 };
	int64_t pts = 0;

	if (t->nmembers != in->k)
		return false;
	for (int i = 0; i < in->k; i++)
		for (size_t j = 0; j < t->nmember[i]; j++) {
			size_t c = t->member[i][j];
			if (c >= in->r->ncand || who[c])
				return false;
			who[c] = i + 1;
			pts += in->r->cand[c].points;
		}
	return pts == t->r.total_points && assignment_ok(in, who);
}

static void test_against_brute_force(void)
{
	int runs = 1500, agree = 0, exact = 0, fell_back = 0, constrained = 0, failed = 0, walked = 0;

	rng_state = 1204;
	for (int round = 0; round < runs; round++) {
		char *json = random_timetable();
		struct schedule s;
		struct prefs p;
		struct pick_request rq;
		struct pick_member m[MAXM];
		struct pick_team t;
		struct inst in;
		int k = 1 + (int)rnd(MAXM), ret;
		int64_t best;

		schedule_init(&s);
		if (schedule_load_buffer(&s, json, strlen(json), "random.json", NULL) < 0) {
			printf("# %s\n", error_message());
			free(json);
			continue;
		}
		random_walks(&s, (int)s.nrooms);
		walked += schedule_has_walks(&s);
		prefs_init(&p);
		prefs_add(&p, PREF_KEYWORD, "kw");
		prefs_add(&p, PREF_LANG, "en");
		prefs_resolve(&p, &s, NULL);
		pick_request_init(&rq, &s, &p);
		rq.travel_minutes = 5 * (int)rnd(3);
		if (s.nsessions && rnd(6) == 0)
			strlist_push(&rq.must, s.sessions[rnd((uint32_t)s.nsessions)].id);
		for (int i = 0; i < k; i++) {
			m[i].name = xasprintf("m%d", i);
			pick_request_init(&m[i].own, &s, &p);
			if (s.nsessions && rnd(4) == 0)
				strlist_push(&m[i].own.must, s.sessions[rnd((uint32_t)s.nsessions)].id);
			if (rnd(4) == 0) {
				int a = 9 * 60 + (int)rnd(12) * 5, b = a + 5 + (int)rnd(6) * 5;
				char *block = xasprintf("2025-03-01 %02d:%02d-%02d:%02d x", a / 60, a % 60,
							b / 60, b % 60);
				pick_add_block(&m[i].own, block);
				free(block);
			}
			constrained += m[i].own.must.n || m[i].own.nbusy;
		}
		pick_team_init(&t);
		ret = pick_team_run(&rq, m, k, &t);
		/* the candidates and pins as the run saw them, for the brute force */
		{
			struct pick_result all;
			struct pick_request any = rq;
			memset(&any.must, 0, sizeof(any.must));
			pick_result_init(&all);
			if (pick_run(&any, &all) < 0 && rq.must.n) /* a pin on an avoided... */
				error_clear();
			in.rq = &rq;
			in.r = &all;
			in.m = m;
			in.k = k;
			for (size_t c = 0; c < all.ncand && c < MAXC; c++) {
				const char *id = s.sessions[all.cand[c].session].id;
				in.team_pin[c] = strlist_find(&rq.must, id) >= 0;
				in.owner[c] = -1;
				for (int i = 0; i < k; i++)
					if (strlist_find(&m[i].own.must, id) >= 0)
						in.owner[c] = in.owner[c] == -1 ? i : -2; /* a third pin keeps -2 */
			}
			/* a session pinned by two members, or a member's pin in their own block, is
			 * refused before solving: so has the brute force nothing */
			best = -1;
			{
				bool bad = false;
				for (size_t c = 0; c < all.ncand; c++)
					bad |= in.owner[c] == -2 || (in.owner[c] >= 0 && in_block(&in, in.owner[c], c));
				if (!bad)
					best = brute_force(&in);
			}
			if (ret == 0) {
				bool valid = result_ok(&in, &t);
				exact += t.exact;
				fell_back += !t.exact;
				if (valid && (t.exact ? t.r.total_points == best : t.r.total_points <= best))
					agree++;
				else
					printf("# round %d: %s, %lld points (exact %d), brute force %lld\n# %s\n",
					       round, valid ? "valid" : "INVALID", (long long)t.r.total_points,
					       t.exact, (long long)best, json);
			} else {
				char why[300];
				snprintf(why, sizeof why, "%s", error_message());
				failed++;
				error_clear();
				if (best < 0)
					agree++;
				else
					printf("# round %d: refused (%s), brute force %lld\n# %s\n", round,
					       why, (long long)best, json);
			}
			pick_result_release(&all);
		}
		pick_team_release(&t);
		for (int i = 0; i < k; i++) {
			free(m[i].name);
			pick_request_release(&m[i].own);
		}
		pick_request_release(&rq);
		prefs_release(&p);
		schedule_release(&s);
		free(json);
	}
	is_int(agree, runs, "team: every plan keeps its constraints; exact ones have the most points");
	ok(walked > runs / 5, "team: %d of them with walks set", walked);
	ok(constrained > runs / 2 && failed > 10 && failed < runs / 4,
	   "the instances have members' constraints (%d) and some cannot be met (%d)", constrained,
	   failed);
	ok(exact > runs / 2, "most plans are proven the best (%d exact, %d one by one)", exact,
	   fell_back);
}

int main(void)
{
	test_against_brute_force();
	return done_testing();
}
