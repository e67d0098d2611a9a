/* cmd_push.c: `planner push` — the saved plan into a CalDAV calendar (a phone subscribed to it
 * follows): one event a planned session, with export's UIDs and SEQUENCE numbers; events of
 * sessions that left the plan or were cancelled are deleted.  caldav.h does the talking. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caldav.h"
#include "cli.h"
#include "command.h"
#include "config.h"
#include "export.h"
#include "fetch.h"
#include "fsutil.h"
#include "ics.h"
#include "pick.h"
#include "plan.h"
#include "schedule.h"
#include "text.h"
#include "util.h"

/* Exit status when some events were changed on the server (and not overwritten) or refused. */
#define EXIT_PARTIAL 1
#define PASSWORD_MAX 4096
#define PROGRESS_MIN_EVENTS 10

static const struct cmd_option opt_url = {
	"caldav-url", 0, "URL", "the calendar, or the CalDAV server to find it on (also given\n"
	"as the argument)", COMPLETE_NONE, OPT_CONFIG, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_user = {
	"caldav-user", 0, "NAME", "the user name; without it, ~/.netrc's for the host",
	COMPLETE_NONE, OPT_CONFIG, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_pwcmd = {
	"caldav-password-command", 0, "COMMAND", "a shell command whose first line of output is\n"
	"the password (e.g. 'pass show caldav'); without it, ~/.netrc's", COMPLETE_NONE, OPT_CONFIG,
	VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_calendar = {
	"calendar", 0, "NAME", "on a server with several calendars, the one with this name", COMPLETE_NONE,
	0, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_create = {
	"create", 0, NULL, "make the calendar when it does not exist; on a server without\n"
	"--calendar, one named after the conference", COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_force = {
	"force", 0, NULL, "overwrite (and delete) events changed on the server since the last\n"
	"push", COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_alarm = {
	"alarm", 0, "TIME", "a reminder TIME before each session, as export's", COMPLETE_NONE,
	OPT_CONFIG, VALUE_ALARM, 0, NULL };

/* ---- the password ---- */

/* Runs `command` with /bin/sh -c; its first output line is the password (*out, caller wipes
 * and frees).  0, or -1 with error() set. */
static int run_password_command(const char *command, char **out)
{
	int fd[2], status;
	pid_t pid;
	char *buf = xmalloc(PASSWORD_MAX + 1), *nl;
	size_t len = 0;
	bool over = false;

	*out = NULL;
	fflush(NULL);
	if (pipe(fd) < 0) {
		free(buf);
		return error(EX_OSERR, "caldav-password-command: cannot make a pipe");
	}
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		free(buf);
		return error(EX_OSERR, "caldav-password-command: cannot start it");
	}
	if (pid == 0) {
		close(fd[0]);
		if (dup2(fd[1], STDOUT_FILENO) < 0)
			_exit(127);
		close(fd[1]);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	for (;;) {
		char tmp[512];
		ssize_t n = read(fd[0], tmp, sizeof(tmp));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n; i++) {
			if (len < PASSWORD_MAX)
				buf[len++] = tmp[i];
			else
				over = true;
		}
		explicit_bzero(tmp, sizeof(tmp));
	}
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			break;
	buf[len] = '\0';
	nl = memchr(buf, '\n', len);
	if (nl)
		*nl = '\0';
	if (nl && nl > buf && nl[-1] == '\r')
		nl[-1] = '\0';
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		explicit_bzero(buf, PASSWORD_MAX + 1);
		free(buf);
		if (WIFEXITED(status))
			return error(EX_NOPERM, "caldav-password-command failed (exit %d)",
				     WEXITSTATUS(status));
		return error(EX_NOPERM, "caldav-password-command failed (killed by signal %d)",
			     WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	}
	if (!*buf || (over && !nl)) {
		explicit_bzero(buf, PASSWORD_MAX + 1);
		free(buf);
		return error(EX_NOPERM, "caldav-password-command printed %s", over ? "a line over "
			     "4096 bytes" : "no password");
	}
	*out = buf;
	return 0;
}

/* ---- progress ---- */

struct progress {
	bool shown;
};

/* "planner: pushing [=====     ]  45%  12 of 27 events" on stderr. */
static void draw_progress(void *data, size_t done, size_t total)
{
	struct progress *p = data;
	char bar[21];
	int pct = total ? (int)(done * 100 / total) : 100;

	if (total < PROGRESS_MIN_EVENTS)
		return;
	for (int i = 0; i < 20; i++)
		bar[i] = i < pct / 5 ? '=' : ' ';
	bar[20] = '\0';
	p->shown = true;
	fprintf(stderr, "\rplanner: pushing [%s] %3d%%  %zu of %zu events\033[K", bar, pct, done, total);
	fflush(stderr);
}

static void clear_progress(struct progress *p)
{
	if (p->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
}

/* ---- the command ---- */

static int check(struct cmd_ctx *ctx)
{
	const char *alarm = cmd_arg(ctx, &opt_alarm), *cacert;
	int seconds;

	if (alarm && ics_alarm_parse(alarm, &seconds) < 0)
		return -1;
	if (ctx->noperands && cmd_arg(ctx, &opt_url))
		return cmd_usage_error(ctx, "unexpected argument '%s'", ctx->operands[0]);
	return cli_cacert(ctx, &cacert);
}

int cli_push(const struct schedule *s, const struct plan *p, const char *plan_path,
	     const struct cli_push_opts *po_in, struct caldav_report *rep, size_t *nevents)
{
	const struct config *cf = cli_config();
	struct ics_options o;
	struct ics_state st;
	struct ics_event *ev = NULL;
	struct caldav_item *items = NULL;
	struct caldav_push_opts po;
	struct progress prog = { false };
	const char *url, *user, *pwcmd;
	char *password = NULL, *ics_path = NULL, *state_dir = NULL, *shown = NULL, *key = NULL;
	char **texts = NULL, **uids = NULL;
	size_t n = 0, cancelled = 0, nitems = 0;
	int ret = -1, lock = -1;

	caldav_report_init(rep);
	*nevents = 0;
	ics_state_init(&st);
	if (!cf)
		return -1;
	url = po_in->url ? po_in->url : cf->caldav_url;
	user = po_in->user ? po_in->user : cf->caldav_user;
	pwcmd = po_in->password_command ? po_in->password_command : cf->caldav_password_command;
	if (!url)
		return error(EX_USAGE, "push: no calendar: give its URL ('planner push URL') or set "
			     "caldav-url in %s", cf->path ? cf->path : "the config file");
	shown = redact_credentials(url);
	if (strcmp(shown, url)) {
		error(EX_USAGE, "push %s: no user name or password in the URL: set caldav-user and "
		      "caldav-password-command, or use ~/.netrc", shown);
		goto out;
	}
	if (!fetch_is_url(url) || (strncasecmp(url, "http://", 7) && strncasecmp(url, "https://", 8))) {
		error(EX_USAGE, "push '%s': not an http or https URL", text_inert(url));
		goto out;
	}

	/* the events: export's, one object each */
	{
		struct pick_settings saved;
		int r;

		/* an empty plan is pushed too: it empties the calendar of the plan's events */
		if (plan_require(p, s->conf.name, "") < 0)
			goto out;
		if (p->nentries) {
			cli_saved_settings(p, plan_path, &saved);
			r = export_select_plan(s, p, &saved, &ev, &n, &cancelled);
			pick_settings_release(&saved);
			if (r < 0)
				goto out;
		}
	}
	ics_options_init(&o);
	if (po_in->alarm)
		ics_alarm_parse(po_in->alarm, &o.alarm);
	else if (cf->alarm_set)
		o.alarm = cf->alarm_seconds;
	ics_path = ics_state_path(s->conf.id, po_in->member);
	if (ics_path && (lock = ics_state_lock(ics_path)) < 0)
		goto out;
	if (ics_path && ics_state_load(&st, ics_path) < 0) {
		warning("%s; starting it again", error_message());
		error_clear();
		st.dirty = true;
	}
	items = xcalloc(n ? n : 1, sizeof(*items));
	texts = xcalloc(n ? n : 1, sizeof(*texts));
	uids = xcalloc(n ? n : 1, sizeof(*uids));
	for (size_t i = 0; i < n; i++) {
		struct caldav_item *it = &items[nitems];
		const char *id;

		if (ev[i].cancelled || !ev[i].se)
			continue;	/* deleted from the calendar */
		id = ev[i].se->id;
		if (ics_object(s, &ev[i], &o, ics_path ? &st : NULL, &texts[nitems], &it->len,
			       &it->hash) < 0)
			goto out;
		uids[nitems] = ics_uid(s->conf.id, id);
		it->id = id;
		it->uid = uids[nitems];
		it->title = ev[i].se->title;
		it->text = texts[nitems];
		nitems++;
	}
	*nevents = nitems;
	if (ics_path && st.dirty && ics_state_save(&st, ics_path) < 0) {
		warning("%s; the next export may not tell calendars what changed", error_message());
		error_clear();
	}
	lock_release(lock);
	lock = -1;
	flush_warnings();

	/* the credentials: asked for only now, when there is something to push */
	if (pwcmd && run_password_command(pwcmd, &password) < 0)
		goto out;
	if (password && !strncasecmp(url, "http://", 7)) {
		const char *h = url + 7;
		size_t hl = strcspn(h, "/?#");

		if (!((hl >= 9 && !strncmp(h, "localhost", 9) && (hl == 9 || h[9] == ':')) ||
		      !strncmp(h, "127.", 4) || !strncmp(h, "[::1]", 5))) {
			warning("push %s: the password goes over plain http, unencrypted; use https",
				shown);
			flush_warnings();
		}
	}
	state_dir = caldav_state_dir();
	if (!state_dir)
		goto out;

	memset(&po, 0, sizeof(po));
	po.url = url;
	po.calendar = po_in->calendar;
	po.new_name = s->conf.id;
	po.user = user;
	po.password = password;
	po.cacert = po_in->cacert;
	po.create = po_in->create;
	po.force = po_in->force;
	po.state_dir = state_dir;
	/* a member's events are another set on the same calendar: their own state */
	po.key = po_in->member ? (key = xasprintf("%s.%s", s->conf.id, po_in->member)) : s->conf.id;
	if (po_in->progress && isatty(STDERR_FILENO)) {
		po.progress = draw_progress;
		po.progress_data = &prog;
	}
	ret = caldav_push(&po, items, nitems, rep);
	clear_progress(&prog);
out:
	if (password) {
		explicit_bzero(password, strlen(password));
		free(password);
	}
	for (size_t i = 0; i < nitems; i++) {
		free(texts[i]);
		free(uids[i]);
	}
	free(texts);
	free(uids);
	free(items);
	free(ev);
	free(ics_path);
	free(key);
	free(state_dir);
	free(shown);
	lock_release(lock);
	ics_state_release(&st);
	return ret;
}

void cli_push_report(FILE *f, const char *prefix, const struct caldav_report *rep, size_t nevents)
{
	char *shown = redact_credentials(rep->calendar ? rep->calendar : "");

	if (rep->made)
		fprintf(f, "%smade the calendar %s\n", prefix, shown);
	if (rep->up_to_date)
		fprintf(f, "%s%s: calendar is up to date (%zu event%s)\n", prefix, shown, nevents,
			nevents == 1 ? "" : "s");
	else
		fprintf(f, "%spushed to %s: %zu new, %zu changed, %zu deleted, %zu unchanged\n", prefix,
			shown, rep->created, rep->updated, rep->deleted, rep->unchanged);
	for (size_t i = 0; i < rep->nconflicts; i++)
		fprintf(f, "%s'%s' was changed on the server since the last push: left as it is "
			"(--force overwrites it)\n", prefix, rep->conflicts[i]);
	for (size_t i = 0; i < rep->nfailures; i++)
		fprintf(f, "%s%s\n", prefix, rep->failures[i]);
	free(shown);
}

static int exec(struct cmd_ctx *ctx)
{
	struct cli_push_opts o;
	struct caldav_report rep;
	size_t nevents = 0, done;
	int ret;

	memset(&o, 0, sizeof(o));
	o.url = ctx->noperands ? ctx->operands[0] : cmd_arg(ctx, &opt_url);
	o.user = cmd_arg(ctx, &opt_user);
	o.password_command = cmd_arg(ctx, &opt_pwcmd);
	o.calendar = cmd_arg(ctx, &opt_calendar);
	if (cli_cacert(ctx, &o.cacert) < 0)
		return -1;
	o.alarm = cmd_arg(ctx, &opt_alarm);
	o.create = cmd_flag(ctx, &opt_create);
	o.force = cmd_flag(ctx, &opt_force);
	o.member = cmd_arg(ctx, &opt_member);
	o.progress = true;
	ret = cli_push(&ctx->s, &ctx->plan, ctx->plan_path, &o, &rep, &nevents);
	done = rep.created + rep.updated + rep.deleted;
	if (ret < 0 && done) {
		ret = report_error();
		fprintf(stderr, "planner: %zu event%s pushed before that; 'planner push' again finishes "
			"the job\n", done, done == 1 ? "" : "s");
	} else if (ret == 0) {
		cli_push_report(stderr, "planner: ", &rep, nevents);
		ret = rep.nconflicts || rep.nfailures ? EXIT_PARTIAL : 0;
	}
	caldav_report_release(&rep);
	return ret;
}

static const struct cmd_option *const options[] = {
	&opt_url, &opt_user, &opt_pwcmd, &opt_calendar, &opt_create, &opt_force, &opt_cacert,
	&opt_alarm, &opt_member, NULL,
};

const struct cmd_entry cmd_push = {
	.name = "push",
	.summary = "put your plan into a CalDAV calendar (your phone follows)",
	.description =
		"Puts your saved plan into a CalDAV calendar (Nextcloud, Radicale, Baikal, Fastmail,\n"
		"iCloud ...), one event a session, and keeps it in step: a session that changed is\n"
		"updated, one that left the plan or was cancelled is deleted.  A phone that syncs the\n"
		"calendar (DAVx5, iOS) follows.  URL is the calendar, or the server to find it on.  An\n"
		"event changed on the server since the last push is left as it is and named (exit 1)\n"
		"unless --force.  With nothing to do, one request checks the calendar.\n",
	.options = options,
	.operands = { "URL", 0, 1, COMPLETE_NONE, NULL },
	.flags = CMD_TIMETABLE | CMD_PLAN,
	.check = check,
	.exec = exec,
};
