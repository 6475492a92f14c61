#include "cli/command_links.h"

#include <iostream>
#include <memory>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/fec_links.h"
#include "query/store_access.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

struct LinksOptions {
  std::string state;
  std::string status;  // "", "linked", "unlinked", "ambiguous"
};

absl::Status RunLinks(const AppContext& context, const LinksOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  std::optional<analysis::FecLinkStatus> only;
  if (!options.status.empty()) {
    only = analysis::ParseFecLinkStatus(options.status);
    if (!only) {
      return absl::InvalidArgumentError(
          fmt::format("--status must be linked, unlinked or ambiguous, got '{}'", options.status));
    }
  }
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  store::RaceFilter filter;
  filter.state = options.state;
  filter.level = model::OfficeLevel::kFederal;
  ASSIGN_OR_RETURN(const std::vector<model::Race> races, store::ReadRaces(*db, filter));
  ASSIGN_OR_RETURN(const std::vector<analysis::FecLink> links, query::ReadFecLinks(*db, races));
  Table table{{"race_id", "candidate", "status", "cand_id", "fec_name"}, {}};
  std::map<analysis::FecLinkStatus, int64_t> counts;
  for (const analysis::FecLink& link : links) {
    ++counts[link.status];
    if (only && link.status != *only) continue;
    table.rows.push_back({link.race_id, link.candidate,
                          std::string(analysis::ToString(link.status)), link.cand_id,
                          link.fec_name});
  }
  context.Show(table, format);
  std::cout.flush();  // the summary follows the table on a terminal
  std::cerr << fmt::format("downballot links: {} linked, {} unlinked, {} ambiguous\n",
                           counts[analysis::FecLinkStatus::kLinked],
                           counts[analysis::FecLinkStatus::kUnlinked],
                           counts[analysis::FecLinkStatus::kAmbiguous]);
  return absl::OkStatus();
}

}  // namespace

void RegisterLinksCommand(CLI::App& app, AppContext& context, int& exit_code) {
  // Shared with the callback, which CLI11 keeps after this function returns.
  auto options = std::make_shared<LinksOptions>();
  CLI::App* command = app.add_subcommand(
      "links",
      "Link each candidacy of the loaded federal races (President, U.S. Senate, U.S. House) to\n"
      "an FEC candidate (cn) by office, state, district, election year and name, and list what\n"
      "stays unlinked or ambiguous. The counts go to stderr.");
  command->add_option("--state", options->state, "two-letter state code");
  command->add_option("--status", options->status, "only linked, unlinked or ambiguous rows");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("links", [&] { return RunLinks(context, *options); });
  });
}

}  // namespace downballot::cli
