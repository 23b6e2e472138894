#include "report/html_report.h"

#include <openssl/sha.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <queue>
#include <set>
#include <sstream>
#include <system_error>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/sha256.h"
#include "ingest/utf8.h"
#include "report/template.h"

namespace provcheck::report {
namespace {

namespace fs = std::filesystem;

// How each kind is drawn and named. The label is written next to every
// highlight, so colour is never the only signal.
struct KindStyle {
  Kind kind;
  std::string_view label;
  std::string_view description;
};

// In the order the overview table and legend list them.
constexpr std::array<KindStyle, kReportedKindCount> kKindStyles = {{
    {Kind::kAttribution, "attributed",
     "A claim attributed to a named, identifiable source."},
    {Kind::kCitation, "cited",
     "A bracketed or labelled reference to a source, with no speaker."},
    {Kind::kVagueAttribution, "vague",
     "An unnamed or unverifiable source: “analysts say”, “reportedly”."},
    {Kind::kUnattributedClaim, "unsourced",
     "A check-worthy sentence (a figure, a date, a quotation) with no source "
     "in reach."},
    {Kind::kBoilerplate, "boilerplate",
     "Page furniture a scraper left in (dimmed): not part of the article."},
    {Kind::kContradiction, "contradiction",
     "Disagrees with another document or with the reference ledger."},
}};

const KindStyle& StyleOf(Kind kind) {
  for (const KindStyle& style : kKindStyles) {
    if (style.kind == kind) return style;
  }
  return kKindStyles[0];
}

std::string Fixed(double value, int digits) {
  return *Value::Number(value, digits).text();
}

Value Text(std::string_view text) { return Value::Text(std::string(text)); }

// Only http(s) URLs become links; anything else (javascript:, data:) is
// shown as text.
std::string SafeHref(std::string_view url) {
  std::string lower(url.substr(0, 8));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (!lower.starts_with("https://") && !lower.starts_with("http://")) {
    return "";
  }
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f) return "";
  }
  return std::string(url);
}

// At most `width` bytes, never cutting a UTF-8 sequence.
std::string Excerpt(std::string_view text, size_t width) {
  if (text.size() <= width) return std::string(text);
  size_t cut = width;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return absl::StrCat(std::string(text.substr(0, cut)), "…");
}

std::string LineAnchor(int64_t document_id, int line) {
  return absl::StrCat("d", document_id, "-L", line);
}

// The byte offset of 1-based code-point column `column` in `line`.
size_t ByteOfColumn(std::string_view line, int column) {
  size_t i = 0;
  for (int at = 1; at < column && i < line.size(); ++at) {
    ++i;
    while (i < line.size() &&
           (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) {
      ++i;
    }
  }
  return i;
}

std::string HumanBytes(uint64_t bytes) {
  if (bytes < 1024) return absl::StrCat(bytes, " bytes");
  if (bytes < (1u << 20)) return absl::StrCat(Fixed(bytes / 1024.0, 1), " KiB");
  return absl::StrCat(Fixed(bytes / 1048576.0, 1), " MiB");
}

}  // namespace

Grade GradeOf(double score) {
  if (score >= 75) return {"A", "well sourced", 0};
  if (score >= 50) return {"B", "partly sourced", 1};
  if (score >= 25) return {"C", "weakly sourced", 2};
  return {"D", "poorly sourced", 3};
}

std::string CspHashSource(std::string_view block) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(block.data()), block.size(),
         digest);
  return absl::StrCat(
      "'sha256-",
      absl::Base64Escape(
          std::string(reinterpret_cast<const char*>(digest), sizeof(digest))),
      "'");
}

