/* test_pick.c: preference points, the pick around pins, breaks and blocks, and the saved plan
 * (round trip, damage detection, fingerprints, change detection). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/cmd/command.h"
#include "load.h"
#include "pick.h"
#include "pick_args.h"
#include "plan.h"
#include "prefs.h"
#include "schedule.h"
#include "tap.h"
#include "util.h"
#include "random_tt.h"

static const struct session *find(const struct schedule *s, const char *id)
{
	long i = schedule_find_session(s, id);
	return i < 0 ? NULL : &s->sessions[i];
}

static void test_prefs(const struct schedule *s)
{
	struct prefs p;
	struct strbuf why;

	prefs_init(&p);
	is_int(prefs_score(&p, find(s, "k1"), NULL), 500, "a keynote earns the keynote bonus alone");
	is_int(prefs_score(&p, find(s, "t1"), NULL), 0, "a talk earns nothing without preferences");
	prefs_add(&p, PREF_TRACK, "ASYNCIO");
	prefs_add(&p, PREF_LANG, "ko");
	is_int(prefs_resolve(&p, s, NULL), 0, "a track named like a tag resolves");
	strbuf_init(&why);
	is_int(prefs_score(&p, find(s, "t1"), &why), 400, "track (via tag, any case) + lang = 4 points");
	is_str(why.buf, "track asyncio, lang ko", "with both reasons");
	strbuf_release(&why);
	is_int(prefs_score(&p, find(s, "t3"), NULL), 0,
	       "a qualifier alone does not count when a topic preference is given");
	ok(prefs_set_weight(&p, "keynote=0.5") == 0 && prefs_score(&p, find(s, "k1"), NULL) == 50,
	   "--weight keynote=0.5 makes a keynote worth half a point");
	ok(prefs_set_weight(&p, "colour=3") < 0, "an unknown weight kind is refused");
	ok(prefs_set_weight(&p, "track=-1") < 0, "a negative weight is refused");
	ok(prefs_add(&p, PREF_LEVEL, "expertish") < 0, "an unknown level is refused");
	prefs_release(&p);

	prefs_init(&p);
	prefs_add(&p, PREF_TRACK, "파이썬");
	is_int(prefs_resolve(&p, s, NULL), 0, "a track named like no track or tag falls back");
	is_int(p.track_fallbacks.n, 1, "and is recorded as a fallback");
	is_int(prefs_score(&p, find(s, "t3"), NULL), 100,
	       "the fallback matches the abstract at half the keyword weight");
	prefs_release(&p);

	prefs_init(&p);
	prefs_add(&p, PREF_LANG, "en");
	p.keynotes = false;
	is_int(prefs_score(&p, find(s, "t2"), NULL), 100, "a qualifier alone chooses by itself");
	is_int(prefs_score(&p, find(s, "k1"), NULL), 0, "--no-keynotes drops the bonus");
	prefs_release(&p);
}

static void test_pick(const struct schedule *s)
{
	struct prefs p;
	struct pick_request rq;
	struct pick_result r;

	prefs_init(&p);
	prefs_add(&p, PREF_TRACK, "asyncio");
	prefs_resolve(&p, s, NULL);
	pick_request_init(&rq, s, &p);
	is_int(pick_run(&rq, &r), 0, "pick on mini");
	is_int(r.nchosen, 2, "the keynote and the asyncio talk");
	ok(r.nchosen == 2 && !strcmp(s->sessions[r.cand[r.chosen[1]].session].id, "t1"), "t1 is second");
	ok(r.nchosen == 2 && r.alternative[1] != SIZE_MAX &&
	   !strcmp(s->sessions[r.cand[r.alternative[1]].session].id, "t2"),
	   "t2 is the room-full alternative of t1 though it earned no points");
	pick_result_release(&r);

	is_int(pick_add_break(&rq, "10:20-10:45"), 0, "a break parses");
	is_int(pick_run(&rq, &r), 0, "pick with the break");
	is_int(r.nchosen, 1, "the break keeps t1 out");
	pick_result_release(&r);
	strlist_push(&rq.must, "t1");
	ok(pick_run(&rq, &r) < 0, "a pin inside the break fails");
	ok(strstr(error_message(), "pinned session \"t1\"") && strstr(error_message(), "falls in break 10:20-10:45"),
	   "naming the pin and the break");
	pick_request_release(&rq);

	pick_request_init(&rq, s, &p);
	strlist_push(&rq.must, "t1");
	strlist_push(&rq.must, "t2");
	ok(pick_run(&rq, &r) < 0, "overlapping pins fail");
	ok(strstr(error_message(), "overlap by 30 minutes") != NULL, "and say by how much");
	pick_request_release(&rq);

	pick_request_init(&rq, s, &p);
	ok(pick_add_block(&rq, "2025-08-16 10:40-10:50 call mum") == 0 && rq.nbusy == 1, "a block parses");
	is_str(rq.busy[0].label, "block 2025-08-16 10:40-10:50 call mum", "and keeps its text");
	ok(pick_add_block(&rq, "2025-02-30 10:00-11:00") < 0, "a block on 30 February is refused");
	ok(pick_add_break(&rq, "13:00-12:00") < 0, "a break that ends before it starts is refused");
	is_int(pick_run(&rq, &r), 0, "pick with the block");
	is_int(r.nchosen, 1, "the block keeps t1 out");
	pick_result_release(&r);
	pick_request_release(&rq);
	prefs_release(&p);
}

static void test_plan(const struct schedule *s)
{
	char dir[] = "/tmp/planner-test-XXXXXX", *path, fp1[17], fp2[17];
	struct plan p, q;
	long now;
	FILE *f;

	ok(mkdtemp(dir) != NULL, "a temporary directory");
	path = xasprintf("%s/sub/minicon.plan.json", dir);
	plan_init(&p);
	p.conference = xstrdup("minicon");
	p.fingerprint = xstrdup("0123456789abcdef");
	p.made_at = 1755300000;
	p.travel_minutes = 7;
	strlist_push(&p.args, "--track");
	strlist_push(&p.args, "파이썬 asyncio");
	strlist_push(&p.pinned, "t1");
	plan_add(&p, s, find(s, "t1"));
	plan_add(&p, s, find(s, "k1"));
	plan_add(&p, s, find(s, "k1"));
	is_int(p.nentries, 2, "plan_add keeps no duplicates");
	is_str(p.entries[0].id, "k1", "entries stay in time order");
	is_int(plan_save(&p, path), 0, "plan_save creates the directory and writes");
	plan_init(&q);
	is_int(plan_load(&q, path), 0, "plan_load reads it back");
	ok(q.nentries == 2 && !strcmp(q.entries[1].id, "t1") && q.entries[1].start == find(s, "t1")->start,
	   "entries round-trip with their times");
	ok(q.args.n == 2 && !strcmp(q.args.v[1], "파이썬 asyncio"), "preferences round-trip");
	ok(q.pinned.n == 1 && q.travel_minutes == 7 && q.made_at == 1755300000, "pins, travel, time round-trip");
	is_int(plan_entry_change(&q.entries[1], s, &now), PLAN_SAME, "an unchanged session is the same");
	free(q.entries[1].room);
	q.entries[1].room = xstrdup("Elsewhere");
	is_int(plan_entry_change(&q.entries[1], s, &now), PLAN_ROOM, "another room is told");
	q.entries[1].start -= 60;
	is_int(plan_entry_change(&q.entries[1], s, &now), PLAN_MOVED, "another time is told");
	free(q.entries[1].id);
	q.entries[1].id = xstrdup("gone");
	is_int(plan_entry_change(&q.entries[1], s, &now), PLAN_CANCELLED, "a vanished session is cancelled");
	ok(plan_drop(&q, "t1") == false && plan_drop(&q, "k1") == true && q.nentries == 1,
	   "plan_drop removes only what is there");
	plan_release(&q);

	f = fopen(path, "w");
	fputs("{\"planner_plan\": 1, \"conference\": \"minicon\", \"sessions\": [{\"id\": \"x\"}]}", f);
	fclose(f);
	plan_init(&q);
	ok(plan_load(&q, path) < 0, "a plan entry without times is damage");
	ok(strstr(error_message(), "damaged plan file: session 1 has no id or no valid times") != NULL,
	   "and the message says what is wrong");
	unlink(path);
	is_int(plan_load(&q, path), 1, "no file: no plan yet");
	plan_release(&p);

	schedule_fingerprint(s, fp1);
	schedule_fingerprint(s, fp2);
	is_str(fp1, fp2, "the fingerprint is stable");
	is_int(strlen(fp1), 16, "and 16 hex digits long");
	free(path);
	path = xasprintf("%s/sub", dir);
	rmdir(path);
	rmdir(dir);
	free(path);
}

/* ---- pick with buildings, floors and a cap, against a brute force ---- */

