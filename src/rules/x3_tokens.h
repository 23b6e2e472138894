// Token plumbing shared by the X3 grammars of the data files (rule packs,
// source registries, the reference ledger): each keeps its own grammar and
// shares how tokens are quoted, named and located.
#ifndef PROVCHECK_RULES_X3_TOKENS_H_
#define PROVCHECK_RULES_X3_TOKENS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "boost/spirit/home/x3.hpp"

namespace provcheck::x3_tokens {

namespace x3 = boost::spirit::x3;
using Iterator = std::string_view::const_iterator;

// A value as written, with the byte offset of its first character so that a
// semantic error (an unknown kind, say) can point at it.
struct Token {
  std::string text;
  size_t offset = 0;
};

// The token an x3::raw[...] attribute covers, located in `source`.
template <typename Context>
Token RawToken(Context& ctx, Iterator source_begin) {
  const auto& range = x3::_attr(ctx);
  return Token{std::string(range.begin(), range.end()),
               static_cast<size_t>(range.begin() - source_begin)};
}

// A quoted token's text with its quotes and escapes removed. Only an escaped
// quote and an escaped backslash are escapes: every other backslash is kept,
// so patterns are written exactly as RE2 reads them.
inline Token Unquote(Token quoted) {
  std::string text;
  for (size_t i = 1; i + 1 < quoted.text.size(); ++i) {
    if (quoted.text[i] == '\\' && i + 2 < quoted.text.size() &&
        (quoted.text[i + 1] == '"' || quoted.text[i + 1] == '\\')) {
      ++i;
    }
    text.push_back(quoted.text[i]);
  }
  return Token{std::move(text), quoted.offset};
}

// A double-quoted string on one line.
inline auto const kQuoted =
    x3::rule<class quoted_tag, std::string>{"a quoted string"} =
        x3::lexeme['"' >> *((x3::lit('\\') >> x3::char_("\"\\")) |
                            (x3::char_ - '"' - x3::eol)) > '"'];

// attribution.according-to, vague-attribution, offensive: letters, digits
// and _ . - after a letter or _.
inline auto const kIdentifier =
    x3::rule<class identifier_tag, std::string>{"an identifier"} =
        x3::lexeme[(x3::alpha | x3::char_('_')) >>
                   *(x3::alnum | x3::char_("_.-"))];

// A parser named for syntax errors. Spirit reports an expectation failure
// at an unnamed parser by its C++ type ("expected N5boost6spirit2x3..."),
// so every value a grammar expects after '>' is named: "expected a number".
// The rule is defined inline, never recursive, so one tag serves all.
template <typename Parser>
auto Named(const char* name, const Parser& parser) {
  return x3::rule<class named_tag>{name} = parser;
}

// A keyword that is not the start of a longer word ("kind", not "kinds").
inline auto Keyword(const char* word) {
  return x3::lexeme[x3::lit(word) >> !(x3::alnum | x3::char_("_-"))];
}

// White space and # comments to the end of the line.
inline auto const kSkipper =
    x3::space | x3::lexeme['#' >> *(x3::char_ - x3::eol)];

}  // namespace provcheck::x3_tokens

#endif  // PROVCHECK_RULES_X3_TOKENS_H_
