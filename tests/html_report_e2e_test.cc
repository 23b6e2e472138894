// End-to-end: the HTML report as a person sees it. Audits the example
// articles and the hostile fixture with --html, opens the report in headless
// Chromium (installed from Debian's packages if missing) and checks the DOM
// the browser built, after its scripts ran.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "run_command.h"

namespace provcheck {
namespace {

using ::provcheck::testing::ReadFileOrEmpty;
using ::provcheck::testing::RunProvcheck;
using ::testing::HasSubstr;

namespace fs = std::filesystem;

// A start tag of the DOM as Chromium serialised it.
struct Tag {
  std::string name;
  std::map<std::string, std::string> attributes;
  size_t offset = 0;  // of its '<'
};

// Every start tag of serialised HTML. Text is escaped in a serialisation
// (a literal '<' in text becomes &lt;), so every '<' followed by a letter
// opens an element; script and style contents are skipped as raw text.
std::vector<Tag> StartTags(const std::string& html) {
  std::vector<Tag> tags;
  const auto is_name = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':';
  };
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i);
      continue;
    }
    if (i + 1 >= html.size() ||
        !std::isalpha(static_cast<unsigned char>(html[i + 1]))) {
      ++i;
      continue;
    }
    Tag tag;
    tag.offset = i;
    size_t j = i + 1;
    while (j < html.size() && is_name(html[j]))
      tag.name += std::tolower(html[j++]);
    while (j < html.size() && html[j] != '>') {
      if (std::isspace(static_cast<unsigned char>(html[j])) || html[j] == '/') {
        ++j;
        continue;
      }
      std::string name;
      while (j < html.size() &&
             !std::isspace(static_cast<unsigned char>(html[j])) &&
             html[j] != '=' && html[j] != '>') {
        name += std::tolower(html[j++]);
      }
      std::string value;
      if (j < html.size() && html[j] == '=') {
        ++j;
        const char quote = html[j];
        if (quote == '"' || quote == '\'') {
          const size_t end = html.find(quote, j + 1);
          if (end == std::string::npos) return tags;  // truncated input
          value = html.substr(j + 1, end - j - 1);
          j = end + 1;
        } else {
          while (j < html.size() &&
                 !std::isspace(static_cast<unsigned char>(html[j])) &&
                 html[j] != '>') {
            value += html[j++];
          }
        }
      }
      tag.attributes[name] = value;
    }
    i = j;
    if (tag.name == "script" || tag.name == "style") {
      i = html.find("</" + tag.name, i);
    }
    tags.push_back(std::move(tag));
  }
  return tags;
}

// An attribute's value; empty when the tag has none.
std::string Attr(const Tag& tag, const std::string& name) {
  auto it = tag.attributes.find(name);
  return it == tag.attributes.end() ? "" : it->second;
}

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs `command` through the shell; its exit status.
int Shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Chromium must not reach for the network: on a closed network it hangs
// without these flags.
std::string Chromium(const std::string& profile) {
  return "timeout 180 chromium --headless --no-sandbox --disable-gpu "
         "--disable-quic --no-first-run --disable-background-networking "
         "--disable-component-update --disable-sync --hide-scrollbars "
         "--user-data-dir=" +
         ShellQuote(profile) + " ";
}

// Installs Debian's chromium when it is missing (once, under a lock, since
// ctest runs test processes in parallel); an empty string when it is there.
std::string EnsureChromium() {
  if (Shell("command -v chromium >/dev/null 2>&1") == 0) return "";
  const std::string install =
      "cd " + ShellQuote(PROVCHECK_SOURCE_DIR) +
      " && flock /tmp/provcheck-install-deps.lock bash scripts/install-deps "
      "chromium >&2";
  if (Shell(install) != 0 ||
      Shell("command -v chromium >/dev/null 2>&1") != 0) {
    return "chromium is not installed and `bash scripts/install-deps chromium` "
           "could not install it";
  }
  return "";
}

// The hostile fixture copied under a name that is itself an attack: paths
// are printed in the report too.
constexpr char kHostileName[] = "x\"'><img src=x onerror=alert(1)>.txt";