/* A random timetable: 4 rooms with a building ("A", "B" or none) and a floor ("1", "2" or
 * none), up to 11 sessions on two days (some in two rooms at once, some taking no time), some
 * with the keyword, some by the speaker, in English or Korean. */
static char *random_timetable(void)
{
	struct strbuf sb;
	size_t n = rnd(12);

	strbuf_init(&sb);
	random_rooms(&sb, 4);
	for (size_t i = 0; i < n; i++) {
		int day = 1 + (int)rnd(2), start = 9 * 60 + (int)rnd(16) * 5;
		int end = start + (rnd(7) == 0 ? 0 : 5 + (int)rnd(4) * 5), room = (int)rnd(4);
		strbuf_addf(&sb, "%s{\"id\": \"s%zu\", \"title\": \"%s\", \"speakers\": [\"%s\"], "
			    "\"language\": \"%s\", ", i ? ", " : "", i, rnd(2) ? "kw talk" : "talk",
			    rnd(3) ? "sp" : "other", rnd(2) ? "en" : "ko");
		if (rnd(8) == 0)
			strbuf_addf(&sb, "\"room\": [\"r%d\", \"r%d\"], ", room, (room + 1) % 4);
		else
			strbuf_addf(&sb, "\"room\": \"r%d\", ", room);
		strbuf_addf(&sb, "\"start\": \"2025-03-0%dT%02d:%02d\", \"end\": \"2025-03-0%dT%02d:%02d\"}",
			    day, start / 60, start % 60, day, end / 60, end % 60);
	}
	strbuf_adds(&sb, "]}");
	return strbuf_detach(&sb);
}

