// A small mustache-style template engine for the HTML report.
//
// Why not a library (Debian's libmstch-dev): every value this engine prints
// is HTML-escaped, with no way to switch that off from a template ({{{x}}} and
// {{&x}} are refused when the template loads), so a page layout cannot
// forget to escape untrusted document text; lists can be lazy, so a report of
// 10,000 documents is rendered one document at a time instead of being built
// in memory first; a misspelt variable is an error rather than silently empty
// output; and it returns absl::Status instead of throwing.
//
// Syntax (a subset of mustache):
//   {{name}}            the escaped text of `name`; {{.}} is the current item;
//                       {{a.b}} is `b` of the object `a`
//   {{#name}}…{{/name}} once if `name` is true or non-empty text (pushed as
//                       the current item), once per item of a list, once
//                       with an object pushed; skipped if false, empty or
//                       missing
//   {{^name}}…{{/name}} once if `name` is false, empty or missing
//   {{> partial}}       another template of the set, with the same context
//   {{! comment}}
// Names are looked up from the innermost context outwards, as in mustache. A
// tag alone on its line (sections, partials, comments) takes the line with it.
#ifndef PROVCHECK_REPORT_TEMPLATE_H_
#define PROVCHECK_REPORT_TEMPLATE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace provcheck::report {

class Object;

// What a template reads: text, a flag, a list, an object, or a lazy list
// whose items are made only when the template reaches them.
class Value {
 public:
  using List = std::vector<Value>;
  using Generator = std::function<absl::StatusOr<Value>(size_t index)>;

  Value() : data_(false) {}
  static Value Text(std::string text);
  static Value Bool(bool flag);
  static Value Int(int64_t number);
  // Fixed-point text with `digits` decimals.
  static Value Number(double number, int digits);
  static Value FromList(List items);
  static Value FromObject(Object object);
  static Value Lazy(size_t size, Generator item);

  bool is_text() const { return std::holds_alternative<std::string>(data_); }
  const std::string* text() const { return std::get_if<std::string>(&data_); }
  // False, empty text, an empty list: what {{^name}} renders for.
  bool IsFalsy() const;

 private:
  friend class TemplateSet;
  struct LazyList {
    size_t size = 0;
    Generator item;
  };
  using Data =
      std::variant<bool, std::string, List, std::shared_ptr<const Object>,
                   std::shared_ptr<const LazyList>>;
  explicit Value(Data data) : data_(std::move(data)) {}
  Data data_;
};

// Named values. Set replaces a name already present.
class Object {
 public:
  Object& Set(std::string name, Value value);
  const Value* Find(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, Value>> fields_;
};

// Appends `text` to `out` with & < > " ' replaced by character references
// and NUL by U+FFFD, safe in element content and in quoted attributes.
void AppendEscapedHtml(std::string_view text, std::string* out);
std::string EscapeHtml(std::string_view text);

class TemplateSet {
 public:
  TemplateSet();
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;

  // Loads every *.mustache (named without the extension), *.css and *.js
  // (named with it) file of `dir`, less each file's final newline, then
  // checks that every partial exists.
  static absl::StatusOr<TemplateSet> LoadDirectory(const std::string& dir);

  // Parses `text` as template `name`; `origin` names it in error messages.
  absl::Status Add(std::string name, std::string_view text,
                   std::string origin = "");
  // Every {{> partial}} names a template of the set.
  absl::Status CheckPartials() const;
  bool Has(std::string_view name) const;

  absl::Status Render(std::string_view name, const Value& context,
                      std::ostream& out) const;
  absl::StatusOr<std::string> RenderToString(std::string_view name,
                                             const Value& context) const;

 private:
  struct Node;
  struct Template;
  class Renderer;
  std::map<std::string, std::unique_ptr<Template>, std::less<>> templates_;
};

}  // namespace provcheck::report

#endif  // PROVCHECK_REPORT_TEMPLATE_H_
