#include "provcheck/config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "toml++/toml.h"

namespace provcheck {
namespace {

namespace fs = std::filesystem;

// Collects the first error with the file, line and key it is about, so a
// bad config names the exact spot whichever check found it.
class Reader {
 public:
  explicit Reader(const std::string& file) : file_(file) {}

  const absl::Status& status() const { return status_; }

  void Fail(const toml::source_region& where, const std::string& key,
            const std::string& message) {
    if (!status_.ok()) return;
    status_ = absl::InvalidArgumentError(
        absl::StrCat(file_, ":", where.begin.line, ":", where.begin.column,
                     ": error: ", key, ": ", message));
  }

  SourceLocation Location(const toml::source_region& where) const {
    return SourceLocation{file_, static_cast<int>(where.begin.line),
                          static_cast<int>(where.begin.column)};
  }

  std::optional<std::string> String(const toml::node& node,
                                    const std::string& key) {
    if (const auto* value = node.as_string()) return value->get();
    Fail(node.source(), key, "expected a string");
    return std::nullopt;
  }

  std::optional<std::string> OneOf(const toml::node& node,
                                   const std::string& key,
                                   const std::vector<std::string>& choices) {
    std::optional<std::string> value = String(node, key);
    if (!value) return std::nullopt;
    for (const std::string& choice : choices) {
      if (*value == choice) return value;
    }
    std::string expected;
    for (size_t i = 0; i < choices.size(); ++i) {
      if (i > 0) expected += i + 1 == choices.size() ? " or " : ", ";
      absl::StrAppend(&expected, "\"", choices[i], "\"");
    }
    Fail(node.source(), key,
         absl::StrCat("expected ", expected, ", got \"", *value, "\""));
    return std::nullopt;
  }

  std::optional<double> Score(const toml::node& node, const std::string& key) {
    std::optional<double> value;
    if (const auto* integer = node.as_integer()) {
      value = static_cast<double>(integer->get());
    } else if (const auto* real = node.as_floating_point()) {
      value = real->get();
    }
    if (!value || *value < 0 || *value > 100) {
      Fail(node.source(), key, "expected a number from 0 to 100");
      return std::nullopt;
    }
    return value;
  }

  std::optional<bool> Bool(const toml::node& node, const std::string& key) {
    if (const auto* value = node.as_boolean()) return value->get();
    Fail(node.source(), key, "expected true or false");
    return std::nullopt;
  }

  // A string or an array of strings.
  std::vector<std::string> Strings(const toml::node& node,
                                   const std::string& key) {
    std::vector<std::string> out;
    if (const auto* single = node.as_string()) {
      out.push_back(single->get());
      return out;
    }
    const auto* array = node.as_array();
    if (array == nullptr) {
      Fail(node.source(), key, "expected an array of strings");
      return out;
    }
    for (const toml::node& item : *array) {
      if (const auto* text = item.as_string()) {
        out.push_back(text->get());
      } else {
        Fail(item.source(), key, "expected an array of strings");
      }
    }
    return out;
  }

  const toml::table* Table(const toml::node& node, const std::string& key) {
    if (const auto* table = node.as_table()) return table;
    Fail(node.source(), key, "expected a table");
    return nullptr;
  }

  void Unknown(const toml::key& key, const std::string& name) {
    Fail(key.source(), name, "unknown key");
  }

  void ReadRules(const toml::table& table, const std::string& prefix,
                 RuleSettings& settings) {
    for (const auto& [key, node] : table) {
      const std::string name =
          absl::StrCat(prefix, ".\"", std::string(key.str()), "\"");
      std::optional<std::string> value =
          OneOf(node, name, {"error", "warning", "info", "off"});
      if (!value) continue;
      RuleSettingEntry entry;
      entry.pattern = std::string(key.str());
      entry.location = Location(key.source());
      if (*value == "off") {
        entry.action.off = true;
      } else {
        entry.action.severity = ParseSeverity(*value);
      }
      settings.entries.push_back(std::move(entry));
    }
  }

  void ReadPacks(const toml::table& table, const std::string& prefix,
                 RuleSettings& settings) {
    for (const auto& [key, node] : table) {
      const std::string name =
          absl::StrCat(prefix, ".", std::string(key.str()));
      std::optional<bool> on = Bool(node, name);
      if (!on) continue;
      RuleSettingEntry entry;
      entry.pattern = std::string(key.str());
      entry.action.off = !*on;
      entry.from_packs = true;
      entry.location = Location(key.source());
      settings.entries.push_back(std::move(entry));
    }
  }

  void ReadPathSection(const toml::table& table, size_t index,
                       const toml::source_region& where, Config& config) {
    const std::string prefix = absl::StrCat("paths[", index, "]");
    PathSection section;
    section.location = Location(where);
    for (const auto& [key, node] : table) {
      const std::string name = std::string(key.str());
      const std::string full = absl::StrCat(prefix, ".", name);
      if (name == "match") {
        section.match = Strings(node, full);
      } else if (name == "min-score") {
        section.min_score = Score(node, full);
      } else if (name == "rules") {
        if (const toml::table* rules = Table(node, full)) {
          ReadRules(*rules, full, section.rules);
        }
      } else if (name == "packs") {
        if (const toml::table* packs = Table(node, full)) {
          ReadPacks(*packs, full, section.rules);
        }
      } else {
        Unknown(key, full);
      }
    }
    if (section.match.empty() && status_.ok()) {
      Fail(where, prefix, "a [[paths]] section needs `match` globs");
    }
    config.paths.push_back(std::move(section));
  }

