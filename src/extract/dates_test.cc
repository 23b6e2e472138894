#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/date_spans.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "provcheck/normalize.h"

namespace provcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr DatePrecision kDay = DatePrecision::kDay;
constexpr DatePrecision kMonth = DatePrecision::kMonth;
constexpr DatePrecision kYear = DatePrecision::kYear;
constexpr DatePrecision kApprox = DatePrecision::kApproximate;

// The reference most rows use: a Monday.
constexpr const char* kRef = "2023-09-25";

std::optional<int32_t> ParseIso(std::string_view iso) {
  if (iso.empty()) return std::nullopt;
  const int y = std::stoi(std::string(iso.substr(0, 4)));
  const int m = std::stoi(std::string(iso.substr(5, 2)));
  const int d = std::stoi(std::string(iso.substr(8, 2)));
  return DayNumber(y, m, d);
}

// One mention, as text cut out of the input by its offsets, so every row
// also checks that the offsets are exact.
struct Found {
  std::string text;
  std::string first;
  std::string last;
  DatePrecision precision;
  bool operator==(const Found&) const = default;
};

void PrintTo(const Found& f, std::ostream* os) {
  *os << "{\"" << f.text << "\", " << f.first << ".." << f.last << ", p"
      << static_cast<int>(f.precision) << "}";
}

std::vector<Found> Dates(std::string_view text, const char* reference) {
  std::vector<Found> out;
  for (const DateMention& m : FindDates(text, ParseIso(reference))) {
    out.push_back({std::string(text.substr(m.begin, m.end - m.begin)),
                   DayToIso(m.interval.first), DayToIso(m.interval.last),
                   m.interval.precision});
  }
  return out;
}

struct DateRow {
  const char* text;
  const char* reference;  // "" for none
  const char* span;
  const char* first;
  const char* last;
  DatePrecision precision;
};

// Day month year.
const DateRow kDayMonthYearRows[] = {
    {"The vote took place on 19 September 2023.", "", "19 September 2023",
     "2023-09-19", "2023-09-19", kDay},
    {"The law took effect on 1 January 2020 nationwide.", "", "1 January 2020",
     "2020-01-01", "2020-01-01", kDay},
    {"Deadline: 31 December 1999, midnight.", "", "31 December 1999",
     "1999-12-31", "1999-12-31", kDay},
    {"Leap day, 29 February 2024, was quiet.", "", "29 February 2024",
     "2024-02-29", "2024-02-29", kDay},
    {"Polls closed on 5 Nov. 2022 at eight.", "", "5 Nov. 2022", "2022-11-05",
     "2022-11-05", kDay},
    {"Polls closed on 5 Nov 2022 at eight.", "", "5 Nov 2022", "2022-11-05",
     "2022-11-05", kDay},
    {"Signed on the 4th of July 1976 in public.", "", "4th of July 1976",
     "1976-07-04", "1976-07-04", kDay},
    {"Talks resumed on 2nd March 2021.", "", "2nd March 2021", "2021-03-02",
     "2021-03-02", kDay},
    {"The referendum of 23rd June 2016 split the country.", "",
     "23rd June 2016", "2016-06-23", "2016-06-23", kDay},
    {"It opened on 21st June 2019.", "", "21st June 2019", "2019-06-21",
     "2019-06-21", kDay},
    {"ON 19 SEPTEMBER 2023 TROOPS MOVED", "", "19 SEPTEMBER 2023", "2023-09-19",
     "2023-09-19", kDay},
    {"troops moved on 19 september 2023", "", "19 september 2023", "2023-09-19",
     "2023-09-19", kDay},
    {"By 19 Sept. 2023 the corridor was shut.", "", "19 Sept. 2023",
     "2023-09-19", "2023-09-19", kDay},
    {"By 19 Sep 2023 the corridor was shut.", "", "19 Sep 2023", "2023-09-19",
     "2023-09-19", kDay},
    {"The strike began on 12 Feb. 2014.", "", "12 Feb. 2014", "2014-02-12",
     "2014-02-12", kDay},
    {"Hiroshima was bombed on 6 Aug. 1945.", "", "6 Aug. 1945", "1945-08-06",
     "1945-08-06", kDay},
    {"On 30 April, 2021, the talks failed.", "", "30 April, 2021", "2021-04-30",
     "2021-04-30", kDay},
    {"On 10 May 2023 the court ruled.", "", "10 May 2023", "2023-05-10",
     "2023-05-10", kDay},
    {"The quake of 11 March 2011 was the strongest.", "", "11 March 2011",
     "2011-03-11", "2011-03-11", kDay},
    {"He was born on 15 Jan. 1929 in Atlanta.", "", "15 Jan. 1929",
     "1929-01-15", "1929-01-15", kDay},
    {"Released 16 Apr 2016.", "", "16 Apr 2016", "2016-04-16", "2016-04-16",
     kDay},
    {"Handover on 1 Jul. 1997 ended British rule.", "", "1 Jul. 1997",
     "1997-07-01", "1997-07-01", kDay},
    {"Filed on 11 Dec. 2011.", "", "11 Dec. 2011", "2011-12-11", "2011-12-11",
     kDay},
    {"Fighting resumed on 9 October 2023.", "", "9 October 2023", "2023-10-09",
     "2023-10-09", kDay},
    {"On 19\xC2\xA0September\xC2\xA0"
     "2023 the corridor closed.",
     "",
     "19\xC2\xA0September\xC2\xA0"
     "2023",
     "2023-09-19", "2023-09-19", kDay},
    {"Elections on 7 June 2024.", "", "7 June 2024", "2024-06-07", "2024-06-07",
     kDay},
    {"The treaty of 8 Oct 1990 still holds.", "", "8 Oct 1990", "1990-10-08",
     "1990-10-08", kDay},
};

