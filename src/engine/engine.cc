#include "provcheck/engine.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "engine/article_extent.h"
#include "engine/match_filter.h"
#include "engine/speaker_names.h"
#include "engine/speaker_tracker.h"
#include "provcheck/segment.h"
#include "provcheck/source_name.h"

namespace provcheck {
namespace {

// A source or role capture as a finding names it: cleaned as a match
// writes it ("the Fed's" is "Fed"), unless the engine resolved it.
std::string NameCapture(const std::vector<Capture>& captures,
                        std::string_view name) {
  for (const Capture& capture : captures) {
    if (capture.name == name) {
      return capture.clean ? capture.value : CleanSourceName(capture.value);
    }
  }
  return "";
}

}  // namespace

std::string RenderMessage(std::string_view message_template,
                          const std::vector<Capture>& captures) {
  std::string out;
  for (size_t i = 0; i < message_template.size(); ++i) {
    const char c = message_template[i];
    if (c != '{') {
      out.push_back(c);
      continue;
    }
    // Find the matching close brace; conditionals may nest a {name}.
    size_t depth = 0, close = i;
    for (; close < message_template.size(); ++close) {
      if (message_template[close] == '{') ++depth;
      if (message_template[close] == '}' && --depth == 0) break;
    }
    if (close >= message_template.size()) {
      out.append(message_template.substr(i));
      break;
    }
    std::string_view body = message_template.substr(i + 1, close - i - 1);
    if (!body.empty() && body[0] == '?') {
      size_t colon = body.find(':');
      std::string_view name = body.substr(1, colon - 1);
      std::string value(CaptureValue(captures, name));
      if (colon != std::string_view::npos && !CleanSourceName(value).empty()) {
        out += RenderMessage(body.substr(colon + 1), captures);
      }
    } else {
      out += body == "source" || body == "role"
                 ? NameCapture(captures, body)
                 : std::string(CaptureValue(captures, body));
    }
    i = close;
  }
  return out;
}

std::string_view SourcingName(Sourcing sourcing) {
  switch (sourcing) {
    case Sourcing::kAttributed:
      return "attributed";
    case Sourcing::kCited:
      return "cited";
    case Sourcing::kVague:
      return "vague";
    case Sourcing::kUnattributed:
      return "unattributed";
  }
  return "unattributed";
}

std::optional<Sourcing> ParseSourcing(std::string_view name) {
  for (Sourcing sourcing : {Sourcing::kAttributed, Sourcing::kCited,
                            Sourcing::kVague, Sourcing::kUnattributed}) {
    if (SourcingName(sourcing) == name) return sourcing;
  }
  return std::nullopt;
}

namespace {

// A finding for a kept match, with positions in the original file. Its
// message and source read `captures`: the match's own, or those with an
// anaphor resolved.
Finding FindingOf(const Document& document, const LineIndex& original_lines,
                  const RuleMatch& match,
                  const std::vector<Capture>& captures) {
  const Rule& rule = *match.rule;
  Finding finding;
  finding.rule_id = rule.id;
  finding.kind = rule.kind;
  finding.severity = rule.severity;
  finding.begin = match.begin;
  finding.end = match.end;
  std::tie(finding.start, finding.stop) =
      SpanPositions(document, original_lines, match.begin, match.end);
  finding.message = RenderMessage(rule.message, captures);
  finding.text =
      std::string(document.text.substr(match.begin, match.end - match.begin));
  finding.source = NameCapture(captures, "source");
  finding.role = NameCapture(captures, "role");
  return finding;
}

// Whether a match is the tag that closes its sentence ("..., it said.",
// "... - it added."): set off by a comma or a dash from what comes before
// (`before`, the sentence up to it), with no word after it (`rest`).
bool IsClosingTag(std::string_view before, std::string_view rest) {
  const bool word_after = std::any_of(rest.begin(), rest.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c));
  });
  while (!before.empty() &&
         absl::ascii_isspace(static_cast<unsigned char>(before.back()))) {
    before.remove_suffix(1);
  }
  return !word_after &&
         (before.ends_with(',') || before.ends_with('-') ||
          before.ends_with("\u2013") || before.ends_with("\u2014"));
}

