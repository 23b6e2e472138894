#include "report/template.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "common/prose.h"

namespace provcheck::report {

Value Value::Text(std::string text) { return Value(Data(std::move(text))); }
Value Value::Bool(bool flag) { return Value(Data(flag)); }
Value Value::Int(int64_t number) { return Text(std::to_string(number)); }

Value Value::Number(double number, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*f", digits, number);
  std::string text(buffer);
  // "-0.0" reads as a penalty where there is none.
  if (text.starts_with("-") &&
      text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, 1);
  }
  return Text(std::move(text));
}

Value Value::FromList(List items) { return Value(Data(std::move(items))); }

Value Value::FromObject(Object object) {
  return Value(Data(std::make_shared<const Object>(Object(std::move(object)))));
}

Value Value::Lazy(size_t size, Generator item) {
  return Value(
      Data(std::make_shared<const LazyList>(LazyList{size, std::move(item)})));
}

bool Value::IsFalsy() const {
  if (const bool* flag = std::get_if<bool>(&data_)) return !*flag;
  if (const std::string* text = std::get_if<std::string>(&data_)) {
    return text->empty();
  }
  if (const List* list = std::get_if<List>(&data_)) return list->empty();
  if (const auto* lazy = std::get_if<std::shared_ptr<const LazyList>>(&data_)) {
    return (*lazy)->size == 0;
  }
  return false;
}

Object& Object::Set(std::string name, Value value) {
  for (auto& [key, existing] : fields_) {
    if (key == name) {
      existing = std::move(value);
      return *this;
    }
  }
  fields_.emplace_back(std::move(name), std::move(value));
  return *this;
}

const Value* Object::Find(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return &value;
  }
  return nullptr;
}

void AppendEscapedHtml(std::string_view text, std::string* out) {
  out->reserve(out->size() + text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&#39;");
        break;
      case '\0':
        // The HTML parser would drop or replace it anyway; say so visibly.
        out->append("\xEF\xBF\xBD");
        break;
      default:
        out->push_back(c);
    }
  }
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  AppendEscapedHtml(text, &out);
  return out;
}

struct TemplateSet::Node {
  enum class Type { kText, kVariable, kSection, kInverted, kPartial };
  Type type = Type::kText;
  std::string text;  // literal text, or the name of a variable/section/partial
  int line = 0;
  std::vector<Node> children;
};

struct TemplateSet::Template {
  std::string origin;
  std::vector<Node> nodes;
};

namespace {

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r") == std::string_view::npos;
}

bool IsValidName(std::string_view name) {
  if (name.empty()) return false;
  if (name == ".") return true;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
}

}  // namespace

TemplateSet::TemplateSet() = default;
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

absl::Status TemplateSet::Add(std::string name, std::string_view text,
                              std::string origin) {
  if (origin.empty()) origin = name;
  auto parsed = std::make_unique<Template>();
  parsed->origin = origin;
  const auto error = [&](size_t at, std::string_view message) {
    const int line =
        1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
    return absl::InvalidArgumentError(
        absl::StrCat(origin, ":", line, ": error: ", std::string(message)));
  };
  // Open sections, innermost last; the bottom is the template itself.
  std::vector<std::vector<Node>*> open = {&parsed->nodes};
  std::vector<std::pair<std::string, size_t>> open_names;
  size_t cursor = 0;
  while (cursor < text.size()) {
    const size_t tag_begin = text.find("{{", cursor);
    if (tag_begin == std::string_view::npos) break;
    const size_t close = text.find("}}", tag_begin + 2);
    if (close == std::string_view::npos) {
      return error(tag_begin, "unterminated tag (no closing }})");
    }
    size_t tag_end = close + 2;
    std::string_view body = text.substr(tag_begin + 2, close - tag_begin - 2);
    if (!body.empty() && (body.front() == '{' || body.front() == '&')) {
      return error(tag_begin,
                   "unescaped output ({{{…}}} or {{&…}}) is not supported: "
                   "every value is escaped");
    }
    char sigil = body.empty() ? '\0' : body.front();
    if (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '>' ||
        sigil == '!') {
      body.remove_prefix(1);
    } else {
      sigil = '\0';
    }
    const std::string name(TrimBlanks(body));
    if (sigil != '!' && !IsValidName(name)) {
      return error(tag_begin, absl::StrCat("invalid tag name '", name, "'"));
    }

    // A section, partial or comment tag alone on its line takes the line
    // with it, so templates can be indented without littering the output.
    size_t text_end = tag_begin;
    if (sigil != '\0') {
      const size_t line_start = text.rfind('\n', tag_begin) == std::string::npos
                                    ? 0
                                    : text.rfind('\n', tag_begin) + 1;
      size_t line_end = text.find('\n', tag_end);
      if (line_end == std::string_view::npos) line_end = text.size();
      if (cursor <= line_start &&
          IsBlank(text.substr(line_start, tag_begin - line_start)) &&
          IsBlank(text.substr(tag_end, line_end - tag_end))) {
        text_end = line_start;
        tag_end = line_end < text.size() ? line_end + 1 : line_end;
      }
    }
    const int line = 1 + static_cast<int>(std::count(
                             text.begin(), text.begin() + tag_begin, '\n'));
    if (text_end > cursor) {
      open.back()->push_back(
          Node{Node::Type::kText,
               std::string(text.substr(cursor, text_end - cursor)),
               line,
               {}});
    }
    cursor = tag_end;

    switch (sigil) {
      case '!':
        break;
      case '#':
      case '^': {
        open.back()->push_back(
            Node{sigil == '#' ? Node::Type::kSection : Node::Type::kInverted,
                 name,
                 line,
                 {}});
        open.push_back(&open.back()->back().children);
        open_names.emplace_back(name, tag_begin);
        break;
      }
      case '/':
        if (open_names.empty()) {
          return error(tag_begin,
                       absl::StrCat("{{/", name, "}} closes nothing"));
        }
        if (open_names.back().first != name) {
          return error(tag_begin, absl::StrCat("{{/", name, "}} closes {{#",
                                               open_names.back().first, "}}"));
        }
        open.pop_back();
        open_names.pop_back();
        break;
      case '>':
        open.back()->push_back(Node{Node::Type::kPartial, name, line, {}});
        break;
      default:
        open.back()->push_back(Node{Node::Type::kVariable, name, line, {}});
    }
  }
  if (!open_names.empty()) {
    return error(
        open_names.back().second,
        absl::StrCat("{{#", open_names.back().first, "}} is never closed"));
  }
  if (cursor < text.size()) {
    const int line = 1 + static_cast<int>(std::count(
                             text.begin(), text.begin() + cursor, '\n'));
    parsed->nodes.push_back(
        Node{Node::Type::kText, std::string(text.substr(cursor)), line, {}});
  }
  templates_[std::move(name)] = std::move(parsed);
  return absl::OkStatus();
}

