#include "cli/command_slate.h"

#include <unistd.h>

#include <iostream>
#include <memory>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/slates.h"
#include "query/store_access.h"

namespace downballot::cli {
namespace {

struct SlateOptions {
  std::string group;  // part of a column name, any case
  int cycle = 0;
  std::string party;
  std::string by;
};

absl::Status RunSlate(const AppContext& context, const SlateOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  query::Params params;
  params.Set("group", options.group);
  params.Set("cycle", options.cycle != 0 ? std::to_string(options.cycle) : "");
  params.Set("party", options.party);
  params.Set("by", options.by);
  ASSIGN_OR_RETURN(const query::SlatesRequest request, query::ParseSlatesRequest(params));
  ASSIGN_OR_RETURN(auto db, query::OpenStore(context.store_path));
  ASSIGN_OR_RETURN(const query::SlatesAnswer answer, query::AnswerSlates(*db, request));
  if (format == OutputFormat::kJson) {
    RenderJson(query::ToJson(answer), std::cout);
  } else {
    context.Show(query::SlatesTable(answer), format);
  }
  std::cout.flush();  // the summary follows the table on a terminal
  if (answer.num_files == 0) {
    std::cerr << FitToTerminal(
                     "downballot slate: no endorsement file is loaded: slates come from "
                     "FiveThirtyEight's primary-candidates files (`downballot ingest FILE`, or "
                     "`downballot ingest --data DIR` for a whole folder)",
                     STDERR_FILENO)
              << '\n';
    return absl::OkStatus();
  }
  std::cerr << FitToTerminal(
                   fmt::format("downballot slate: {} groups from {} candidacies in {} file(s); "
                               "win_rate counts endorsees whose outcome is known, ci = 95% "
                               "Wilson; adjusted_rate = the endorsees' odds over comparable "
                               "candidates', on the average candidate (docs/slates.md){}",
                               answer.slates.size(), answer.num_candidacies, answer.num_files,
                               answer.slates.empty() ? "; no group matches these filters" : ""),
                   STDERR_FILENO)
            << '\n';
  return absl::OkStatus();
}

}  // namespace

void RegisterSlateCommand(CLI::App& app, AppContext& context, int& exit_code) {
  auto options = std::make_shared<SlateOptions>();
  CLI::App* command = app.add_subcommand(
      "slate",
      "How each endorsing group's candidates did in the loaded primaries: endorsed, won, win\n"
      "rate with a 95% interval, and the rate adjusted for seat status, partisan lean and field\n"
      "size. 'backed_opponent' (No) and 'not_tracked' (empty, N/A) are kept apart.");
  command->add_option("group", options->group, "part of an endorsement column's name");
  command->add_option("--cycle", options->cycle, "election year, e.g. 2018");
  command->add_option("--party", options->party, "DEM or REP");
  command->add_option("--by", options->by, "split rows by office, seat or lean instead");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("slate", [&] { return RunSlate(context, *options); });
  });
}

}  // namespace downballot::cli