// A quotation mark between a speaker's verb and an "it" puts the "it" in
// the speaker's own words, where it may mean anything the speaker names.
bool HoldsQuotationMark(std::string_view text) {
  return text.find('"') != text.npos || text.find("\u201c") != text.npos ||
         text.find("\u201d") != text.npos;
}

// Whether a source of the registry's `type` is a body that issues a
// release: not a person, a state (whose officials speak for it in turn), a
// document or records (which are what a release is).
bool IsReleasingBody(std::string_view type) {
  const AntecedentKind kind = AntecedentKindOfType(type);
  return kind == AntecedentKind::kOrganisation ||
         kind == AntecedentKind::kDescribed;
}

// Where the one body a document's named attributions all name is first
// named, when they name one (`named`: indices into `findings`, in text
// order). A short form counts as the body ("Rogers said" after "Rogers
// Corp said"): a name that stands, word for word, inside the longest one.
std::optional<size_t> SoleBodyStart(const std::vector<Finding>& findings,
                                    const std::vector<size_t>& named,
                                    const SourceRegistry& sources) {
  if (named.empty()) return std::nullopt;
  const Finding* longest = &findings[named.front()];
  for (size_t index : named) {
    if (findings[index].source.size() > longest->source.size()) {
      longest = &findings[index];
    }
  }
  const std::string padded = absl::StrCat(" ", longest->source, " ");
  for (size_t index : named) {
    if (!absl::StrContains(padded,
                           absl::StrCat(" ", findings[index].source, " "))) {
      return std::nullopt;
    }
  }
  if (!IsReleasingBody(sources.Resolve(*longest).profile.type)) {
    return std::nullopt;
  }
  return findings[named.front()].begin;
}