/* The most points of a plan of r's candidates (as the README's walk and the cap allow), over
 * every subset; -1 when none holds every pin. */
static int64_t brute_force_points(const struct pick_request *rq, const struct pick_result *r)
{
	const struct schedule *s = rq->s;
	int64_t best = -1;

	for (uint32_t mask = 0; mask < (1u << r->ncand); mask++) {
		const struct session *v[16];
		size_t m = 0;
		int64_t pts = 0;
		bool okay = true;

		for (size_t c = 0; c < r->ncand && okay; c++) {
			const struct pick_candidate *x = &r->cand[c];
			if (!(mask >> c & 1)) {
				okay = !x->pinned;
				continue;
			}
			if (x->excluded || (!x->points && !x->pinned))
				okay = false;
			v[m++] = &s->sessions[x->session];
			pts += x->points;
		}
		/* in time order (by end; of equal ends, the timetable's order, which puts a session
		 * that takes time before an instant at its end), then each one reachable from the one
		 * before */
		for (size_t a = 1; a < m && okay; a++)
			for (size_t b = a; b > 0 && v[b]->end < v[b - 1]->end; b--) {
				const struct session *t = v[b];
				v[b] = v[b - 1];
				v[b - 1] = t;
			}
		for (size_t k = 1; k < m && okay; k++)
			okay = v[k - 1]->end + walk(s, v[k - 1], v[k], rq->travel_minutes) <= v[k]->start;
		for (size_t k = 0; k < m && okay && rq->max_per_day; k++) {
			int same = 0;
			for (size_t q = 0; q < m; q++)
				same += v[q]->day == v[k]->day;
			okay = same <= rq->max_per_day;
		}
		if (okay && pts > best)
			best = pts;
	}
	return best;
}

/* pick_settings: what each of pick's preference options does, the same whether typed, read from
 * the config file or replayed from a saved plan. */
