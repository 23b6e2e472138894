#include "provcheck/ingest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace provcheck {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string FixturePath(const std::string& name) {
  return std::string(PROVCHECK_SOURCE_DIR) + "/fixtures/ingest/" + name;
}

std::vector<std::string> ToStrings(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.ToString());
  return out;
}

// A fresh directory per test, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::path(::testing::TempDir()) /
            (std::string("provcheck_ingest_") + info->name() + "_" +
             std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(root_, ec);
  }
  std::string Touch(const std::string& relative,
                    const std::string& content = "text\n") {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }
  fs::path root_;
};

TEST(FormatForPathTest, UsesExtensionCaseInsensitively) {
  EXPECT_EQ(FormatForPath("a/b.md"), Format::kMarkdown);
  EXPECT_EQ(FormatForPath("B.MARKDOWN"), Format::kMarkdown);
  EXPECT_EQ(FormatForPath("page.html"), Format::kHtml);
  EXPECT_EQ(FormatForPath("PAGE.HTM"), Format::kHtml);
  EXPECT_EQ(FormatForPath("notes.txt"), Format::kPlainText);
  EXPECT_EQ(FormatForPath("README"), Format::kPlainText);
  EXPECT_EQ(FormatForPath("-"), Format::kPlainText);
}

TEST(IsDefaultExtensionTest, AcceptsTextMarkdownAndHtmlOnly) {
  for (const char* path : {"a.txt", "a.md", "a.markdown", "a.html", "a.htm",
                           "A.TXT", "dir.v2/a.Md"}) {
    EXPECT_TRUE(IsDefaultExtension(path)) << path;
  }
  for (const char* path : {"a.png", "a.pdf", "a", "a.md.bak", ".md"}) {
    EXPECT_FALSE(IsDefaultExtension(path)) << path;
  }
}

using ExpandPathsTest = TempDirTest;

TEST_F(ExpandPathsTest, WalksDirectoryInSortedOrder) {
  const std::string b = Touch("b.md");
  const std::string a = Touch("a.txt");
  const std::string c = Touch("sub/c.html");
  const std::string z = Touch("sub/z.HTM");
  Diagnostics errors;
  EXPECT_THAT(ExpandPaths({root_.string()}, &errors), ElementsAre(a, b, c, z));
  EXPECT_THAT(errors, IsEmpty());
}

TEST_F(ExpandPathsTest, SkipsFilesWithOtherExtensions) {
  const std::string md = Touch("story.md");
  Touch("photo.png");
  Touch("data.json");
  Diagnostics errors;
  EXPECT_THAT(ExpandPaths({root_.string()}, &errors), ElementsAre(md));
}

TEST_F(ExpandPathsTest, SkipsHiddenDirectoriesAndFiles) {
  const std::string md = Touch("story.md");
  Touch(".git/HEAD.txt");
  Touch(".cache/deep/x.md");
  Touch(".draft.md");
  Diagnostics errors;
  EXPECT_THAT(ExpandPaths({root_.string()}, &errors), ElementsAre(md));
}

TEST_F(ExpandPathsTest, DoesNotFollowDirectorySymlinks) {
  const std::string md = Touch("sub/story.md");
  fs::create_directory_symlink(root_, root_ / "sub" / "loop");
  Diagnostics errors;
  EXPECT_THAT(ExpandPaths({root_.string()}, &errors), ElementsAre(md));
  EXPECT_THAT(errors, IsEmpty());
}

TEST_F(ExpandPathsTest, KeepsExplicitFilesAndStdinAsGiven) {
  const std::string png = Touch("photo.png");
  const std::string md = Touch("dir/x.md");
  Diagnostics errors;
  EXPECT_THAT(ExpandPaths({png, "-", (root_ / "dir").string()}, &errors),
              ElementsAre(png, "-", md));
}

TEST_F(ExpandPathsTest, ReportsMissingPathAndContinues) {
  const std::string md = Touch("x.md");
  const std::string missing = (root_ / "nope.md").string();
  Diagnostics errors;
  EXPECT_THAT(ExpandPaths({missing, md}, &errors), ElementsAre(md));
  EXPECT_THAT(ToStrings(errors),
              ElementsAre(missing + ": error: no such file or directory"));
}

TEST_F(ExpandPathsTest, ReportsUnreadableDirectory) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read any directory";
  Touch("locked/x.md");
  const std::string locked = (root_ / "locked").string();
  fs::permissions(locked, fs::perms::none);
  Diagnostics errors;
  EXPECT_THAT(ExpandPaths({locked}, &errors), IsEmpty());
  EXPECT_THAT(ToStrings(errors),
              ElementsAre(locked +
                          ": error: cannot list directory: Permission denied"));
  fs::permissions(locked, fs::perms::owner_all);
}

