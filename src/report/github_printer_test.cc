#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "provcheck/printer.h"

namespace provcheck {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Finding MakeFinding(Severity severity, int line, std::string message) {
  Finding finding;
  finding.rule_id = "vague-attribution.impersonal";
  finding.kind = Kind::kVagueAttribution;
  finding.severity = severity;
  finding.start = Position{line, 5};
  finding.stop = Position{line, 17};
  finding.message = std::move(message);
  finding.text = "it was noted";
  return finding;
}

std::string Print(const std::vector<DocumentReport>& reports,
                  int max_per_level = kGithubAnnotationsPerLevel) {
  std::ostringstream out;
  std::unique_ptr<Printer> printer = MakeGithubPrinter(
      out, std::filesystem::current_path().string(), max_per_level);
  printer->Begin();
  RunSummary summary;
  for (const DocumentReport& report : reports) {
    ++summary.documents;
    for (const Finding& f : report.result.findings) {
      ++summary.findings_by_severity[static_cast<int>(f.severity)];
    }
    printer->PrintReport(report);
  }
  printer->End(summary);
  return out.str();
}

DocumentReport Report(std::string path, std::vector<Finding> findings) {
  DocumentReport report;
  report.result.path = std::move(path);
  report.result.findings = std::move(findings);
  return report;
}

TEST(GithubPrinterTest, OneCommandPerFindingWithItsSpanGroupedPerFile) {
  EXPECT_EQ(Print({Report("docs/a.md",
                          {MakeFinding(Severity::kWarning, 3, "Vague")})}),
            "::group::docs/a.md\n"
            "::warning file=docs/a.md,line=3,endLine=3,col=5,endColumn=16,"
            "title=vague-attribution.impersonal (warning)::Vague\n"
            "::endgroup::\n"
            "provcheck: 1 file, 1 finding (0 errors, 1 warnings, 0 info)\n");
}

TEST(GithubPrinterTest, SeverityPicksTheCommand) {
  const std::string out =
      Print({Report("a.md", {MakeFinding(Severity::kError, 1, "e"),
                             MakeFinding(Severity::kInfo, 2, "i")})});
  EXPECT_THAT(out, HasSubstr("\n::error file=a.md,line=1,"));
  EXPECT_THAT(out, HasSubstr("\n::notice file=a.md,line=2,"));
  EXPECT_THAT(out, HasSubstr("title=vague-attribution.impersonal (info)::i"));
}

TEST(GithubPrinterTest, MessagesEscapePercentAndLineBreaks) {
  const std::string out = Print(
      {Report("a.md", {MakeFinding(Severity::kWarning, 1, "50% of\r\nit")})});
  EXPECT_THAT(out, HasSubstr("::50%25 of%0D%0Ait\n"));
}

TEST(GithubPrinterTest, PropertiesAlsoEscapeColonAndComma) {
  const std::string out = Print(
      {Report("dir:a,b.md", {MakeFinding(Severity::kWarning, 1, "a: b, c")})});
  EXPECT_THAT(out, HasSubstr("file=dir%3Aa%2Cb.md,"));
  EXPECT_THAT(out, HasSubstr("::a: b, c\n"));
}

TEST(GithubPrinterTest, MultiLineSpansCarryNoColumns) {
  Finding finding = MakeFinding(Severity::kWarning, 1, "m");
  finding.stop = Position{2, 3};
  const std::string out = Print({Report("a.md", {finding})});
  EXPECT_THAT(out, HasSubstr("line=1,endLine=2,title="));
}

TEST(GithubPrinterTest, BeyondTheLimitFindingsAreLoggedAndSummarised) {
  std::vector<Finding> findings;
  for (int line = 1; line <= 4; ++line) {
    findings.push_back(MakeFinding(Severity::kWarning, line, "w"));
  }
  findings.push_back(MakeFinding(Severity::kError, 9, "e"));
  const std::string out = Print({Report("a.md", findings)}, 2);
  EXPECT_THAT(out, HasSubstr("::warning file=a.md,line=2,"));
  EXPECT_THAT(out, Not(HasSubstr("::warning file=a.md,line=3,")));
  EXPECT_THAT(out, HasSubstr("\na.md:3:5: warning: w "
                             "[vague-attribution.impersonal]\n"));
  EXPECT_THAT(out, HasSubstr("::error file=a.md,line=9,"));
  EXPECT_THAT(out, HasSubstr("provcheck: 2 more entries are not annotated "
                             "(GitHub shows 2 per level in a step): see each "
                             "file's group in this log"));
}

TEST(GithubPrinterTest, NoticesBecomeAnnotationsTitledWithTheirId) {
  DocumentReport report = Report("a.md", {});
  Diagnostic low;
  low.level = Diagnostic::Level::kError;
  low.path = "a.md";
  low.message = "provenance score 12.5 is below the minimum 40";
  report.notices.push_back(Notice{"provcheck.min-score", low});
  EXPECT_THAT(Print({report}),
              HasSubstr("::error file=a.md,title=provcheck.min-score::"
                        "provenance score 12.5 is below the minimum 40\n"));
}

TEST(GithubPrinterTest, FileIsRelativeToTheRepositoryRoot) {
  const std::string cwd = std::filesystem::current_path().string();
  const std::string out = Print({Report(
      cwd + "/docs/../docs/a.md", {MakeFinding(Severity::kWarning, 1, "m")})});
  EXPECT_THAT(out, HasSubstr("::warning file=docs/a.md,line=1,"));
}

TEST(GithubPrinterTest, FilesWithoutFindingsPrintNoGroup) {
  EXPECT_THAT(Print({Report("a.md", {})}), Not(HasSubstr("::group::")));
}

}  // namespace
}  // namespace provcheck