std::vector<HighlightedLine> HighlightText(
    std::string_view original, const std::vector<ReportFinding>& findings,
    std::vector<size_t>* unplaced) {
  std::vector<HighlightedLine> lines;
  // Full lines with their '\r', for columns (a '\r' is a column, as in
  // LineIndex); the displayed text drops it.
  std::vector<std::string_view> raw;
  for (size_t start = 0; start < original.size();) {
    const size_t newline = original.find('\n', start);
    const size_t end =
        newline == std::string_view::npos ? original.size() : newline;
    raw.push_back(original.substr(start, end - start));
    start = end + 1;
  }
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string_view text = raw[i];
    if (text.ends_with('\r')) text.remove_suffix(1);
    lines.push_back(HighlightedLine{static_cast<int>(i + 1), text, {}});
  }

  // One piece per finding per line it covers.
  struct Piece {
    size_t begin, end, finding;
    bool first;
  };
  const auto later = [](const Piece& a, const Piece& b) {
    // Earlier start first; at the same start the longer encloses.
    return std::make_tuple(a.begin, b.end, a.finding) >
           std::make_tuple(b.begin, a.end, b.finding);
  };
  std::vector<std::vector<Piece>> pieces(lines.size());
  for (size_t k = 0; k < findings.size(); ++k) {
    const Finding& f = findings[k].finding;
    const int first_line = f.start.line;
    if (first_line < 1 || first_line > static_cast<int>(lines.size()) ||
        f.start.column < 1) {
      if (unplaced != nullptr) unplaced->push_back(k);
      continue;
    }
    int last_line =
        std::clamp(f.stop.line, first_line, static_cast<int>(lines.size()));
    const bool stop_beyond = f.stop.line > static_cast<int>(lines.size()) ||
                             f.stop.line < first_line;
    for (int line = first_line; line <= last_line; ++line) {
      const size_t shown = lines[line - 1].text.size();
      const std::string_view full = raw[line - 1];
      size_t begin =
          line == first_line ? ByteOfColumn(full, f.start.column) : 0;
      size_t end = (line == last_line && !stop_beyond)
                       ? ByteOfColumn(full, f.stop.column)
                       : shown;
      begin = std::min(begin, shown);
      end = std::clamp(end, begin, shown);
      // An end at column 1 of the next line adds nothing to that line.
      if (line != first_line && end == begin) continue;
      pieces[line - 1].push_back(Piece{begin, end, k, line == first_line});
    }
  }

  for (size_t i = 0; i < lines.size(); ++i) {
    std::priority_queue<Piece, std::vector<Piece>, decltype(later)> pending(
        later, std::move(pieces[i]));
    HighlightSpan root;
    root.end = std::string_view::npos;
    std::vector<HighlightSpan*> open = {&root};
    while (!pending.empty()) {
      Piece piece = pending.top();
      pending.pop();
      while (open.size() > 1 && open.back()->end <= piece.begin) {
        open.pop_back();
      }
      HighlightSpan* parent = open.back();
      if (piece.end > parent->end) {
        // Crossing the enclosing highlight's end: the rest continues after
        // it as a piece of its own, so the markup stays properly nested.
        pending.push(Piece{parent->end, piece.end, piece.finding, false});
        piece.end = parent->end;
      }
      parent->children.push_back(HighlightSpan{
          piece.begin, piece.end, piece.finding, piece.first, {}});
      open.push_back(&parent->children.back());
    }
    lines[i].spans = std::move(root.children);
  }
  return lines;
}

namespace {

struct LedgerEntry {
  struct Citation {
    int64_t finding = 0;
    int64_t document_id = 0;
    std::string label;  // path:line
    auto operator<=>(const Citation&) const = default;
  };
  std::string anchor;
  RelatedLocation location;
  std::vector<Citation> cited_by;
};

// Percent-encodes everything but unreserved characters, for a file name
// used in a relative link.
std::string UrlEscape(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      absl::StrAppend(&out, "%", absl::Hex(c, absl::kZeroPad2));
    }
  }
  return out;
}

// Where a value is shown: links differ between the index (or the single
// file) and a document's own page.
enum class Place { kIndex, kPage };

// Everything one report render needs, read once up front; the document
// sections are then made one at a time as the template reaches them.
class ReportBuilder {
 public:
  ReportBuilder(const HtmlReportOptions& options, ReportReader& reader,
                const TemplateSet& templates, const std::string& out_path)
      : options_(options), reader_(reader), templates_(templates) {
    const fs::path out(out_path);
    index_name_ = out.filename().string();
    files_dir_ = out.parent_path() / (out.stem().string() + "_files");
  }

  bool split() const { return split_; }
  const fs::path& files_dir() const { return files_dir_; }
  size_t size() const { return documents_.size(); }
  std::string PageFile(size_t i) const {
    return absl::StrCat("doc-", documents_[i].id, ".html");
  }

  absl::Status Load() {
    absl::StatusOr<std::optional<ReportRun>> run = reader_.Run(options_.run_id);
    if (!run.ok()) return run.status();
    if (options_.run_id.has_value() && !run->has_value()) {
      return absl::NotFoundError(
          absl::StrCat("no run ", *options_.run_id, " in the database"));
    }
    run_ = *std::move(run);
    absl::StatusOr<int> runs = reader_.RunCount();
    if (!runs.ok()) return runs.status();
    run_count_ = *runs;
    absl::StatusOr<std::vector<ReportDocument>> documents =
        reader_.Documents(options_.run_id);
    if (!documents.ok()) return documents.status();
    documents_ = *std::move(documents);
    std::vector<int64_t> ids;
    for (size_t i = 0; i < documents_.size(); ++i) {
      by_path_[documents_[i].path] = i;
      by_id_[documents_[i].id] = i;
      ids.push_back(documents_[i].id);
    }
    absl::StatusOr<ContradictionLinks> links = reader_.Contradictions();
    if (!links.ok()) return links.status();
    links_ = *std::move(links);
    absl::StatusOr<std::vector<ReportSource>> sources = reader_.Sources(ids);
    if (!sources.ok()) return sources.status();
    sources_ = *std::move(sources);
    split_ = documents_.size() > options_.split_above;
    BuildLedger();
    absl::StatusOr<std::string> css =
        templates_.RenderToString("report.css", Value());
    if (!css.ok()) return css.status();
    absl::StatusOr<std::string> js =
        templates_.RenderToString("report.js", Value());
    if (!js.ok()) return js.status();
    style_hash_ = CspHashSource(*css);
    script_hash_ = CspHashSource(*js);
    return absl::OkStatus();
  }

