#include "provcheck/rule_parser.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "boost/spirit/home/x3.hpp"
#include "provcheck/document.h"
#include "rules/parse_error.h"
#include "rules/x3_tokens.h"

namespace provcheck {
namespace {

namespace x3 = boost::spirit::x3;
using x3_tokens::Iterator;
using x3_tokens::kIdentifier;
using x3_tokens::kQuoted;
using x3_tokens::kSkipper;
using x3_tokens::Named;
using x3_tokens::RawToken;
using x3_tokens::Token;
using x3_tokens::Unquote;

struct Field {
  Token keyword;
  std::vector<Token> values;
};

struct RuleBlock {
  Token id;
  std::vector<Field> fields;
};

struct Define {
  Token name;
  Token value;
};

// What the grammar collects; turned into a RulePack, with the semantic checks,
// once the syntax is known to be right.
struct ParsedPack {
  Token name;
  Token description;
  bool opt_in = false;
  std::vector<Define> defines;
  std::vector<RuleBlock> rules;
};

// Parses the syntax. Spirit reports expectation failures by throwing; they
// are caught here so no exception leaves this file.
absl::StatusOr<ParsedPack> ParseSyntax(std::string_view source,
                                       std::string_view file) {
  ParsedPack pack;
  RuleBlock* current_rule = nullptr;
  Field* current_field = nullptr;
  const Iterator source_begin = source.begin();

  // Tokens are taken through x3::raw so that each knows where it starts.
  auto token = [source_begin](auto& ctx) {
    return RawToken(ctx, source_begin);
  };
  auto quoted_token = [token](auto& ctx) { return Unquote(token(ctx)); };
  auto const& quoted = kQuoted;
  auto const& identifier = kIdentifier;
  auto const number = x3::rule<class number_tag, std::string>{"a number"} =
      x3::lexeme[+x3::digit];
  auto keyword = [](const char* word) {
    return x3::lexeme[x3::string(word) >> !(x3::alnum | x3::char_("_-"))];
  };
  // Collapses an alternative of keywords into one string attribute.
  auto one_of = [](auto alternatives) {
    return x3::rule<class one_of_tag, std::string>{"a keyword"} = alternatives;
  };

  auto on_pack_name = [&](auto& ctx) { pack.name = token(ctx); };
  auto on_pack_description = [&](auto& ctx) {
    pack.description = quoted_token(ctx);
  };
  auto on_opt_in = [&](auto&) { pack.opt_in = true; };
  auto on_define_name = [&](auto& ctx) {
    pack.defines.push_back(Define{token(ctx), {}});
  };
  auto on_define_value = [&](auto& ctx) {
    pack.defines.back().value = quoted_token(ctx);
  };
  auto on_rule_id = [&](auto& ctx) {
    pack.rules.push_back(RuleBlock{token(ctx), {}});
    current_rule = &pack.rules.back();
  };
  auto on_keyword = [&](auto& ctx) {
    current_rule->fields.push_back(Field{token(ctx), {}});
    current_field = &current_rule->fields.back();
  };
  auto on_value = [&](auto& ctx) {
    current_field->values.push_back(token(ctx));
  };
  auto on_quoted_value = [&](auto& ctx) {
    current_field->values.push_back(quoted_token(ctx));
  };

  auto const quoted_value =
      Named("a quoted string", x3::raw[quoted][on_quoted_value]);
  auto const word_value = Named("a word", x3::raw[identifier][on_value]);
  auto const number_value = Named("a number", x3::raw[number][on_value]);
  auto const kinds_value = Named("a kind, or kinds separated by commas",
                                 (x3::raw[identifier][on_value] % ','));
  // A capture's name, "0" for the whole match, "before", "after" or
  // "paragraph".
  auto const capture_name_value = Named(
      "a capture's name, 0 (the whole match), 'before', 'after' or "
      "'paragraph'",
      x3::raw[identifier | number][on_value]);

  auto const string_field =
      x3::raw[one_of(keyword("description") | keyword("match") |
                     keyword("message") | keyword("counter"))][on_keyword] >
      quoted_value;
  auto const word_field =
      x3::raw[one_of(keyword("kind") | keyword("severity") | keyword("scope"))]
             [on_keyword] > word_value;
  auto const capture = x3::raw[identifier][on_value] >> '=' > quoted_value;
  auto const example_field =
      x3::raw[keyword("example")][on_keyword] > quoted_value > *capture;
  auto const yields_field =
      x3::raw[keyword("yields-to")][on_keyword] > kinds_value;
  auto const near_field =
      x3::raw[keyword("unless-near")][on_keyword] > kinds_value >
      Named("'within'", keyword("within")) > number_value >
      -x3::raw[keyword("across-paragraphs")][on_value] >
      -(x3::raw[keyword("or-lead")][on_value] > number_value) >
      -x3::raw[keyword("or-quote-run")][on_value] >
      -x3::raw[keyword("or-list")][on_value] >
      -x3::raw[keyword("or-sole-body")][on_value];
  auto const reject_field = x3::raw[keyword("reject")][on_keyword] >
                            capture_name_value > quoted_value;
  auto const release_field = x3::raw[keyword("release-period")][on_keyword] >
                             quoted_value > quoted_value;
  auto const governs_value =
      Named("'paragraph' or 'document'",
            x3::raw[keyword("paragraph") | keyword("document")][on_value]);
  auto const per_document_value =
      Named("'per-document'", x3::raw[keyword("per-document")][on_value]);
  auto const governs_field =
      x3::raw[keyword("governs")][on_keyword] > governs_value;
  auto const at_least_field = x3::raw[keyword("at-least")][on_keyword] >
                              number_value > per_document_value;
  auto const unresolved_field =
      x3::raw[keyword("unresolved-as")][on_keyword] >
      Named("a rule's id", x3::raw[identifier][on_value]);
  auto const field = string_field | word_field | example_field | yields_field |
                     near_field | reject_field | release_field | governs_field |
                     at_least_field | unresolved_field;
  auto const close_brace = Named(
      "a field (description, kind, severity, scope, match, message, "
      "example, counter, yields-to, unless-near, reject, release-period, "
      "governs, at-least, unresolved-as) or '}'",
      x3::lit('}'));

  // A word after the header that starts no define or rule can only be a
  // pack attribute, so a misspelt one is named as such instead of being
  // reported as a misplaced rule.
  auto const pack_attribute =
      Named("a pack attribute ('opt-in'), 'define' or 'rule'",
            keyword("opt-in")[on_opt_in]);
  auto const pack_name =
      Named("the pack's name", x3::raw[identifier][on_pack_name]);
  auto const define_name =
      Named("a sub-pattern name", x3::raw[identifier][on_define_name]);
  auto const define_value =
      Named("a quoted string", x3::raw[quoted][on_define_value]);
  auto const rule_id = Named("the rule's id", x3::raw[identifier][on_rule_id]);
  auto const pack_decl =
      keyword("pack") > pack_name > -x3::raw[quoted][on_pack_description] >
      -(!(keyword("define") | keyword("rule")) >> &identifier > pack_attribute);
  auto const define = keyword("define") > define_name > '=' > define_value;
  auto const rule = keyword("rule") > rule_id > '{' > *field > close_brace;
  auto const top_level = Named("'define' or 'rule'", define | rule);
  auto const end_of_file =
      Named("'define', 'rule' or the end of the file", x3::eoi);
  auto const grammar = pack_decl > *top_level > end_of_file;

  auto const& skipper = kSkipper;

  Iterator first = source.begin();
  try {
    bool ok = x3::phrase_parse(first, source.end(), grammar, skipper);
    if (!ok) {
      return ErrorAt(source, file, first - source_begin,
                     "expected 'pack NAME \"description\"' at the start of "
                     "the file");
    }
  } catch (const x3::expectation_failure<Iterator>& failure) {
    // where() is before the skipper ran: point at the offending token,
    // except for an unterminated string, whose error is where its line ends.
    const size_t where = failure.where() - source_begin;
    const bool unterminated_string = failure.which() == "'\"'";
    return ErrorAt(
        source, file,
        unterminated_string ? where : SkipBlanksAndComments(source, where),
        absl::StrCat("expected ", failure.which()));
  }
  return pack;
}

bool IsDefineName(std::string_view name) {
  if (name.empty() || !(std::isupper(static_cast<unsigned char>(name[0])))) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

// The end of the escape that starts at value[i] (a backslash): "\{" and
// "\d" are two characters, "\p{Lu}" and "\x{2019}" run to their closing
// brace. None of them is a sub-pattern reference.
size_t EscapeEnd(std::string_view value, size_t i) {
  size_t end = i + 2;
  if ((value[i + 1] == 'p' || value[i + 1] == 'P' || value[i + 1] == 'x') &&
      end < value.size() && value[end] == '{') {
    size_t close = value.find('}', end);
    end = close == std::string_view::npos ? value.size() : close + 1;
  }
  return end;
}

// A sub-pattern reference "{NAME}" starting at value[i] (a '{'): the name
// and where its '}' stands. nullopt for a quantifier such as "{1,3}".
struct DefineReference {
  std::string_view name;
  size_t close = 0;
};
std::optional<DefineReference> DefineReferenceAt(std::string_view value,
                                                 size_t i) {
  size_t close = value.find('}', i);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view name = value.substr(i + 1, close - i - 1);
  if (!IsDefineName(name)) return std::nullopt;
  return DefineReference{name, close};
}

// A define, expanded: `text` stands in a pattern as a group; `members` is
// the same text read as the inside of a character class, where every
// reference it makes stands as members too ("{LETTER}0-9" with LETTER
// "a-z" is "a-z0-9", not "(?:a-z)0-9"). nullopt when the text holds a
// bracket of its own ("[A-Z]"): inside a class, its ']' would end the class.
struct ExpandedDefine {
  std::string text;
  std::optional<std::string> members;
};
using DefineMap = absl::flat_hash_map<std::string, ExpandedDefine>;

// `value` read as class members (see ExpandedDefine), or nullopt.
std::optional<std::string> MembersOf(std::string_view value,
                                     const DefineMap& defines) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      const size_t end = EscapeEnd(value, i);
      out.append(value.substr(i, end - i));
      i = end - 1;
      continue;
    }
    if (value[i] == '[' && i + 1 < value.size() && value[i + 1] == ':') {
      size_t close = value.find(":]", i + 2);
      if (close == std::string_view::npos) return std::nullopt;
      out.append(value.substr(i, close + 2 - i));
      i = close + 1;
      continue;
    }
    if (value[i] == '[' || value[i] == ']') return std::nullopt;
    if (value[i] == '{') {
      if (const auto reference = DefineReferenceAt(value, i)) {
        auto it = defines.find(std::string(reference->name));
        if (it == defines.end() || !it->second.members) return std::nullopt;
        out.append(*it->second.members);
        i = reference->close;
        continue;
      }
    }
    out.push_back(value[i]);
  }
  return out;
}