// Month day year.
const DateRow kMonthDayYearRows[] = {
    {"The offensive began on September 19, 2023.", "", "September 19, 2023",
     "2023-09-19", "2023-09-19", kDay},
    {"On Sept. 19, 2023, troops advanced.", "", "Sept. 19, 2023", "2023-09-19",
     "2023-09-19", kDay},
    {"On Sep 19, 2023, troops advanced.", "", "Sep 19, 2023", "2023-09-19",
     "2023-09-19", kDay},
    {"Rioters stormed the Capitol on Jan. 6, 2021.", "", "Jan. 6, 2021",
     "2021-01-06", "2021-01-06", kDay},
    {"The invasion began on February 24, 2022.", "", "February 24, 2022",
     "2022-02-24", "2022-02-24", kDay},
    {"The tsunami hit on March 11, 2011.", "", "March 11, 2011", "2011-03-11",
     "2011-03-11", kDay},
    {"Pearl Harbor was attacked on Dec. 7, 1941.", "", "Dec. 7, 1941",
     "1941-12-07", "1941-12-07", kDay},
    {"The wall fell on November 9 1989 after weeks.", "", "November 9 1989",
     "1989-11-09", "1989-11-09", kDay},
    {"Hamas attacked on Oct. 7, 2023.", "", "Oct. 7, 2023", "2023-10-07",
     "2023-10-07", kDay},
    {"Independence was declared on July 4th, 1776.", "", "July 4th, 1776",
     "1776-07-04", "1776-07-04", kDay},
    {"The lockdown began on April 1st, 2020.", "", "April 1st, 2020",
     "2020-04-01", "2020-04-01", kDay},
    {"filed on august 5, 2020 by the city", "", "august 5, 2020", "2020-08-05",
     "2020-08-05", kDay},
    {"ATTACKS OF SEPTEMBER 11, 2001", "", "SEPTEMBER 11, 2001", "2001-09-11",
     "2001-09-11", kDay},
    {"Katrina struck on Aug. 29, 2005.", "", "Aug. 29, 2005", "2005-08-29",
     "2005-08-29", kDay},
    {"It ended June 30,2023 without notice.", "", "June 30,2023", "2023-06-30",
     "2023-06-30", kDay},
    {"It began Sept.19, 2023 at dawn.", "", "Sept.19, 2023", "2023-09-19",
     "2023-09-19", kDay},
    {"The ceasefire of May 12, 2021 held.", "", "May 12, 2021", "2021-05-12",
     "2021-05-12", kDay},
    {"Results were certified on Nov. 30, 2020.", "", "Nov. 30, 2020",
     "2020-11-30", "2020-11-30", kDay},
    {"Tuesday, Sept. 19, 2023: the day it began.", "", "Sept. 19, 2023",
     "2023-09-19", "2023-09-19", kDay},
};

// No year: the reference's year.
const DateRow kNoYearRows[] = {
    {"On Sept. 19 the shelling began.", kRef, "Sept. 19", "2023-09-19",
     "2023-09-19", kDay},
    {"On Sep 19 the shelling began.", kRef, "Sep 19", "2023-09-19",
     "2023-09-19", kDay},
    {"On 19 September the shelling began.", kRef, "19 September", "2023-09-19",
     "2023-09-19", kDay},
    {"Talks are set for Oct. 3 in Brussels.", kRef, "Oct. 3", "2023-10-03",
     "2023-10-03", kDay},
    {"He resigned on Jan. 5 after the vote.", kRef, "Jan. 5", "2023-01-05",
     "2023-01-05", kDay},
    {"Troops will be home by December 25.", kRef, "December 25", "2023-12-25",
     "2023-12-25", kDay},
    {"On the 19th of September, the corridor shut.", kRef, "19th of September",
     "2023-09-19", "2023-09-19", kDay},
    {"On Tuesday, Sept. 19, officials met.", kRef, "Sept. 19", "2023-09-19",
     "2023-09-19", kDay},
    {"The rally on March 3 drew crowds.", kRef, "March 3", "2023-03-03",
     "2023-03-03", kDay},
    {"The count closed Feb. 29 at noon.", "2024-03-01", "Feb. 29", "2024-02-29",
     "2024-02-29", kDay},
    {"Parliament meets on 2 Nov.", kRef, "2 Nov.", "2023-11-02", "2023-11-02",
     kDay},
};

