// End-to-end: provcheck in CI — the sarif and github formats, exit codes,
// the config file, ignore files, suppressions, baselines, the diff base and
// the pre-commit hook, each run as a pipeline would run it.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "run_command.h"

namespace provcheck {
namespace {

namespace fs = std::filesystem;
using ::provcheck::testing::CommandResult;
using ::provcheck::testing::ReadFileOrEmpty;
using ::provcheck::testing::RunProvcheck;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kSource = PROVCHECK_SOURCE_DIR;

std::string Quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

// A directory of its own for one test, removed afterwards.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name) {
    static int counter = 0;
    path_ = fs::path(::testing::TempDir()) /
            ("provcheck-ci-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter++) + "-" + name);
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  void Write(const std::string& relative, const std::string& text) const {
    fs::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative, std::ios::binary) << text;
  }

 private:
  fs::path path_;
};

// Runs shell text in `dir`, with git's identity fixed and no user or system
// git config, so the tests behave alike on any machine.
CommandResult Sh(const std::string& dir, const std::string& command) {
  static int counter = 0;
  const std::string stem = ::testing::TempDir() + "provcheck-ci-sh-" +
                           std::to_string(::getpid()) + "-" +
                           std::to_string(counter++);
  const std::string env =
      "export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null "
      "GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.invalid "
      "GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.invalid "
      "PATH=" +
      Quote(fs::path(PROVCHECK_BINARY).parent_path().string()) + ":\"$PATH\"; ";
  const std::string full = "cd " + Quote(dir) + " && { " + env + command +
                           "; } </dev/null >" + Quote(stem + ".out") + " 2>" +
                           Quote(stem + ".err");
  const int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFileOrEmpty(stem + ".out");
  result.err = ReadFileOrEmpty(stem + ".err");
  std::remove((stem + ".out").c_str());
  std::remove((stem + ".err").c_str());
  return result;
}

// `provcheck ARGS` run in `dir`.
CommandResult RunIn(const std::string& dir, const std::string& args) {
  return Sh(dir, Quote(PROVCHECK_BINARY) + " " + args);
}

void GitInit(const ScratchDir& dir) {
  ASSERT_EQ(Sh(dir.str(), "git init -q -b main .").exit_code, 0);
}

void GitCommitAll(const ScratchDir& dir, const std::string& message) {
  const CommandResult commit =
      Sh(dir.str(),
         "git add -A && git commit -q --no-verify -m " + Quote(message));
  ASSERT_EQ(commit.exit_code, 0) << commit.err;
}

// (path, rule, line, severity) of every finding in a JSON report.
std::vector<std::tuple<std::string, std::string, int, std::string>> Findings(
    const std::string& json_text) {
  std::vector<std::tuple<std::string, std::string, int, std::string>> out;
  const nlohmann::json json = nlohmann::json::parse(json_text);
  for (const auto& document : json["documents"]) {
    for (const auto& finding : document["findings"]) {
      out.emplace_back(document["path"], finding["rule"], finding["line"],
                       finding["severity"]);
    }
  }
  return out;
}

// ---------------------------------------------------------------- formats

TEST(GoldenFormatTest, SarifMatchesTheGoldenFile) {
  // tests/golden/seeds.sarif was read line by line; regenerate it with
  // scripts/update-golden after reading the diff.
  const auto run = RunProvcheck(
      "lint --no-config --format sarif --fail-on none "
      "fixtures/seeds");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, ReadFileOrEmpty(kSource + "/tests/golden/seeds.sarif"));
}

// A mention rule reports nothing, so SARIF's rule table leaves it out.
TEST(SarifRulesTest, ListsNoMentionRule) {
  const auto run = RunProvcheck(
      "lint --no-config --format sarif --fail-on none "
      "fixtures/seeds/004_2d75c3c5078d4155.txt");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, Not(HasSubstr("attribution.subject-mention")));
  EXPECT_THAT(run.out, HasSubstr("attribution.according-to"));
}

