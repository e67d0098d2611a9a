/* missed.c: the sessions you wanted and did not see, best first, with why each was wanted, why
 * it was missed and its video links (missed.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "missed.h"
#include "pick.h"
#include "plan.h"
#include "prefs.h"
#include "text.h"
#include "util.h"

/* Sites that publish conference videos, by host (a "www." or "m." before it is ignored). */
static const char *const media_hosts[] = {
	"media.ccc.de", "youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com",
	"player.vimeo.com", "archive.org", "tv.naver.com", "tv.kakao.com", NULL,
};
/* Words of a link's title that say it is a video (matched case-folded, anywhere). */
static const char *const video_words[] = {
	"recording", "video", "aufzeichnung", "mitschnitt", "enregistrement", "vidéo", "영상",
	"녹화", NULL,
};

static bool host_is_media(const char *url)
{
	const char *h = strstr(url, "://"), *end;
	size_t n;

	if (!h)
		return false;
	h += 3;
	end = h + strcspn(h, "/:?#");
	if (memchr(h, '@', (size_t)(end - h)))	/* user@host */
		h = (const char *)memchr(h, '@', (size_t)(end - h)) + 1;
	if (end - h > 4 && !strncasecmp(h, "www.", 4))
		h += 4;
	else if (end - h > 2 && !strncasecmp(h, "m.", 2))
		h += 2;
	n = (size_t)(end - h);
	for (size_t i = 0; media_hosts[i]; i++)
		if (strlen(media_hosts[i]) == n && !strncasecmp(h, media_hosts[i], n))
			return true;
	return false;
}

bool missed_link_is_video(const char *title, const char *url)
{
	bool found = false;
	char *folded;

	if (url && host_is_media(url))
		return true;
	if (!title || !*title)
		return false;
	folded = text_fold(title);
	for (size_t i = 0; video_words[i] && !found; i++) {
		char *w = text_fold(video_words[i]);
		found = strstr(folded, w) != NULL;
		free(w);
	}
	free(folded);
	return found;
}

static bool overlaps(const struct session *a, const struct session *b)
{
	return a->start < b->end && b->start < a->end;
}

/* Why session x (not planned, not dropped) was missed, into m: the planned sessions
 * planned[0..np) (in time order) and the request's busy times and cap. */
static void find_reason(const struct pick_request *rq, const struct session *x,
			const struct session *const *planned, size_t np, struct missed *m)
{
	const struct schedule *s = rq->s;
	size_t on_day = 0;
	long busy;

	for (size_t k = 0; k < np; k++)
		if (overlaps(x, planned[k])) {
			m->reason = MISSED_OVERLAP;
			m->with = planned[k] - s->sessions;
			return;
		}
	for (size_t k = 0; k < np; k++) {
		const struct session *y = planned[k];
		int to, from;

		if (y->day != x->day)
			continue;
		to = pick_travel(rq, x, y);
		from = pick_travel(rq, y, x);
		if (x->end <= y->start && x->end + to > y->start) {
			m->reason = MISSED_WALK;
			m->with = y - s->sessions;
			m->walk_minutes = to / 60;
			m->walk_to = true;
			return;
		}
		if (y->end <= x->start && y->end + from > x->start) {
			m->reason = MISSED_WALK;
			m->with = y - s->sessions;
			m->walk_minutes = from / 60;
			m->walk_to = false;
			return;
		}
	}
	if ((busy = pick_busy_at(rq, x)) >= 0) {
		m->reason = MISSED_BUSY;
		m->busy = rq->busy[busy].label;
		return;
	}
	for (size_t k = 0; k < np; k++)
		on_day += planned[k]->day == x->day;
	m->reason = rq->max_per_day > 0 && on_day >= (size_t)rq->max_per_day ? MISSED_CAP : MISSED_FREE;
	m->day_empty = !on_day;
}

static int cmp_missed(const void *a, const void *b)
{
	const struct missed *x = a, *y = b;

	if (x->points != y->points)
		return x->points > y->points ? -1 : 1;
	/* the timetable is in time order: its order is the start's, then the room's */
	return x->session < y->session ? -1 : x->session > y->session;
}

void missed_find(const struct missed_request *mr, struct missed **out, size_t *nout)
{
	const struct pick_request *rq = mr->rq;
	const struct schedule *s = rq->s;
	const struct plan *p = mr->plan;
	size_t np, n = 0, alloc = 0;
	const struct session **planned = plan_sessions(p, s, &np);
	struct missed *v = NULL;

	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		struct missed m;
		struct strbuf why;
		bool dropped;

		if (!se->has_time || se->type == SESSION_BREAK || se->end > mr->until ||
		    (mr->day >= 0 && se->day != mr->day) || plan_find(p, se->id) >= 0 ||
		    strlist_find(&p->avoided, se->id) >= 0)
			continue;
		memset(&m, 0, sizeof(m));
		m.session = i;
		m.with = -1;
		if (strlist_find(&p->pinned, se->id) >= 0 ||
		    (mr->once_pinned && strlist_find(mr->once_pinned, se->id) >= 0))
			m.hand |= MISSED_PINNED;
		if (strlist_find(&p->added, se->id) >= 0 ||
		    (mr->once_added && strlist_find(mr->once_added, se->id) >= 0))
			m.hand |= MISSED_ADDED;
		dropped = strlist_find(&p->dropped, se->id) >= 0;
		strbuf_init(&why);
		m.points = prefs_score(rq->prefs, se, &why);
		if (m.points <= 0 && !m.hand && !dropped) {
			strbuf_release(&why);
			continue;
		}
		m.why = why.buf ? strbuf_detach(&why) : xstrdup("");
		strbuf_release(&why);
		if (dropped) {
			/* and what took its time, when something did (planner here) */
			m.reason = MISSED_DROPPED;
			for (size_t k = 0; k < np && m.with < 0; k++)
				if (overlaps(se, planned[k]))
					m.with = planned[k] - s->sessions;
		} else {
			find_reason(rq, se, planned, np, &m);
		}
		for (size_t k = 0; k < se->link_urls.n; k++)
			if (missed_link_is_video(se->link_titles.v[k], se->link_urls.v[k])) {
				m.videos = xrealloc(m.videos, (m.nvideos + 1) * sizeof(size_t));
				m.videos[m.nvideos++] = k;
			}
		v = xgrow(v, n + 1, &alloc, sizeof(*v));
		v[n++] = m;
	}
	free(planned);
	if (n)
		qsort(v, n, sizeof(*v), cmp_missed);
	*out = v ? v : xcalloc(1, sizeof(*v));
	*nout = n;
}

void missed_free(struct missed *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].why);
		free(v[i].videos);
	}
	free(v);
}