  // The overview: the whole report, or the index of a split one.
  absl::StatusOr<Value> Index() {
    Object page;
    SetHead(absl::StrCat("Provenance report — ", documents_.size(),
                         documents_.size() == 1 ? " document" : " documents"),
            &page);
    page.Set("document_count", Value::Int(documents_.size()));
    page.Set("split", Value::Bool(split_));
    page.Set("files_dir", Text(files_dir_.filename().string()));
    page.Set("run", RunValue());
    page.Set("scope",
             Text(options_.run_id.has_value()
                      ? absl::StrCat("the documents of run ", *options_.run_id)
                      : std::string("every document in the store")));
    int other_rules = 0;
    for (const ReportDocument& d : documents_) {
      if (run_.has_value() && d.rules_digest != run_->rules_digest) {
        ++other_rules;
      }
    }
    page.Set("other_rules",
             other_rules > 0 ? Value::Int(other_rules) : Value::Text(""));
    page.Set("contradictions_note", Text(ContradictionsNote()));
    page.Set("kinds", KindsValue());
    page.Set("grades", GradesValue());
    page.Set("chart", ChartValue());
    page.Set("rows", Value::Lazy(documents_.size(),
                                 [this](size_t i) -> absl::StatusOr<Value> {
                                   return RowValue(documents_[i]);
                                 }));
    page.Set("sections",
             Value::Lazy(split_ ? 0 : documents_.size(), [this](size_t i) {
               return SectionValue(documents_[i], Place::kIndex);
             }));
    page.Set("sources", SourcesValue());
    page.Set("ledger", LedgerValue());
    return Value::FromObject(std::move(page));
  }

  // Document `i`'s own page, in a split report.
  absl::StatusOr<Value> DocumentPage(size_t i) const {
    const ReportDocument& d = documents_[i];
    Object page;
    SetHead(absl::StrCat("Provenance report — ", d.path), &page);
    page.Set("index_href", Text(IndexHref("documents-heading", Place::kPage)));
    page.Set("index_name", Text(index_name_));
    page.Set("position", Value::Int(static_cast<int64_t>(i + 1)));
    page.Set("document_count", Value::Int(documents_.size()));
    page.Set("previous_href",
             Text(i > 0 ? DocumentHref(documents_[i - 1].id, "", Place::kPage)
                        : ""));
    page.Set("next_href",
             Text(i + 1 < documents_.size()
                      ? DocumentHref(documents_[i + 1].id, "", Place::kPage)
                      : ""));
    page.Set("kinds", KindsValue());
    absl::StatusOr<Value> section = SectionValue(d, Place::kPage);
    if (!section.ok()) return section.status();
    page.Set("section", *std::move(section));
    return Value::FromObject(std::move(page));
  }

 private:
  void SetHead(std::string title, Object* page) const {
    page->Set("style_hash", Text(style_hash_));
    page->Set("script_hash", Text(script_hash_));
    page->Set("page_title", Text(title));
    page->Set("writer_version", Text(options_.tool_version));
  }

  // A link to document `id` (to the element `fragment` in it, if given).
  std::string DocumentHref(int64_t id, const std::string& fragment,
                           Place place) const {
    if (!split_) {
      return absl::StrCat(
          "#", fragment.empty() ? absl::StrCat("doc-", id) : fragment);
    }
    std::string page = absl::StrCat("doc-", id, ".html");
    if (place == Place::kIndex) {
      page = absl::StrCat(UrlEscape(files_dir_.filename().string()), "/", page);
    }
    return fragment.empty() ? page : absl::StrCat(page, "#", fragment);
  }

  // A link to the element `fragment` of the overview.
  std::string IndexHref(const std::string& fragment, Place place) const {
    if (!split_ || place == Place::kIndex) return absl::StrCat("#", fragment);
    return absl::StrCat("../", UrlEscape(index_name_), "#", fragment);
  }

  std::string ContradictionsNote() const {
    if (!links_.table_present) {
      return "This database predates the contradictions table (schema v1): "
             "contradictions are shown where they were found, without a link "
             "to the other side.";
    }
    if (links_.unrecognised_layout) {
      return "The contradictions table has a layout this provcheck does not "
             "know: contradictions are shown without a link to the other "
             "side.";
    }
    return "";
  }

  Value RunValue() const {
    Object run;
    run.Set("present", Value::Bool(run_.has_value()));
    const ReportRun empty;
    const ReportRun& r = run_.has_value() ? *run_ : empty;
    run.Set("id", Value::Int(r.id));
    run.Set("started", Text(r.started));
    run.Set("finished", Text(r.finished.empty() ? "not finished (interrupted)"
                                                : r.finished));
    run.Set("tool_version", Text(r.tool_version));
    run.Set("rules_digest", Text(r.rules_digest));
    run.Set("rules_short", Text(r.rules_digest.substr(0, 12)));
    run.Set("arguments", Text(r.arguments));
    run.Set("analysed", Value::Int(r.analysed));
    run.Set("reused", Value::Int(r.reused));
    run.Set("failed", Value::Int(r.failed));
    run.Set("count", Value::Int(run_count_));
    return Value::FromObject(std::move(run));
  }

