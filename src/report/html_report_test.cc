#include "report/html_report.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/sha256.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace provcheck::report {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

ReportFinding At(int line, int column, int end_line, int end_column,
                 Kind kind = Kind::kAttribution) {
  ReportFinding item;
  item.finding.kind = kind;
  item.finding.start = {line, column};
  item.finding.stop = {end_line, end_column};
  return item;
}

TEST(HighlightTextTest, ColumnsCountCodePointsNotBytes) {
  // "é" is two bytes: column 3 starts at byte 3.
  const std::vector<HighlightedLine> lines =
      HighlightText("aé said x\n", {At(1, 3, 1, 8)}, nullptr);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].spans.size(), 1u);
  EXPECT_EQ(
      lines[0].text.substr(lines[0].spans[0].begin,
                           lines[0].spans[0].end - lines[0].spans[0].begin),
      " said");
}

TEST(HighlightTextTest, EnclosedFindingNestsInsideTheEnclosingOne) {
  const std::vector<HighlightedLine> lines =
      HighlightText("0123456789", {At(1, 1, 1, 11), At(1, 3, 1, 5)}, nullptr);
  ASSERT_EQ(lines[0].spans.size(), 1u);
  ASSERT_EQ(lines[0].spans[0].children.size(), 1u);
  EXPECT_EQ(lines[0].spans[0].children[0].finding, 1u);
}

TEST(HighlightTextTest, CrossingFindingContinuesAfterTheOneItCrosses) {
  const std::vector<HighlightedLine> lines =
      HighlightText("0123456789", {At(1, 1, 1, 6), At(1, 4, 1, 9)}, nullptr);
  const auto& spans = lines[0].spans;
  ASSERT_EQ(spans.size(), 2u);
  ASSERT_EQ(spans[0].children.size(), 1u);
  EXPECT_EQ(spans[0].children[0].finding, 1u);
  EXPECT_TRUE(spans[0].children[0].first);
  EXPECT_EQ(spans[0].children[0].end, 5u);
  EXPECT_EQ(spans[1].finding, 1u);
  EXPECT_FALSE(spans[1].first);
  EXPECT_EQ(spans[1].begin, 5u);
  EXPECT_EQ(spans[1].end, 8u);
}

TEST(HighlightTextTest, FindingAcrossLinesIsCutIntoOnePiecePerLine) {
  const std::vector<HighlightedLine> lines =
      HighlightText("abc\ndef\n", {At(1, 2, 2, 3)}, nullptr);
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].spans.size(), 1u);
  ASSERT_EQ(lines[1].spans.size(), 1u);
  EXPECT_TRUE(lines[0].spans[0].first);
  EXPECT_FALSE(lines[1].spans[0].first);
  EXPECT_EQ(lines[1].spans[0].end, 2u);
}

TEST(HighlightTextTest, EndAtColumnOneOfTheNextLineAddsNoPiece) {
  const std::vector<HighlightedLine> lines =
      HighlightText("abc\ndef\n", {At(1, 1, 2, 1)}, nullptr);
  EXPECT_EQ(lines[0].spans.size(), 1u);
  EXPECT_TRUE(lines[1].spans.empty());
}

TEST(HighlightTextTest, FindingOutsideTheTextIsUnplaced) {
  std::vector<size_t> unplaced;
  const std::vector<HighlightedLine> lines =
      HighlightText("one line\n", {At(1, 1, 1, 4), At(7, 1, 7, 3)}, &unplaced);
  EXPECT_EQ(lines[0].spans.size(), 1u);
  EXPECT_THAT(unplaced, ::testing::ElementsAre(1u));
}

TEST(HighlightTextTest, CarriageReturnIsNotShown) {
  const std::vector<HighlightedLine> lines =
      HighlightText("ab\r\ncd\r\n", {At(1, 1, 1, 4)}, nullptr);
  EXPECT_EQ(lines[0].text, "ab");
  EXPECT_EQ(lines[0].spans[0].end, 2u);
}

TEST(GradeOfTest, BandsStartAtTheirLowerBound) {
  EXPECT_EQ(GradeOf(75).letter, "A");
  EXPECT_EQ(GradeOf(74.9).letter, "B");
  EXPECT_EQ(GradeOf(50).letter, "B");
  EXPECT_EQ(GradeOf(25).letter, "C");
  EXPECT_EQ(GradeOf(24.9).letter, "D");
  EXPECT_EQ(GradeOf(0).letter, "D");
}

