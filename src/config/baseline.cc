#include "config/baseline.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "common/sha256.h"
#include "config/glob.h"
#include "nlohmann/json.hpp"

namespace provcheck {
namespace {

namespace fs = std::filesystem;

constexpr int kBaselineVersion = 1;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

}  // namespace

std::string NormaliseSpace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string FindingFingerprint(std::string_view rule_id,
                               std::string_view finding_text,
                               std::string_view line_text) {
  return Sha256Hex(absl::StrCat(std::string(rule_id), "\n",
                                NormaliseSpace(finding_text), "\n",
                                NormaliseSpace(line_text)))
      .substr(0, 16);
}

std::string LineHash(std::string_view line_text) {
  return Sha256Hex(NormaliseSpace(line_text)).substr(0, 16);
}

absl::StatusOr<Baseline> Baseline::Load(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat(file, ": error: cannot read the baseline"));
  }
  std::stringstream text;
  text << in.rdbuf();
  return Parse(text.str(), file);
}

absl::StatusOr<Baseline> Baseline::Parse(std::string_view text,
                                         const std::string& file) {
  std::error_code ec;
  Baseline baseline(fs::absolute(fs::path(file), ec).parent_path().string());
  auto invalid = [&](const std::string& why) {
    return absl::InvalidArgumentError(
        absl::StrCat(file, ": error: not a provcheck baseline: ", why));
  };
  // nlohmann reports malformed JSON by exception; none leaves this module.
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) return invalid("malformed JSON");
  if (!json.is_object() || !json.contains("provcheck_baseline")) {
    return invalid("no \"provcheck_baseline\" version");
  }
  if (json["provcheck_baseline"] != kBaselineVersion) {
    return invalid("unsupported version");
  }
  if (!json.contains("findings") || !json["findings"].is_array()) {
    return invalid("no \"findings\" array");
  }
  for (const nlohmann::json& item : json["findings"]) {
    if (!item.is_object() || !item.contains("path") ||
        !item["path"].is_string() || !item.contains("rule") ||
        !item["rule"].is_string() || !item.contains("fingerprint") ||
        !item["fingerprint"].is_string()) {
      return invalid("a finding needs string path, rule and fingerprint");
    }
    Entry& entry = baseline.entries_[Key{
        item["path"].get<std::string>(), item["rule"].get<std::string>(),
        item["fingerprint"].get<std::string>()}];
    const nlohmann::json count = item.value("count", nlohmann::json(1));
    entry.count += count.is_number_integer() ? count.get<int>() : 1;
    const nlohmann::json line = item.value("line", nlohmann::json(0));
    entry.line = line.is_number_integer() ? line.get<int>() : 0;
    const nlohmann::json finding_text = item.value("text", nlohmann::json(""));
    if (finding_text.is_string()) entry.text = finding_text.get<std::string>();
  }
  return baseline;
}

std::string Baseline::Relative(const std::string& path) const {
  if (path == "-") return path;
  return RelativeTo(dir_, path)
      .value_or(fs::path(path).lexically_normal().generic_string());
}

bool Baseline::Take(const std::string& path, const std::string& rule_id,
                    const std::string& fingerprint) {
  auto it = entries_.find(Key{Relative(path), rule_id, fingerprint});
  if (it == entries_.end() || it->second.count == 0) return false;
  --it->second.count;
  return true;
}

void Baseline::Add(const std::string& path, const std::string& rule_id,
                   const std::string& fingerprint, int line,
                   std::string_view text) {
  Entry& entry = entries_[Key{Relative(path), rule_id, fingerprint}];
  if (entry.count++ == 0) {
    entry.line = line;
    entry.text = std::string(text);
  }
}

std::string Baseline::Serialise() const {
  std::string out =
      absl::StrCat("{\n  \"provcheck_baseline\": ", kBaselineVersion,
                   ",\n  \"findings\": [");
  bool first = true;
  for (const auto& [key, entry] : entries_) {
    nlohmann::ordered_json item;
    item["path"] = std::get<0>(key);
    item["rule"] = std::get<1>(key);
    item["fingerprint"] = std::get<2>(key);
    item["count"] = entry.count;
    item["line"] = entry.line;
    item["text"] = entry.text;
    absl::StrAppend(
        &out, first ? "\n    " : ",\n    ",
        item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    first = false;
  }
  absl::StrAppend(&out, first ? "]\n}\n" : "\n  ]\n}\n");
  return out;
}

absl::Status Baseline::Write(const std::string& file) const {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << Serialise();
  out.close();
  if (!out) {
    return absl::UnavailableError(
        absl::StrCat(file, ": error: cannot write the baseline"));
  }
  return absl::OkStatus();
}

}  // namespace provcheck