static void test_settings(const struct schedule *s)
{
	struct pick_settings st;
	struct pick_request rq;

	pick_settings_init(&st);
	is_int(st.travel_minutes, 5, "settings: travel 5 by default");
	is_int(pick_settings_apply(&st, "track", "asyncio"), 1, "settings: --track applies");
	is_int(st.prefs.values[PREF_TRACK].n, 1, "settings: as a track preference");
	is_int(pick_settings_apply(&st, "weight", "speaker=10"), 1, "settings: --weight applies");
	is_int(st.prefs.weight[PREF_SPEAKER], 1000, "settings: speaker weighs 10 points");
	is_int(pick_settings_apply(&st, "no-keynotes", NULL), 1, "settings: --no-keynotes applies");
	ok(!st.prefs.keynotes, "settings: no keynote bonus");
	is_int(pick_settings_apply(&st, "fill", NULL), 1, "settings: --fill applies");
	is_int(pick_settings_apply(&st, "travel", "12"), 1, "settings: --travel applies");
	is_int(pick_settings_apply(&st, "max-per-day", "3"), 1, "settings: --max-per-day applies");
	is_int(pick_settings_apply(&st, "break", "12:00-13:00"), 1, "settings: --break applies");
	is_int(pick_settings_apply(&st, "travel", "601"), -1, "settings: --travel 601 is refused");
	is_str(error_message(), "--travel '601': expected a whole number from 0 to 600",
	       "settings: saying what is expected");
	is_int(error_status(), EX_USAGE, "settings: a usage error");
	error_clear();
	is_int(pick_settings_apply(&st, "level", "최고"), -1, "settings: an unknown level is refused");
	error_clear();
	is_int(pick_settings_apply(&st, "must", "k1"), 0, "settings: --must is no preference");
	is_int(pick_settings_apply(&st, "day", "1"), 0, "settings: nor --day");
	is_int(st.travel_minutes, 12, "settings: a refused value changes nothing");
	pick_request_init(&rq, s, &st.prefs);
	is_int(pick_settings_request(&st, &rq), 0, "settings: into a request");
	ok(rq.travel_minutes == 12 && rq.max_per_day == 3 && rq.fill,
	   "settings: travel, cap and --fill reach the request");
	is_int(rq.nbusy, s->ndays, "settings: the break, on every day");
	pick_request_release(&rq);
	is_int(pick_settings_apply(&st, "block", "2025-08-16 25:00-26:00 x"), 1,
	       "settings: a --block is kept as given");
	pick_request_init(&rq, s, &st.prefs);
	is_int(pick_settings_request(&st, &rq), -1, "settings: and checked by the request");
	error_clear();
	pick_request_release(&rq);
	pick_settings_release(&st);
}

static void test_pick_floors_brute_force(void)
{
	int runs = 600, agree = 0, capped = 0, floors = 0, walked = 0;

	rng_state = 4242;
	for (int round = 0; round < runs; round++) {
		char *json = random_timetable();
		struct schedule s;
		struct prefs p;
		struct pick_request rq;
		struct pick_result r;
		int64_t best;
		int ret;

		schedule_init(&s);
		if (schedule_load_buffer(&s, json, strlen(json), "random.json", NULL) < 0) {
			printf("# %s\n", error_message());
			free(json);
			continue;
		}
		for (size_t k = 0; k < s.nrooms; k++)
			floors += s.rooms[k].floor || s.rooms[k].building;
		random_walks(&s, (int)s.nrooms);
		walked += schedule_has_walks(&s);
		prefs_init(&p);
		prefs_add(&p, PREF_KEYWORD, "kw");
		prefs_add(&p, PREF_SPEAKER, "sp");
		prefs_add(&p, PREF_LANG, "en");
		prefs_resolve(&p, &s, NULL);
		pick_request_init(&rq, &s, &p);
		rq.travel_minutes = 5 * (int)rnd(3);
		rq.max_per_day = rnd(4) == 0 ? 0 : 1 + (int)rnd(3);
		capped += rq.max_per_day > 0;
		if (s.nsessions && rnd(6) == 0)
			strlist_push(&rq.must, s.sessions[rnd((uint32_t)s.nsessions)].id);
		ret = pick_run(&rq, &r);
		if (ret == 0) {
			best = brute_force_points(&rq, &r);
			agree += best == r.total_points;
			if (best != r.total_points)
				printf("# round %d: pick %lld points, brute force %lld\n# %s\n", round,
				       (long long)r.total_points, (long long)best, json);
			pick_result_release(&r);
		} else {
			/* only pins can make it fail: then no plan holds them */
			struct pick_request any = rq;
			struct pick_result all;
			memset(&any.must, 0, sizeof any.must);
			pick_run(&any, &all);
			for (size_t c = 0; c < all.ncand; c++) {
				long k = strlist_find(&rq.must, s.sessions[all.cand[c].session].id);
				all.cand[c].pinned = k >= 0;
			}
			agree += brute_force_points(&rq, &all) < 0;
			pick_result_release(&all);
		}
		pick_request_release(&rq);
		prefs_release(&p);
		schedule_release(&s);
		free(json);
	}
	ok(capped > runs / 2 && floors > runs, "pick, floors and caps: %d timetables, %d capped", runs,
	   capped);
	is_int(agree, runs, "pick, floors and caps: the most points a brute force finds");
	ok(walked > runs / 5, "pick, floors and caps: %d of them with walks set", walked);
}

