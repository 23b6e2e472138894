// End-to-end: an HTML page's furniture is found by its markup.
#include <map>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint_json.h"
#include "nlohmann/json.hpp"
#include "run_command.h"

namespace provcheck {
namespace {

using ::provcheck::testing::LintFinding;
using ::provcheck::testing::LintFindings;
using ::provcheck::testing::RunProvcheck;
using ::testing::ElementsAre;
using ::testing::Pair;

constexpr char kPage[] = "fixtures/page-structure/page.html";

// line -> message of every boilerplate.page-structure finding.
std::map<int, std::string> PageStructureFindings(const std::string& out) {
  std::map<int, std::string> found;
  for (const LintFinding& finding : LintFindings(out)) {
    if (finding.rule == "boilerplate.page-structure") {
      found[finding.line] = finding.message;
    }
  }
  return found;
}

TEST(PageStructureTest, FlagsFurnitureAndSaysWhy) {
  const auto run =
      RunProvcheck(std::string("lint --format json --fail-on none ") + kPage);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // The headline, byline and the article's own footer (lines 8-14) are not
  // furniture, though the page's <header>, its <footer> (a text rule names
  // that one) and the wrapper around the article are marked up as such.
  EXPECT_THAT(
      PageStructureFindings(run.out),
      ElementsAre(
          Pair(5,
               "Page furniture by its markup (inside <header>), not this "
               "article's own text"),
          Pair(16,
               "Page furniture by its markup (class 'related-posts'), "
               "not this article's own text"),
          Pair(17,
               "Page furniture by its markup (class 'tags'), not this "
               "article's own text"),
          Pair(18,
               "Page furniture by its markup (link text 90%), not this "
               "article's own text")));
}

TEST(PageStructureTest, CanBeTurnedOffByItsId) {
  const auto run =
      RunProvcheck(std::string("lint --format json --fail-on none --config "
                               "fixtures/page-structure/off.toml ") +
                   kPage);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(PageStructureFindings(run.out).empty());
}

}  // namespace
}  // namespace provcheck
