/* snapshot.h: the schedule model as a compact binary file, read back without parsing the feed.
 *
 * A fetched timetable is parsed once; later commands read its snapshot, which is much cheaper
 * than the original JSON or .ics.  The file is versioned and checked, so a snapshot that is
 * corrupt (truncated, a flipped byte), from another format version or another planner version,
 * or built from other feed bytes is refused and the caller rebuilds it from the feed.
 *
 * Layout (integers little-endian):
 *     header  "PLNRSNAP", u32 format version, u32 header size (80), char[16] planner version,
 *             u64 payload size, u64 payload checksum (hash_checksum), the feed stamp
 *             (3 x u64), u64 checksum of the header bytes before it (hash_bytes)
 *     payload u32 text size, then the text: each distinct string once, with its NUL (read in
 *             place: a command touches a string only when it uses it); then the conference,
 *             rooms, days and sessions, strings given as u32 references into the text (0 for
 *             none, the string's offset + 1)
 * After the sessions, their indexes in id order (u32 each, for schedule_find_session), then
 * the conference zone's UTC offset at every distinct session start and end
 * and day start (u32 count, then i64 instant + i32 offset each), computed when the snapshot is
 * written and handed to tz_remember() when it is read: a warm command expands no zone rules;
 * last, the timetable's schedule_fingerprint() (16 hex digits).
 * Rooms and sessions also carry the text_fold() form of the text filters, preferences and
 * search compare (struct session_fold; a room's id and name): folded once, when the snapshot is
 * written, not by every command that reads it.
 * Sessions are stored in the model's order with their day index and scheduled flag, so a read
 * needs no sorting and no time zone arithmetic.
 */
#ifndef PLANNER_SNAPSHOT_H
#define PLANNER_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct schedule;

#define SNAPSHOT_MAGIC "PLNRSNAP"
#define SNAPSHOT_VERSION 7u /* 2: session ids in NFC; 3: folded text, the zone's offsets;
			     * 4: days end (conference days a feed declares);
			     * 5: do_not_record; 6: links;
			     * 7: strings referred to by offset, not by a table;
			     * the payload's checksum hash_checksum */
#define SNAPSHOT_HEADER_SIZE 80u

/* What the snapshot was built from: the raw feed file's size, modification time (ns) and
 * inode.  A snapshot is stale when the feed on disk no longer has this stamp. */
struct snapshot_stamp {
	uint64_t size, mtime_ns, inode;
};

/* Encodes s (a finished schedule) with the feed stamp.  *out is malloc()ed; caller frees.
 * 0, or -1 with error() set when its text passes what the format reaches (4 GB). */
int snapshot_encode(const struct schedule *s, const struct snapshot_stamp *stamp, char **out,
		    size_t *len);

/* Decodes buf[0..len) into s, which must be freshly initialized.  When `expect` is not NULL
 * the stored stamp must equal it.  Returns 0, or -1 with error() set (EX_DATAERR) saying why:
 * "not a planner snapshot", "snapshot format N (this planner reads 1)", "snapshot made by
 * planner X", "snapshot of other feed bytes", "snapshot truncated", "snapshot checksum
 * mismatch", "snapshot damaged: ..."; on failure s is released. */
int snapshot_decode(const char *buf, size_t len, const struct snapshot_stamp *expect,
		    struct schedule *s);
/* The same, reading buf in place: malloc()ed, or mapped with mmap when `mapped` (it may be
 * mapped read-only: the decoder never writes into it).  It becomes the schedule's (schedule.strings: its strings point into it) and is
 * released with it, or at once on failure. */
int snapshot_decode_owned(char *buf, size_t len, bool mapped,
			  const struct snapshot_stamp *expect, struct schedule *s);

#endif
