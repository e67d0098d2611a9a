/* test_caldav: the multistatus reader of the CalDAV client on hostile and odd replies — any
 * namespace prefix, text in pieces, responses without an href, entity declarations (an entity
 * that would read a file, or expand a billion times) refused, a value over 64 KiB refused,
 * malformed XML. */
#include <stdlib.h>
#include <string.h>

#include "caldav.h"
#include "tap.h"
#include "util.h"

static long count(const char *xml)
{
	error_clear();
	return caldav_parse_count(xml, strlen(xml));
}

int main(void)
{
	struct strbuf big;
	long n;

	ok(count("<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/a/</d:href>"
		 "</d:response><d:response><d:href>/a/b.ics</d:href><d:propstat><d:prop><d:getetag>\"1\""
		 "</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
		 "</d:multistatus>") == 2, "two responses, prefix d:");
	ok(count("<multistatus xmlns=\"DAV:\"><response><href>/a/</href></response>"
		 "<response><propstat/></response></multistatus>") == 1,
	   "a response without an href is not counted (default namespace)");
	ok(count("<x:multistatus xmlns:x=\"DAV:\"><x:response><x:href>/&#x61;/<!-- c -->b</x:href>"
		 "</x:response></x:multistatus>") == 1, "character references and comments inside an href");
	ok(count("<multistatus xmlns=\"urn:other\"><response><href>/a/</href></response></multistatus>") == 0,
	   "elements of another namespace are not DAV's");
	n = count("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		  "<multistatus xmlns=\"DAV:\"><response><href>&x;</href></response></multistatus>");
	ok(n == -1 && error_status() == EX_PROTOCOL && strstr(error_message(), "declares entities"),
	   "an external entity is refused: %s", error_message());
	n = count("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;"
		  "&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
		  "<multistatus xmlns=\"DAV:\"><response><href>&c;</href></response></multistatus>");
	ok(n == -1 && error_status() == EX_PROTOCOL, "entity expansion is refused: %s", error_message());
	n = count("<multistatus xmlns=\"DAV:\"><response><href>/a/</href></response>");
	ok(n == -1 && error_status() == EX_PROTOCOL && strstr(error_message(), "not well-formed"),
	   "unclosed XML: %s", error_message());
	n = count("");
	ok(n == -1 && error_status() == EX_PROTOCOL, "an empty body: %s", error_message());
	strbuf_init(&big);
	strbuf_adds(&big, "<multistatus xmlns=\"DAV:\"><response><href>");
	for (int i = 0; i < 70000; i++)
		strbuf_addc(&big, 'a');
	strbuf_adds(&big, "</href></response></multistatus>");
	n = caldav_parse_count(big.buf, big.len);
	ok(n == -1 && strstr(error_message(), "64 KiB"), "a value over 64 KiB: %s", error_message());
	strbuf_release(&big);

	return done_testing();
}