TEST(GoldenFormatTest, GithubMatchesTheGoldenFile) {
  const auto run = RunProvcheck(
      "lint --no-config --format github --fail-on none "
      "fixtures/seeds");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            ReadFileOrEmpty(kSource + "/tests/golden/seeds.github.txt"));
}

// The pinned validator: ajv-cli 3 (ajv 6, which reads the draft-04 schema
// the package ships) and Microsoft's SARIF schema from @microsoft/jest-sarif.
constexpr char kValidatorPackages[] =
    "@microsoft/jest-sarif@1.0.0-beta.0 ajv-cli@3.3.0";
constexpr char kSchemaInPackage[] =
    "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";

std::string ValidatorDir() {
  const char* cache = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  const std::string base = cache && *cache ? cache
                           : home && *home ? std::string(home) + "/.cache"
                                           : ::testing::TempDir();
  return base + "/provcheck/sarif-validator-1";
}

TEST(SarifFormatTest, ValidatesAgainstTheSarifSchemaWithARealValidator) {
  const std::string dir = ValidatorDir();
  const std::string ajv = dir + "/node_modules/.bin/ajv";
  const std::string schema = dir + "/" + kSchemaInPackage;
  if (!fs::exists(ajv) || !fs::exists(schema)) {
    fs::create_directories(dir);
    const CommandResult install =
        Sh(dir, std::string("npm install --prefix . --no-audit --no-fund "
                            "--loglevel=error ") +
                    kValidatorPackages);
    if (install.exit_code != 0) {
      if (Sh(dir, "npm ping").exit_code != 0) {
        GTEST_SKIP() << "the npm registry is unreachable, so the SARIF "
                        "validator ("
                     << kValidatorPackages << ") cannot be installed";
      }
      FAIL() << "npm install " << kValidatorPackages << " failed:\n"
             << install.err;
    }
  }
  ScratchDir scratch("sarif");
  // Seeds for results, the suppression fixtures for notifications.
  const auto run = RunProvcheck(
      "lint --no-config --format sarif --fail-on none fixtures/seeds "
      "fixtures/ci/suppress");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  scratch.Write("report.json", run.out);  // ajv-cli reads *.json only
  const std::string validate = Quote(ajv) + " validate --schema-id=id -s " +
                               Quote(schema) +
                               " -d report.json --all-errors --errors=text";
  const CommandResult valid = Sh(scratch.str(), validate);
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
  EXPECT_THAT(valid.out + valid.err, HasSubstr("report.json valid"));

  // The same validator rejects a broken report: the check is real.
  nlohmann::json broken = nlohmann::json::parse(run.out);
  broken["runs"][0]["results"][0]["level"] = "fatal";
  scratch.Write("report.json", broken.dump());
  EXPECT_NE(Sh(scratch.str(), validate).exit_code, 0);
}

TEST(SarifFormatTest, LocationsAreRelativeToTheRepositoryRoot) {
  ScratchDir repo("sarif-root");
  GitInit(repo);
  repo.Write("docs/news/a.md", "Analysts say the pier will close.\n");
  const auto run = RunIn((repo.path() / "docs").string(),
                         "lint --format sarif --fail-on none news");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json sarif = nlohmann::json::parse(run.out);
  EXPECT_EQ(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                 ["artifactLocation"]["uri"],
            "docs/news/a.md");
}

// -------------------------------------------------------------- exit codes

struct ExitCase {
  const char* name;
  const char* args;
  int exit_code;
};

class ExitCodeMatrixTest : public ::testing::TestWithParam<ExitCase> {};

TEST_P(ExitCodeMatrixTest, ExitsWithTheDocumentedCode) {
  const auto run =
      RunProvcheck(std::string("lint --no-config ") + GetParam().args);
  EXPECT_EQ(run.exit_code, GetParam().exit_code) << run.err;
}