// The findings the kept matches make, read in text order so that each
// anaphor is resolved and each short name given in full as a reader would
// (SpeakerTracker). Default findings go to `findings`, opt-in ones to
// `opt_in_findings`; an opt-in finding may take an antecedent but never
// sets one, and never makes a line boilerplate: both would change default
// findings. Mentions make no finding.
void AddRuleFindings(const Document& document, const Segmentation& segments,
                     const std::vector<const RuleMatch*>& kept,
                     const AnalysisConfig& config,
                     const LineIndex& original_lines,
                     std::vector<Finding>* findings,
                     std::vector<Finding>* opt_in_findings,
                     std::vector<bool>* boilerplate_line) {
  SpeakerTracker speakers(document.text, config.sources);
  for (const RuleMatch* match : kept) {
    const Kind kind = match->rule->kind;
    if (!match->rule->opt_in &&
        (kind == Kind::kAttribution || kind == Kind::kMention)) {
      speakers.NoteNameUsed(
          CleanSourceName(CaptureValue(match->captures, "source")));
    }
  }
  // The sentence of the last default attribution that named a speaker, and
  // where it ended: an attribution after it in the same sentence stands in
  // that speaker's reported clause.
  size_t speaker_sentence = segments.sentences.size();
  size_t speaker_end = 0;
  // For `or-sole-body`: the default attributions that name someone, the
  // findings of rules that ask, and whether an unnamed speaker or a
  // citation stands anywhere (then the story has more than one source).
  std::vector<size_t> named_attributions;
  std::vector<size_t> sole_body_reached;
  bool unnamed_or_cited = false;
  for (const RuleMatch* kept_match : kept) {
    const size_t line = RangeIndexOf(segments.lines, kept_match->begin);
    if (kept_match->rule->kind == Kind::kMention) {
      if (!kept_match->rule->opt_in) {
        // The first sentence of its line: a paragraph that opens on a person.
        const size_t sentence =
            RangeIndexOf(segments.sentences, kept_match->begin);
        const bool opens_paragraph =
            sentence == 0 || segments.sentence_line[sentence - 1] !=
                                 segments.sentence_line[sentence];
        speakers.Mentioned(*kept_match, line, opens_paragraph);
      }
      continue;
    }
    // Whether the match stands in what the speaker named last in its
    // sentence said ("IC Gas said in a statement it noted ...").
    const size_t sentence = RangeIndexOf(segments.sentences, kept_match->begin);
    const bool in_reported_clause =
        sentence == speaker_sentence && kept_match->begin >= speaker_end;
    std::optional<AnaphorResolution> resolution;
    if (const std::string_view anaphor =
            CaptureValue(kept_match->captures, "anaphor");
        !anaphor.empty()) {
      // Not across a quotation mark, where the speaker's own words begin,
      // nor as the tag that closes the sentence (", it said."), which
      // attributes the whole of it.
      const std::string_view text(document.text);
      const TextRange& within = segments.sentences[sentence];
      const bool in_what_was_reported =
          in_reported_clause &&
          !HoldsQuotationMark(
              text.substr(speaker_end, kept_match->begin - speaker_end)) &&
          !IsClosingTag(
              text.substr(within.begin, kept_match->begin - within.begin),
              text.substr(kept_match->end, within.end - kept_match->end));
      resolution = speakers.Resolve(anaphor, line, in_what_was_reported);
    }
    // An anaphor that names no one in reach may make the finding another
    // rule's (`unresolved-as`): "a spokesman said" with no body in reach is
    // the vague pack's. A copy of the match, made only then.
    std::optional<RuleMatch> fallback;
    if (resolution.has_value() && !resolution->resolved &&
        config.matcher != nullptr) {
      if (const Rule* other = config.matcher->UnresolvedAs(*kept_match->rule)) {
        fallback = *kept_match;
        fallback->rule = other;
        resolution.reset();
      }
    }
    const RuleMatch& match = fallback.has_value() ? *fallback : *kept_match;
    const Rule& rule = *match.rule;
    // A copy, made only when an anaphor or a short form changes the source:
    // most findings keep the match's own captures.
    std::vector<Capture> resolved;
    const std::vector<Capture>* captures = &match.captures;
    if (resolution.has_value()) {
      const std::string_view anaphor = CaptureValue(match.captures, "anaphor");
      if (!rule.opt_in) speakers.Took(*resolution, line);
      resolved = match.captures;
      resolved.push_back(
          Capture{"source", resolution->source, resolution->resolved});
      // For the message, which must not say "named earlier" of an "it"
      // that nothing in reach names.
      resolved.push_back(
          Capture{resolution->resolved ? "antecedent" : "unresolved",
                  std::string(anaphor)});
      captures = &resolved;
    }
    Finding finding = FindingOf(document, original_lines, match, *captures);
    if (rule.opt_in) {
      opt_in_findings->push_back(std::move(finding));
      continue;
    }
    if (rule.kind == Kind::kAttribution && !finding.source.empty()) {
      speaker_sentence = sentence;
      speaker_end = kept_match->end;
      // A short form the document gives in full is reported by its full
      // name, so that message and store carry one name. An anaphor's
      // finding already carries the name it resolved to.
      if (!resolution.has_value()) {
        if (std::string name =
                speakers.Spoke(finding, line, in_reported_clause);
            name != finding.source) {
          resolved = match.captures;
          for (Capture& capture : resolved) {
            if (capture.name == "source") {
              capture.value = name;
              capture.clean = true;
            }
          }
          finding.message = RenderMessage(rule.message, resolved);
          finding.source = std::move(name);
        }
      }
    }
    if (rule.kind == Kind::kVagueAttribution) {
      speakers.UnnamedSpoke(finding.text);
    }
    if (rule.kind == Kind::kVagueAttribution || rule.kind == Kind::kCitation) {
      unnamed_or_cited = true;
    } else if (rule.kind == Kind::kAttribution && !finding.source.empty() &&
               (!resolution.has_value() || resolution->resolved)) {
      named_attributions.push_back(findings->size());
    }
    if (rule.reach_sole_body) sole_body_reached.push_back(findings->size());
    findings->push_back(std::move(finding));
    if (rule.kind == Kind::kBoilerplate && match.end > match.begin) {
      // A document-scope finding (a menu, a link list) spans lines.
      const size_t last = RangeIndexOf(segments.lines, match.end - 1);
      for (size_t i = RangeIndexOf(segments.lines, match.begin);
           i <= last && i < boilerplate_line->size(); ++i) {
        (*boilerplate_line)[i] = true;
      }
    }
  }
  if (sole_body_reached.empty() || unnamed_or_cited ||
      config.sources == nullptr) {
    return;
  }
  const std::optional<size_t> body_start =
      SoleBodyStart(*findings, named_attributions, *config.sources);
  if (!body_start.has_value()) return;
  std::vector<bool> reached(findings->size(), false);
  for (size_t index : sole_body_reached) {
    reached[index] = (*findings)[index].begin > *body_start;
  }
  std::vector<Finding> remaining;
  remaining.reserve(findings->size());
  for (size_t index = 0; index < findings->size(); ++index) {
    if (!reached[index]) remaining.push_back(std::move((*findings)[index]));
  }
  *findings = std::move(remaining);
}