  Value KindsValue() const {
    Value::List kinds;
    for (const KindStyle& style : kKindStyles) {
      Object kind;
      kind.Set("kind", Text(KindName(style.kind)));
      kind.Set("label", Text(style.label));
      kind.Set("description", Text(style.description));
      int total = 0;
      for (const ReportDocument& d : documents_) {
        total += d.findings_by_kind[static_cast<int>(style.kind)];
      }
      kind.Set("total", Value::Int(total));
      kinds.push_back(Value::FromObject(std::move(kind)));
    }
    return Value::FromList(std::move(kinds));
  }

  Value GradesValue() const {
    Value::List grades;
    for (double floor : {75.0, 50.0, 25.0, 0.0}) {
      const Grade grade = GradeOf(floor);
      Object item;
      item.Set("grade", Text(grade.letter));
      item.Set("grade_label", Text(grade.label));
      item.Set("range", Text(floor == 75   ? "75–100"
                             : floor == 50 ? "50–75"
                             : floor == 25 ? "25–50"
                                           : "0–25"));
      grades.push_back(Value::FromObject(std::move(item)));
    }
    return Value::FromList(std::move(grades));
  }

  // A histogram of scores in ten bands, drawn as SVG by the template; the
  // numbers here are its coordinates.
  Value ChartValue() const {
    constexpr int kBins = 10;
    constexpr double kLeft = 44, kTop = 24, kWidth = 600, kHeight = 170;
    std::array<int, kBins> counts{};
    std::vector<double> scores;
    for (const ReportDocument& d : documents_) {
      if (!d.scored) continue;
      scores.push_back(d.score.total);
      ++counts[std::clamp(static_cast<int>(d.score.total / 10), 0, kBins - 1)];
    }
    const int most =
        std::max(1, *std::max_element(counts.begin(), counts.end()));
    Value::List bars;
    const double slot = kWidth / kBins;
    for (int i = 0; i < kBins; ++i) {
      const double height = kHeight * counts[i] / most;
      const double x = kLeft + i * slot + 4;
      Object bar;
      bar.Set("x", Text(Fixed(x, 1)));
      bar.Set("y", Text(Fixed(kTop + kHeight - height, 1)));
      bar.Set("width", Text(Fixed(slot - 8, 1)));
      bar.Set("height", Text(Fixed(height, 1)));
      bar.Set("count", Value::Int(counts[i]));
      bar.Set("count_y", Text(Fixed(kTop + kHeight - height - 5, 1)));
      bar.Set("center", Text(Fixed(x + (slot - 8) / 2, 1)));
      bar.Set("range", Text(absl::StrCat(i * 10, "–", i * 10 + 10)));
      bar.Set("grade", Text(GradeOf(i * 10 + 5).letter));
      bars.push_back(Value::FromObject(std::move(bar)));
    }
    Object chart;
    chart.Set("bars", Value::FromList(std::move(bars)));
    chart.Set("most", Value::Int(most));
    chart.Set("axis_y", Text(Fixed(kTop + kHeight, 1)));
    chart.Set("label_y", Text(Fixed(kTop + kHeight + 16, 1)));
    chart.Set("title_y", Text(Fixed(kTop + kHeight + 34, 1)));
    chart.Set("left", Text(Fixed(kLeft, 1)));
    chart.Set("right", Text(Fixed(kLeft + kWidth, 1)));
    chart.Set("top", Text(Fixed(kTop, 1)));
    chart.Set("top_label_y", Text(Fixed(kTop + 4, 1)));
    double mean = 0, median = 0;
    if (!scores.empty()) {
      for (double s : scores) mean += s;
      mean /= scores.size();
      std::sort(scores.begin(), scores.end());
      const size_t n = scores.size();
      median = n % 2 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
    }
    chart.Set("mean", Text(Fixed(mean, 1)));
    chart.Set("median", Text(Fixed(median, 1)));
    chart.Set("scored", Value::Int(static_cast<int64_t>(scores.size())));
    return Value::FromObject(std::move(chart));
  }

  Value CountsValue(const ReportDocument& d) const {
    Value::List counts;
    for (const KindStyle& style : kKindStyles) {
      Object count;
      count.Set("kind", Text(KindName(style.kind)));
      count.Set("label", Text(style.label));
      const int n = d.findings_by_kind[static_cast<int>(style.kind)];
      count.Set("count", Value::Int(n));
      count.Set("zero", Value::Bool(n == 0));
      counts.push_back(Value::FromObject(std::move(count)));
    }
    return Value::FromList(std::move(counts));
  }

  void SetCommon(const ReportDocument& d, Object* object) const {
    const Grade grade = GradeOf(d.score.total);
    object->Set("id", Value::Int(d.id));
    object->Set("path", Text(d.path));
    object->Set("title", Text(d.metadata.title));
    object->Set("score", Text(d.scored ? Fixed(d.score.total, 1) : "—"));
    object->Set("score_sort", Text(Fixed(d.scored ? d.score.total : -1, 1)));
    object->Set("grade", Text(d.scored ? grade.letter : "–"));
    object->Set("grade_class", Text(d.scored ? grade.letter : "none"));
    object->Set("grade_label", Text(d.scored ? grade.label : "not scored"));
    object->Set("grade_rank", Value::Int(d.scored ? grade.rank : 9));
    object->Set("claims", Value::Int(d.stats.claims));
    object->Set("counts", CountsValue(d));
  }

