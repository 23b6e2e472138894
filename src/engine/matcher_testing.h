// Test helper: a Matcher from one rule pack written inline in a test.
#ifndef PROVCHECK_ENGINE_MATCHER_TESTING_H_
#define PROVCHECK_ENGINE_MATCHER_TESTING_H_

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "provcheck/matcher.h"
#include "provcheck/rule_parser.h"

namespace provcheck::testing {

// Parses RULES as "test.rules" and compiles it; a failure fails the test
// and returns null.
inline std::unique_ptr<Matcher> CompileTestMatcher(std::string_view rules) {
  auto pack = ParseRulePack(rules, "test.rules");
  EXPECT_TRUE(pack.ok()) << pack.status();
  if (!pack.ok()) return nullptr;
  std::vector<RulePack> packs;
  packs.push_back(*std::move(pack));
  auto matcher = Matcher::Compile(std::move(packs));
  EXPECT_TRUE(matcher.ok()) << matcher.status();
  return matcher.ok() ? *std::move(matcher) : nullptr;
}

}  // namespace provcheck::testing

#endif  // PROVCHECK_ENGINE_MATCHER_TESTING_H_