TEST(DocumentFromBytesTest, RefusesNulByteAsBinary) {
  std::ifstream in(FixturePath("binary.bin"), std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  ASSERT_FALSE(bytes.empty());
  Diagnostics warnings;
  absl::StatusOr<Document> doc =
      DocumentFromBytes("binary.bin", bytes, Format::kPlainText, &warnings);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(doc.status().message(), "binary file (NUL byte at offset 3)");
}

TEST(DocumentFromBytesTest, HashesRawBytesWithSha256) {
  absl::StatusOr<Document> doc =
      DocumentFromBytes("abc.txt", "abc", Format::kPlainText, nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(doc->raw_bytes, 3u);
  EXPECT_EQ(doc->path, "abc.txt");
}

TEST(DocumentFromBytesTest, HashAndSizeDescribeBytesBeforeRepair) {
  absl::StatusOr<Document> raw =
      DocumentFromBytes("x", "a\xFF", Format::kPlainText, nullptr);
  absl::StatusOr<Document> repaired =
      DocumentFromBytes("x", "a\xEF\xBF\xBD", Format::kPlainText, nullptr);
  ASSERT_TRUE(raw.ok() && repaired.ok());
  EXPECT_EQ(raw->original, repaired->original);
  EXPECT_EQ(raw->raw_bytes, 2u);
  EXPECT_NE(raw->sha256, repaired->sha256);
}

TEST(DocumentFromBytesTest, WarnsOncePerLineWithInvalidUtf8) {
  Diagnostics warnings;
  absl::StatusOr<Document> doc =
      ReadDocument(FixturePath("invalid_utf8.txt"), &warnings);
  ASSERT_TRUE(doc.ok()) << doc.status();
  const std::string path = FixturePath("invalid_utf8.txt");
  EXPECT_THAT(
      ToStrings(warnings),
      ElementsAre(
          path + ":2:8: warning: invalid UTF-8 (1 byte replaced by U+FFFD)",
          path + ":3:13: warning: invalid UTF-8 (3 bytes replaced by U+FFFD)"));
  EXPECT_NE(doc->original.find("caf\xEF\xBF\xBD("), std::string::npos);
  EXPECT_EQ(doc->text, doc->original);
}

TEST(DocumentFromBytesTest, CapsUtf8WarningsWithOneSummary) {
  std::string bytes;
  for (int i = 0; i < 25; ++i) bytes += "bad \xC3\x28 line\n";
  Diagnostics warnings;
  ASSERT_TRUE(
      DocumentFromBytes("f.txt", bytes, Format::kPlainText, &warnings).ok());
  ASSERT_EQ(warnings.size(), 21u);
  EXPECT_EQ(warnings[19].ToString(),
            "f.txt:20:5: warning: invalid UTF-8 (1 byte replaced by U+FFFD)");
  EXPECT_EQ(warnings[20].ToString(),
            "f.txt: warning: invalid UTF-8 on 5 more lines (5 bytes replaced "
            "by U+FFFD)");
}

TEST(DocumentFromBytesTest, PlainTextBlanksCarriageReturnsAndBom) {
  absl::StatusOr<Document> doc = DocumentFromBytes(
      "x.txt", "\xEF\xBB\xBFOne.\r\nTwo.\r\n", Format::kPlainText, nullptr);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->original, "\xEF\xBB\xBFOne.\r\nTwo.\r\n");
  EXPECT_EQ(doc->text, "   One. \nTwo. \n");
  EXPECT_TRUE(doc->offsets.empty());
}

TEST(DocumentFromBytesTest, PlainTextBlanksNoBreakSpacesByteForByte) {
  absl::StatusOr<Document> doc = DocumentFromBytes(
      "x.txt", "Trump\xC2\xA0said it.\n", Format::kPlainText, nullptr);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "Trump  said it.\n");
  EXPECT_TRUE(doc->offsets.empty());
}

TEST(DocumentFromBytesTest, MarkdownBlanksNoBreakSpacesByteForByte) {
  absl::StatusOr<Document> doc = DocumentFromBytes(
      "x.md", "Trump\xC2\xA0said it.\n", Format::kMarkdown, nullptr);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "Trump  said it.\n");
  EXPECT_TRUE(doc->offsets.empty());
}

