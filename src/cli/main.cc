// provcheck: claim provenance and source reliability for news text.
#include <iostream>

#include "CLI/CLI.hpp"
#include "cli/commands.h"
#include "provcheck/version.h"

namespace provcheck::cli {
namespace {

int Main(int argc, char** argv) {
  CLI::App app{
      "provcheck: flags attributed claims, vague attributions and boilerplate "
      "in news text, and scores each document's provenance"};
  app.set_version_flag("--version",
                       std::string("provcheck ") + PROVCHECK_VERSION);
  app.require_subcommand(1);

  LintOptions lint;
  CLI::App* lint_command = app.add_subcommand(
      "lint",
      "Check documents and print findings (.txt .md .markdown .html .htm; "
      "directories are walked; - reads stdin)");
  lint_command->add_option("--rules", lint.rules_dir,
                           "Rules directory (default: the shipped packs)");
  lint_command->add_option("--format", lint.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  lint_command
      ->add_option("--fail-on", lint.fail_on,
                   "Exit 1 when a finding is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}))
      ->capture_default_str();
  lint_command->add_option("--color", lint.color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  lint_command
      ->add_option("-j,--jobs", lint.threads,
                   "Worker threads (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  lint_command->add_option("paths", lint.paths, "Files or directories")
      ->required();

  AuditOptions audit;
  CLI::App* audit_command = app.add_subcommand(
      "audit",
      "Analyse documents into the SQLite store (unchanged documents are "
      "reused) and print a per-document summary");
  audit_command->add_option("--db", audit.db, "SQLite database")
      ->capture_default_str();
  audit_command->add_option("--rules", audit.rules_dir,
                            "Rules directory (default: the shipped packs)");
  audit_command->add_flag("--force", audit.force,
                          "Re-analyse documents even when unchanged");
  audit_command->add_option("--format", audit.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  audit_command
      ->add_option("-j,--jobs", audit.threads,
                   "Worker threads (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  audit_command->add_option("paths", audit.paths, "Files or directories")
      ->required();

  StoreQueryOptions explain;
  CLI::App* explain_command = app.add_subcommand(
      "explain", "Why a document scored what it did, line by line");
  explain_command->add_option("path", explain.path, "An audited document")
      ->required();
  explain_command->add_option("--db", explain.db, "SQLite database")
      ->capture_default_str();

  StoreQueryOptions sources;
  CLI::App* sources_command = app.add_subcommand(
      "sources",
      "Sources with type, reliability, evidence and citing documents");
  sources_command->add_option("--db", sources.db, "SQLite database")
      ->capture_default_str();
  sources_command->add_option("--format", sources.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));

  StoreQueryOptions history;
  CLI::App* history_command =
      app.add_subcommand("history", "Scores over audit runs");
  history_command->add_option("path", history.path,
                              "Only this document (default: all)");
  history_command->add_option("--db", history.db, "SQLite database")
      ->capture_default_str();
  history_command->add_option("--format", history.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));

  RulesOptions rules;
  CLI::App* rules_command =
      app.add_subcommand("rules", "Inspect and check rule packs");
  rules_command->require_subcommand(1);
  CLI::App* rules_check = rules_command->add_subcommand(
      "check", "Load every pack, compile every pattern, run every example");
  rules_check->add_option("--rules", rules.rules_dir, "Rules directory");
  CLI::App* rules_list = rules_command->add_subcommand(
      "list", "List id, kind, severity, description");
  rules_list->add_option("--rules", rules.rules_dir, "Rules directory");
  rules_list->add_option("--format", rules.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitError;
  }

  if (*lint_command) return RunLint(lint);
  if (*audit_command) return RunAudit(audit, argc, argv);
  if (*explain_command) return RunExplain(explain);
  if (*sources_command) return RunSources(sources);
  if (*history_command) return RunHistory(history);
  if (*rules_check) return RunRulesCheck(rules);
  if (*rules_list) return RunRulesList(rules);
  return kExitError;
}

}  // namespace
}  // namespace provcheck::cli

int main(int argc, char** argv) { return provcheck::cli::Main(argc, argv); }