INSTANTIATE_TEST_SUITE_P(
    Lint, ExitCodeMatrixTest,
    ::testing::Values(
        ExitCase{"FindingsAtTheFailLevel",
                 "--fail-on warning "
                 "fixtures/lint/harbour-report.md",
                 1},
        ExitCase{"NoExitIgnoresFindings",
                 "--fail-on warning --no-exit fixtures/lint/harbour-report.md",
                 0},
        ExitCase{
            "ScoreBelowTheMinimum",
            "--fail-on none --min-score 99 fixtures/lint/harbour-report.md", 1},
        ExitCase{"NoExitIgnoresScores",
                 "--min-score 99 --no-exit fixtures/lint/harbour-report.md", 0},
        ExitCase{"NoExitKeepsUnreadableInputAtTwo",
                 "--no-exit fixtures/ingest/binary.bin", 2},
        ExitCase{"MissingBaselineIsTwo",
                 "--baseline no/such/baseline.json fixtures/lint", 2},
        ExitCase{"UnknownDiffBaseIsTwo",
                 "--diff-base no-such-revision --no-exit fixtures/lint", 2},
        ExitCase{"UnknownMinLevelIsAUsageError",
                 "--min-level none fixtures/lint", 2},
        ExitCase{"MinScoreOutOfRangeIsAUsageError",
                 "--min-score 101 fixtures/lint", 2}),
    [](const ::testing::TestParamInfo<ExitCase>& info) {
      return std::string(info.param.name);
    });

TEST(ExitCodeTest, ABadConfigExitsTwoEvenWithNoExit) {
  const auto run = RunProvcheck(
      "lint --no-exit --config fixtures/ci/bad-config/.provcheck.toml "
      "fixtures/lint/quiet-note.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "fixtures/ci/bad-config/.provcheck.toml:4:17: error: "
            "rules.\"boilerplate\": expected \"error\", \"warning\", \"info\" "
            "or \"off\", got \"fatal\"\n");
  EXPECT_EQ(run.out, "");
}

TEST(MinScoreTest, EachDocumentBelowTheMinimumIsReportedOnStderr) {
  const auto run = RunProvcheck(
      "lint --no-config --fail-on none --min-score 40 fixtures/seeds");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err,
              HasSubstr("fixtures/seeds/003_039644d7db55c96b.txt: error: "
                        "provenance score 0.0 is below the minimum 40\n"));
}

TEST(MinLevelTest, HidesLowerFindingsWhileFailOnStillCountsThem) {
  const auto run = RunProvcheck(
      "lint --no-config --min-level error --fail-on warning "
      "fixtures/lint/harbour-report.md");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, Not(HasSubstr(": warning: ")));
  EXPECT_THAT(run.err, HasSubstr("below --min-level, so not shown"));
}

// ------------------------------------------------------------------ config

TEST(ConfigTest, FoundByWalkingUpAndAppliedThroughThePipeline) {
  // fixtures/ci/project/.provcheck.toml: fail on warnings, hearsay is an
  // error, the boilerplate pack is off, opinion/ treats vague attribution
  // as info; its .provcheckignore skips drafts/.
  const auto run =
      RunIn(kSource + "/fixtures/ci/project/news", "lint --format json ..");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_THAT(
      Findings(run.out),
      ElementsAre(std::tuple("../news/ferry.md",
                             "vague-attribution.hearsay-adverb", 3, "error"),
                  std::tuple("../news/ferry.md",
                             "vague-attribution.unnamed-group", 5, "warning"),
                  std::tuple("../opinion/column.md",
                             "vague-attribution.unnamed-group", 3, "info")));
}