  absl::StatusOr<Value> RowValue(const ReportDocument& d) const {
    Object row;
    SetCommon(d, &row);
    row.Set("href", Text(DocumentHref(d.id, "", Place::kIndex)));
    // Long paths wrap after a slash rather than anywhere.
    Value::List parts;
    for (size_t start = 0; start < d.path.size();) {
      const size_t slash = d.path.find('/', start);
      const size_t end = slash == std::string::npos ? d.path.size() : slash + 1;
      parts.push_back(
          Text(std::string_view(d.path).substr(start, end - start)));
      start = end;
    }
    row.Set("path_parts", Value::FromList(std::move(parts)));
    return Value::FromObject(std::move(row));
  }

  Value WhyValue(const ReportDocument& d,
                 const std::vector<Claim>& claims) const {
    const ScoreWeights weights;  // the documented defaults (README)
    const DocumentStats& s = d.stats;
    double credit = 0;
    for (const Claim& claim : claims) credit += claim.credit;
    Object why;
    why.Set("provenance", Text(Fixed(100 * d.score.provenance, 1)));
    why.Set("credit", Text(Fixed(credit, 2)));
    why.Set("claims", Value::Int(s.claims));
    why.Set("no_claims", Value::Bool(s.claims == 0));
    why.Set("no_claims_share", Text(Fixed(100 * weights.no_claims, 0)));
    why.Set("attributed", Value::Int(s.attributed_claims));
    why.Set("cited", Value::Int(s.cited_claims));
    why.Set("vague_claims", Value::Int(s.vague_claims));
    why.Set("unattributed", Value::Int(s.unattributed_claims));
    why.Set(
        "mean_reliability",
        Text(d.has_mean_reliability ? Fixed(d.score.mean_reliability, 2) : ""));
    why.Set("vague_penalty", Text(Fixed(-d.score.vague_penalty, 1)));
    why.Set("vague_count", Value::Int(s.vague_attributions));
    why.Set("vague_weight", Text(Fixed(weights.vague_penalty, 0)));
    why.Set("vague_cap", Text(Fixed(weights.vague_penalty_cap, 0)));
    why.Set("boilerplate_penalty",
            Text(Fixed(-d.score.boilerplate_penalty, 1)));
    why.Set("boilerplate_lines", Value::Int(s.boilerplate_lines));
    why.Set("lines", Value::Int(s.lines));
    why.Set("boilerplate_weight", Text(Fixed(weights.boilerplate_penalty, 0)));
    why.Set("contradiction_penalty",
            Text(Fixed(-d.score.contradiction_penalty, 1)));
    // Counted from the findings: a name spelt two ways costs less than a
    // date that disagrees, so the penalty is not simply count × weight.
    why.Set(
        "contradictions",
        Value::Int(d.findings_by_kind[static_cast<int>(Kind::kContradiction)]));
    why.Set("contradiction_weight",
            Text(Fixed(weights.contradiction_penalty, 0)));
    why.Set("contradiction_cap",
            Text(Fixed(weights.contradiction_penalty_cap, 0)));
    why.Set("total", Text(Fixed(d.score.total, 1)));
    return Value::FromObject(std::move(why));
  }

  Value ClaimsValue(const ReportDocument& d,
                    const std::vector<Claim>& claims) const {
    Value::List list;
    for (const Claim& claim : claims) {
      Object item;
      item.Set("href",
               Text(absl::StrCat("#", LineAnchor(d.id, claim.start.line))));
      item.Set("line", Value::Int(claim.start.line));
      item.Set("column", Value::Int(claim.start.column));
      item.Set("sourcing", Text(SourcingName(claim.sourcing)));
      item.Set("credit", Text(Fixed(claim.credit, 2)));
      item.Set("source", Text(claim.source));
      item.Set("source_type", Text(claim.source_type));
      item.Set("reliability", Text(Fixed(claim.reliability, 2)));
      item.Set("cue",
               Text(claim.sourcing == Sourcing::kVague ? Excerpt(claim.cue, 60)
                                                       : ""));
      item.Set("excerpt", Text(Excerpt(claim.text, 160)));
      list.push_back(Value::FromObject(std::move(item)));
    }
    return Value::FromList(std::move(list));
  }

  // Where a related location leads: a line of a document in this report, or
  // an entry of the reference list at the end.
  Value RelatedValue(const RelatedLocation& related, Place place) const {
    Object item;
    item.Set("label", Text(absl::StrCat(related.path, ":", related.line)));
    item.Set("text", Text(Excerpt(related.text, 200)));
    std::string href;
    bool document = false;
    if (auto it = by_path_.find(related.path); it != by_path_.end()) {
      const int64_t id = documents_[it->second].id;
      href = DocumentHref(id, LineAnchor(id, std::max(1, related.line)), place);
      document = true;
    } else if (auto entry = ledger_index_.find(
                   std::make_pair(related.path, related.line));
               entry != ledger_index_.end()) {
      href = IndexHref(ledger_[entry->second].anchor, place);
    }
    item.Set("href", Text(href));
    item.Set("is_document", Value::Bool(document));
    return Value::FromObject(std::move(item));
  }