class HtmlReportE2eTest : public ::testing::Test {
 protected:
  struct Rendered {
    fs::path dir;
    std::string db;
    std::string report;   // path
    std::string html;     // as written
    std::string dom;      // as Chromium built it
    std::string problem;  // why there is no DOM, if there is none
  };

  static void SetUpTestSuite() {
    rendered_ = new Rendered;
    Rendered& r = *rendered_;
    r.dir = fs::path(::testing::TempDir()) /
            ("provcheck-html-e2e-" + std::to_string(::getpid()));
    fs::remove_all(r.dir);
    fs::create_directories(r.dir / "profile");
    const fs::path fixtures = fs::path(PROVCHECK_SOURCE_DIR) / "fixtures";
    fs::copy_file(fixtures / "hostile" / "hostile.txt", r.dir / kHostileName);
    fs::copy_file(fixtures / "hostile" / "hostile.txt.meta",
                  r.dir / (std::string(kHostileName) + ".meta"));
    r.db = (r.dir / "audit.db").string();
    r.report = (r.dir / "reports" / "audit.html").string();
    const auto audit = RunProvcheck(
        "audit --db " + ShellQuote(r.db) + " --html " + ShellQuote(r.report) +
        " fixtures/seeds fixtures/hostile " +
        ShellQuote((r.dir / kHostileName).string()));
    if (audit.exit_code != 0) {
      r.problem = "audit --html failed: " + audit.err;
      return;
    }
    r.html = ReadFileOrEmpty(r.report);
    r.problem = EnsureChromium();
    if (!r.problem.empty()) return;
    const std::string dom = (r.dir / "dom.html").string();
    // The report's relative paths resolve against the source tree, where
    // the audit ran.
    Shell("cd " + ShellQuote(PROVCHECK_SOURCE_DIR) + " && " +
          Chromium((r.dir / "profile").string()) + "--dump-dom " +
          ShellQuote("file://" + r.report) + " >" + ShellQuote(dom) +
          " 2>/dev/null");
    r.dom = ReadFileOrEmpty(dom);
    if (r.dom.empty()) r.problem = "chromium --dump-dom printed nothing";
  }

  static void TearDownTestSuite() {
    fs::remove_all(rendered_->dir);
    delete rendered_;
    rendered_ = nullptr;
  }

  void SetUp() override {
    if (std::getenv("PROVCHECK_SKIP_BROWSER") != nullptr &&
        rendered_->dom.empty()) {
      GTEST_SKIP() << "PROVCHECK_SKIP_BROWSER is set: " << rendered_->problem;
    }
    ASSERT_TRUE(rendered_->problem.empty()) << rendered_->problem;
  }

