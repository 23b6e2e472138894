// Test helper: a Matcher from one rule pack written inline in a test.
#ifndef PROVCHECK_ENGINE_MATCHER_TESTING_H_
#define PROVCHECK_ENGINE_MATCHER_TESTING_H_

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "provcheck/matcher.h"
#include "provcheck/rule_parser.h"

namespace provcheck::testing {

// Parses each of PACKS (as "test.rules", "test1.rules", ...) and compiles
// them together; a failure fails the test and returns null.
inline std::unique_ptr<Matcher> CompileTestMatcher(
    std::initializer_list<std::string_view> texts) {
  std::vector<RulePack> packs;
  for (std::string_view text : texts) {
    const std::string file =
        packs.empty() ? "test.rules"
                      : "test" + std::to_string(packs.size()) + ".rules";
    auto pack = ParseRulePack(text, file);
    EXPECT_TRUE(pack.ok()) << pack.status();
    if (!pack.ok()) return nullptr;
    packs.push_back(*std::move(pack));
  }
  auto matcher = Matcher::Compile(std::move(packs));
  EXPECT_TRUE(matcher.ok()) << matcher.status();
  return matcher.ok() ? *std::move(matcher) : nullptr;
}

// Parses RULES as "test.rules" and compiles it; a failure fails the test
// and returns null.
inline std::unique_ptr<Matcher> CompileTestMatcher(std::string_view rules) {
  return CompileTestMatcher({rules});
}

}  // namespace provcheck::testing

#endif  // PROVCHECK_ENGINE_MATCHER_TESTING_H_