  Value MarkValue(const ReportFinding& item, bool first,
                  Value::List children) const {
    const Finding& f = item.finding;
    Object mark;
    mark.Set("kind", Text(KindName(f.kind)));
    mark.Set("label", Text(StyleOf(f.kind).label));
    mark.Set("fid", Value::Int(item.id));
    mark.Set("first", Value::Bool(first));
    mark.Set("rule", Text(f.rule_id));
    mark.Set("severity", Text(SeverityName(f.severity)));
    mark.Set("message", Text(f.message));
    mark.Set("source", Text(f.source));
    mark.Set("role", Text(f.role));
    mark.Set("line", Value::Int(f.start.line));
    mark.Set("column", Value::Int(f.start.column));
    std::string others;
    for (const RelatedLocation& related : f.related) {
      absl::StrAppend(&others, others.empty() ? "" : "; ", related.path, ":",
                      related.line);
    }
    mark.Set("others", Text(others));
    mark.Set("children", Value::FromList(std::move(children)));
    return Value::FromObject(std::move(mark));
  }

  // Text and highlights between `begin` and `end` of a line, as the `mark`
  // partial reads them: each node is plain text or a highlight.
  Value::List Nodes(std::string_view line, size_t begin, size_t end,
                    const std::vector<HighlightSpan>& spans,
                    const std::vector<ReportFinding>& findings) const {
    Value::List nodes;
    const auto plain = [&](size_t from, size_t to) {
      if (to <= from) return;
      Object node;
      node.Set("plain", Text(line.substr(from, to - from)));
      node.Set("mark", Value::Bool(false));
      nodes.push_back(Value::FromObject(std::move(node)));
    };
    size_t cursor = begin;
    for (const HighlightSpan& span : spans) {
      plain(cursor, span.begin);
      Object node;
      node.Set("plain", Value::Bool(false));
      node.Set("mark", MarkValue(findings[span.finding], span.first,
                                 Nodes(line, span.begin, span.end,
                                       span.children, findings)));
      nodes.push_back(Value::FromObject(std::move(node)));
      cursor = std::max(cursor, span.end);
    }
    plain(cursor, end);
    return nodes;
  }

  struct DocumentText {
    bool available = false;
    std::string original;
    std::string reason;  // why not, when not
  };