// Built-in line findings: page furniture by its markup, lines that recur
// across the run's documents, and short lines outside a page's article. A
// line a rule named already keeps that finding: what the text itself says
// is the clearer message. Markup comes before repetition since it holds
// whatever else the run contains.
void AddLineFindings(const Document& document, const Segmentation& segments,
                     const AnalysisConfig& config,
                     const LineIndex& original_lines,
                     std::vector<bool>* boilerplate_line,
                     std::vector<Finding>* findings) {
  const std::string_view text = document.text;
  // Flags line `index` unless a finding flags it already.
  auto flag_line = [&](size_t index, const char* rule_id, std::string message) {
    if ((*boilerplate_line)[index]) return;
    (*boilerplate_line)[index] = true;
    const TextRange& line = segments.lines[index];
    const std::string_view content = text.substr(line.begin, line.size());
    const size_t lead = content.find_first_not_of(" \t\r\f\v");
    const size_t last = content.find_last_not_of(" \t\r\f\v");
    Finding finding;
    finding.rule_id = rule_id;
    finding.kind = Kind::kBoilerplate;
    finding.severity = Severity::kWarning;
    finding.begin = line.begin + lead;
    finding.end = line.begin + last + 1;
    std::tie(finding.start, finding.stop) =
        SpanPositions(document, original_lines, finding.begin, finding.end);
    finding.message = std::move(message);
    finding.text = std::string(content.substr(lead, last + 1 - lead));
    findings->push_back(std::move(finding));
  };
  for (const LineStructure& markup : document.structure) {
    std::string why = markup.furniture;
    if (why.empty() && markup.chars > 0 &&
        markup.link_chars >= kLinkDenseShare * markup.chars) {
      why = absl::StrCat("link text ", 100 * markup.link_chars / markup.chars,
                         "%");
    }
    if (why.empty()) continue;
    const size_t index = RangeIndexOf(segments.lines, markup.begin);
    if (index >= segments.lines.size()) continue;
    flag_line(index, kPageStructureRuleId,
              absl::StrCat("Page furniture by its markup (", why,
                           "), not this article's own text"));
  }
  if (config.repeated_lines != nullptr) {
    // The number of documents is left out of the message: it grows with
    // the corpus, and an audit reuses findings while their lines recur.
    for (const auto& repeated :
         config.repeated_lines->Repeated(text, segments)) {
      flag_line(repeated.first, kRepeatedLineRuleId,
                absl::StrCat("Line recurs word for word in ",
                             config.repeated_lines->options().min_documents,
                             " or more documents of this run: page furniture "
                             "or a standing footer, not this article's own "
                             "text"));
    }
  }
  if (document.format == Format::kPlainText) {
    // Plain text only: HTML has its markup to go by (above), and Markdown
    // is written, not scraped, so a list of points before its body is
    // the author's.
    const std::vector<bool> outside = LinesOutsideArticle(text, segments.lines);
    for (size_t index = 0; index < outside.size(); ++index) {
      if (!outside[index]) continue;
      flag_line(index, kOutsideArticleRuleId,
                "Short line outside the article's body, in text that reads as "
                "a whole page: a menu, a teaser or a caption, not this "
                "article's own text");
    }
  }
}

