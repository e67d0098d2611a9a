/* fuzz_share.c: the libFuzzer harness of the reader of shared plans (share_parse and
 * share_match, src/plan/share.c: a list of ids, a plan file or an .ics of starred talks, matched
 * to a small timetable), built into build/fuzz/fuzz_share by `make fuzz`.  Whatever the bytes,
 * share_parse must return 0 or -1 and matching must stay within the timetable — never crash,
 * hang, leak or read out of bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "schedule.h"
#include "share.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char timetable[] =
	"{\"planner_format\": 1, \"conference\": {\"id\": \"fuzzcon\", \"name\": \"FuzzCon\", "
	"\"timezone\": \"Asia/Seoul\"}, \"rooms\": [{\"id\": \"a\", \"name\": \"Hall A\"}], "
	"\"sessions\": [{\"id\": \"ABC123\", \"title\": \"Talk\", \"room\": \"a\", "
	"\"url\": \"https://x.example/talk/ABC123/\", \"start\": \"2025-05-01T10:00\", "
	"\"end\": \"2025-05-01T10:30\"}, {\"id\": \"Q9\", \"title\": \"Break\", \"room\": \"a\", "
	"\"start\": \"2025-05-01T11:00\", \"end\": \"2025-05-01T11:15\"}, "
	"{\"id\": \"U1\", \"title\": \"Someday\"}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct schedule s;
	static int loaded;
	struct share_list l;
	char *buf = malloc(size ? size : 1);	/* a private copy: ASan sees reads past it */

	if (!buf)
		return 0;
	if (!loaded) {
		schedule_init(&s);
		if (schedule_load_buffer(&s, timetable, strlen(timetable), "fuzzcon.json", NULL) < 0)
			abort();
		loaded = 1;
	}
	memcpy(buf, data, size);
	share_list_init(&l);
	if (share_parse(&l, buf, size, "fuzz", "Asia/Seoul") == 0) {
		struct share_match *m = xcalloc(l.n + 1, sizeof(*m));

		share_match(&l, &s, m);
		for (size_t i = 0; i < l.n; i++)
			if (m[i].session >= (long)s.nsessions || m[i].near >= (long)s.nsessions)
				abort();
		free(m);
	}
	share_list_release(&l);
	free(buf);
	error_clear();
	warnings_clear();
	return 0;
}