absl::Status TemplateSet::CheckPartials() const {
  std::vector<std::pair<const Template*, const std::vector<Node>*>> pending;
  for (const auto& [name, parsed] : templates_) {
    pending.emplace_back(parsed.get(), &parsed->nodes);
  }
  while (!pending.empty()) {
    auto [owner, nodes] = pending.back();
    pending.pop_back();
    for (const Node& node : *nodes) {
      if (node.type == Node::Type::kPartial && !Has(node.text)) {
        return absl::NotFoundError(
            absl::StrCat(owner->origin, ":", node.line, ": error: partial '",
                         node.text, "' is not in the template set"));
      }
      if (!node.children.empty()) pending.emplace_back(owner, &node.children);
    }
  }
  return absl::OkStatus();
}

bool TemplateSet::Has(std::string_view name) const {
  return templates_.find(name) != templates_.end();
}

absl::StatusOr<TemplateSet> TemplateSet::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return absl::NotFoundError(
        absl::StrCat(dir, ": error: no report templates directory"));
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error)) files.push_back(it->path());
  }
  if (error) {
    return absl::UnavailableError(
        absl::StrCat(dir, ": error: ", error.message()));
  }
  std::sort(files.begin(), files.end());
  TemplateSet set;
  for (const fs::path& file : files) {
    const std::string extension = file.extension().string();
    std::string name;
    if (extension == ".mustache") {
      name = file.stem().string();
    } else if (extension == ".css" || extension == ".js") {
      name = file.filename().string();
    } else {
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
      return absl::UnavailableError(
          absl::StrCat(file.string(), ": error: cannot read"));
    }
    // Editors end files with a newline; it is not part of the template
    // (a partial rendered inside preformatted text must not add one).
    std::string content = buffer.str();
    if (content.ends_with('\n')) content.pop_back();
    if (absl::Status added = set.Add(name, content, file.string());
        !added.ok()) {
      return added;
    }
  }
  if (absl::Status partials = set.CheckPartials(); !partials.ok()) {
    return partials;
  }
  return set;
}

// Walks a template against a stack of contexts, writing as it goes.
class TemplateSet::Renderer {
 public:
  Renderer(const TemplateSet& set, std::ostream& out) : set_(set), out_(out) {}

  absl::Status RenderTemplate(std::string_view name) {
    auto it = set_.templates_.find(name);
    if (it == set_.templates_.end()) {
      return absl::NotFoundError(
          absl::StrCat("no report template named '", std::string(name), "'"));
    }
    // Partials may recurse (nested highlights); data, not the template,
    // must end the recursion, and a runaway one is an error, not a crash.
    if (++depth_ > 200) {
      return absl::FailedPreconditionError(
          absl::StrCat(it->second->origin,
                       ": error: partials nest deeper "
                       "than 200 levels"));
    }
    absl::Status status = RenderNodes(*it->second, it->second->nodes);
    --depth_;
    return status;
  }

