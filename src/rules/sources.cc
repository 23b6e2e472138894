#include "provcheck/sources.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "boost/spirit/home/x3.hpp"
#include "common/sha256.h"
#include "re2/re2.h"
#include "rules/parse_error.h"
#include "rules/x3_tokens.h"

namespace provcheck {

double BetaReliability(double prior, int confirmed, int contradicted) {
  const double alpha = prior * kPriorStrength + confirmed;
  const double beta = (1.0 - prior) * kPriorStrength + contradicted;
  return alpha / (alpha + beta);
}

struct SourceRegistry::Match {
  // What the pattern reads: the source's name, its role, or the id of the
  // rule that found it ("attribution.state" finds a state, whatever its
  // name: a rule may say what its sources are).
  enum class On { kName, kRole, kRule };
  On on = On::kName;
  std::unique_ptr<RE2> pattern;
  SourceProfile profile;
};

struct SourceRegistry::GenderMatch {
  std::unique_ptr<RE2> pattern;
  Gender gender = Gender::kUnknown;
};

namespace {

namespace x3 = boost::spirit::x3;
using x3_tokens::Iterator;
using x3_tokens::Keyword;
using x3_tokens::kIdentifier;
using x3_tokens::kQuoted;
using x3_tokens::kSkipper;
using x3_tokens::Named;
using x3_tokens::RawToken;
using x3_tokens::Token;
using x3_tokens::Unquote;

// One block of a .sources file as written.
struct Block {
  Token keyword;  // source, match, default
  Token key;      // the name, the field matched (role/name), or the kind
  Token pattern;  // for match
  std::vector<std::pair<Token, std::vector<Token>>> fields;
};

// Lower case, single spaces, no leading "the": how names are compared.
std::string Normalise(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(
        static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

absl::StatusOr<std::vector<Block>> ParseBlocks(std::string_view source,
                                               std::string_view file) {
  std::vector<Block> blocks;
  const Iterator begin = source.begin();
  auto token = [begin](auto& ctx) { return RawToken(ctx, begin); };
  auto unquote = [](Token t) { return Unquote(std::move(t)); };
  auto const& quoted = kQuoted;
  auto const& identifier = kIdentifier;
  auto keyword = [](const char* word) { return Keyword(word); };

  auto on_block = [&](auto& ctx) {
    blocks.push_back(Block{token(ctx), {}, {}, {}});
  };
  auto on_key = [&](auto& ctx) { blocks.back().key = token(ctx); };
  auto on_quoted_key = [&](auto& ctx) {
    blocks.back().key = unquote(token(ctx));
  };
  auto on_pattern = [&](auto& ctx) {
    blocks.back().pattern = unquote(token(ctx));
  };
  auto on_field = [&](auto& ctx) {
    blocks.back().fields.push_back({token(ctx), {}});
  };
  auto on_value = [&](auto& ctx) {
    blocks.back().fields.back().second.push_back(token(ctx));
  };
  auto on_quoted_value = [&](auto& ctx) {
    blocks.back().fields.back().second.push_back(unquote(token(ctx)));
  };

  auto const word_value = Named("a word", x3::raw[identifier][on_value]);
  auto const number_value = Named("a number", x3::raw[x3::double_][on_value]);
  auto const quoted_value =
      Named("a quoted string", x3::raw[quoted][on_quoted_value]);
  auto const aliases = Named("one or more quoted names", +quoted_value);
  auto const field = (x3::raw[keyword("type")][on_field] > word_value) |
                     (x3::raw[keyword("prior")][on_field] > number_value) |
                     (x3::raw[keyword("alias")][on_field] > aliases) |
                     (x3::raw[keyword("basis")][on_field] > quoted_value) |
                     (x3::raw[keyword("antecedent")][on_field] > quoted_value) |
                     (x3::raw[keyword("named")][on_field] > word_value) |
                     (x3::raw[keyword("refers")][on_field] > word_value) |
                     (x3::raw[keyword("gender")][on_field] > word_value);
  auto const close = Named(
      "a field (type, prior, alias, basis, antecedent, named, refers, "
      "gender) or '}'",
      x3::lit('}'));
  auto const body = x3::lit('{') > *field > close;
  auto const quoted_key =
      Named("a quoted name", x3::raw[quoted][on_quoted_key]);
  auto const pattern = Named("a quoted pattern", x3::raw[quoted][on_pattern]);
  auto const finding_kind =
      Named("a finding kind", x3::raw[identifier][on_key]);
  auto const source_block =
      x3::raw[keyword("source")][on_block] > quoted_key > body;
  auto const match_block =
      x3::raw[keyword("match")][on_block] >
      x3::raw[Named("'role', 'name' or 'rule'",
                    keyword("role") | keyword("name") | keyword("rule"))]
             [on_key] > pattern > body;
  auto const default_block =
      x3::raw[keyword("default")][on_block] > finding_kind > body;
  auto const end =
      Named("'source', 'match', 'default' or the end of the file", x3::eoi);
  auto const grammar = *(source_block | match_block | default_block) > end;
  auto const& skipper = kSkipper;

  Iterator first = source.begin();
  try {
    x3::phrase_parse(first, source.end(), grammar, skipper);
  } catch (const x3::expectation_failure<Iterator>& failure) {
    return ErrorAt(source, file,
                   SkipBlanksAndComments(source, failure.where() - begin),
                   absl::StrCat("expected ", failure.which()));
  }
  return blocks;
}

}  // namespace

SourceRegistry::SourceRegistry() = default;
SourceRegistry::~SourceRegistry() = default;

absl::Status SourceRegistry::Add(std::string_view text,
                                 std::string_view file_name) {
  auto blocks = ParseBlocks(text, file_name);
  if (!blocks.ok()) return blocks.status();
  auto error = [&](const Token& at, const std::string& message) {
    return ErrorAt(text, file_name, at.offset, message);
  };
  // An entry's pattern, compiled; an error at its place if it does not.
  auto compile =
      [&](const Token& pattern) -> absl::StatusOr<std::unique_ptr<RE2>> {
    RE2::Options options;
    options.set_log_errors(false);
    auto compiled = std::make_unique<RE2>(pattern.text, options);
    if (!compiled->ok()) {
      return error(pattern, "pattern does not compile: " + compiled->error());
    }
    return compiled;
  };
  for (const Block& block : *blocks) {
    SourceProfile profile;
    std::vector<std::string> aliases;
    bool has_prior = false;
    // A block that gives a gender gives nothing else: it says what "he" or
    // "she" may refer back to, and types no source.
    std::optional<Gender> gender;
    for (const auto& [field, values] : block.fields) {
      if (field.text == "gender") {
        if (values[0].text != "male" && values[0].text != "female") {
          return error(values[0], "'gender' is male or female");
        }
        if (block.keyword.text != "match" || block.key.text != "name") {
          return error(field, "only a 'match name' entry may give a gender");
        }
        if (block.fields.size() != 1) {
          return error(field,
                       "an entry that gives a gender gives nothing else");
        }
        gender = values[0].text == "male" ? Gender::kMale : Gender::kFemale;
      }
    }
    if (gender.has_value()) {
      auto pattern = compile(block.pattern);
      if (!pattern.ok()) return pattern.status();
      gender_matches_.push_back(GenderMatch{*std::move(pattern), *gender});
      continue;
    }
    for (const auto& [field, values] : block.fields) {
      if (field.text == "type") {
        if (std::find(std::begin(kSourceTypes), std::end(kSourceTypes),
                      values[0].text) == std::end(kSourceTypes)) {
          return error(values[0],
                       absl::StrCat("unknown source type '", values[0].text,
                                    "' (expected one of: ",
                                    absl::StrJoin(kSourceTypes, ", "), ")"));
        }
        profile.type = values[0].text;
      } else if (field.text == "prior") {
        profile.prior = std::stod(values[0].text);
        if (profile.prior < 0.0 || profile.prior > 1.0) {
          return error(values[0], "a prior is a probability, from 0 to 1");
        }
        has_prior = true;
      } else if (field.text == "alias") {
        for (const Token& alias : values) aliases.push_back(alias.text);
      } else if (field.text == "basis") {
        profile.basis = values[0].text;
      } else if (field.text == "antecedent") {
        RE2::Options options;
        options.set_log_errors(false);
        auto antecedent = std::make_shared<const RE2>(values[0].text, options);
        if (!antecedent->ok()) {
          return error(values[0], "antecedent pattern does not compile: " +
                                      antecedent->error());
        }
        profile.antecedent = std::move(antecedent);
      } else if (field.text == "named") {
        if (values[0].text != "yes" && values[0].text != "no") {
          return error(values[0], "'named' is yes or no");
        }
        profile.named = values[0].text == "yes";
      } else if (field.text == "refers") {
        if (values[0].text == "anyone") {
          profile.refers = SourceProfile::Refers::kAnyone;
        } else if (values[0].text == "subject") {
          profile.refers = SourceProfile::Refers::kSubject;
        } else if (values[0].text == "body") {
          profile.refers = SourceProfile::Refers::kBody;
        } else if (values[0].text == "bare-name") {
          profile.refers = SourceProfile::Refers::kBareName;
        } else {
          return error(values[0],
                       "'refers' is anyone, subject, body or bare-name");
        }
      }
    }
    if (profile.type.empty()) return error(block.key, "no 'type' given");
    if (!has_prior) return error(block.key, "no 'prior' given");
    if (profile.basis.empty()) {
      return error(block.key,
                   "no 'basis' given: say where the prior comes from");
    }
    if (block.keyword.text == "source") {
      KnownSource known{block.key.text, aliases, profile};
      const size_t index = known_.size();
      for (const std::string& name : [&] {
             std::vector<std::string> all = {known.name};
             all.insert(all.end(), aliases.begin(), aliases.end());
             return all;
           }()) {
        if (!by_alias_.emplace(Normalise(name), index).second) {
          return error(block.key,
                       "source name or alias '" + name + "' is listed twice");
        }
      }
      known_.push_back(std::move(known));
    } else if (block.keyword.text == "match") {
      auto pattern = compile(block.pattern);
      if (!pattern.ok()) return pattern.status();
      const Match::On on = block.key.text == "role"   ? Match::On::kRole
                           : block.key.text == "rule" ? Match::On::kRule
                                                      : Match::On::kName;
      matches_.push_back(Match{on, *std::move(pattern), profile});
    } else if (!ParseKind(block.key.text)) {
      return error(block.key, "unknown kind '" + block.key.text + "'");
    } else {
      defaults_[block.key.text] = profile;
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<SourceRegistry>> SourceRegistry::Parse(
    std::string_view text, std::string_view file_name) {
  std::unique_ptr<SourceRegistry> registry(new SourceRegistry());
  if (absl::Status status = registry->Add(text, file_name); !status.ok()) {
    return status;
  }
  registry->digest_ = Sha256Hex(text);
  return registry;
}

absl::StatusOr<std::unique_ptr<SourceRegistry>> SourceRegistry::Load(
    const std::string& dir) {
  namespace fs = std::filesystem;
  std::unique_ptr<SourceRegistry> registry(new SourceRegistry());
  std::error_code error;
  std::vector<fs::path> files;
  if (fs::is_directory(dir, error)) {
    for (fs::recursive_directory_iterator it(dir, error), end; it != end;
         it.increment(error)) {
      if (error) break;
      if (it->is_regular_file() && it->path().extension() == ".sources") {
        files.push_back(it->path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
      return absl::UnavailableError(path.string() + ": error: cannot read");
    }
    const std::string text = buffer.str();
    if (absl::Status status = registry->Add(text, path.string());
        !status.ok()) {
      return status;
    }
    all += text;
  }
  registry->digest_ = Sha256Hex(all);
  return registry;
}

SourceResolution SourceRegistry::Resolve(const Finding& finding) const {
  SourceResolution resolution;
  resolution.name = finding.source;
  if (auto it = by_alias_.find(Normalise(finding.source));
      it != by_alias_.end()) {
    const KnownSource& known = known_[it->second];
    resolution.name = known.name;
    resolution.profile = known.profile;
    resolution.known = true;
    return resolution;
  }
  for (const Match& match : matches_) {
    const std::string& subject = match.on == Match::On::kRole ? finding.role
                                 : match.on == Match::On::kRule
                                     ? finding.rule_id
                                     : finding.source;
    if (!subject.empty() && RE2::FullMatch(subject, *match.pattern)) {
      resolution.profile = match.profile;
      return resolution;
    }
  }
  resolution.by_default = true;
  if (auto it = defaults_.find(std::string(KindName(finding.kind)));
      it != defaults_.end()) {
    resolution.profile = it->second;
  } else {
    resolution.profile = SourceProfile{"unknown", 0.3, "built-in default"};
  }
  return resolution;
}

Gender SourceRegistry::GenderOf(std::string_view name) const {
  const re2::StringPiece subject(name.data(), name.size());
  for (const GenderMatch& match : gender_matches_) {
    if (RE2::FullMatch(subject, *match.pattern)) return match.gender;
  }
  return Gender::kUnknown;
}

double SourceRegistry::ReliabilityOf(const SourceResolution& resolution) const {
  if (auto it = reliability_.find(Normalise(resolution.name));
      it != reliability_.end()) {
    return it->second;
  }
  return resolution.profile.prior;
}

void SourceRegistry::SetReliability(const std::string& name,
                                    double reliability) {
  reliability_[Normalise(name)] = reliability;
}

}  // namespace provcheck