// Claims, the document's stats and its score, from its default findings.
void AddClaimsAndScore(const Document& document, const Segmentation& segments,
                       const AnalysisConfig& config,
                       const LineIndex& original_lines,
                       const std::vector<bool>& boilerplate_line,
                       DocumentResult* result_out) {
  DocumentResult& result = *result_out;
  const ScoreWeights& weights = config.weights;
  const std::string_view text = document.text;
  DocumentStats& stats = result.stats;
  for (size_t i = 0; i < segments.lines.size(); ++i) {
    const TextRange& line = segments.lines[i];
    const std::string_view content = text.substr(line.begin, line.size());
    if (content.find_first_not_of(" \t\r\f\v") == std::string_view::npos) {
      continue;
    }
    ++stats.lines;
    if (boilerplate_line[i]) ++stats.boilerplate_lines;
  }
  stats.sentences = static_cast<int>(segments.sentences.size());
  // Claims: each sentence that carries a sourcing finding, sourced by its
  // best one (named, then cited, then vague).
  std::vector<const Finding*> best(segments.sentences.size(), nullptr);
  auto rank = [](Kind kind) {
    switch (kind) {
      case Kind::kAttribution:
        return 4;
      case Kind::kCitation:
        return 3;
      case Kind::kVagueAttribution:
        return 2;
      case Kind::kUnattributedClaim:
        return 1;
      default:
        return 0;
    }
  };
  for (const Finding& finding : result.findings) {
    const size_t s = RangeIndexOf(segments.sentences, finding.begin);
    if (s >= best.size() || rank(finding.kind) == 0) continue;
    if (best[s] == nullptr || rank(finding.kind) > rank(best[s]->kind)) {
      best[s] = &finding;
    }
  }
  for (size_t s = 0; s < best.size(); ++s) {
    if (best[s] == nullptr || boilerplate_line[segments.sentence_line[s]]) {
      continue;
    }
    const Finding& finding = *best[s];
    const TextRange& sentence = segments.sentences[s];
    Claim claim;
    claim.begin = sentence.begin;
    claim.end = sentence.end;
    std::tie(claim.start, claim.stop) =
        SpanPositions(document, original_lines, sentence.begin, sentence.end);
    claim.text = std::string(text.substr(sentence.begin, sentence.size()));
    claim.cue = finding.text;
    claim.rule_id = finding.rule_id;
    const bool named = finding.kind == Kind::kAttribution;
    const bool cited = finding.kind == Kind::kCitation;
    const bool vague = finding.kind == Kind::kVagueAttribution;
    claim.sourcing = named   ? Sourcing::kAttributed
                     : cited ? Sourcing::kCited
                     : vague ? Sourcing::kVague
                             : Sourcing::kUnattributed;
    if (named || cited) {
      SourceResolution resolution;
      if (config.sources != nullptr) {
        resolution = config.sources->Resolve(finding);
        claim.reliability = config.sources->ReliabilityOf(resolution);
      } else {
        resolution.name = finding.source;
        resolution.profile.type = "unknown";
        resolution.profile.prior = 0.3;
        resolution.profile.basis = "no registry";
        claim.reliability = resolution.profile.prior;
      }
      claim.source = resolution.name;
      claim.source_type = resolution.profile.type;
      claim.source_named = resolution.profile.named;
      stats.reliability_sum += claim.reliability;
    }
    claim.credit = ClaimCredit(named, cited, vague, claim.reliability, weights);
    stats.credit += claim.credit;
    ++stats.claims;
    switch (claim.sourcing) {
      case Sourcing::kAttributed:
        ++stats.attributed_claims;
        break;
      case Sourcing::kCited:
        ++stats.cited_claims;
        break;
      case Sourcing::kVague:
        ++stats.vague_claims;
        break;
      case Sourcing::kUnattributed:
        ++stats.unattributed_claims;
        break;
    }
    result.claims.push_back(std::move(claim));
  }
  for (const Finding& finding : result.findings) {
    if (finding.kind == Kind::kVagueAttribution) ++stats.vague_attributions;
    if (finding.kind == Kind::kContradiction) {
      ++(finding.severity == Severity::kError ? stats.contradictions
                                              : stats.minor_contradictions);
    }
  }
  result.score = ComputeScore(stats, weights);
}