  DocumentText ReadText(const ReportDocument& d) const {
    DocumentText result;
    if (d.path == "-") {
      result.reason =
          "This document was read from standard input; its text was not "
          "kept, so the findings are listed without it.";
      return result;
    }
    fs::path file(d.path);
    if (file.is_relative() && !options_.root.empty()) {
      file = fs::path(options_.root) / file;
    }
    std::error_code error;
    const uintmax_t size = fs::file_size(file, error);
    if (error) {
      result.reason = absl::StrCat(
          "The file is not at ", file.string(),
          " any more (paths are resolved against the directory the audit "
          "ran in; see --root), so the findings are listed without the "
          "text.");
      return result;
    }
    if (size > options_.max_text_bytes) {
      result.reason =
          absl::StrCat("The file is ", HumanBytes(size), "; texts over ",
                       HumanBytes(options_.max_text_bytes),
                       " are not embedded in the report.");
      return result;
    }
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
      result.reason =
          absl::StrCat("The file ", file.string(), " could not be read.");
      return result;
    }
    std::string bytes = buffer.str();
    const std::string digest = Sha256Hex(bytes);
    if (digest != d.sha256) {
      result.reason = absl::StrCat(
          "The file has changed since it was analysed (SHA-256 ",
          digest.substr(0, 12), "… now, ", d.sha256.substr(0, 12),
          "… then), so highlights would point at the wrong places. Run "
          "provcheck audit again to see it highlighted.");
      return result;
    }
    result.available = true;
    result.original = RepairUtf8(std::move(bytes)).text;
    return result;
  }

  Value FindingRow(int64_t document_id, const ReportFinding& item) const {
    const Finding& f = item.finding;
    Object row;
    row.Set("fid", Value::Int(item.id));
    row.Set("kind", Text(KindName(f.kind)));
    row.Set("label", Text(StyleOf(f.kind).label));
    row.Set("rule", Text(f.rule_id));
    row.Set("line", Value::Int(f.start.line));
    row.Set("column", Value::Int(f.start.column));
    row.Set("line_href",
            Text(absl::StrCat("#", LineAnchor(document_id, f.start.line))));
    row.Set("message", Text(f.message));
    row.Set("source", Text(f.source));
    row.Set("excerpt", Text(Excerpt(f.text, 200)));
    return Value::FromObject(std::move(row));
  }

  absl::StatusOr<Value> SectionValue(const ReportDocument& d,
                                     Place place) const {
    absl::StatusOr<ReportDocumentDetail> detail = reader_.Detail(d.id, links_);
    if (!detail.ok()) return detail.status();
    Object section;
    SetCommon(d, &section);
    section.Set("open",
                Value::Bool(place == Place::kPage ||
                            documents_.size() <= options_.expand_up_to));
    section.Set("publisher", Text(d.metadata.publisher));
    section.Set("published", Text(d.metadata.published));
    section.Set("url", Text(d.metadata.url));
    section.Set("url_href", Text(SafeHref(d.metadata.url)));
    section.Set("sha256", Text(d.sha256));
    section.Set("size", Text(HumanBytes(d.bytes)));
    section.Set("last_run", Value::Int(d.last_run));
    section.Set("why", WhyValue(d, detail->claims));
    section.Set("claim_list", ClaimsValue(d, detail->claims));

    Value::List contradictions;
    for (const ReportFinding& item : detail->findings) {
      if (item.finding.kind != Kind::kContradiction) continue;
      Object contradiction;
      contradiction.Set("fid", Value::Int(item.id));
      contradiction.Set("line", Value::Int(item.finding.start.line));
      contradiction.Set("column", Value::Int(item.finding.start.column));
      contradiction.Set(
          "line_href",
          Text(absl::StrCat("#", LineAnchor(d.id, item.finding.start.line))));
      contradiction.Set("message", Text(item.finding.message));
      contradiction.Set("excerpt", Text(Excerpt(item.finding.text, 200)));
      Value::List related;
      for (const RelatedLocation& location : item.finding.related) {
        related.push_back(RelatedValue(location, place));
      }
      contradiction.Set("related", Value::FromList(std::move(related)));
      contradictions.push_back(Value::FromObject(std::move(contradiction)));
    }
    section.Set("has_contradictions", Value::Bool(!contradictions.empty()));
    section.Set("contradiction_list",
                Value::FromList(std::move(contradictions)));

    const DocumentText text = ReadText(d);
    std::vector<size_t> unplaced;
    Value::List listed;
    if (text.available) {
      std::vector<HighlightedLine> lines =
          HighlightText(text.original, detail->findings, &unplaced);
      Value::List rendered;
      rendered.reserve(lines.size());
      for (const HighlightedLine& line : lines) {
        Object item;
        item.Set("number", Value::Int(line.number));
        item.Set("anchor", Text(LineAnchor(d.id, line.number)));
        item.Set("nodes", Value::FromList(Nodes(line.text, 0, line.text.size(),
                                                line.spans, detail->findings)));
        rendered.push_back(Value::FromObject(std::move(item)));
      }
      section.Set("lines", Value::FromList(std::move(rendered)));
      section.Set("unavailable", Text(""));
      for (size_t k : unplaced) {
        listed.push_back(FindingRow(d.id, detail->findings[k]));
      }
      section.Set("listed_note",
                  Text(unplaced.empty()
                           ? ""
                           : "These findings lie outside the text as it is "
                             "now and are listed instead:"));
    } else {
      section.Set("lines", Value::FromList({}));
      section.Set("unavailable", Text(text.reason));
      for (const ReportFinding& item : detail->findings) {
        listed.push_back(FindingRow(d.id, item));
      }
      section.Set("listed_note", Text("Findings:"));
    }
    section.Set("listed", Value::FromList(std::move(listed)));
    return Value::FromObject(std::move(section));
  }

  Value SourcesValue() const {
    Value::List list;
    constexpr size_t kShownDocuments = 12;
    for (const ReportSource& source : sources_) {
      Object item;
      item.Set("name", Text(source.name));
      std::string aliases;
      for (const std::string& alias : source.aliases) {
        absl::StrAppend(&aliases, aliases.empty() ? "" : ", ", alias);
      }
      item.Set("aliases", Text(aliases));
      item.Set("type", Text(source.type));
      item.Set("unknown", Value::Bool(source.type == "unknown"));
      item.Set("prior", Text(Fixed(source.prior, 2)));
      item.Set("reliability", Text(Fixed(source.reliability, 2)));
      item.Set("claims", Value::Int(source.report_claims));
      item.Set("claims_all", Value::Int(source.claims));
      item.Set("confirmed", Value::Int(source.confirmed));
      item.Set("contradicted", Value::Int(source.contradicted));
      Value::List citing;
      for (size_t i = 0; i < source.document_ids.size() && i < kShownDocuments;
           ++i) {
        auto it = by_id_.find(source.document_ids[i]);
        if (it == by_id_.end()) continue;
        Object link;
        link.Set("href",
                 Text(DocumentHref(source.document_ids[i], "", Place::kIndex)));
        link.Set("path", Text(documents_[it->second].path));
        citing.push_back(Value::FromObject(std::move(link)));
      }
      item.Set("citing", Value::FromList(std::move(citing)));
      item.Set("more",
               source.document_ids.size() > kShownDocuments
                   ? Value::Int(source.document_ids.size() - kShownDocuments)
                   : Value::Text(""));
      list.push_back(Value::FromObject(std::move(item)));
    }
    return Value::FromList(std::move(list));
  }

  // Related locations that are not documents of this report (ledger facts,
  // documents of earlier audits) get an entry at the end of the page, so a
  // contradiction always links somewhere.
  void BuildLedger() {
    std::map<std::pair<std::string, int>, LedgerEntry> entries;
    for (const auto& [finding, side] : links_.by_finding) {
      auto document = by_id_.find(side.document_id);
      if (document == by_id_.end()) continue;
      for (const RelatedLocation& related : side.related) {
        if (by_path_.contains(related.path)) continue;
        LedgerEntry& entry = entries[{related.path, related.line}];
        entry.location = related;
        entry.cited_by.push_back(LedgerEntry::Citation{
            finding, side.document_id,
            absl::StrCat(documents_[document->second].path, ":", side.line)});
      }
    }
    for (auto& [key, entry] : entries) {
      entry.anchor = absl::StrCat("ref-", ledger_.size() + 1);
      std::sort(entry.cited_by.begin(), entry.cited_by.end());
      ledger_index_[key] = ledger_.size();
      ledger_.push_back(std::move(entry));
    }
  }

  Value LedgerValue() const {
    Value::List list;
    for (const LedgerEntry& entry : ledger_) {
      Object item;
      item.Set("anchor", Text(entry.anchor));
      item.Set("path", Text(entry.location.path));
      item.Set("line", Value::Int(entry.location.line));
      item.Set("text", Text(entry.location.text));
      Value::List cited_by;
      for (const LedgerEntry::Citation& citation : entry.cited_by) {
        Object link;
        link.Set("href", Text(DocumentHref(citation.document_id,
                                           absl::StrCat("f-", citation.finding),
                                           Place::kIndex)));
        link.Set("label", Text(citation.label));
        cited_by.push_back(Value::FromObject(std::move(link)));
      }
      item.Set("cited_by", Value::FromList(std::move(cited_by)));
      list.push_back(Value::FromObject(std::move(item)));
    }
    return Value::FromList(std::move(list));
  }

  const HtmlReportOptions& options_;
  ReportReader& reader_;
  const TemplateSet& templates_;
  std::string index_name_;  // the overview's file name
  fs::path files_dir_;      // where a split report's pages go
  bool split_ = false;
  std::string style_hash_;
  std::string script_hash_;
  std::optional<ReportRun> run_;
  int run_count_ = 0;
  std::vector<ReportDocument> documents_;
  absl::flat_hash_map<std::string, size_t> by_path_;
  absl::flat_hash_map<int64_t, size_t> by_id_;
  ContradictionLinks links_;
  std::vector<ReportSource> sources_;
  std::vector<LedgerEntry> ledger_;
  std::map<std::pair<std::string, int>, size_t> ledger_index_;
};

}  // namespace