/* The failed track's index, for the command layer to name where it came from. */
static void test_resolve_failed(const struct schedule *s)
{
	struct prefs p;
	size_t failed = 99;

	prefs_init(&p);
	prefs_add(&p, PREF_TRACK, "asyncio");
	prefs_add(&p, PREF_TRACK, "ZZZQQQ");
	is_int(prefs_resolve(&p, s, &failed), -1, "resolve: a track that matches nothing fails");
	is_int(failed, 1, "resolve: and says which value it was");
	error_clear();
	prefs_release(&p);
}

/* Typed preferences, the defaults the command line overrides, and what is recorded. */
static void test_args(void)
{
	struct pick_args a;

	pick_args_init(&a);
	is_int(pick_args_typed(&a, "track", "asyncio"), 1, "args: a typed --track applies");
	is_int(pick_args_typed(&a, "weight", "speaker=10"), 1, "args: a typed --weight applies");
	is_int(pick_args_typed(&a, "must", "t1"), 0, "args: --must is no preference");
	ok(pick_args_given(&a, "track", NULL), "args: --track was given");
	ok(!pick_args_given(&a, "tag", NULL), "args: --tag was not");
	ok(pick_args_given(&a, "weight", "speaker=3"), "args: --weight speaker was given");
	ok(!pick_args_given(&a, "weight", "track=3"), "args: --weight track was not");
	is_int(pick_args_default(&a, "track", "web"), 0, "args: a default --track is overridden");
	is_int(pick_args_default(&a, "weight", "speaker=3"), 0, "args: so is a default of a typed weight kind");
	is_int(pick_args_default(&a, "weight", "track=7"), 1, "args: a default weight of another kind applies");
	is_int(pick_args_default(&a, "travel", "9"), 1, "args: a default --travel applies");
	is_int(a.set.prefs.values[PREF_TRACK].n, 1, "args: one track, the typed one");
	is_int(a.set.prefs.weight[PREF_SPEAKER], 1000, "args: the typed speaker weight stays");
	is_int(a.set.prefs.weight[PREF_TRACK], 700, "args: the default track weight applies");
	is_int(a.set.travel_minutes, 9, "args: and the default travel");
	ok(!pick_args_given(&a, "travel", NULL), "args: a default is not typed");
	{
		static const char *const want[] = { "--track", "asyncio", "--weight", "speaker=10",
						    "--weight", "track=7", "--travel", "9" };
		bool same = a.args.n == 8;

		for (size_t i = 0; same && i < 8; i++)
			same = !strcmp(a.args.v[i], want[i]);
		ok(same, "args: recorded typed first, then the defaults applied");
		is_int(a.typed, 4, "args: the first four typed");
	}
	is_int(pick_args_default(&a, "max-per-day", "x"), -1, "args: a bad default is refused");
	is_str(error_message(), "--max-per-day 'x': expected a whole number from 0 to 1000",
	       "args: saying what is expected");
	error_clear();
	pick_args_release(&a);
}

