#include "provcheck/pipeline.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/matcher_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace provcheck {
namespace {

namespace fs = std::filesystem;

constexpr char kRules[] = R"pack(pack p
rule said {
  kind attribution
  match "(?P<source>[A-Z][a-z]+) said"
  message "Claim attributed to {source}"
}
)pack";

class AnalyzePathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    matcher_ = testing::CompileTestMatcher(kRules);
    ASSERT_NE(matcher_, nullptr);
    dir_ = fs::path(::testing::TempDir()) /
           ("pipeline-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Documents of very different lengths, so workers finish out of order.
  std::vector<std::string> WriteDocuments(int count) {
    std::vector<std::string> paths;
    for (int i = 0; i < count; ++i) {
      const std::string path = (dir_ / ("doc" + std::to_string(i) + ".txt"));
      std::ofstream out(path);
      for (int line = 0; line < (i % 7) * 40 + 1; ++line) {
        out << "Speaker" << static_cast<char>('a' + i % 26)
            << " said the plan would work.\n";
      }
      paths.push_back(path);
    }
    return paths;
  }

  std::vector<std::string> Run(const std::vector<std::string>& paths,
                               int threads) {
    PipelineOptions options;
    options.threads = threads;
    std::vector<std::string> seen;
    AnalyzePaths(
        paths, AnalysisConfig{matcher_.get(), nullptr, {}}, options,
        [&](DocumentOutcome&& outcome) { seen.push_back(outcome.path); });
    return seen;
  }

  std::unique_ptr<Matcher> matcher_;
  fs::path dir_;
};

TEST_F(AnalyzePathsTest, DeliversEveryDocumentOnceInInputOrder) {
  const std::vector<std::string> paths = WriteDocuments(200);
  for (int threads : {1, 2, 3, 8}) {
    EXPECT_EQ(Run(paths, threads), paths) << threads << " threads";
  }
}

TEST_F(AnalyzePathsTest, AnUnreadablePathKeepsItsPlace) {
  std::vector<std::string> paths = WriteDocuments(40);
  paths.insert(paths.begin() + 17, (dir_ / "missing.txt").string());
  EXPECT_EQ(Run(paths, 3), paths);
}

}  // namespace
}  // namespace provcheck