TEST(ConfigTest, OverriddenSeverityShowsInEveryFormat) {
  const std::string dir = kSource + "/fixtures/ci/project";
  const auto text = RunIn(dir, "lint news");
  EXPECT_THAT(text.out,
              HasSubstr("news/ferry.md:3:16: error: Vague attribution: "
                        "\"reportedly\""));
  const auto github = RunIn(dir, "lint --format github news");
  EXPECT_THAT(github.out,
              AllOf(HasSubstr("::error file="),
                    HasSubstr("news/ferry.md,line=3,endLine=3,col=16,"
                              "endColumn=25,title=vague-attribution."
                              "hearsay-adverb (error)::")));
  const auto sarif = RunIn(dir, "lint --format sarif news");
  const nlohmann::json run = nlohmann::json::parse(sarif.out)["runs"][0];
  EXPECT_EQ(run["results"][0]["ruleId"], "vague-attribution.hearsay-adverb");
  EXPECT_EQ(run["results"][0]["level"], "error");
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    if (rule["id"] == "vague-attribution.hearsay-adverb") {
      EXPECT_EQ(rule["defaultConfiguration"]["level"], "error");
    }
    if (rule["id"] == "boilerplate.navigation") {
      EXPECT_EQ(rule["defaultConfiguration"]["enabled"], false);
    }
  }
}

TEST(ConfigTest, NoConfigIgnoresTheFileFoundUpwards) {
  const auto run = RunIn(kSource + "/fixtures/ci/project",
                         "lint --no-config --format json news");
  EXPECT_THAT(Findings(run.out),
              ::testing::Contains(std::tuple(
                  "news/ferry.md", "boilerplate.navigation", 7, "warning")));
}

TEST(ConfigTest, ARuleNameThatMatchesNothingIsAnErrorNamingTheKey) {
  ScratchDir dir("config-typo");
  dir.Write(".provcheck.toml", "[rules]\n\"vague-atribution\" = \"off\"\n");
  dir.Write("a.md", "Text.\n");
  const auto run = RunIn(dir.str(), "lint a.md");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr(".provcheck.toml:2:1: error: "
                                 "rules.\"vague-atribution\": no loaded rule "
                                 "or pack has this name"));
}

TEST(ConfigTest, ExtraRulesDirectoriesAddRules) {
  ScratchDir dir("rules-dirs");
  dir.Write(".provcheck.toml", "rules-dirs = [\"house\"]\n");
  dir.Write("house/house.rules",
            "pack house \"House style\"\n"
            "rule house.harbour {\n  kind citation\n  severity warning\n"
            "  match \"(?P<source>harbour master)\"\n"
            "  message \"Cited to {source}\"\n}\n");
  dir.Write("a.md", "Analysts say so, said the harbour master.\n");
  const auto run = RunIn(dir.str(), "lint --format json --fail-on none a.md");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::set<std::string> rules;
  for (const auto& [path, rule, line, severity] : Findings(run.out)) {
    rules.insert(rule);
  }
  EXPECT_TRUE(rules.contains("house.harbour")) << run.out;
  EXPECT_TRUE(rules.contains("vague-attribution.unnamed-group")) << run.out;
}

TEST(ConfigTest, PacksTableTurnsAnOptInPackOnWithoutMovingTheScore) {
  ScratchDir dir("opt-in");
  dir.Write("a.md", "The abbey was probably founded by monks.\n");
  const auto plain = RunIn(dir.str(), "lint --format json --fail-on none a.md");
  dir.Write(".provcheck.toml", "[packs]\nweasel-words = true\n");
  const auto on = RunIn(dir.str(), "lint --format json --fail-on none a.md");
  ASSERT_EQ(on.exit_code, 0) << on.err;
  std::set<std::string> rules;
  for (const auto& [path, rule, line, severity] : Findings(on.out)) {
    rules.insert(rule);
  }
  EXPECT_TRUE(rules.contains("weasel-words.hedge-adverb")) << on.out;
  EXPECT_TRUE(Findings(plain.out).empty()) << plain.out;
  EXPECT_EQ(nlohmann::json::parse(on.out)["documents"][0]["score"],
            nlohmann::json::parse(plain.out)["documents"][0]["score"]);
}

