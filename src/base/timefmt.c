/* timefmt.c: times of day and lengths of time as text (timefmt.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timefmt.h"
#include "tz.h"
#include "util.h"

void civil_format_hm(const struct civil *c, char *buf, size_t size)
{
	/* digit by digit: an export writes a few per event */
	char hm[6] = { (char)('0' + c->hour / 10 % 10), (char)('0' + c->hour % 10), ':',
		       (char)('0' + c->minute / 10 % 10), (char)('0' + c->minute % 10), '\0' };

	if (size >= sizeof(hm)) {
		memcpy(buf, hm, sizeof(hm));
	} else if (size) {
		memcpy(buf, hm, size - 1);
		buf[size - 1] = '\0';
	}
}

void format_date(int year, int month, int day, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02d-%02d", year, month, day);
}

void civil_format_date_hm(const struct civil *c, char *buf, size_t size)
{
	char hm[6];

	civil_format_hm(c, hm, sizeof(hm));
	snprintf(buf, size, "%04d-%02d-%02d %s", c->year, c->month, c->day, hm);
}

void format_hm(const struct tz *z, int64_t instant, char *buf, size_t size)
{
	struct civil c;

	tz_to_civil(z, instant, &c);
	civil_format_hm(&c, buf, size);
}

void format_hm_near(const struct tz *z, int64_t instant, int64_t at, char *buf, size_t size)
{
	struct civil a, b;

	tz_to_civil(z, instant, &b);
	tz_to_civil(z, at, &a);
	if (a.year == b.year && a.month == b.month && a.day == b.day)
		civil_format_hm(&b, buf, size);
	else
		civil_format_date_hm(&b, buf, size);
}

const char *format_span(const struct tz *z, int64_t start, int64_t end, char *buf, size_t size)
{
	struct civil a, b;
	char hm1[6], hm2[6];
	int64_t days;

	tz_to_civil(z, start, &a);
	civil_format_hm(&a, hm1, sizeof(hm1));
	if (end == start) {
		snprintf(buf, size, "%s", hm1);
		return buf;
	}
	tz_to_civil(z, end, &b);
	civil_format_hm(&b, hm2, sizeof(hm2));
	if (end > start) {
		struct civil last;

		tz_to_civil(z, end - 1, &last);	/* the last second: ending at midnight is not +1 */
		days = days_from_civil(last.year, last.month, last.day) -
		       days_from_civil(a.year, a.month, a.day);
	} else {
		days = 0;
	}
	if (days > 0)
		snprintf(buf, size, "%s-%s (+%lld)", hm1, hm2, (long long)days);
	else
		snprintf(buf, size, "%s-%s", hm1, hm2);
	return buf;
}

const char *format_minutes(int64_t minutes, char *buf, size_t size)
{
	snprintf(buf, size, "%lld min", (long long)minutes);
	return buf;
}

int64_t duration_minutes(int64_t seconds)
{
	return (seconds + 59) / 60;
}

void format_duration(int64_t seconds, bool days, char *buf, size_t size)
{
	long long min = seconds > 0 ? (long long)duration_minutes(seconds) : 0;

	if (days && min >= 48 * 60)
		snprintf(buf, size, "%lld days", min / (24 * 60));
	else if (min >= 60 && min % 60)
		snprintf(buf, size, "%lld h %lld min", min / 60, min % 60);
	else if (min >= 60)
		snprintf(buf, size, "%lld h", min / 60);
	else
		format_minutes(min, buf, size);
}

int env_seconds(const char *name, bool zero_ok, double *seconds)
{
	const char *env = getenv(name);
	char *end;
	double v;

	if (!env || !*env)
		return 0;
	errno = 0;
	v = strtod(env, &end);
	if (errno || *end || !(zero_ok ? v >= 0 : v > 0) || v > 86400)
		return error(EX_USAGE, "%s '%s': not a number of seconds", name, env);
	*seconds = v;
	return 1;
}
