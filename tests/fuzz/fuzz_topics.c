/* fuzz_topics.c: the libFuzzer harness of the topic list reader (topics_parse, src/model/topics.c),
 * built into build/fuzz/fuzz_topics by `make fuzz`.  Whatever the bytes, topics_parse must return
 * 0 or -1 — never crash, hang, leak or read out of bounds; the same text read as the matching
 * reads it (topic_lines_add, then query_init's lazy parse of the lines a word mentions) must
 * agree; and every word kept, made a query, must be looked for in the input itself by the word
 * rules without fault. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "topics.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *input;
static size_t input_len;

static int load_input(struct topic_lines *l)
{
	return topic_lines_add(l, input, input_len, "fuzz-topics", 1, EX_DATAERR);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct topics t;
	char *buf = malloc(size + 1);	/* a private copy: ASan sees reads past it */

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	topics_init(&t);
	input = buf;
	input_len = size;
	topics_set_loader(load_input);
	if (topics_parse(&t, buf, size, "fuzz-topics") == 0)
		for (size_t k = 0; k < t.n && k < 8; k++)
			for (size_t i = 0; i < t.v[k].folded.n && i < 8; i++) {
				struct query q;

				/* the lazy reading finds the topic the whole parse found */
				if (query_init(&q, t.v[k].folded.v[i]) < 0 || !q.topical)
					abort();
				query_release(&q);
				query_init_plain(&q, t.v[k].folded.v[i]);
				q.alt[0].start = q.alt[0].whole = i % 2 == 0;
				query_alt_in(&q.alt[0], buf);
				query_release(&q);
			}
	topics_set_loader(NULL);
	topics_release(&t);
	free(buf);
	warnings_clear();
	error_clear();
	return 0;
}