// Ranges are one interval.
const DateRow kRangeRows[] = {
    {"The summit ran 19–20 September 2023 in Granada.", "",
     "19–20 September 2023", "2023-09-19", "2023-09-20", kDay},
    {"The summit ran 19-20 September 2023 in Granada.", "",
     "19-20 September 2023", "2023-09-19", "2023-09-20", kDay},
    {"The summit ran September 19-20, 2023 in Granada.", "",
     "September 19-20, 2023", "2023-09-19", "2023-09-20", kDay},
    {"The summit ran September 19–20, 2023 in Granada.", "",
     "September 19–20, 2023", "2023-09-19", "2023-09-20", kDay},
    {"Voting runs Sept. 19 to 21, 2023 nationwide.", "", "Sept. 19 to 21, 2023",
     "2023-09-19", "2023-09-21", kDay},
    {"Strikes on 1–3 March 2022 hit the city.", "", "1–3 March 2022",
     "2022-03-01", "2022-03-03", kDay},
    {"The festival runs from 28 to 30 June 2021.", "", "28 to 30 June 2021",
     "2021-06-28", "2021-06-30", kDay},
    {"The talks, Sept. 28 – Oct. 2, 2023, failed.", "",
     "Sept. 28 – Oct. 2, 2023", "2023-09-28", "2023-10-02", kDay},
    {"The talks, 28 September – 2 October 2023, failed.", "",
     "28 September – 2 October 2023", "2023-09-28", "2023-10-02", kDay},
    {"Closed Dec. 28 – Jan. 3, 2024 for the holidays.", "",
     "Dec. 28 – Jan. 3, 2024", "2023-12-28", "2024-01-03", kDay},
    {"The summit ran 19–20 September in Granada.", kRef, "19–20 September",
     "2023-09-19", "2023-09-20", kDay},
    {"Voting is on Nov. 5-6 in most regions.", kRef, "Nov. 5-6", "2023-11-05",
     "2023-11-06", kDay},
    {"The games, 19 — 21 May 2022, were cancelled.", "", "19 — 21 May 2022",
     "2022-05-19", "2022-05-21", kDay},
    {"Offices were shut June 1-30, 2020.", "", "June 1-30, 2020", "2020-06-01",
     "2020-06-30", kDay},
    {"Protests on 3-4 January 2024 turned violent.", "", "3-4 January 2024",
     "2024-01-03", "2024-01-04", kDay},
};

// ISO.
const DateRow kIsoRows[] = {
    {"Published 2023-09-19 by the ministry.", "", "2023-09-19", "2023-09-19",
     "2023-09-19", kDay},
    {"Leap day (2020-02-29) was a Saturday.", "", "2020-02-29", "2020-02-29",
     "2020-02-29", kDay},
    {"Archived on 1999-12-31.", "", "1999-12-31", "1999-12-31", "1999-12-31",
     kDay},
    {"Updated 2024-01-01T10:00Z.", "", "2024-01-01", "2024-01-01", "2024-01-01",
     kDay},
    {"dated 2008-11-04, the memo", "", "2008-11-04", "2008-11-04", "2008-11-04",
     kDay},
};

// Slashed: day first unless the second number is above 12.
const DateRow kSlashedRows[] = {
    {"Filed 19/09/2023 in Yerevan.", "", "19/09/2023", "2023-09-19",
     "2023-09-19", kDay},
    {"Filed 09/19/2023 in Washington.", "", "09/19/2023", "2023-09-19",
     "2023-09-19", kDay},
    {"Dated 01/02/2023 on the form.", "", "01/02/2023", "2023-02-01",
     "2023-02-01", kDay},
    {"Dated 12/11/2022 on the form.", "", "12/11/2022", "2022-11-12",
     "2022-11-12", kDay},
    {"Dated 5/6/2021 on the form.", "", "5/6/2021", "2021-06-05", "2021-06-05",
     kDay},
    {"Expires 31/12/1999.", "", "31/12/1999", "1999-12-31", "1999-12-31", kDay},
    {"Expires 12/31/1999.", "", "12/31/1999", "1999-12-31", "1999-12-31", kDay},
};