namespace {

// Renders `name` into `path` through a temporary file renamed into place.
absl::Status RenderFile(const TemplateSet& templates, std::string_view name,
                        const Value& context, const fs::path& path) {
  const std::string temporary =
      absl::StrCat(path.string(), ".tmp-", static_cast<int64_t>(::getpid()));
  std::error_code error;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      return absl::UnavailableError(
          absl::StrCat(path.string(), ": error: cannot write the report"));
    }
    absl::Status rendered = templates.Render(name, context, out);
    out.close();
    if (rendered.ok() && !out) {
      rendered = absl::DataLossError(
          absl::StrCat(path.string(), ": error: cannot write the report"));
    }
    if (!rendered.ok()) {
      fs::remove(temporary, error);
      return rendered;
    }
  }
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    return absl::UnavailableError(
        absl::StrCat(path.string(), ": error: ", error.message()));
  }
  return absl::OkStatus();
}

// Pages a split report wrote earlier that no document of this one has.
void RemoveStalePages(const fs::path& dir,
                      const std::set<std::string>& current) {
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with("doc-") && name.ends_with(".html") &&
        !current.contains(name)) {
      fs::remove(it->path(), error);
    }
  }
}

}  // namespace

absl::Status WriteHtmlReport(Store& store, const HtmlReportOptions& options,
                             const std::string& out_path) {
  absl::StatusOr<TemplateSet> templates =
      TemplateSet::LoadDirectory(options.templates_dir);
  if (!templates.ok()) return templates.status();
  for (const char* name : {"report", "page", "report.css", "report.js"}) {
    if (!templates->Has(name)) {
      return absl::NotFoundError(absl::StrCat(
          options.templates_dir, ": error: no template '", name, "'"));
    }
  }
  absl::StatusOr<std::unique_ptr<ReportReader>> reader =
      ReportReader::Open(store);
  if (!reader.ok()) return reader.status();
  ReportBuilder builder(options, **reader, *templates, out_path);
  if (absl::Status loaded = builder.Load(); !loaded.ok()) return loaded;

  const fs::path target(out_path);
  std::error_code error;
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), error);
  }
  // A split report's pages come first, so the index never links to a page
  // that is not there yet.
  if (builder.split()) {
    fs::create_directories(builder.files_dir(), error);
    if (error) {
      return absl::UnavailableError(absl::StrCat(builder.files_dir().string(),
                                                 ": error: ", error.message()));
    }
    std::set<std::string> pages;
    for (size_t i = 0; i < builder.size(); ++i) {
      absl::StatusOr<Value> page = builder.DocumentPage(i);
      if (!page.ok()) return page.status();
      pages.insert(builder.PageFile(i));
      if (absl::Status written =
              RenderFile(*templates, "page", *page,
                         builder.files_dir() / builder.PageFile(i));
          !written.ok()) {
        return written;
      }
    }
    RemoveStalePages(builder.files_dir(), pages);
  }
  absl::StatusOr<Value> index = builder.Index();
  if (!index.ok()) return index.status();
  return RenderFile(*templates, "report", *index, target);
}

}  // namespace provcheck::report
