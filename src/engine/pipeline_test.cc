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

TEST_F(AnalyzePathsTest, EachDocumentGetsTheFindingsOfItsOwnText) {
  // Documents are analysed in batches; no finding may land on a neighbour.
  const std::vector<std::string> paths = WriteDocuments(90);
  for (int threads : {1, 3}) {
    PipelineOptions options;
    options.threads = threads;
    size_t index = 0;
    AnalyzePaths(paths, AnalysisConfig{matcher_.get(), nullptr, {}}, options,
                 [&](DocumentOutcome&& outcome) {
                   const std::string speaker =
                       std::string("Speaker") +
                       static_cast<char>('a' + index % 26);
                   ASSERT_TRUE(outcome.result.has_value());
                   const auto& findings = outcome.result->findings;
                   ASSERT_EQ(findings.size(), (index % 7) * 40 + 1);
                   EXPECT_EQ(findings.front().source, speaker);
                   EXPECT_EQ(findings.back().source, speaker);
                   ++index;
                 });
    EXPECT_EQ(index, paths.size());
  }
}

TEST_F(AnalyzePathsTest, WorkersSharingOneMatcherFindWhatOneThreadFinds) {
  // Enough documents for several batches a worker, each worker matching in
  // a lane of its own.
  const std::vector<std::string> paths = WriteDocuments(240);
  auto findings_with = [&](int threads) {
    PipelineOptions options;
    options.threads = threads;
    std::vector<std::string> found;
    AnalyzePaths(paths, AnalysisConfig{matcher_.get(), nullptr, {}}, options,
                 [&](DocumentOutcome&& outcome) {
                   ASSERT_TRUE(outcome.result.has_value()) << outcome.path;
                   for (const Finding& finding : outcome.result->findings) {
                     found.push_back(outcome.path + ":" +
                                     std::to_string(finding.start.line) + " " +
                                     finding.rule_id + " " + finding.source);
                   }
                 });
    return found;
  };
  const std::vector<std::string> alone = findings_with(1);
  ASSERT_FALSE(alone.empty());
  EXPECT_EQ(findings_with(2), alone);
  EXPECT_EQ(findings_with(4), alone);
}

TEST_F(AnalyzePathsTest, AnUnchangedDocumentIsReusedAndItsNeighboursAnalysed) {
  const std::vector<std::string> paths = WriteDocuments(5);
  PipelineOptions options;
  options.unchanged = [&](const std::string& path, const std::string&) {
    return path == paths[2];
  };
  std::vector<bool> reused;
  std::vector<bool> analysed;
  AnalyzePaths(paths, AnalysisConfig{matcher_.get(), nullptr, {}}, options,
               [&](DocumentOutcome&& outcome) {
                 reused.push_back(outcome.reused);
                 analysed.push_back(outcome.result.has_value());
               });
  EXPECT_EQ(reused, (std::vector<bool>{false, false, true, false, false}));
  EXPECT_EQ(analysed, (std::vector<bool>{true, true, false, true, true}));
}

TEST_F(AnalyzePathsTest, AnUnreadablePathKeepsItsPlace) {
  std::vector<std::string> paths = WriteDocuments(40);
  paths.insert(paths.begin() + 17, (dir_ / "missing.txt").string());
  EXPECT_EQ(Run(paths, 3), paths);
}

TEST(BatchBoundariesTest, ABatchClosesAtAMebibyteOfInput) {
  // A hundred 400 KB pages: the third page takes a batch past 1 MiB.
  const std::vector<uint64_t> sizes(100, 400 * 1024);
  const std::vector<size_t> boundaries = BatchBoundaries(sizes, 1);
  ASSERT_EQ(boundaries.size(), 35u);  // 33 batches of 3, then 1
  for (size_t i = 0; i + 2 < boundaries.size(); ++i) {
    EXPECT_EQ(boundaries[i + 1] - boundaries[i], 3u);
  }
  EXPECT_EQ(boundaries.back(), 100u);
}

TEST(BatchBoundariesTest, SmallCorporaGiveEveryThreadFourBatches) {
  const std::vector<uint64_t> sizes(80, 1000);
  const std::vector<size_t> boundaries = BatchBoundaries(sizes, 2);
  ASSERT_EQ(boundaries.size(), 9u);  // 8 batches of 10
  for (size_t i = 0; i + 1 < boundaries.size(); ++i) {
    EXPECT_EQ(boundaries[i + 1] - boundaries[i], 10u);
  }
}

TEST(BatchBoundariesTest, EmptyFilesStillMakeBoundedBatches) {
  const std::vector<uint64_t> sizes(100000, 0);
  const std::vector<size_t> boundaries = BatchBoundaries(sizes, 1);
  EXPECT_EQ(boundaries.front(), 0u);
  EXPECT_EQ(boundaries.back(), sizes.size());
  for (size_t i = 0; i + 1 < boundaries.size(); ++i) {
    EXPECT_LE(boundaries[i + 1] - boundaries[i], 4096u);
  }
}

TEST(BatchBoundariesTest, NoInputsNoBatches) {
  EXPECT_EQ(BatchBoundaries({}, 2), (std::vector<size_t>{0}));
}

}  // namespace
}  // namespace provcheck
