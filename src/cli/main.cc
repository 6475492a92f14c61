// The `downballot` binary: parses the command line and dispatches to one command.
#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "CLI/CLI.hpp"
#include "base/strings.h"
#include "cli/app_context.h"
#include "cli/command_bodies.h"
#include "cli/command_check.h"
#include "cli/command_committees.h"
#include "cli/command_fetch.h"
#include "cli/command_files.h"
#include "cli/command_forecast.h"
#include "cli/command_ingest.h"
#include "cli/command_leverage.h"
#include "cli/command_links.h"
#include "cli/command_map.h"
#include "cli/command_mismatches.h"
#include "cli/command_money.h"
#include "cli/command_plan.h"
#include "cli/command_races.h"
#include "cli/command_serve.h"
#include "cli/command_slate.h"
#include "cli/command_summary.h"
#include "cli/command_targets.h"

namespace {

// The first argument that is not an option (or an option's value) names the command.
std::string FirstPositional(int argc, char** argv) {
  for (int idx = 1; idx < argc; ++idx) {
    const std::string_view arg = argv[idx];
    if (arg == "--store" || arg == "--format") {
      ++idx;
      continue;
    }
    if (!arg.empty() && arg.front() == '-') continue;
    return std::string(arg);
  }
  return "";
}

// The long option names `command` and the top-level app accept, with their dashes.
std::vector<std::string> OptionNames(const CLI::App& app, const CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* owner : {&app, command}) {
    if (owner == nullptr) continue;
    for (const CLI::Option* option : owner->get_options()) {
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    }
  }
  return names;
}

// For each argument the parser did not expect, what it probably meant: the nearest option
// name, or the help that lists them. Printed instead of CLI11's bare list of leftovers.
void ExplainUnexpected(const CLI::App& app, const CLI::App* command,
                       const std::vector<std::string>& unexpected) {
  const std::string prefix =
      command == nullptr ? "downballot" : "downballot " + command->get_name();
  const std::vector<std::string> names = OptionNames(app, command);
  bool follows_unknown_option = false;
  for (const std::string& arg : unexpected) {
    const bool is_value = follows_unknown_option && arg.rfind("-", 0) != 0;
    follows_unknown_option = false;
    if (is_value) continue;  // the value of the option just reported
    if (arg.rfind("--", 0) != 0) {
      std::cerr << prefix << ": unexpected argument '" << arg << "'\n";
      continue;
    }
    const std::string typed = arg.substr(0, arg.find('='));
    const std::string_view nearest = downballot::base::NearestChoice(
        typed, std::vector<std::string_view>(names.begin(), names.end()));
    follows_unknown_option = arg.find('=') == std::string::npos;
    std::cerr << prefix << ": unknown option '" << typed << "'";
    if (!nearest.empty()) std::cerr << "; did you mean `" << nearest << "`?";
    std::cerr << '\n';
  }
  std::cerr << "`" << prefix << " --help` lists its options\n";
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (`downballot races | head`) ends output quietly instead of killing us.
  std::signal(SIGPIPE, SIG_IGN);
  using downballot::cli::AppContext;
  AppContext context;
  int exit_code = 0;
  CLI::App app{
      "downballot: find winnable downballot races from public election returns.\n"
      "Ingest OpenElections results, MEDSL returns, FiveThirtyEight primaries, county FIPS codes\n"
      "and FEC bulk files into a local SQLite store, then list races, rank targets, plan what a\n"
      "campaign takes, see who funds a candidate and check the data against other sources.\n"
      "New here? docs/first-hour.md walks through a first session; `downballot COMMAND --help`\n"
      "shows a command's options."};
  app.set_version_flag("--version", "downballot 0.1.0");
  app.require_subcommand(1);
  // Options the top level does not know fall through to it from the command, so the global
  // options work before or after the command.
  app.fallthrough();
  // Given twice (before and after the command), the last one counts.
  app.add_option("--store", context.store_path, "store file (default ./downballot.db)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  downballot::cli::AddOutputOptions(app, context);
  downballot::cli::RegisterIngestCommand(app, context, exit_code);
  downballot::cli::RegisterRacesCommand(app, context, exit_code);
  downballot::cli::RegisterRaceCommand(app, context, exit_code);
  downballot::cli::RegisterTargetsCommand(app, context, exit_code);
  downballot::cli::RegisterPlanCommand(app, context, exit_code);
  downballot::cli::RegisterBodiesCommands(app, context, exit_code);
  downballot::cli::RegisterMismatchesCommand(app, context, exit_code);
  downballot::cli::RegisterMoneyCommand(app, context, exit_code);
  downballot::cli::RegisterCommitteesCommand(app, context, exit_code);
  downballot::cli::RegisterLinksCommand(app, context, exit_code);
  downballot::cli::RegisterSlateCommand(app, context, exit_code);
  downballot::cli::RegisterForecastCommand(app, context, exit_code);
  downballot::cli::RegisterLeverageCommand(app, context, exit_code);
  downballot::cli::RegisterCheckCommand(app, context, exit_code);
  downballot::cli::RegisterServeCommand(app, context, exit_code);
  downballot::cli::RegisterFilesCommand(app, context, exit_code);
  downballot::cli::RegisterMapCommand(app, context, exit_code);
  downballot::cli::RegisterSummaryCommand(app, context, exit_code);
  downballot::cli::RegisterFetchCommand(app, context, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ExtrasError&) {
    const std::vector<CLI::App*> chosen = app.get_subcommands();
    ExplainUnexpected(app, chosen.empty() ? nullptr : chosen.front(), app.remaining(true));
    return 2;
  } catch (const CLI::ParseError& error) {
    const std::string typed = FirstPositional(argc, argv);
    bool is_known_command = false;
    for (const CLI::App* command : app.get_subcommands({})) {
      is_known_command = is_known_command || command->get_name() == typed;
    }
    if (error.get_exit_code() == 0) return app.exit(error);  // --help, --version
    if (typed.empty()) {
      // No command: what the commands are is the next step.
      std::cerr << app.help();
      return 2;
    }
    if (is_known_command) {
      std::cerr << "downballot " << typed << ": " << error.what() << "\n`downballot " << typed
                << " --help` shows its usage\n";
      return 2;
    }
    std::cerr << "downballot: unknown command '" << typed << "'\n";
    for (const CLI::App* command : app.get_subcommands({})) {
      if (downballot::base::EditDistance(typed, command->get_name()) <= 2) {
        std::cerr << "did you mean `downballot " << command->get_name() << "`?\n";
      }
    }
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "downballot: " << error.what() << '\n';
    return 1;
  }
  return exit_code;
}