TEST(ConfigTest, PathSectionsTurnAnOptInPackOnForTheirFilesOnly) {
  ScratchDir dir("opt-in-paths");
  dir.Write(".provcheck.toml",
            "[[paths]]\nmatch = [\"explainers/**\"]\n"
            "packs = { weasel-words = true }\n");
  dir.Write("explainers/a.md", "The abbey was probably founded by monks.\n");
  dir.Write("news/a.md", "The abbey was probably founded by monks.\n");
  const auto run = RunIn(dir.str(), "lint --format json --fail-on none .");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::set<std::string> paths;
  for (const auto& [path, rule, line, severity] : Findings(run.out)) {
    if (rule.starts_with("weasel-words.")) paths.insert(path);
  }
  EXPECT_THAT(paths, ElementsAre(HasSubstr("explainers/a.md"))) << run.out;
}

TEST(ConfigTest, AnUnknownPackNameIsAnErrorNamingTheKey) {
  ScratchDir dir("opt-in-typo");
  dir.Write(".provcheck.toml", "[packs]\nweasle-words = true\n");
  dir.Write("a.md", "Text.\n");
  const auto run = RunIn(dir.str(), "lint a.md");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr(".provcheck.toml:2:1: error: "
                                 "packs.\"weasle-words\": no loaded rule or "
                                 "pack has this name"));
}

TEST(ConfigTest, TurningOffAnOptInPackThatIsOffIsNoError) {
  ScratchDir dir("opt-in-off");
  dir.Write(".provcheck.toml", "[packs]\nweasel-words = false\n");
  dir.Write("a.md", "The abbey was probably founded by monks.\n");
  const auto run = RunIn(dir.str(), "lint --format json a.md");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(Findings(run.out).empty()) << run.out;
}

TEST(IgnoreTest, PathsGitIgnoresAreSkippedInsideARepository) {
  ScratchDir repo("gitignore");
  GitInit(repo);
  repo.Write(".gitignore", "generated/\n");
  repo.Write("generated/copy.md", "Analysts say the pier will close.\n");
  repo.Write("story.md", "Analysts say the pier will close.\n");
  const auto run = RunIn(repo.str(), "lint --format json --fail-on none .");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::set<std::string> paths;
  for (const auto& [path, rule, line, severity] : Findings(run.out)) {
    paths.insert(path);
  }
  EXPECT_EQ(paths, std::set<std::string>{"./story.md"});
}

// ------------------------------------------------------------ suppressions

TEST(SuppressionTest, EveryFormSuppressesWhatItNames) {
  // notes.md: disable-next-line with a pack prefix, a disable/enable block
  // with boilerplate.*, and an unused one; page.html: the same in HTML with
  // a full id; memo.txt: the plain-text line form.
  const auto run = RunProvcheck(
      "lint --no-config --format json --fail-on none fixtures/ci/suppress");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(
      Findings(run.out),
      ElementsAre(std::tuple("fixtures/ci/suppress/memo.txt",
                             "vague-attribution.unnamed-group", 1, "warning"),
                  std::tuple("fixtures/ci/suppress/notes.md",
                             "vague-attribution.unnamed-group", 3, "warning"),
                  std::tuple("fixtures/ci/suppress/notes.md",
                             "attribution.name-cue", 9, "info"),
                  std::tuple("fixtures/ci/suppress/notes.md",
                             "boilerplate.navigation", 17, "warning"),
                  std::tuple("fixtures/ci/suppress/page.html",
                             "vague-attribution.unnamed-group", 3, "warning")));
  EXPECT_EQ(run.err,
            "fixtures/ci/suppress/notes.md:8:1: warning: unused suppression: "
            "provcheck-disable-next-line citation suppresses nothing "
            "[provcheck.unused-suppression]\n");
}

// ---------------------------------------------------------------- baseline