// Month and year.
const DateRow kMonthYearRows[] = {
    {"Baku launched the offensive in September 2023.", "", "September 2023",
     "2023-09-01", "2023-09-30", kMonth},
    {"Prices rose in February 2024 again.", "", "February 2024", "2024-02-01",
     "2024-02-29", kMonth},
    {"Prices rose in Feb. 2023 again.", "", "Feb. 2023", "2023-02-01",
     "2023-02-28", kMonth},
    {"Since Sept. 2021 the border has been shut.", "", "Sept. 2021",
     "2021-09-01", "2021-09-30", kMonth},
    {"In December of 2019 the virus appeared.", "", "December of 2019",
     "2019-12-01", "2019-12-31", kMonth},
    {"The war ended in May 2020 officially.", "", "May 2020", "2020-05-01",
     "2020-05-31", kMonth},
    {"Sanctions followed in March 2022.", "", "March 2022", "2022-03-01",
     "2022-03-31", kMonth},
    {"BREXIT VOTE: JUNE 2016", "", "JUNE 2016", "2016-06-01", "2016-06-30",
     kMonth},
    {"the report of october 2017 said", "", "october 2017", "2017-10-01",
     "2017-10-31", kMonth},
    {"The crash of Oct 2008 wiped out savings.", "", "Oct 2008", "2008-10-01",
     "2008-10-31", kMonth},
    {"By January, 2020, it had spread.", "", "January, 2020", "2020-01-01",
     "2020-01-31", kMonth},
    {"The plant opened in Aug. 1999 near Lyon.", "", "Aug. 1999", "1999-08-01",
     "1999-08-31", kMonth},
};

// Parts of months, years and decades.
const DateRow kPartRows[] = {
    {"The blockade tightened in mid-September 2023.", "", "mid-September 2023",
     "2023-09-10", "2023-09-20", kApprox},
    {"The blockade tightened in early September 2023.", "",
     "early September 2023", "2023-09-01", "2023-09-10", kApprox},
    {"The blockade tightened in late September 2023.", "",
     "late September 2023", "2023-09-20", "2023-09-30", kApprox},
    {"The blockade tightened in mid-September.", kRef, "mid-September",
     "2023-09-10", "2023-09-20", kApprox},
    {"The blockade tightened in early September.", kRef, "early September",
     "2023-09-01", "2023-09-10", kApprox},
    {"Snow fell in late Feb. across the region.", kRef, "late Feb.",
     "2023-02-20", "2023-02-28", kApprox},
    {"It happened in mid September 2022.", "", "mid September 2022",
     "2022-09-10", "2022-09-20", kApprox},
    {"Early March 2020 saw the first cases.", "", "Early March 2020",
     "2020-03-01", "2020-03-10", kApprox},
    {"Talks collapsed in late December 2019.", "", "late December 2019",
     "2019-12-20", "2019-12-31", kApprox},
    {"Talks collapsed in mid-Feb. 2024.", "", "mid-Feb. 2024", "2024-02-10",
     "2024-02-20", kApprox},
    {"The plant closed in early 2020.", "", "early 2020", "2020-01-01",
     "2020-04-30", kApprox},
    {"The plant closed in mid-2021.", "", "mid-2021", "2021-05-01",
     "2021-08-31", kApprox},
    {"The plant closed in late 2019.", "", "late 2019", "2019-09-01",
     "2019-12-31", kApprox},
    {"Late 2022 brought a new offensive.", "", "Late 2022", "2022-09-01",
     "2022-12-31", kApprox},
    {"Growth stalled in the early 1990s.", "", "early 1990s", "1990-01-01",
     "1993-12-31", kApprox},
    {"Growth stalled in the mid-1980s.", "", "mid-1980s", "1983-01-01",
     "1986-12-31", kApprox},
    {"Growth stalled in the late 1970s.", "", "late 1970s", "1976-01-01",
     "1979-12-31", kApprox},
    {"The town grew in the late 1800s.", "", "late 1800s", "1860-01-01",
     "1899-12-31", kApprox},
};

// Decades.
const DateRow kDecadeRows[] = {
    {"The war of the 1990s left scars.", "", "1990s", "1990-01-01",
     "1999-12-31", kApprox},
    {"Rents doubled in the 2010s.", "", "2010s", "2010-01-01", "2019-12-31",
     kApprox},
    {"Music of the 1960's is back.", "", "1960's", "1960-01-01", "1969-12-31",
     kApprox},
    {"It evokes 1980s Britain.", "", "1980s", "1980-01-01", "1989-12-31",
     kApprox},
    {"Railways spread in the 1800s.", "", "1800s", "1800-01-01", "1899-12-31",
     kApprox},
    {"Phones changed in the 2000s.", "", "2000s", "2000-01-01", "2009-12-31",
     kApprox},
};