// Expands {NAME} references; {1,3} and other quantifiers are left alone.
// A reference becomes a non-capturing group, so that "{CUE}s" or "a{ALT}"
// cannot rebind its alternation, except inside a character class, where a
// group's "(?:" and ")" would be read as literal characters: "[{LETTER}']"
// must stay a set of letters, not one that also holds '(', '?', ':' and ')'.
// `value_offset` is where the string's text starts in the file, so that an
// unknown reference can be pointed at.
absl::StatusOr<std::string> Expand(std::string_view value, size_t value_offset,
                                   const DefineMap& defines,
                                   std::string_view source,
                                   std::string_view file) {
  std::string out;
  out.reserve(value.size());
  bool in_class = false;
  size_t class_start = 0;  // where the class's members begin, after [ or [^
  for (size_t i = 0; i < value.size(); ++i) {
    if (!in_class && value[i] == '[') {
      in_class = true;
      class_start = i + 1 < value.size() && value[i + 1] == '^' ? i + 2 : i + 1;
    } else if (in_class && value[i] == '[' && i + 1 < value.size() &&
               value[i + 1] == ':') {
      // A POSIX class, [:alpha:], ends at its own ":]".
      size_t close = value.find(":]", i + 2);
      if (close != std::string_view::npos) {
        out.append(value.substr(i, close + 2 - i));
        i = close + 1;
        continue;
      }
    } else if (in_class && value[i] == ']' && i != class_start) {
      in_class = false;  // a ']' first in the class is a member
    }
    if (value[i] == '\\' && i + 1 < value.size()) {
      const size_t end = EscapeEnd(value, i);
      out.append(value.substr(i, end - i));
      i = end - 1;
      continue;
    }
    if (value[i] == '{') {
      if (const auto reference = DefineReferenceAt(value, i)) {
        const std::string name(reference->name);
        auto it = defines.find(name);
        if (it == defines.end()) {
          return ErrorAt(source, file, value_offset + 1 + i,
                         absl::StrCat("unknown sub-pattern {", name,
                                      "}: define it earlier in the pack"));
        }
        if (!in_class) {
          absl::StrAppend(&out, "(?:", it->second.text, ")");
        } else if (it->second.members) {
          out.append(*it->second.members);
        } else {
          return ErrorAt(
              source, file, value_offset + 1 + i,
              absl::StrCat("sub-pattern {", name,
                           "} holds a bracket expression and cannot stand "
                           "inside a character class: define its members "
                           "alone (\"A-Z\", not \"[A-Z]\")"));
        }
        i = reference->close;
        continue;
      }
    }
    out.push_back(value[i]);
  }
  return out;
}