bool ByPosition(const Finding& a, const Finding& b) {
  if (a.start.line != b.start.line) return a.start.line < b.start.line;
  return a.start.column < b.start.column;
}

// Everything after matching: filtering, findings, claims and the score.
DocumentResult ResultOf(const Document& document, const Segmentation& segments,
                        const std::vector<RuleMatch>& matches,
                        const AnalysisConfig& config) {
  DocumentResult result;
  result.path = document.path;
  result.sha256 = document.sha256;
  result.bytes = document.raw_bytes;
  const LineIndex original_lines(document.original);
  std::vector<bool> boilerplate_line(segments.lines.size(), false);
  std::vector<Finding> opt_in_findings;
  AddRuleFindings(document, segments,
                  KeptMatches(document.text, segments, matches, config.matcher),
                  config, original_lines, &result.findings, &opt_in_findings,
                  &boilerplate_line);
  AddLineFindings(document, segments, config, original_lines, &boilerplate_line,
                  &result.findings);
  if (config.contradictions != nullptr) {
    if (auto it = config.contradictions->find(document.path);
        it != config.contradictions->end()) {
      result.findings.insert(result.findings.end(), it->second.begin(),
                             it->second.end());
    }
  }
  std::stable_sort(result.findings.begin(), result.findings.end(), ByPosition);
  AddClaimsAndScore(document, segments, config, original_lines,
                    boilerplate_line, &result);
  // Opt-in findings join only now, after claims and score are settled.
  if (!opt_in_findings.empty()) {
    result.findings.insert(result.findings.end(),
                           std::make_move_iterator(opt_in_findings.begin()),
                           std::make_move_iterator(opt_in_findings.end()));
    std::stable_sort(result.findings.begin(), result.findings.end(),
                     ByPosition);
  }
  return result;
}

}  // namespace

DocumentResult AnalyzeDocument(const Document& document,
                               const AnalysisConfig& config) {
  const Segmentation segments = Segment(document.text);
  return ResultOf(document, segments,
                  config.matcher->Match(document.text, segments), config);
}

std::vector<DocumentResult> AnalyzeDocuments(
    const std::vector<Document>& documents, const AnalysisConfig& config) {
  std::vector<Segmentation> segments;
  segments.reserve(documents.size());
  std::vector<Matcher::BatchItem> items;
  items.reserve(documents.size());
  for (const Document& document : documents) {
    segments.push_back(Segment(document.text));
    items.push_back(Matcher::BatchItem{document.text, &segments.back()});
  }
  const std::vector<std::vector<RuleMatch>> matches =
      config.matcher->MatchBatch(items, config.lane, config.lanes);
  std::vector<DocumentResult> results;
  results.reserve(documents.size());
  for (size_t i = 0; i < documents.size(); ++i) {
    results.push_back(ResultOf(documents[i], segments[i], matches[i], config));
  }
  return results;
}

}  // namespace provcheck