// Years after a trigger word.
const DateRow kYearRows[] = {
    {"The region was blockaded in 2020 by troops.", "", "2020", "2020-01-01",
     "2020-12-31", kYear},
    {"Crimea has been occupied since 2014.", "", "2014", "2014-01-01",
     "2014-12-31", kYear},
    {"Emissions must halve by 2030.", "", "2030", "2030-01-01", "2030-12-31",
     kYear},
    {"The Soviet Union lasted until 1991.", "", "1991", "1991-01-01",
     "1991-12-31", kYear},
    {"Data from 2019, the latest, show a fall.", "", "2019", "2019-01-01",
     "2019-12-31", kYear},
    {"Banks failed during 2008 and after.", "", "2008", "2008-01-01",
     "2008-12-31", kYear},
    {"The summer of 2016 was hot.", "", "2016", "2016-01-01", "2016-12-31",
     kYear},
    {"In 1989, the wall fell.", "", "1989", "1989-01-01", "1989-12-31", kYear},
    {"It was built before 2000 and rebuilt.", "", "2000", "2000-01-01",
     "2000-12-31", kYear},
    {"Europe rebuilt after 1945.", "", "1945", "1945-01-01", "1945-12-31",
     kYear},
    {"Prices rose throughout 2022.", "", "2022", "2022-01-01", "2022-12-31",
     kYear},
    {"The church dates from circa 1500.", "", "1500", "1500-01-01",
     "1500-12-31", kYear},
    {"Fears of the year 2000 bug were overblown.", "", "2000", "2000-01-01",
     "2000-12-31", kYear},
    {"Output fell from 2019 to 2021.", "", "2019 to 2021", "2019-01-01",
     "2021-12-31", kYear},
    {"Output fell between 2019 and 2021.", "", "2019 and 2021", "2019-01-01",
     "2021-12-31", kYear},
    {"Output fell from 2010–2015 on average.", "", "2010–2015", "2010-01-01",
     "2015-12-31", kYear},
    {"He ruled until 2020.", "", "2020", "2020-01-01", "2020-12-31", kYear},
    {"Prices have risen since mid-2020.", "", "mid-2020", "2020-05-01",
     "2020-08-31", kApprox},
    {"The deal runs until late 2024.", "", "late 2024", "2024-09-01",
     "2024-12-31", kApprox},
    {"The lease runs until 2100.", "", "2100", "2100-01-01", "2100-12-31",
     kYear},
    {"Losses of 2021 were written off.", "", "2021", "2021-01-01", "2021-12-31",
     kYear},
};

// Relative to the reference.
const DateRow kRelativeRows[] = {
    {"The deal was signed yesterday in Brussels.", kRef, "yesterday",
     "2023-09-24", "2023-09-24", kDay},
    {"Today the border reopened.", kRef, "Today", "2023-09-25", "2023-09-25",
     kDay},
    {"The vote is tomorrow.", kRef, "tomorrow", "2023-09-26", "2023-09-26",
     kDay},
    {"Prices rose sharply last year.", kRef, "last year", "2022-01-01",
     "2022-12-31", kYear},
    {"Prices rose sharply this year.", kRef, "this year", "2023-01-01",
     "2023-12-31", kYear},
    {"Prices will rise next year.", kRef, "next year", "2024-01-01",
     "2024-12-31", kYear},
    {"Last year, prices rose.", kRef, "Last year", "2022-01-01", "2022-12-31",
     kYear},
    {"Prices rose earlier this year.", kRef, "this year", "2023-01-01",
     "2023-12-31", kYear},
    {"Prices rose last month.", kRef, "last month", "2023-08-01", "2023-08-31",
     kMonth},
    {"Prices rose this month.", kRef, "this month", "2023-09-01", "2023-09-30",
     kMonth},
    {"Prices will rise next month.", kRef, "next month", "2023-10-01",
     "2023-10-31", kMonth},
    {"Prices rose last week.", kRef, "last week", "2023-09-18", "2023-09-24",
     kApprox},
    {"Prices will rise next week.", kRef, "next week", "2023-10-02",
     "2023-10-08", kApprox},
    {"The talks last September failed.", kRef, "last September", "2022-09-01",
     "2022-09-30", kMonth},
    {"The talks last August failed.", kRef, "last August", "2023-08-01",
     "2023-08-31", kMonth},
    {"The vote next May will decide.", kRef, "next May", "2024-05-01",
     "2024-05-31", kMonth},
    {"The vote this March was close.", kRef, "this March", "2023-03-01",
     "2023-03-31", kMonth},
    {"Prices rose 8% over the past year.", kRef, "the past year", "2022-09-25",
     "2023-09-25", kApprox},
    {"Prices rose 2% in the last month.", kRef, "the last month", "2023-08-25",
     "2023-09-25", kApprox},
    {"Prices rose sharply last year.", "2024-01-01", "last year", "2023-01-01",
     "2023-12-31", kYear},
    {"Prices rose last month.", "2024-01-15", "last month", "2023-12-01",
     "2023-12-31", kMonth},
    {"Prices rose last week.", "2023-10-01", "last week", "2023-09-18",
     "2023-09-24", kApprox},
};

