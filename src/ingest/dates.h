// Publication dates as inputs write them, normalised to the ISO 8601 forms Article::published
// holds: "2022-01-10", "2022-01-10T08:00:00Z", "2022-01-10T08:00:00+03:00" (zone as given),
// "2022-01-10T08:00:00" (no zone given).
#ifndef WITNESS_INGEST_DATES_H_
#define WITNESS_INGEST_DATES_H_

#include <optional>
#include <string>
#include <string_view>

namespace witness::ingest_internal {

// ISO 8601 calendar dates and date-times in extended form: "YYYY-MM-DD", optionally followed by
// 'T' (or one space) and "HH:MM", ":SS", a fraction (".123" or ",123", dropped), and a zone
// ("Z", "+03:00", "+0300", "+03"). Also RFC 2822 as feeds write it
// ("Mon, 10 Jan 2022 08:00:00 GMT", "10 Jan 2022 08:00 +0300"). Every field is range-checked
// (month, day of that month in that year, hour, minute, second, zone). nullopt when invalid.
std::optional<std::string> NormalizeDate(std::string_view s);

// 1..12 for an English month name or its abbreviation ("Jan", "Jan.", "January", "Sept"), any
// case; 0 otherwise.
int MonthFromName(std::string_view word);

// Days in `month` (1..12) of `year` (Gregorian).
int DaysInMonth(int year, int month);

}  // namespace witness::ingest_internal

#endif  // WITNESS_INGEST_DATES_H_
