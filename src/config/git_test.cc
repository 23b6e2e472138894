#include "config/git.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace provcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

constexpr char kDiff[] =
    "diff --git a/docs/a.md b/docs/a.md\n"
    "index 1111111..2222222 100644\n"
    "--- a/docs/a.md\n"
    "+++ b/docs/a.md\n"
    "@@ -3 +3 @@ Heading\n"
    "-old line\n"
    "+new line\n"
    "@@ -10,0 +11,2 @@\n"
    "+added one\n"
    "+added two\n"
    "@@ -20,3 +21,0 @@\n"
    "-gone\n"
    "-gone\n"
    "-gone\n"
    "diff --git a/old.txt b/old.txt\n"
    "deleted file mode 100644\n"
    "--- a/old.txt\n"
    "+++ /dev/null\n"
    "@@ -1,2 +0,0 @@\n"
    "-x\n"
    "-y\n"
    "diff --git a/new.txt b/new.txt\n"
    "new file mode 100644\n"
    "--- /dev/null\n"
    "+++ b/new.txt\n"
    "@@ -0,0 +1,3 @@\n"
    "+a\n+b\n+c\n";

TEST(ParseUnifiedDiffTest, CollectsTheNewSideOfEachHunk) {
  const DiffLines lines = ParseUnifiedDiff(kDiff);
  EXPECT_THAT(lines.at("docs/a.md"), ElementsAre(Pair(3, 3), Pair(11, 12)));
  EXPECT_THAT(lines.at("new.txt"), ElementsAre(Pair(1, 3)));
}

TEST(ParseUnifiedDiffTest, DeletedFilesAndPureDeletionsAddNoLines) {
  const DiffLines lines = ParseUnifiedDiff(kDiff);
  EXPECT_FALSE(lines.contains("old.txt"));
  EXPECT_FALSE(lines.contains("/dev/null"));
}

TEST(ParseUnifiedDiffTest, QuotedNamesAreUnquoted) {
  const DiffLines lines =
      ParseUnifiedDiff("+++ \"b/tab\\there.md\"\n@@ -1 +1 @@\n-a\n+b\n");
  EXPECT_TRUE(lines.contains("tab\there.md"));
}

class ChangedLinesTest : public ::testing::Test {
 protected:
  std::string root_ = std::filesystem::current_path().string();
  ChangedLines changed_{root_, ParseUnifiedDiff(kDiff), {"fresh.md"}};
};

TEST_F(ChangedLinesTest, ALineInAHunkChanged) {
  EXPECT_TRUE(changed_.Changed("docs/a.md", 3, 3));
  EXPECT_TRUE(changed_.Changed("./docs/a.md", 12, 12));
  EXPECT_TRUE(changed_.Changed(root_ + "/docs/a.md", 11, 11));
}

TEST_F(ChangedLinesTest, AFindingSpanningIntoAHunkChanged) {
  EXPECT_TRUE(changed_.Changed("docs/a.md", 9, 11));
}

TEST_F(ChangedLinesTest, LinesOutsideHunksDidNotChange) {
  EXPECT_FALSE(changed_.Changed("docs/a.md", 4, 10));
  EXPECT_FALSE(changed_.Changed("docs/a.md", 21, 21));
}

TEST_F(ChangedLinesTest, AFileOutsideTheDiffDidNotChange) {
  EXPECT_FALSE(changed_.Changed("docs/b.md", 1, 1));
  EXPECT_FALSE(changed_.Touched("docs/b.md"));
  EXPECT_TRUE(changed_.Touched("docs/a.md"));
}

TEST_F(ChangedLinesTest, AnUntrackedFileIsAllNew) {
  EXPECT_TRUE(changed_.Changed("fresh.md", 40, 40));
  EXPECT_TRUE(changed_.Touched("fresh.md"));
}

TEST(FindRepositoryRootTest, FindsTheNearestParentWithAGitEntry) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) /
                        ("repo-root-" + std::to_string(::getpid()));
  fs::create_directories(root / ".git");
  fs::create_directories(root / "docs" / "news");
  EXPECT_EQ(FindRepositoryRoot((root / "docs" / "news").string()),
            root.lexically_normal().string());
  fs::remove_all(root);
}

TEST(FindRepositoryRootTest, OutsideARepositoryIsEmpty) {
  EXPECT_EQ(FindRepositoryRoot("/proc"), "");
}

}  // namespace
}  // namespace provcheck