// Offsets: approximate, half a unit either side.
const DateRow kOffsetRows[] = {
    {"The dam burst two years ago.", kRef, "two years ago", "2021-03-27",
     "2022-03-26", kApprox},
    {"The dam burst three decades earlier.", kRef, "three decades earlier",
     "1988-09-25", "1998-09-25", kApprox},
    {"A decade later the dam was rebuilt.", kRef, "A decade later",
     "2028-09-25", "2038-09-25", kApprox},
    {"The dam burst ten days ago.", kRef, "ten days ago", "2023-09-15",
     "2023-09-15", kApprox},
    {"The dam burst 10 days ago.", kRef, "10 days ago", "2023-09-15",
     "2023-09-15", kApprox},
    {"The dam burst three weeks ago.", kRef, "three weeks ago", "2023-09-01",
     "2023-09-07", kApprox},
    {"The dam burst six months earlier.", kRef, "six months earlier",
     "2023-03-10", "2023-04-09", kApprox},
    {"The dam burst a year ago.", kRef, "a year ago", "2022-03-27",
     "2023-03-26", kApprox},
    {"The dam burst a few years ago.", kRef, "a few years ago", "2019-03-27",
     "2022-03-26", kApprox},
    {"The dam burst several years ago.", kRef, "several years ago",
     "2016-03-27", "2021-03-26", kApprox},
    {"The dam burst a couple of years ago.", kRef, "a couple of years ago",
     "2021-03-27", "2022-03-26", kApprox},
    {"The dam burst 20 years ago.", kRef, "20 years ago", "2003-03-27",
     "2004-03-25", kApprox},
    {"Twenty years earlier the dam burst.", kRef, "Twenty years earlier",
     "2003-03-27", "2004-03-25", kApprox},
    {"The dam burst a century ago.", kRef, "a century ago", "1873-09-24",
     "1973-09-24", kApprox},
    {"Two decades later it was rebuilt.", kRef, "Two decades later",
     "2038-09-25", "2048-09-24", kApprox},
    {"Five months later it was rebuilt.", kRef, "Five months later",
     "2024-02-10", "2024-03-11", kApprox},
    {"A week later it was rebuilt.", kRef, "A week later", "2023-09-29",
     "2023-10-05", kApprox},
    {"One day earlier it had rained.", kRef, "One day earlier", "2023-09-24",
     "2023-09-24", kApprox},
};

// Each row is a sentence with exactly one date expression.
void CheckRows(const DateRow* rows, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    const DateRow& row = rows[i];
    SCOPED_TRACE(std::string("input: ") + row.text +
                 " | reference: " + row.reference);
    EXPECT_THAT(
        Dates(row.text, row.reference),
        ElementsAre(Found{row.span, row.first, row.last, row.precision}));
  }
}

TEST(FindDatesTest, ReadsDayMonthYear) {
  CheckRows(kDayMonthYearRows, std::size(kDayMonthYearRows));
}
TEST(FindDatesTest, ReadsMonthDayYear) {
  CheckRows(kMonthDayYearRows, std::size(kMonthDayYearRows));
}
TEST(FindDatesTest, TakesAMissingYearFromTheReference) {
  CheckRows(kNoYearRows, std::size(kNoYearRows));
}
TEST(FindDatesTest, ReadsADayRangeAsOneInterval) {
  CheckRows(kRangeRows, std::size(kRangeRows));
}
TEST(FindDatesTest, ReadsIsoDates) { CheckRows(kIsoRows, std::size(kIsoRows)); }
TEST(FindDatesTest, ReadsSlashedDatesDayFirstUnlessImpossible) {
  CheckRows(kSlashedRows, std::size(kSlashedRows));
}
TEST(FindDatesTest, ReadsMonthAndYearAtMonthPrecision) {
  CheckRows(kMonthYearRows, std::size(kMonthYearRows));
}
TEST(FindDatesTest, ReadsEarlyMidLateAsApproximateThirds) {
  CheckRows(kPartRows, std::size(kPartRows));
}
TEST(FindDatesTest, ReadsDecadesAsApproximate) {
  CheckRows(kDecadeRows, std::size(kDecadeRows));
}
TEST(FindDatesTest, ReadsYearsOnlyAfterATriggerWord) {
  CheckRows(kYearRows, std::size(kYearRows));
}
TEST(FindDatesTest, ResolvesRelativeWordsAgainstTheReference) {
  CheckRows(kRelativeRows, std::size(kRelativeRows));
}
TEST(FindDatesTest, ResolvesOffsetsWithHalfAUnitOfSlack) {
  CheckRows(kOffsetRows, std::size(kOffsetRows));
}

TEST(FindDatesTest, TablesHoldAHundredAndFiftyForms) {
  EXPECT_GE(std::size(kDayMonthYearRows) + std::size(kMonthDayYearRows) +
                std::size(kNoYearRows) + std::size(kRangeRows) +
                std::size(kIsoRows) + std::size(kSlashedRows) +
                std::size(kMonthYearRows) + std::size(kPartRows) +
                std::size(kDecadeRows) + std::size(kYearRows) +
                std::size(kRelativeRows) + std::size(kOffsetRows),
            150u);
}

struct NegativeRow {
  const char* text;
  const char* reference;
};

