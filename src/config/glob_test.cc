#include "config/glob.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace provcheck {
namespace {

TEST(GlobMatchTest, StarStaysWithinOneDirectory) {
  EXPECT_TRUE(GlobMatch("*.md", "draft.md"));
  EXPECT_FALSE(GlobMatch("*.md", "docs/draft.md"));
  EXPECT_TRUE(GlobMatch("docs/*.md", "docs/draft.md"));
}

TEST(GlobMatchTest, DoubleStarSlashIsAnyNumberOfDirectories) {
  EXPECT_TRUE(GlobMatch("**/draft.md", "draft.md"));
  EXPECT_TRUE(GlobMatch("**/draft.md", "a/b/draft.md"));
  EXPECT_TRUE(GlobMatch("docs/**/x.md", "docs/x.md"));
  EXPECT_TRUE(GlobMatch("docs/**/x.md", "docs/a/b/x.md"));
  EXPECT_FALSE(GlobMatch("docs/**/x.md", "other/x.md"));
}

TEST(GlobMatchTest, TrailingDoubleStarIsEverythingInside) {
  EXPECT_TRUE(GlobMatch("archive/**", "archive/2020/a.md"));
  EXPECT_FALSE(GlobMatch("archive/**", "archived/a.md"));
}

TEST(GlobMatchTest, QuestionMarkAndClasses) {
  EXPECT_TRUE(GlobMatch("draft?.md", "draft1.md"));
  EXPECT_FALSE(GlobMatch("draft?.md", "draft/.md"));
  EXPECT_TRUE(GlobMatch("[0-9][0-9]*.txt", "04-note.txt"));
  EXPECT_FALSE(GlobMatch("[!0-9]*.txt", "04-note.txt"));
  EXPECT_TRUE(GlobMatch("\\*.md", "*.md"));
  EXPECT_FALSE(GlobMatch("\\*.md", "a.md"));
}

TEST(PathPatternsTest, PatternWithoutSlashMatchesAtAnyDepth) {
  const PathPatterns patterns = PathPatterns::Parse("*.tmp.md\n");
  EXPECT_TRUE(patterns.Matches("x.tmp.md"));
  EXPECT_TRUE(patterns.Matches("a/b/x.tmp.md"));
  EXPECT_FALSE(patterns.Matches("a/b/x.md"));
}

TEST(PathPatternsTest, PatternWithSlashIsAnchoredToTheBase) {
  const PathPatterns patterns = PathPatterns::Parse("/drafts\ndocs/old\n");
  EXPECT_TRUE(patterns.Matches("drafts/a.md"));
  EXPECT_FALSE(patterns.Matches("x/drafts/a.md"));
  EXPECT_TRUE(patterns.Matches("docs/old/a.md"));
  EXPECT_FALSE(patterns.Matches("x/docs/old/a.md"));
}

TEST(PathPatternsTest, DirectoryOnlyPatternSkipsFilesOfThatName) {
  const PathPatterns patterns = PathPatterns::Parse("notes/\n");
  EXPECT_TRUE(patterns.Matches("notes/a.md"));
  EXPECT_FALSE(patterns.Matches("notes"));
}

TEST(PathPatternsTest, NegationReincludesAndTheLastMatchDecides) {
  const PathPatterns patterns =
      PathPatterns::Parse("*.md\n!keep.md\n# a comment\n\n");
  EXPECT_TRUE(patterns.Matches("a.md"));
  EXPECT_FALSE(patterns.Matches("keep.md"));
}

TEST(PathPatternsTest, NothingInsideAnExcludedDirectoryComesBack) {
  const PathPatterns patterns = PathPatterns::Parse("drafts/\n!drafts/a.md\n");
  EXPECT_TRUE(patterns.Matches("drafts/a.md"));
}

TEST(PathPatternsTest, EmptyListMatchesNothing) {
  EXPECT_TRUE(PathPatterns::Parse("# only a comment\n").empty());
  EXPECT_FALSE(PathPatterns::Parse("").Matches("a.md"));
}

TEST(RelativeToTest, PathInsideTheBaseIsRelative) {
  const std::string cwd = std::filesystem::current_path().string();
  EXPECT_EQ(RelativeTo(cwd, "docs/./a.md"), "docs/a.md");
  EXPECT_EQ(RelativeTo(cwd + "/docs", cwd + "/docs/x/a.md"), "x/a.md");
}

TEST(RelativeToTest, PathOutsideTheBaseIsNullopt) {
  EXPECT_EQ(RelativeTo("/srv/repo", "/srv/other/a.md"), std::nullopt);
  EXPECT_EQ(RelativeTo("/srv/repo", "/srv/repo"), std::nullopt);
}

}  // namespace
}  // namespace provcheck
