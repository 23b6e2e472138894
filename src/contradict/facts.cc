#include "provcheck/facts.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "boost/spirit/home/x3.hpp"
#include "provcheck/document.h"
#include "re2/re2.h"
#include "rules/parse_error.h"
#include "rules/x3_tokens.h"

namespace provcheck {
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

struct Block {
  Token keyword;  // event, mention, fact
  Token name;
  Token value;  // event and mention: the pattern
  std::vector<std::pair<Token, std::vector<Token>>> fields;
};

absl::StatusOr<std::vector<Block>> ParseBlocks(std::string_view source,
                                               std::string_view file) {
  std::vector<Block> blocks;
  const Iterator begin = source.begin();
  auto token = [begin](auto& ctx) { return RawToken(ctx, begin); };
  auto unquote = [](Token t) { return Unquote(std::move(t)); };
  auto const& quoted = kQuoted;
  auto const& identifier = kIdentifier;
  auto const iso_date =
      x3::rule<class iso_tag, std::string>{"a date (YYYY-MM-DD)"} =
          x3::lexeme[x3::repeat(4)[x3::digit] >> x3::char_('-') >>
                     x3::repeat(2)[x3::digit] >> x3::char_('-') >>
                     x3::repeat(2)[x3::digit]];
  auto keyword = [](const char* word) { return Keyword(word); };

  auto on_block = [&](auto& ctx) {
    blocks.push_back(Block{token(ctx), {}, {}, {}});
  };
  auto on_name = [&](auto& ctx) { blocks.back().name = token(ctx); };
  auto on_value = [&](auto& ctx) { blocks.back().value = unquote(token(ctx)); };
  auto on_field = [&](auto& ctx) {
    blocks.back().fields.push_back({token(ctx), {}});
  };
  auto on_word = [&](auto& ctx) {
    blocks.back().fields.back().second.push_back(token(ctx));
  };
  auto on_string = [&](auto& ctx) {
    blocks.back().fields.back().second.push_back(unquote(token(ctx)));
  };

  auto const word_value = Named("a word", x3::raw[identifier][on_word]);
  auto const quoted_value =
      Named("a quoted string", x3::raw[quoted][on_string]);
  auto const quoted_values = Named("one or more quoted strings", +quoted_value);
  auto const date_value =
      Named("a date (YYYY-MM-DD)", x3::raw[iso_date][on_word]);
  auto const block_name = Named("a name", x3::raw[identifier][on_name]);
  auto const block_value = Named("a quoted string", x3::raw[quoted][on_value]);
  auto const field = (x3::raw[keyword("event")][on_field] > word_value) |
                     (x3::raw[keyword("entities")][on_field] > quoted_values) |
                     (x3::raw[keyword("date")][on_field] > quoted_value) |
                     (x3::raw[keyword("quantity")][on_field] > quoted_value) |
                     (x3::raw[keyword("person")][on_field] > quoted_value) |
                     (x3::raw[keyword("source")][on_field] > quoted_value) |
                     (x3::raw[keyword("checked")][on_field] > date_value);
  auto const close = Named(
      "a field (event, entities, date, quantity, person, source, checked) or "
      "'}'",
      x3::lit('}'));
  auto const event_block =
      x3::raw[keyword("event")][on_block] > block_name > block_value;
  auto const mention_block =
      x3::raw[keyword("mention")][on_block] > block_name > block_value;
  auto const fact_block =
      x3::raw[keyword("fact")][on_block] > block_name > '{' > *field > close;
  auto const end =
      Named("'event', 'mention', 'fact' or the end of the file", x3::eoi);
  auto const grammar = *(event_block | mention_block | fact_block) > end;
  auto const& skipper = kSkipper;

  Iterator first = source.begin();
  try {
    x3::phrase_parse(first, source.end(), grammar, skipper);
  } catch (const x3::expectation_failure<Iterator>& failure) {
    const size_t where = failure.where() - begin;
    const bool unterminated = failure.which() == "'\"'";
    return ErrorAt(source, file,
                   unterminated ? where : SkipBlanksAndComments(source, where),
                   absl::StrCat("expected ", failure.which()));
  }
  return blocks;
}

// Vocabulary (event and mention lines) is read from every file before any
// fact, so a fact may use an event class declared in another file.
enum class Phase { kVocabulary, kFacts };

absl::Status AddBlocks(std::string_view text, std::string_view file,
                       Phase phase, Ledger& ledger,
                       std::set<std::string>& ids) {
  auto blocks = ParseBlocks(text, file);
  if (!blocks.ok()) return blocks.status();
  const LineIndex lines(text);  // once: every fact records where it stands
  auto error = [&](const Token& at, const std::string& message) {
    return ErrorAt(text, file, at.offset, message);
  };
  RE2::Options options;
  options.set_log_errors(false);
  for (const Block& block : *blocks) {
    const bool vocabulary =
        block.keyword.text == "event" || block.keyword.text == "mention";
    if (vocabulary != (phase == Phase::kVocabulary)) continue;
    if (vocabulary) {
      RE2 pattern(block.value.text, options);
      if (!pattern.ok()) {
        return error(block.value,
                     "pattern does not compile: " + pattern.error());
      }
      if (block.keyword.text == "event") {
        ledger.events.push_back(EventClass{block.name.text, block.value.text});
      } else {
        if (pattern.NamedCapturingGroups().count("name") == 0) {
          return error(block.value,
                       "a mention pattern needs a (?P<name>…) capture");
        }
        ledger.person_mentions.push_back(block.value.text);
      }
      continue;
    }
    Fact fact;
    fact.id = block.name.text;
    const Position at = lines.At(block.name.offset);
    fact.location = SourceLocation{std::string(file), at.line, at.column};
    if (!ids.insert(fact.id).second) {
      return error(block.name, "fact " + fact.id + " is defined twice");
    }
    for (const auto& [field, values] : block.fields) {
      const Token& value = values.front();
      if (field.text == "event") {
        const bool known = std::any_of(
            ledger.events.begin(), ledger.events.end(),
            [&](const EventClass& e) { return e.name == value.text; });
        if (!known) {
          return error(value, "unknown event class '" + value.text +
                                  "': declare it with an `event` line first");
        }
        fact.event = value.text;
      } else if (field.text == "entities") {
        for (const Token& entity : values) fact.entities.push_back(entity.text);
      } else if (field.text == "date") {
        fact.date_text = value.text;
        const std::vector<DateMention> dates =
            FindDates(value.text, std::nullopt);
        if (dates.size() != 1 || dates[0].begin != 0 ||
            dates[0].end != value.text.size()) {
          return error(
              value, "'" + value.text + "' is not one absolute date or range");
        }
        fact.date = dates[0].interval;
      } else if (field.text == "quantity") {
        fact.quantity_text = value.text;
        const std::vector<QuantityMention> quantities =
            FindQuantities(value.text);
        if (quantities.size() != 1) {
          return error(value, "'" + value.text + "' is not one quantity");
        }
        fact.quantity = quantities[0];
      } else if (field.text == "person") {
        fact.person = value.text;
      } else if (field.text == "source") {
        fact.source = value.text;
      } else if (field.text == "checked") {
        fact.checked = value.text;
      }
    }
    if (fact.source.empty() || fact.checked.empty()) {
      return error(block.name,
                   "fact " + fact.id +
                       " needs a `source` and a `checked` date: "
                       "the ledger says how each fact was verified");
    }
    const bool is_event = !fact.event.empty();
    const bool is_person = !fact.person.empty();
    if (is_event == is_person) {
      return error(block.name, "fact " + fact.id +
                                   " must be either an event (event, entities, "
                                   "date or quantity) or a person");
    }
    if (is_event && (fact.entities.empty() || (!fact.date && !fact.quantity))) {
      return error(block.name, "event fact " + fact.id +
                                   " needs entities and a date or a quantity");
    }
    ledger.facts.push_back(std::move(fact));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Ledger> ParseLedger(std::string_view text,
                                   std::string_view file_name) {
  Ledger ledger;
  std::set<std::string> ids;
  for (Phase phase : {Phase::kVocabulary, Phase::kFacts}) {
    if (absl::Status status = AddBlocks(text, file_name, phase, ledger, ids);
        !status.ok()) {
      return status;
    }
  }
  return ledger;
}

absl::StatusOr<Ledger> LoadLedger(const std::string& dir) {
  namespace fs = std::filesystem;
  Ledger ledger;
  std::set<std::string> ids;
  std::error_code error;
  if (!fs::is_directory(dir, error)) return ledger;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, error), end; it != end;
       it.increment(error)) {
    if (error) break;
    if (it->is_regular_file() && it->path().extension() == ".facts") {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::pair<std::string, std::string>> texts;  // path, text
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in)
      return absl::UnavailableError(path.string() + ": error: cannot read");
    // Findings point at the fact's file: relative to the working directory
    // when it lies below it, so reports and golden files do not depend on
    // where the checkout is.
    std::error_code relative_error;
    const fs::path relative =
        fs::relative(path, fs::current_path(relative_error), relative_error);
    const bool below =
        !relative_error && !relative.empty() && *relative.begin() != "..";
    texts.emplace_back(below ? relative.string() : path.string(), buffer.str());
  }
  for (Phase phase : {Phase::kVocabulary, Phase::kFacts}) {
    for (const auto& [path, text] : texts) {
      if (absl::Status status = AddBlocks(text, path, phase, ledger, ids);
          !status.ok()) {
        return status;
      }
    }
  }
  return ledger;
}

std::string FormatFact(const Fact& fact) {
  // Appends only: g++ 12 warns (-Wrestrict, a known false positive) on
  // chains of std::string operator+ at -O3.
  auto quote = [](std::string& out, const std::string& text) {
    out.push_back('"');
    for (char c : text) {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    out.push_back('"');
  };
  auto field = [&](std::string& out, const char* name, const std::string& value,
                   bool quoted) {
    if (value.empty()) return;
    out.append("  ").append(name);
    if (quoted) {
      quote(out, value);
    } else {
      out.append(value);
    }
    out.push_back('\n');
  };
  std::string out;
  out.append("fact ").append(fact.id).append(" {\n");
  field(out, "event     ", fact.event, false);
  if (!fact.entities.empty()) {
    out.append("  entities ");
    for (const std::string& entity : fact.entities) {
      out.push_back(' ');
      quote(out, entity);
    }
    out.push_back('\n');
  }
  field(out, "date      ", fact.date_text, true);
  field(out, "quantity  ", fact.quantity_text, true);
  field(out, "person    ", fact.person, true);
  field(out, "source    ", fact.source, true);
  field(out, "checked   ", fact.checked, false);
  out.append("}\n");
  return out;
}

}  // namespace provcheck