  void ReadTop(const toml::table& root, Config& config) {
    for (const auto& [key, node] : root) {
      const std::string name = std::string(key.str());
      if (name == "fail-on") {
        config.fail_on =
            OneOf(node, name, {"error", "warning", "info", "none"});
      } else if (name == "min-level") {
        config.min_level = OneOf(node, name, {"error", "warning", "info"});
      } else if (name == "min-score") {
        config.min_score = Score(node, name);
      } else if (name == "ignore") {
        config.ignore = Strings(node, name);
      } else if (name == "gitignore") {
        config.gitignore = Bool(node, name).value_or(true);
      } else if (name == "rules-dirs") {
        for (const std::string& dir : Strings(node, name)) {
          const fs::path path(dir);
          config.rules_dirs.push_back(
              path.is_absolute() ? dir
                                 : (fs::path(config.dir) / path).string());
        }
      } else if (name == "rules") {
        if (const toml::table* rules = Table(node, name)) {
          ReadRules(*rules, name, config.rules);
        }
      } else if (name == "packs") {
        if (const toml::table* packs = Table(node, name)) {
          ReadPacks(*packs, name, config.rules);
        }
      } else if (name == "sources") {
        const toml::table* sources = Table(node, name);
        if (sources == nullptr) continue;
        for (const auto& [list_key, list] : *sources) {
          const std::string list_name =
              absl::StrCat("sources.", std::string(list_key.str()));
          if (list_key.str() == "allow") {
            config.allow_sources = Strings(list, list_name);
          } else if (list_key.str() == "deny") {
            config.deny_sources = Strings(list, list_name);
          } else {
            Unknown(list_key, list_name);
          }
        }
      } else if (name == "paths") {
        const auto* sections = node.as_array();
        if (sections == nullptr || !sections->is_array_of_tables()) {
          Fail(node.source(), name, "expected [[paths]] sections");
          continue;
        }
        size_t index = 0;
        for (const toml::node& section : *sections) {
          ReadPathSection(*section.as_table(), index++, section.source(),
                          config);
        }
      } else {
        Unknown(key, name);
      }
    }
  }

 private:
  std::string file_;
  absl::Status status_;
};

}  // namespace

absl::StatusOr<Config> ParseConfig(std::string_view text,
                                   const std::string& file) {
  toml::table root;
  // toml++ reports syntax errors by exception; none may leave this module.
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    return absl::InvalidArgumentError(absl::StrCat(
        file, ":", error.source().begin.line, ":", error.source().begin.column,
        ": error: ", std::string(error.description())));
  }
  Config config;
  config.file = file;
  std::error_code ec;
  config.dir = fs::absolute(fs::path(file), ec).parent_path().string();
  Reader reader(file);
  reader.ReadTop(root, config);
  if (!reader.status().ok()) return reader.status();
  return config;
}

absl::StatusOr<Config> LoadConfigFile(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat(file, ": error: cannot read the config file"));
  }
  std::stringstream text;
  text << in.rdbuf();
  return ParseConfig(text.str(), file);
}

std::optional<std::string> FindUpwards(const std::string& start,
                                       std::string_view name) {
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(start), ec);
  if (ec) return std::nullopt;
  dir = dir.lexically_normal();
  while (true) {
    const fs::path candidate = dir / std::string(name);
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_relative_path()) return std::nullopt;  // the root
    fs::path parent = dir.parent_path();
    if (parent == dir) return std::nullopt;
    dir = std::move(parent);
  }
}

bool NamesPack(std::string_view pattern, std::string_view pack) {
  if (pattern.ends_with(".*")) pattern.remove_suffix(2);
  return !pack.empty() && pattern == pack;
}

std::set<std::string> PacksTurnedOn(const Config& config) {
  std::set<std::string> names;
  auto collect = [&names](const RuleSettings& settings) {
    for (const RuleSettingEntry& entry : settings.entries) {
      if (!entry.from_packs || entry.action.off) continue;
      std::string_view name = entry.pattern;
      if (name.ends_with(".*")) name.remove_suffix(2);
      names.emplace(name);
    }
  };
  collect(config.rules);
  for (const PathSection& section : config.paths) collect(section.rules);
  return names;
}

bool RulePatternMatches(std::string_view pattern, std::string_view rule_id) {
  if (pattern == "*" || pattern == rule_id) return true;
  if (pattern.ends_with(".*")) pattern.remove_suffix(1);  // keep the dot
  if (pattern.empty()) return false;
  if (pattern.back() == '.') return rule_id.starts_with(pattern);
  return rule_id.size() > pattern.size() && rule_id.starts_with(pattern) &&
         rule_id[pattern.size()] == '.';
}

std::optional<Severity> ResolveSeverity(
    const std::vector<const RuleSettings*>& layers, std::string_view rule_id,
    Severity rule_severity) {
  std::optional<Severity> severity = rule_severity;
  for (const RuleSettings* layer : layers) {
    const RuleSettingEntry* best = nullptr;
    auto specificity = [&](const RuleSettingEntry& entry) {
      // [rules] beats [packs]; then an exact id beats any prefix; then the
      // longer prefix wins.
      return (entry.from_packs ? 0 : 1'000'000) +
             (entry.pattern == rule_id ? 100'000 : 0) +
             static_cast<int>(entry.pattern.size());
    };
    for (const RuleSettingEntry& entry : layer->entries) {
      if (!RulePatternMatches(entry.pattern, rule_id)) continue;
      if (best == nullptr || specificity(entry) > specificity(*best)) {
        best = &entry;
      }
    }
    if (best == nullptr) continue;
    if (best->action.off) {
      severity = std::nullopt;
    } else {
      severity = best->action.severity.value_or(rule_severity);
    }
  }
  return severity;
}

}  // namespace provcheck