template <typename Enum>
absl::StatusOr<Enum> ParseEnumToken(
    const Token& token, std::optional<Enum> (*parse)(std::string_view),
    std::string_view what, std::string_view choices, std::string_view source,
    std::string_view file) {
  if (auto value = parse(token.text)) return *value;
  return ErrorAt(
      source, file, token.offset,
      absl::StrCat("unknown ", std::string(what), " '", token.text,
                   "' (expected one of: ", std::string(choices), ")"));
}

constexpr std::string_view kKindChoices =
    "attribution, citation, vague-attribution, boilerplate, contradiction, "
    "unattributed-claim, mention";

// A count in a rule ("within 3", "at-least 2"): the grammar has already
// taken only digits, but "within 99999999999" must be an error, not a
// throw from std::stoi.
absl::StatusOr<int> ParseCount(const Token& token, const char* field,
                               int minimum, std::string_view source,
                               std::string_view file) {
  constexpr int kMaxCount = 1000;
  int count = 0;
  if (!absl::SimpleAtoi(token.text, &count) || count < minimum ||
      count > kMaxCount) {
    return ErrorAt(source, file, token.offset,
                   absl::StrCat("'", field, "' needs a count from ", minimum,
                                " to ", kMaxCount));
  }
  return count;
}

absl::StatusOr<std::vector<Kind>> ParseKinds(const std::vector<Token>& tokens,
                                             size_t count,
                                             std::string_view source,
                                             std::string_view file) {
  std::vector<Kind> kinds;
  for (size_t i = 0; i < count; ++i) {
    auto kind = ParseEnumToken<Kind>(tokens[i], &ParseKind, "kind",
                                     kKindChoices, source, file);
    if (!kind.ok()) return kind.status();
    kinds.push_back(*kind);
  }
  return kinds;
}