// Sentences with nothing that is a date, or nothing that can be resolved.
const NegativeRow kNegativeRows[] = {
    {"Some 2,020 people attended.", kRef},
    {"There were 2020 votes cast.", kRef},
    {"He won the Formula 1 title.", kRef},
    {"COVID-19 cases rose.", kRef},
    {"Regulators grounded the 737 Max.", kRef},
    {"The G20 summit opened.", kRef},
    {"NATO's Article 5 was invoked.", kRef},
    {"Call 555-0143 or +1 202-555-0143 for tickets.", kRef},
    {"A 4-3 win sent them through.", kRef},
    {"Windows 11 is out.", kRef},
    {"May I ask a question?", kRef},
    {"Protesters march on the capital.", kRef},
    {"It was a decade-long war.", ""},
    {"It was a decade-long war.", kRef},
    {"One year after the war, the city is rebuilt.", kRef},
    {"Two decades before the invasion, it was calm.", kRef},
    {"It has been a year since the earthquake.", kRef},
    {"They met on Tuesday.", kRef},
    {"They met last Monday.", kRef},
    {"They meet in September.", kRef},
    {"September was wet.", kRef},
    {"On Sept. 19 the shelling began.", ""},
    {"On 19 September the shelling began.", ""},
    {"The dam burst two years ago.", ""},
    {"Prices rose sharply last year.", ""},
    {"The deal was signed yesterday.", ""},
    {"The blockade tightened in mid-September.", ""},
    {"Filed on 29 February 2023.", kRef},
    {"Filed on 2023-02-30.", kRef},
    {"Filed on 2023-13-01.", kRef},
    {"Filed on 13/13/2023.", kRef},
    {"Filed on 31/02/2023.", kRef},
    {"We offer 24/7 coverage.", kRef},
    {"Filed on 19/09/23.", kRef},
    {"A total of 2000 votes were cast.", kRef},
    {"The motion lost by 2000 votes.", kRef},
    {"The 2019 report was leaked.", kRef},
    {"Exactly 1990 people came.", kRef},
    {"The score was 19-20 at half time.", kRef},
    {"Version 2.0.2023 is out.", kRef},
    {"Trump left for Mar-a-Lago.", kRef},
    {"Janet 5 and Augusta 2020 are ships.", kRef},
    {"The Decemberists played.", kRef},
    {"It takes effect in 20 minutes.", kRef},
    {"It happened in 1,500 cases.", kRef},
    {"The meeting is at 10:30 on the dot.", kRef},
    {"They meet next Tuesday.", kRef},
    {"A few days later it rained.", ""},
    {"Year 10 pupils sat the exam.", kRef},
    {"Prices may 10x, analysts say.", kRef},
    {"", kRef},
};

TEST(FindDatesTest, NegativeFormsGiveNothing) {
  ASSERT_GE(std::size(kNegativeRows), 30u);
  for (const NegativeRow& row : kNegativeRows) {
    SCOPED_TRACE(std::string("input: ") + row.text +
                 " | reference: " + row.reference);
    EXPECT_THAT(Dates(row.text, row.reference), IsEmpty());
  }
}

TEST(FindDatesTest, ATextThatIsOnlyAYearIsThatYear) {
  EXPECT_THAT(Dates(" 2020\n", ""),
              ElementsAre(Found{"2020", "2020-01-01", "2020-12-31", kYear}));
  EXPECT_THAT(Dates("2020 votes", ""), IsEmpty());
  EXPECT_THAT(Dates("3020", ""), IsEmpty());
}

TEST(FindDatesTest, AYearlessDateTakesTheReferenceYearNotTheNearest) {
  // Documented policy: an article of 3 January saying "Dec. 28" gets the
  // reference's December, not the previous one.
  EXPECT_THAT(Dates("On Dec. 28 talks ended.", "2024-01-03"),
              ElementsAre(Found{"Dec. 28", "2024-12-28", "2024-12-28", kDay}));
}

TEST(FindDatesTest, AnImplausibleReferenceCountsAsNone) {
  EXPECT_THAT(FindDates("Prices rose last year.", INT32_MAX), IsEmpty());
  EXPECT_THAT(FindDates("Prices rose last year.", INT32_MIN), IsEmpty());
  EXPECT_THAT(Dates("It ended 999 centuries ago.", kRef), IsEmpty());
}

TEST(FindDatesTest, LongestMatchWinsOverItsParts) {
  // Not "September 2023" or "19 September": the whole expression.
  EXPECT_THAT(Dates("on 19 September 2023", kRef),
              ElementsAre(Found{"19 September 2023", "2023-09-19", "2023-09-19",
                                kDay}));
}

TEST(FindDatesTest, MentionsAreSortedAndDoNotOverlap) {
  const std::string text =
      "On Sept. 19, 2023, three decades earlier than the 1990s war, "
      "troops moved; by mid-October 2023 and in 2024 more followed.";
  const std::vector<DateMention> found =
      FindDates(text, DayNumber(2023, 9, 25));
  ASSERT_EQ(found.size(), 5u);
  for (size_t i = 1; i < found.size(); ++i) {
    EXPECT_LE(found[i - 1].end, found[i].begin);
  }
}