  static std::string Query(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(rendered_->db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(statement, 0);
      value = text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }

  static std::vector<Tag> DomTags() { return StartTags(rendered_->dom); }

  static Rendered* rendered_;
};

HtmlReportE2eTest::Rendered* HtmlReportE2eTest::rendered_ = nullptr;

TEST_F(HtmlReportE2eTest, OverviewHasOneRowPerDocument) {
  int rows = 0;
  for (const Tag& tag : DomTags()) {
    if (Attr(tag, "role") == "row" && tag.attributes.contains("data-doc")) {
      ++rows;
    }
  }
  EXPECT_EQ(std::to_string(rows), Query("SELECT count(*) FROM documents"));
  EXPECT_EQ(rows, 9);  // five seeds, three hostile files, the renamed copy
}

TEST_F(HtmlReportE2eTest, HighlightsPerKindEqualTheFindingsInTheDatabase) {
  std::map<std::string, int> highlights;
  for (const Tag& tag : DomTags()) {
    if (tag.name == "mark" && tag.attributes.contains("data-finding") &&
        !tag.attributes.contains("data-part")) {
      ++highlights[tag.attributes.at("data-kind")];
    }
  }
  for (const char* kind :
       {"attribution", "citation", "vague-attribution", "boilerplate",
        "contradiction", "unattributed-claim"}) {
    EXPECT_EQ(
        std::to_string(highlights[kind]),
        Query(std::string("SELECT count(*) FROM findings WHERE kind = '") +
              kind + "'"))
        << kind;
  }
  EXPECT_GT(highlights["attribution"], 0);
}

TEST_F(HtmlReportE2eTest, EveryHighlightCanBeReachedWithTheKeyboard) {
  int marks = 0;
  for (const Tag& tag : DomTags()) {
    if (tag.name != "mark" || !tag.attributes.contains("data-finding") ||
        tag.attributes.contains("data-part")) {
      continue;
    }
    ++marks;
    EXPECT_EQ(tag.attributes.at("tabindex"), "0");
    EXPECT_TRUE(tag.attributes.contains("aria-describedby"));
  }
  EXPECT_GT(marks, 0);
}

TEST_F(HtmlReportE2eTest, ReportScriptRanUnderItsContentSecurityPolicy) {
  // The script marks the page; it runs only if its hash is in the policy.
  const std::vector<Tag> tags = DomTags();
  ASSERT_FALSE(tags.empty());
  EXPECT_EQ(tags[0].name, "html");
  EXPECT_EQ(Attr(tags[0], "data-js"), "ready");
  bool policy = false;
  for (const Tag& tag : tags) {
    if (tag.name == "meta" &&
        Attr(tag, "http-equiv") == "Content-Security-Policy") {
      policy = true;
      EXPECT_THAT(Attr(tag, "content"), HasSubstr("default-src 'none'"));
      EXPECT_THAT(Attr(tag, "content"), HasSubstr("script-src 'sha256-"));
    }
  }
  EXPECT_TRUE(policy);
}

TEST_F(HtmlReportE2eTest, PageTitleIsUnchangedByHostileText) {
  const std::string& dom = rendered_->dom;
  const size_t open = dom.find("<title>");
  ASSERT_NE(open, std::string::npos);
  EXPECT_EQ(dom.substr(open, dom.find("</title>") - open),
            "<title>Provenance report — 9 documents");
}

TEST_F(HtmlReportE2eTest, HostileTextCreatesNoElement) {
  // Every element the report's own templates make, and nothing else.
  const std::set<std::string> allowed = {
      "html",   "head",       "meta",    "title",   "style", "body", "a",
      "header", "h1",         "h2",      "h3",      "p",     "dl",   "dt",
      "dd",     "div",        "time",    "code",    "nav",   "ul",   "ol",
      "li",     "main",       "section", "label",   "input", "span", "button",
      "table",  "caption",    "thead",   "tbody",   "tr",    "th",   "td",
      "figure", "figcaption", "svg",     "desc",    "line",  "text", "g",
      "rect",   "mark",       "details", "summary", "b",     "br",   "q",
      "wbr",    "footer",     "script"};
  std::map<std::string, int> count;
  for (const Tag& tag : DomTags()) {
    EXPECT_TRUE(allowed.contains(tag.name))
        << "<" << tag.name << "> at " << tag.offset;
    ++count[tag.name];
  }
  EXPECT_EQ(count["script"], 1);
  EXPECT_EQ(count["style"], 1);
  EXPECT_EQ(count["svg"], 1);  // the score chart
}

TEST_F(HtmlReportE2eTest, HostileTextCreatesNoHandlerLinkOrAttribute) {
  for (const Tag& tag : DomTags()) {
    for (const auto& [name, value] : tag.attributes) {
      EXPECT_FALSE(name.starts_with("on")) << "<" << tag.name << " " << name;
      EXPECT_NE(name, "data-pwned");
      EXPECT_NE(name, "src");
      if (name == "href") {
        EXPECT_TRUE(value.starts_with("#") || value.starts_with("https://") ||
                    value.starts_with("http://"))
            << value;
      }
    }
  }
}

TEST_F(HtmlReportE2eTest, HostileTextIsShownAsText) {
  const std::string& dom = rendered_->dom;
  EXPECT_THAT(dom, HasSubstr("&lt;script&gt;document.title='PWNED'"));
  EXPECT_THAT(dom, HasSubstr("&lt;/style&gt;&lt;style&gt;*{display:none}"));
  EXPECT_THAT(dom, HasSubstr("javascript:document.documentElement"));
  EXPECT_THAT(dom, HasSubstr("x\"'&gt;&lt;img src=x onerror=alert(1)&gt;.txt"));
  // Values are never read again as templates.
  EXPECT_THAT(dom, HasSubstr("{{page_title}} {{#sections}}"));
}

TEST_F(HtmlReportE2eTest, ReportLoadsNothingFromOutside) {
  const std::string& html = rendered_->html;
  for (const Tag& tag : StartTags(html)) {
    EXPECT_NE(tag.name, "link");
    EXPECT_NE(tag.name, "img");
    EXPECT_NE(tag.name, "iframe");
    EXPECT_FALSE(tag.attributes.contains("src")) << tag.name;
  }
  EXPECT_THAT(html, ::testing::Not(HasSubstr("url(")));
  EXPECT_THAT(html, ::testing::Not(HasSubstr("@import")));
}

TEST_F(HtmlReportE2eTest, ScreenshotShowsARenderedPage) {
  const std::string png = (rendered_->dir / "report.png").string();
  Shell("cd " + ShellQuote(PROVCHECK_SOURCE_DIR) + " && " +
        Chromium((rendered_->dir / "profile-shot").string()) +
        "--window-size=1280,1600 --screenshot=" + ShellQuote(png) + " " +
        ShellQuote("file://" + rendered_->report) + " >/dev/null 2>&1");
  const std::string bytes = ReadFileOrEmpty(png);
  ASSERT_GT(bytes.size(), 20000u) << "no screenshot at " << png;
  EXPECT_EQ(bytes.substr(0, 8), "\x89PNG\r\n\x1a\n");
}

TEST_F(HtmlReportE2eTest, SplitReportPageHighlightsItsDocumentInert) {
  const fs::path index = rendered_->dir / "split" / "index.html";
  const auto run =
      RunProvcheck("report --db " + ShellQuote(rendered_->db) +
                   " --split-above 0 --html " + ShellQuote(index.string()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string id = Query(
      "SELECT id FROM documents WHERE path = 'fixtures/hostile/hostile.txt'");
  const fs::path page =
      index.parent_path() / "index_files" / ("doc-" + id + ".html");
  const std::string dom_path = (rendered_->dir / "page-dom.html").string();
  Shell("cd " + ShellQuote(PROVCHECK_SOURCE_DIR) + " && " +
        Chromium((rendered_->dir / "profile-page").string()) + "--dump-dom " +
        ShellQuote("file://" + page.string()) + " >" + ShellQuote(dom_path) +
        " 2>/dev/null");
  const std::vector<Tag> tags = StartTags(ReadFileOrEmpty(dom_path));
  ASSERT_FALSE(tags.empty()) << "no DOM for " << page;
  EXPECT_EQ(Attr(tags[0], "data-js"), "ready");
  int highlights = 0;
  for (const Tag& tag : tags) {
    EXPECT_NE(tag.name, "img");
    EXPECT_NE(tag.name, "iframe");
    for (const auto& [name, value] : tag.attributes) {
      EXPECT_FALSE(name.starts_with("on")) << name;
    }
    if (tag.name == "mark" && tag.attributes.contains("data-finding") &&
        !tag.attributes.contains("data-part")) {
      ++highlights;
    }
  }
  EXPECT_EQ(std::to_string(highlights),
            Query("SELECT count(*) FROM findings WHERE document_id = " + id));
}

TEST_F(HtmlReportE2eTest, ReportCommandRewritesTheSameReportFromTheDatabase) {
  const std::string again = (rendered_->dir / "again.html").string();
  const auto run = RunProvcheck("report --db " + ShellQuote(rendered_->db) +
                                " --run 1 --html " + ShellQuote(again));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ReadFileOrEmpty(again), rendered_->html);
}

TEST_F(HtmlReportE2eTest, ReportOfAMissingDatabaseIsAnError) {
  const auto run = RunProvcheck(
      "report --db " + ShellQuote((rendered_->dir / "none.db").string()) +
      " --html " + ShellQuote((rendered_->dir / "x.html").string()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("no such database"));
}

}  // namespace
}  // namespace provcheck