// Through a LineIndex built once per file: a pack has a thousand patterns
// and examples, and finding each one's line by scanning from the top of
// the file was 7% of a one-article lint.
SourceLocation LocationOf(const LineIndex& lines, std::string_view file,
                          size_t offset) {
  const Position position = lines.At(offset);
  return SourceLocation{std::string(file), position.line, position.column};
}

absl::StatusOr<Rule> BuildRule(const RuleBlock& block, const DefineMap& defines,
                               std::string_view source, const LineIndex& lines,
                               std::string_view file) {
  Rule rule;
  rule.id = block.id.text;
  rule.location = LocationOf(lines, file, block.id.offset);
  bool has_kind = false;
  absl::flat_hash_set<std::string> seen;
  for (const Field& field : block.fields) {
    const std::string& key = field.keyword.text;
    const bool repeatable = key == "match" || key == "example" ||
                            key == "counter" || key == "reject";
    if (!repeatable && !seen.insert(key).second) {
      return ErrorAt(source, file, field.keyword.offset,
                     absl::StrCat("'", key, "' given twice in rule ", rule.id));
    }
    const Token& first = field.values.front();
    if (key == "description") {
      rule.description = first.text;
    } else if (key == "message") {
      rule.message = first.text;
    } else if (key == "kind") {
      auto kind = ParseEnumToken<Kind>(first, &ParseKind, "kind", kKindChoices,
                                       source, file);
      if (!kind.ok()) return kind.status();
      rule.kind = *kind;
      has_kind = true;
    } else if (key == "severity") {
      auto severity =
          ParseEnumToken<Severity>(first, &ParseSeverity, "severity",
                                   "error, warning, info", source, file);
      if (!severity.ok()) return severity.status();
      rule.severity = *severity;
    } else if (key == "scope") {
      auto scope =
          ParseEnumToken<Scope>(first, &ParseScope, "scope",
                                "line, sentence, document", source, file);
      if (!scope.ok()) return scope.status();
      rule.scope = *scope;
    } else if (key == "match") {
      auto regex = Expand(first.text, first.offset, defines, source, file);
      if (!regex.ok()) return regex.status();
      rule.patterns.push_back(
          Pattern{*std::move(regex), LocationOf(lines, file, first.offset)});
    } else if (key == "example" || key == "counter") {
      RuleExample example;
      // Examples are text, not patterns: \n and \t stand for a line break
      // and a tab so multi-line furniture can be exemplified.
      example.text =
          absl::StrReplaceAll(first.text, {{"\\n", "\n"}, {"\\t", "\t"}});
      example.must_match = key == "example";
      example.location = LocationOf(lines, file, first.offset);
      for (size_t i = 1; i + 1 < field.values.size(); i += 2) {
        example.captures.emplace_back(field.values[i].text,
                                      field.values[i + 1].text);
      }
      rule.examples.push_back(std::move(example));
    } else if (key == "yields-to") {
      auto kinds = ParseKinds(field.values, field.values.size(), source, file);
      if (!kinds.ok()) return kinds.status();
      rule.yields_to = *std::move(kinds);
    } else if (key == "reject") {
      const Token& pattern = field.values[1];
      auto regex = Expand(pattern.text, pattern.offset, defines, source, file);
      if (!regex.ok()) return regex.status();
      rule.rejects.emplace_back(
          first.text,
          Pattern{*std::move(regex), LocationOf(lines, file, pattern.offset)});
    } else if (key == "release-period") {
      const Token& period = field.values[1];
      auto figure = Expand(first.text, first.offset, defines, source, file);
      if (!figure.ok()) return figure.status();
      auto periods = Expand(period.text, period.offset, defines, source, file);
      if (!periods.ok()) return periods.status();
      rule.release_period = ReleasePeriod{
          Pattern{*std::move(figure), LocationOf(lines, file, first.offset)},
          Pattern{*std::move(periods), LocationOf(lines, file, period.offset)}};
    } else if (key == "governs") {
      rule.governs = first.text == "document" ? Governs::kRestOfDocument
                                              : Governs::kParagraph;
    } else if (key == "unresolved-as") {
      rule.unresolved_as = first.text;
      rule.unresolved_as_location = LocationOf(lines, file, first.offset);
    } else if (key == "at-least") {
      auto count = ParseCount(first, "at-least", 1, source, file);
      if (!count.ok()) return count.status();
      rule.min_per_document = *count;
    } else if (key == "unless-near") {
      size_t count = field.values.size();
      // The grammar puts the optional words in a fixed order, so they are
      // taken off the end, last first.
      auto take_last = [&](std::string_view word, bool* flag) {
        if (field.values[count - 1].text == word) {
          *flag = true;
          --count;
        }
      };
      take_last("or-sole-body", &rule.reach_sole_body);
      take_last("or-list", &rule.reach_list);
      take_last("or-quote-run", &rule.reach_quote_run);
      if (count >= 2 && field.values[count - 2].text == "or-lead") {
        auto lead_reach =
            ParseCount(field.values[count - 1], "or-lead", 1, source, file);
        if (!lead_reach.ok()) return lead_reach.status();
        rule.lead_reach = *lead_reach;
        count -= 2;
      }
      take_last("across-paragraphs", &rule.reach_across_paragraphs);
      auto kinds = ParseKinds(field.values, count - 1, source, file);
      if (!kinds.ok()) return kinds.status();
      rule.unless_near = *std::move(kinds);
      auto reach =
          ParseCount(field.values[count - 1], "within", 0, source, file);
      if (!reach.ok()) return reach.status();
      rule.reach = *reach;
    }
  }
  auto missing = [&](std::string_view what) {
    return ErrorAt(
        source, file, block.id.offset,
        absl::StrCat("rule ", rule.id, " has no '", std::string(what), "'"));
  };
  if (!has_kind) return missing("kind");
  if (rule.release_period.has_value() && rule.unless_near.empty()) {
    // The lead reaches a finding only as a neighbour does: by holding a
    // finding of a kind unless-near names.
    return ErrorAt(source, file, block.id.offset,
                   absl::StrCat("rule ", rule.id,
                                " has a 'release-period' but no "
                                "'unless-near' to say which kinds the lead "
                                "must hold"));
  }
  if (rule.patterns.empty()) return missing("match");
  if (!rule.unresolved_as.empty() &&
      std::none_of(rule.patterns.begin(), rule.patterns.end(),
                   [](const Pattern& pattern) {
                     return absl::StrContains(pattern.regex, "(?P<anaphor>");
                   })) {
    // Only an anaphor can go unresolved.
    return ErrorAt(source, file, block.id.offset,
                   absl::StrCat("rule ", rule.id,
                                " has 'unresolved-as' but no pattern with "
                                "an anaphor capture"));
  }
  if (rule.message.empty()) return missing("message");
  return rule;
}

}  // namespace