TEST(FindDatesTest, AListOfYearsGivesOneMentionPerYear) {
  EXPECT_THAT(Dates("Elections in 2008, 2012 and 2016 were close.", ""),
              ElementsAre(Found{"2008", "2008-01-01", "2008-12-31", kYear},
                          Found{"2012", "2012-01-01", "2012-12-31", kYear},
                          Found{"2016", "2016-01-01", "2016-12-31", kYear}));
}

TEST(FindDatesTest, OffsetsAreBytesAfterMultibyteText) {
  const std::string text = "Ереван — 19 September 2023";
  const std::vector<DateMention> found = FindDates(text, std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, text.find("19"));
  EXPECT_EQ(found[0].end, text.size());
}

TEST(FindDatesTest, ReferenceDoesNotChangeAbsoluteDates) {
  EXPECT_EQ(Dates("on 19 September 2023", ""),
            Dates("on 19 September 2023", "2001-01-01"));
}

TEST(FindDatesTest, SeveralFormsInOneParagraph) {
  EXPECT_THAT(
      Dates("Yesterday's vote (2023-09-24) followed talks in mid-September "
            "and a blockade since December 2022.",
            kRef),
      ElementsAre(Found{"Yesterday", "2023-09-24", "2023-09-24", kDay},
                  Found{"2023-09-24", "2023-09-24", "2023-09-24", kDay},
                  Found{"mid-September", "2023-09-10", "2023-09-20", kApprox},
                  Found{"December 2022", "2022-12-01", "2022-12-31", kMonth}));
}

TEST(FindDatesTest, PossessiveRelativeDayStillCounts) {
  EXPECT_THAT(
      Dates("Yesterday's vote passed.", kRef),
      ElementsAre(Found{"Yesterday", "2023-09-24", "2023-09-24", kDay}));
}

TEST(DateSpansTest, KeepsUnresolvableExpressions) {
  const std::string text = "On Sept. 19, two years ago, and a year after it.";
  const std::vector<extract_internal::TextSpan> spans =
      extract_internal::DateSpans(text);
  std::vector<std::string> cut;
  for (const auto& s : spans)
    cut.push_back(text.substr(s.begin, s.end - s.begin));
  EXPECT_THAT(cut, ElementsAre("Sept. 19", "two years ago", "a year after"));
}

TEST(FindDatesTest, LongInputIsScannedWhole) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Troops moved on 19 September 2023. ";
  EXPECT_EQ(FindDates(text, std::nullopt).size(), 2000u);
}

// Day numbers.

TEST(DayNumberTest, EpochIsDayZero) {
  EXPECT_EQ(DayNumber(1970, 1, 1), 0);
  EXPECT_EQ(DayToIso(0), "1970-01-01");
}

TEST(DayNumberTest, KnownDays) {
  EXPECT_EQ(DayNumber(2000, 1, 1), 10957);
  EXPECT_EQ(DayNumber(2023, 9, 19), 19619);
  EXPECT_EQ(DayNumber(1969, 12, 31), -1);
  EXPECT_EQ(DayNumber(1900, 1, 1), -25567);
}

TEST(DayNumberTest, CenturyLeapRules) {
  // 1900 was not a leap year, 2000 was.
  EXPECT_EQ(DayNumber(1900, 3, 1) - DayNumber(1900, 2, 28), 1);
  EXPECT_EQ(DayNumber(2000, 3, 1) - DayNumber(2000, 2, 28), 2);
  EXPECT_EQ(DayNumber(2024, 3, 1) - DayNumber(2024, 2, 28), 2);
}

TEST(DayNumberTest, OutOfRangeMonthsAndDaysCarry) {
  EXPECT_EQ(DayNumber(2023, 13, 1), DayNumber(2024, 1, 1));
  EXPECT_EQ(DayNumber(2023, 0, 1), DayNumber(2022, 12, 1));
  EXPECT_EQ(DayNumber(2023, 3, 0), DayNumber(2023, 2, 28));
  EXPECT_EQ(DayNumber(2023, 1, 32), DayNumber(2023, 2, 1));
}

TEST(DayToIsoTest, RoundTripsEveryDayOfFourCenturies) {
  const int32_t from = DayNumber(1800, 1, 1);
  const int32_t to = DayNumber(2200, 1, 1);
  for (int32_t d = from; d < to; ++d) {
    const std::string iso = DayToIso(d);
    ASSERT_EQ(*ParseIso(iso), d) << iso;
  }
}

TEST(DayToIsoTest, PadsSmallYears) {
  EXPECT_EQ(DayToIso(DayNumber(999, 1, 2)), "0999-01-02");
}

TEST(DateIntervalTest, OverlapsIsClosed) {
  DateInterval a{10, 20, kDay};
  DateInterval b{20, 30, kDay};
  DateInterval c{21, 30, kDay};
  EXPECT_TRUE(a.Overlaps(b));
  EXPECT_FALSE(a.Overlaps(c));
}

}  // namespace
}  // namespace provcheck