TEST(CspHashSourceTest, IsTheBase64Sha256InQuotes) {
  EXPECT_EQ(CspHashSource(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
}

// A store holding one audited document whose file sits in a temp folder.
class WriteHtmlReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::path(::testing::TempDir()) /
        ("provcheck-html-" +
         std::string(
             ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto store = Store::Open((dir_ / "audit.db").string(), StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    options_.templates_dir = std::string(PROVCHECK_SOURCE_DIR) + "/reports";
    options_.tool_version = "test";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes `text` to a file and stores it with one finding over `span`.
  void Audit(const std::string& name, const std::string& text,
             const std::string& span) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    auto run = store_->BeginRun(RunInfo{"test", "rules", "audit"});
    ASSERT_TRUE(run.ok());
    DocumentResult result;
    result.path = (dir_ / name).string();
    result.sha256 = Sha256Hex(text);
    Finding finding;
    finding.rule_id = "vague-attribution.unnamed-group";
    finding.kind = Kind::kVagueAttribution;
    const size_t at = text.find(span);
    finding.start = {1, static_cast<int>(at) + 1};
    finding.stop = {1, static_cast<int>(at + span.size()) + 1};
    finding.text = span;
    finding.message = "Vague attribution: \"" + span + "\"";
    result.findings.push_back(finding);
    ASSERT_TRUE(
        store_->SaveDocument(*run, "rules", result, DocumentMetadata{}, {})
            .ok());
    ASSERT_TRUE(store_->FinishRun(*run, RunTotals{1, 0, 0}).ok());
  }

  std::string Render() {
    const std::string out = (dir_ / "out" / "report.html").string();
    absl::Status written = WriteHtmlReport(*store_, options_, out);
    EXPECT_TRUE(written.ok()) << written;
    std::ifstream in(out, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  HtmlReportOptions options_;
};

TEST_F(WriteHtmlReportTest, DocumentTextIsEscapedAndHighlighted) {
  Audit("a.txt", "<script>alert(1)</script> Officials said so.\n",
        "Officials said");
  const std::string html = Render();
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; "));
  EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(html, HasSubstr("data-kind=\"vague-attribution\""));
  EXPECT_THAT(html, HasSubstr("Officials said<span class=\"tip\""));
}

TEST_F(WriteHtmlReportTest, InlineBlocksMatchTheHashesInThePolicy) {
  Audit("a.txt", "Officials said so.\n", "Officials said");
  const std::string html = Render();
  const auto between = [&](const std::string& open, const std::string& close) {
    const size_t begin = html.find(open) + open.size();
    return html.substr(begin, html.find(close, begin) - begin);
  };
  const std::string css = between("<style>", "</style>");
  const std::string js = between("<script>", "</script>");
  const std::string policy =
      between("Content-Security-Policy\" content=\"", "\">");
  const auto escaped = [](std::string source) {
    std::string out;
    for (char c : source)
      out += c == '\'' ? std::string("&#39;") : std::string(1, c);
    return out;
  };
  EXPECT_THAT(policy, HasSubstr("style-src " + escaped(CspHashSource(css))));
  EXPECT_THAT(policy, HasSubstr("script-src " + escaped(CspHashSource(js))));
  EXPECT_THAT(policy, HasSubstr("default-src 'none'"));
}

TEST_F(WriteHtmlReportTest, ChangedFileIsShownWithoutTextAndSaysWhy) {
  Audit("a.txt", "Officials said so.\n", "Officials said");
  std::ofstream(dir_ / "a.txt") << "Edited since.\n";
  const std::string html = Render();
  EXPECT_THAT(html, HasSubstr("The file has changed since it was analysed"));
  EXPECT_THAT(html, Not(HasSubstr("<mark class=\"f k-vague-attribution\" "
                                  "data-kind")));
  EXPECT_THAT(html, HasSubstr("vague-attribution.unnamed-group"));
}

TEST_F(WriteHtmlReportTest, MissingFileIsShownWithoutTextAndSaysWhy) {
  Audit("a.txt", "Officials said so.\n", "Officials said");
  fs::remove(dir_ / "a.txt");
  EXPECT_THAT(Render(), HasSubstr("The file is not at "));
}

TEST_F(WriteHtmlReportTest, MissingTemplatesAreAnError) {
  Audit("a.txt", "Officials said so.\n", "Officials said");
  options_.templates_dir = (dir_ / "nowhere").string();
  absl::Status written =
      WriteHtmlReport(*store_, options_, (dir_ / "r.html").string());
  EXPECT_FALSE(written.ok());
  EXPECT_FALSE(fs::exists(dir_ / "r.html"));
}

TEST_F(WriteHtmlReportTest, UnknownRunIsAnError) {
  Audit("a.txt", "Officials said so.\n", "Officials said");
  options_.run_id = 99;
  EXPECT_FALSE(
      WriteHtmlReport(*store_, options_, (dir_ / "r.html").string()).ok());
}

TEST_F(WriteHtmlReportTest, LargeReportIsAnIndexAndOnePagePerDocument) {
  Audit("a.txt", "Officials said so.\n", "Officials said");
  options_.split_above = 0;
  const std::string index = Render();
  EXPECT_THAT(index, HasSubstr("href=\"report_files/doc-1.html\""));
  EXPECT_THAT(index, Not(HasSubstr("<details class=\"doc\"")));
  std::ifstream in(dir_ / "out" / "report_files" / "doc-1.html");
  std::stringstream page;
  page << in.rdbuf();
  EXPECT_THAT(page.str(),
              HasSubstr("<details class=\"doc\" id=\"doc-1\" open>"));
  EXPECT_THAT(page.str(), HasSubstr("data-kind=\"vague-attribution\""));
  EXPECT_THAT(page.str(),
              HasSubstr("href=\"../report.html#documents-heading\""));
}

TEST_F(WriteHtmlReportTest, SplitReportRemovesPagesOfDocumentsNoLongerInIt) {
  Audit("a.txt", "Officials said so.\n", "Officials said");
  options_.split_above = 0;
  fs::create_directories(dir_ / "out" / "report_files");
  std::ofstream(dir_ / "out" / "report_files" / "doc-99.html") << "old";
  std::ofstream(dir_ / "out" / "report_files" / "notes.txt") << "mine";
  Render();
  EXPECT_FALSE(fs::exists(dir_ / "out" / "report_files" / "doc-99.html"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "report_files" / "notes.txt"));
}

TEST_F(WriteHtmlReportTest, SameDatabaseGivesTheSameBytes) {
  Audit("a.txt", "Officials said so.\n", "Officials said");
  EXPECT_EQ(Render(), Render());
}

}  // namespace
}  // namespace provcheck::report