absl::StatusOr<RulePack> ParseRulePack(std::string_view source,
                                       std::string_view file_name) {
  auto parsed = ParseSyntax(source, file_name);
  if (!parsed.ok()) return parsed.status();

  RulePack pack;
  pack.name = parsed->name.text;
  pack.description = parsed->description.text;
  pack.file = std::string(file_name);
  pack.opt_in = parsed->opt_in;

  DefineMap defines;
  for (const Define& define : parsed->defines) {
    if (!IsDefineName(define.name.text)) {
      return ErrorAt(source, file_name, define.name.offset,
                     absl::StrCat("sub-pattern name '", define.name.text,
                                  "' must be upper case, like PERSON or "
                                  "CUE_VERB"));
    }
    // A define may use earlier defines; expanding here keeps the rules' own
    // expansion a single step.
    auto value = Expand(define.value.text, define.value.offset, defines, source,
                        file_name);
    if (!value.ok()) return value.status();
    ExpandedDefine expanded{*std::move(value),
                            MembersOf(define.value.text, defines)};
    if (!defines.emplace(define.name.text, std::move(expanded)).second) {
      return ErrorAt(
          source, file_name, define.name.offset,
          absl::StrCat("sub-pattern ", define.name.text, " defined twice"));
    }
  }

  const LineIndex lines(source);
  absl::flat_hash_set<std::string> ids;
  for (const RuleBlock& block : parsed->rules) {
    if (!ids.insert(block.id.text).second) {
      return ErrorAt(source, file_name, block.id.offset,
                     absl::StrCat("rule ", block.id.text, " defined twice"));
    }
    auto rule = BuildRule(block, defines, source, lines, file_name);
    if (!rule.ok()) return rule.status();
    rule->opt_in = pack.opt_in;
    pack.rules.push_back(*std::move(rule));
  }
  return pack;
}