  void Push(const Value* value) { stack_.push_back(value); }
  absl::Status Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    if (!out_) return absl::DataLossError("cannot write the report");
    return absl::OkStatus();
  }

 private:
  static const Value* Member(const Value& value, std::string_view name) {
    const auto* object =
        std::get_if<std::shared_ptr<const Object>>(&value.data_);
    return object == nullptr ? nullptr : (*object)->Find(name);
  }

  // "a.b.c": `a` is looked up outwards through the contexts, then `b` and
  // `c` only inside what was found, as in mustache.
  const Value* Lookup(std::string_view name) const {
    if (name == ".") return stack_.empty() ? nullptr : stack_.back();
    const size_t dot = name.find('.');
    const std::string_view head = name.substr(0, dot);
    const Value* found = nullptr;
    for (auto it = stack_.rbegin(); it != stack_.rend() && !found; ++it) {
      found = Member(**it, head);
    }
    for (size_t at = dot; found != nullptr && at != std::string_view::npos;) {
      const size_t next = name.find('.', at + 1);
      found = Member(*found, name.substr(at + 1, next == std::string_view::npos
                                                     ? std::string_view::npos
                                                     : next - at - 1));
      at = next;
    }
    return found;
  }

  absl::Status Error(const Template& owner, const Node& node,
                     std::string_view message) const {
    return absl::FailedPreconditionError(absl::StrCat(
        owner.origin, ":", node.line, ": error: ", std::string(message)));
  }

  absl::Status RenderSection(const Template& owner, const Node& node,
                             const Value* value) {
    if (value == nullptr || value->IsFalsy()) return absl::OkStatus();
    const Value::Data& data = value->data_;
    if (std::holds_alternative<bool>(data)) {
      return RenderNodes(owner, node.children);
    }
    if (const auto* list = std::get_if<Value::List>(&data)) {
      for (const Value& item : *list) {
        if (absl::Status status = RenderWith(owner, node, &item); !status.ok())
          return status;
      }
      return absl::OkStatus();
    }
    if (const auto* lazy =
            std::get_if<std::shared_ptr<const Value::LazyList>>(&data)) {
      for (size_t i = 0; i < (*lazy)->size; ++i) {
        absl::StatusOr<Value> item = (*lazy)->item(i);
        if (!item.ok()) return item.status();
        if (absl::Status status = RenderWith(owner, node, &*item);
            !status.ok()) {
          return status;
        }
        // Each item is done with; keep memory flat and output flowing.
        if (buffer_.size() > (1 << 20)) {
          if (absl::Status status = Flush(); !status.ok()) return status;
        }
      }
      return absl::OkStatus();
    }
    return RenderWith(owner, node, value);  // text or object
  }

  absl::Status RenderWith(const Template& owner, const Node& node,
                          const Value* item) {
    stack_.push_back(item);
    absl::Status status = RenderNodes(owner, node.children);
    stack_.pop_back();
    return status;
  }

  absl::Status RenderNodes(const Template& owner,
                           const std::vector<Node>& nodes) {
    for (const Node& node : nodes) {
      switch (node.type) {
        case Node::Type::kText:
          buffer_.append(node.text);
          break;
        case Node::Type::kVariable: {
          const Value* value = Lookup(node.text);
          if (value == nullptr) {
            return Error(owner, node,
                         absl::StrCat("no value named '", node.text, "'"));
          }
          const std::string* text = value->text();
          if (text == nullptr) {
            // A flag, list or object printed as text is a template bug.
            return Error(owner, node,
                         absl::StrCat("'", node.text, "' is not text"));
          }
          AppendEscapedHtml(*text, &buffer_);
          break;
        }
        case Node::Type::kSection:
          if (absl::Status status =
                  RenderSection(owner, node, Lookup(node.text));
              !status.ok()) {
            return status;
          }
          break;
        case Node::Type::kInverted: {
          const Value* value = Lookup(node.text);
          if (value == nullptr || value->IsFalsy()) {
            if (absl::Status status = RenderNodes(owner, node.children);
                !status.ok()) {
              return status;
            }
          }
          break;
        }
        case Node::Type::kPartial:
          if (absl::Status status = RenderTemplate(node.text); !status.ok()) {
            return status;
          }
          break;
      }
    }
    return absl::OkStatus();
  }

  const TemplateSet& set_;
  std::ostream& out_;
  std::string buffer_;
  std::vector<const Value*> stack_;
  int depth_ = 0;
};

absl::Status TemplateSet::Render(std::string_view name, const Value& context,
                                 std::ostream& out) const {
  Renderer renderer(*this, out);
  renderer.Push(&context);
  if (absl::Status status = renderer.RenderTemplate(name); !status.ok()) {
    return status;
  }
  return renderer.Flush();
}

absl::StatusOr<std::string> TemplateSet::RenderToString(
    std::string_view name, const Value& context) const {
  std::ostringstream out;
  if (absl::Status status = Render(name, context, out); !status.ok()) {
    return status;
  }
  return out.str();
}

}  // namespace provcheck::report