/* The plan a pick leaves: with --day only that day's sessions are replaced. */
static void test_plan_update(const struct schedule *s)
{
	struct prefs p;
	struct pick_request rq;
	struct pick_result r;
	struct plan plan;
	struct strlist args;

	plan_init(&plan);
	strlist_init(&args);
	strlist_push(&args, "--track");
	strlist_push(&args, "asyncio");
	strlist_push(&plan.args, "--fill");
	plan_add(&plan, s, find(s, "t2"));
	strlist_push(&plan.pinned, "old");
	prefs_init(&p);
	prefs_add(&p, PREF_TRACK, "asyncio");
	prefs_resolve(&p, s, NULL);
	pick_request_init(&rq, s, &p);
	strlist_push(&rq.avoid, "t3");
	rq.travel_minutes = 7;
	pick_result_init(&r);
	is_int(pick_run(&rq, &r), 0, "update: a pick");
	pick_plan_update(&plan, &rq, &r, NULL, 1700000000);
	is_int(plan.nentries, r.nchosen, "update: the plan holds what was chosen");
	ok(plan_find(&plan, "t1") >= 0 && plan_find(&plan, "t2") < 0,
	   "update: the old plan's sessions of the planned days are replaced");
	ok(plan.args.n == 1 && !strcmp(plan.args.v[0], "--fill"),
	   "update: replayed preferences (args NULL) stay as they were");
	ok(plan.pinned.n == 0 && plan.avoided.n == 1 && !strcmp(plan.avoided.v[0], "t3"),
	   "update: pins and avoided sessions are the request's");
	is_int(plan.travel_minutes, 7, "update: with the request's travel time");
	is_int(plan.made_at, 1700000000, "update: stamped");
	pick_plan_update(&plan, &rq, &r, &args, 1700000001);
	ok(plan.args.n == 2 && !strcmp(plan.args.v[1], "asyncio"), "update: new preferences are saved");
	pick_result_release(&r);
	pick_request_release(&rq);
	prefs_release(&p);
	plan_release(&plan);
	strlist_release(&args);
}

/* The saved preferences replayed through pick's option table (the command layer's). */
static void test_replay(void)
{
	struct plan plan;
	struct pick_settings st;

	plan_init(&plan);
	pick_settings_init(&st);
	strlist_push(&plan.args, "--track");
	strlist_push(&plan.args, "asyncio");
	strlist_push(&plan.args, "--fill");
	strlist_push(&plan.args, "--travel");
	strlist_push(&plan.args, "12");
	is_int(cmd_replay_saved(&plan, "p.json", &st), 0, "replay: saved preferences");
	ok(st.prefs.values[PREF_TRACK].n == 1 && st.fill && st.travel_minutes == 12,
	   "replay: each applied");
	pick_settings_release(&st);

	pick_settings_init(&st);
	strlist_push(&plan.args, "--must");
	strlist_push(&plan.args, "t1");
	is_int(cmd_replay_saved(&plan, "p.json", &st), -1, "replay: --must is refused");
	is_str(error_message(), "p.json: damaged plan file: its preferences hold an option that is "
	       "not a preference '--must' (run 'planner pick' with your preferences to make a new "
	       "plan; the file is left as it is)", "replay: saying which");
	is_int(error_status(), EX_DATAERR, "replay: a data error");
	pick_settings_release(&st);
	strlist_release(&plan.args);

	pick_settings_init(&st);
	strlist_push(&plan.args, "--colour");
	ok(cmd_replay_saved(&plan, "p.json", &st) < 0 && strstr(error_message(), "unknown option '--colour'"),
	   "replay: an unknown option is refused");
	pick_settings_release(&st);
	strlist_release(&plan.args);

	pick_settings_init(&st);
	strlist_push(&plan.args, "--track");
	ok(cmd_replay_saved(&plan, "p.json", &st) < 0 &&
	   strstr(error_message(), "end without the value of '--track'"),
	   "replay: a missing value is refused");
	pick_settings_release(&st);
	pick_settings_init(&st);
	strlist_release(&plan.args);
	strlist_push(&plan.args, "--travel");
	strlist_push(&plan.args, "601");
	ok(cmd_replay_saved(&plan, "p.json", &st) < 0 && error_status() == EX_USAGE,
	   "replay: a bad value is the option's error");
	error_clear();
	pick_settings_release(&st);
	plan_release(&plan);
}

int main(void)
{
	struct schedule s;

	schedule_init(&s);
	if (schedule_load_file(&s, "tests/data/mini.json", NULL) < 0) {
		printf("Bail out! %s\n", error_message());
		return 1;
	}
	test_prefs(&s);
	test_pick(&s);
	test_plan(&s);
	test_settings(&s);
	test_resolve_failed(&s);
	test_args();
	test_plan_update(&s);
	test_replay();
	schedule_release(&s);
	test_pick_floors_brute_force();
	return done_testing();
}
