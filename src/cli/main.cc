// provcheck: claim provenance and source reliability for news text.
#include <iostream>

#include "CLI/CLI.hpp"
#include "cli/commands.h"
#include "cli/report_command.h"
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
  lint_command
      ->add_option("--format", lint.format,
                   "Output format (sarif: SARIF 2.1.0 for code scanning; "
                   "github: GitHub Actions annotations)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  lint_command
      ->add_option("--fail-on", lint.fail_on,
                   "Exit 1 when a finding is at or above this severity "
                   "(default: error)")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  lint_command
      ->add_option("--min-level", lint.min_level,
                   "Show only findings at or above this severity (default: "
                   "info); independent of --fail-on")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  lint_command
      ->add_option("--min-score", lint.min_score,
                   "Exit 1 when a document's provenance score is below this")
      ->check(CLI::Range(0.0, 100.0));
  lint_command->add_flag("--no-exit", lint.no_exit,
                         "Exit 0 whatever the findings and scores (usage, "
                         "config, rules and input errors still exit 2)");
  lint_command
      ->add_option("--config", lint.config,
                   "Config file (default: the nearest .provcheck.toml in "
                   "the working directory or a parent)")
      ->check(CLI::ExistingFile);
  lint_command->add_flag("--no-config", lint.no_config, "Use no config file")
      ->excludes("--config");
  lint_command->add_option(
      "--baseline", lint.baseline,
      "Report only findings not recorded in this baseline file");
  lint_command->add_option("--write-baseline", lint.write_baseline,
                           "Record every finding in this baseline file and "
                           "report nothing new");
  lint_command->add_option(
      "--diff-base", lint.diff_base,
      "Report only findings on lines changed since this git revision");
  lint_command->add_option("--color", lint.color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  lint_command
      ->add_option("-j,--jobs", lint.threads,
                   "Worker threads (default: one per core; each takes ~120 MB "
                   "on a long run)")
      ->check(CLI::NonNegativeNumber);
  lint_command
      ->add_option("--enable-pack", lint.enable_packs,
                   "Turn on an opt-in rule pack, e.g. weasel-words "
                   "(repeatable); its findings never change the score")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
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
                   "Worker threads (default: one per core; each takes ~120 MB "
                   "on a long run)")
      ->check(CLI::NonNegativeNumber);
  audit_command->add_option(
      "--html", audit.html,
      "Also write this run's HTML reliability report to this file");
  audit_command->add_option("paths", audit.paths, "Files or directories")
      ->required();

  ReportOptions report;
  CLI::App* report_command = app.add_subcommand(
      "report",
      "Write the HTML reliability report (one self-contained file) from a "
      "database");
  report_command->add_option("--db", report.db, "SQLite database")
      ->capture_default_str();
  report_command->add_option("--html", report.html, "Report file to write")
      ->required();
  report_command->add_option("--run", report.run,
                             "Only the documents of this run (default: all)");
  report_command->add_option(
      "--templates", report.templates,
      "Report templates directory (default: the shipped reports/)");
  report_command
      ->add_option("--split-above", report.split_above,
                   "Above this many documents, write an index and one page "
                   "per document (in OUT_files/) instead of one file")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  report_command->add_option(
      "--root", report.root,
      "Resolve relative document paths here (default: the current "
      "directory, as when audited)");

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

  FactsOptions facts;
  CLI::App* facts_command =
      app.add_subcommand("facts", "Check or extend the reference ledger");
  facts_command->require_subcommand(1);
  CLI::App* facts_check = facts_command->add_subcommand(
      "check", "Validate every fact in rules/facts");
  facts_check->add_option("--rules", facts.rules_dir, "Rules directory");
  CLI::App* facts_add = facts_command->add_subcommand(
      "add", "Append a verified fact, validated like the rest of the ledger");
  facts_add->add_option("--rules", facts.rules_dir, "Rules directory");
  facts_add->add_option(
      "--file", facts.file,
      "Ledger file to append to (default: facts/added.facts)");
  facts_add->add_option("id", facts.id, "Fact id, e.g. bridge-opening-2024")
      ->required();
  facts_add->add_option("--event", facts.event, "Event class");
  facts_add->add_option("--entity", facts.entities, "Entity (repeatable)");
  facts_add->add_option("--date", facts.date, "Date or range, as written");
  facts_add->add_option("--quantity", facts.quantity, "Quantity, as written");
  facts_add->add_option("--person", facts.person, "A person's canonical name");
  facts_add->add_option("--source", facts.source, "Where it was verified")
      ->required();
  facts_add->add_option("--checked", facts.checked, "Day checked (YYYY-MM-DD)")
      ->required();

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
  if (*report_command) return RunReport(report);
  if (*explain_command) return RunExplain(explain);
  if (*sources_command) return RunSources(sources);
  if (*history_command) return RunHistory(history);
  if (*facts_check) return RunFactsCheck(facts);
  if (*facts_add) return RunFactsAdd(facts);
  if (*rules_check) return RunRulesCheck(rules);
  if (*rules_list) return RunRulesList(rules);
  return kExitError;
}

}  // namespace
}  // namespace provcheck::cli

int main(int argc, char** argv) { return provcheck::cli::Main(argc, argv); }