absl::StatusOr<std::vector<RulePack>> LoadRulePacks(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return absl::NotFoundError(
        absl::StrCat(dir, ": error: rules directory not found"));
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, error), end; it != end;
       it.increment(error)) {
    if (error) break;
    if (it->is_regular_file() && it->path().extension() == ".rules") {
      files.push_back(it->path());
    }
  }
  if (error) {
    return absl::UnavailableError(
        absl::StrCat(dir, ": error: ", error.message()));
  }
  std::sort(files.begin(), files.end());

  std::vector<RulePack> packs;
  absl::flat_hash_map<std::string, std::string> rule_files;  // id -> file
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
      return absl::UnavailableError(
          absl::StrCat(path.string(), ": error: cannot read rule file"));
    }
    std::string source = buffer.str();
    auto pack = ParseRulePack(source, path.string());
    if (!pack.ok()) return pack.status();
    for (const Rule& rule : pack->rules) {
      auto [it, inserted] = rule_files.emplace(rule.id, path.string());
      if (!inserted) {
        return absl::InvalidArgumentError(
            absl::StrCat(rule.location.file, ":", rule.location.line, ":",
                         rule.location.column, ": error: rule ", rule.id,
                         " is already defined in ", it->second));
      }
    }
    packs.push_back(*std::move(pack));
  }
  if (packs.empty()) {
    return absl::NotFoundError(
        absl::StrCat(dir, ": error: no .rules files found"));
  }
  return packs;
}

}  // namespace provcheck