TEST(BaselineTest, OnlyFindingsNewSinceTheBaselineAreReported) {
  ScratchDir dir("baseline");
  const std::string seed =
      ReadFileOrEmpty(kSource + "/fixtures/seeds/000_b82a472d6e1e91d7.txt");
  dir.Write("story.txt", seed);
  const auto write =
      RunIn(dir.str(),
            "lint --fail-on info --write-baseline baseline.json story.txt");
  EXPECT_EQ(write.exit_code, 0) << write.err;
  EXPECT_THAT(write.err, HasSubstr("provcheck: wrote "));
  EXPECT_THAT(ReadFileOrEmpty(dir.str() + "/baseline.json"),
              HasSubstr("\"path\":\"story.txt\""));

  // A new first line moves every old finding down and adds one.
  dir.Write("story.txt", "Officials said the bridge would reopen.\n" + seed);
  const auto check = RunIn(dir.str(),
                           "lint --format json --fail-on info --baseline "
                           "baseline.json story.txt");
  EXPECT_EQ(check.exit_code, 1) << check.err;
  ASSERT_EQ(Findings(check.out).size(), 1u) << check.out;
  EXPECT_EQ(std::get<2>(Findings(check.out)[0]), 1);
}

// --------------------------------------------------------------- diff base

TEST(DiffBaseTest, OnlyFindingsOnLinesChangedSinceTheRevisionAreReported) {
  ScratchDir repo("diff-base");
  GitInit(repo);
  repo.Write("story.md", "# Pier\n\nAnalysts say the pier will close.\n");
  GitCommitAll(repo, "first draft");
  repo.Write("story.md",
             "# Pier\n\nAnalysts say the pier will close.\n\n"
             "Observers note the ferry will stop.\n");
  GitCommitAll(repo, "second draft");
  const auto run = RunIn(repo.str(),
                         "lint --format json --fail-on none --diff-base HEAD~1 "
                         "story.md");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto findings = Findings(run.out);
  ASSERT_FALSE(findings.empty()) << run.out;
  for (const auto& [path, rule, line, severity] : findings) {
    EXPECT_EQ(line, 5) << rule;
  }
}

// -------------------------------------------------------------- pre-commit

TEST(PreCommitTest, TheHookBlocksACommitUntilTheDraftIsSourced) {
  if (Sh("/", "command -v pre-commit").exit_code != 0) {
    GTEST_SKIP() << "pre-commit is not installed (scripts/install-deps "
                    "installs Debian's package)";
  }
  // A hooks repository holding this tree's .pre-commit-hooks.yaml, as
  // pre-commit would clone it from the provcheck repository.
  ScratchDir hooks("hooks");
  GitInit(hooks);
  hooks.Write(".pre-commit-hooks.yaml",
              ReadFileOrEmpty(kSource + "/.pre-commit-hooks.yaml"));
  GitCommitAll(hooks, "hooks");
  const std::string rev = Sh(hooks.str(), "git rev-parse HEAD").out;

  ScratchDir project("newsroom");
  GitInit(project);
  project.Write(".pre-commit-config.yaml",
                "repos:\n  - repo: " + hooks.str() + "\n    rev: " + rev +
                    "    hooks:\n      - id: provcheck\n");
  project.Write(".provcheck.toml", "fail-on = \"warning\"\n");
  project.Write("story.md", "# Pier\n\nAnalysts say the pier will close.\n");
  const std::string env =
      "export PRE_COMMIT_HOME=" + Quote(project.str() + "/.cache") +
      " HOME=" + Quote(project.str()) + "; ";
  ASSERT_EQ(Sh(project.str(), env + "echo .cache/ > .gitignore && "
                                    "pre-commit install")
                .exit_code,
            0);

  const auto blocked =
      Sh(project.str(), env + "git add -A && git commit -q -m draft");
  EXPECT_NE(blocked.exit_code, 0);
  EXPECT_THAT(blocked.out + blocked.err,
              AllOf(HasSubstr("provcheck (claim provenance)"),
                    HasSubstr("story.md:3:1: warning: Vague attribution")));

  project.Write("story.md",
                "# Pier\n\nThe pier will close, the harbour master, Elena "
                "Costa, said.\n");
  const auto accepted =
      Sh(project.str(), env + "git add -A && git commit -q -m sourced");
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out << accepted.err;
}

}  // namespace
}  // namespace provcheck