TEST(ReadDocumentTest, HardWrappedPlainTextReadsAsOneParagraphPerLine) {
  absl::StatusOr<Document> doc =
      ReadDocument(FixturePath("wrapped-wire.txt"), nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_NE(doc->text.find("lead manager Warburg Securities said."),
            std::string::npos);
  EXPECT_NE(doc->original.find("Warburg\nSecurities"), std::string::npos);
  EXPECT_EQ(doc->text.size(), doc->original.size());
  EXPECT_TRUE(doc->offsets.empty());
}

TEST(ReadDocumentTest, MarkdownTextIsAlignedWithCodeBlanked) {
  absl::StatusOr<Document> doc =
      ReadDocument(FixturePath("article.md"), nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->format, Format::kMarkdown);
  EXPECT_EQ(doc->text.size(), doc->original.size());
  EXPECT_TRUE(doc->offsets.empty());
  EXPECT_NE(doc->original.find("def claim"), std::string::npos);
  EXPECT_EQ(doc->text.find("def claim"), std::string::npos);
  EXPECT_EQ(doc->text.find("Desk Editor"), std::string::npos);
  EXPECT_EQ(doc->text.find("TODO"), std::string::npos);
  const size_t at = doc->original.find("Observers counted");
  EXPECT_EQ(doc->text.substr(at, 17), "Observers counted");
}

TEST(ReadDocumentTest, HtmlFindingMapsBackToOriginalPosition) {
  absl::StatusOr<Document> doc =
      ReadDocument(FixturePath("article.html"), nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->format, Format::kHtml);
  EXPECT_FALSE(doc->offsets.empty());
  const size_t found = doc->text.find("according to Reuters");
  ASSERT_NE(found, std::string::npos);
  const size_t original = doc->offsets.ToOriginal(found);
  EXPECT_EQ(doc->original.substr(original, 12), "according to");
  EXPECT_EQ(LineIndex(doc->original).At(original), (Position{14, 30}));
  // The word after the tag that interrupts the phrase maps past the tag.
  const size_t reuters = doc->offsets.ToOriginal(found + 13);
  EXPECT_EQ(doc->original.substr(reuters, 7), "Reuters");
}

TEST(ReadDocumentTest, HtmlLinesCarryTheirMarkup) {
  absl::StatusOr<Document> doc =
      ReadDocument(FixturePath("article.html"), nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_FALSE(doc->structure.empty());
  const size_t nav = doc->text.find("Home | World");
  ASSERT_NE(nav, std::string::npos);
  const auto line = std::find_if(
      doc->structure.begin(), doc->structure.end(),
      [&](const LineStructure& entry) { return entry.begin == nav; });
  ASSERT_NE(line, doc->structure.end());
  EXPECT_EQ(line->furniture, "inside <nav>");
  EXPECT_EQ(line->link_chars, 9);
}

TEST(ReadDocumentTest, MarkdownHasNoMarkupStructure) {
  absl::StatusOr<Document> doc =
      ReadDocument(FixturePath("article.md"), nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_TRUE(doc->structure.empty());
}

TEST(ReadDocumentTest, DashReadsStdinAsPlainText) {
  const std::string path = FixturePath("article.md");
  ASSERT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  absl::StatusOr<Document> doc = ReadDocument("-", nullptr);
  // Leave stdin at a harmless end of file for whatever runs next.
  std::freopen("/dev/null", "rb", stdin);
  ASSERT_TRUE(doc.ok()) << doc.status();
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  EXPECT_EQ(doc->path, "-");
  EXPECT_EQ(doc->format, Format::kPlainText);
  EXPECT_EQ(doc->original, bytes);
}

TEST(ReadDocumentTest, MissingFileIsNotFound) {
  absl::StatusOr<Document> doc =
      ReadDocument(FixturePath("does_not_exist.txt"), nullptr);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(doc.status().message(), "cannot read: No such file or directory");
}

TEST(ReadDocumentTest, DirectoryCannotBeRead) {
  absl::StatusOr<Document> doc =
      ReadDocument(std::string(PROVCHECK_SOURCE_DIR) + "/fixtures", nullptr);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(doc.status().message(), "cannot read: Is a directory");
}

using ReadDocumentPermissionTest = TempDirTest;

TEST_F(ReadDocumentPermissionTest, UnreadableFileIsPermissionDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read any file";
  const std::string path = Touch("secret.txt");
  fs::permissions(path, fs::perms::none);
  absl::StatusOr<Document> doc = ReadDocument(path, nullptr);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(doc.status().message(), "cannot read: Permission denied");
}

}  // namespace
}  // namespace provcheck
