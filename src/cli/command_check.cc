#include "cli/command_check.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/roll_off.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/general_contests_data.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "store/check_queries.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

struct CheckOptions {
  std::string state;
  int cycle = 0;
};

struct Issue {
  std::string severity;  // "error" or "warning"
  std::string check;
  std::string state;
  std::string subject;  // a race or contest id, or a file
  std::string message;
  std::string rows;  // where to look: "file:line,line" or contest ids
};

bool IsInScope(const CheckOptions& options, std::string_view state, int year) {
  return (options.state.empty() || base::EqualsIgnoreCase(state, options.state)) &&
         (options.cycle == 0 || year == options.cycle);
}

// A state's House votes against its Senate votes, and contests against their reported totals.
absl::Status AddRollOffIssues(store::Database& db, const CheckOptions& options,
                              std::vector<Issue>& issues) {
  ContestFilter filter;
  if (options.cycle != 0) filter.year = options.cycle;
  filter.state = options.state;
  absl::StatusOr<GeneralContests> contests = LoadGeneralContests(db, filter);
  if (absl::IsFailedPrecondition(contests.status())) return absl::OkStatus();
  RETURN_IF_ERROR(contests.status());
  for (const analysis::RollOffIssue& issue :
       analysis::CheckRollOff(contests->by_source, analysis::RollOffOptions{})) {
    std::string subject =
        issue.contest_ids.size() == 1
            ? issue.contest_ids.front()
            : fmt::format("{}.{}.{}", issue.source, issue.year, base::ToLower(issue.state));
    issues.push_back(Issue{std::string(analysis::ToString(issue.severity)),
                           std::string(analysis::ToString(issue.check)), issue.state,
                           std::move(subject), issue.message,
                           fmt::format("{}", fmt::join(issue.source_files, "; "))});
  }
  return absl::OkStatus();
}

// Candidate and write-in votes above the ballots cast for the office.
void AddVotesOverBallotsIssues(std::span<const model::Race> races, std::vector<Issue>& issues) {
  for (const model::Race& race : races) {
    // Ballots-cast rows come from some counties only, so only a one-county race compares like
    // with like.
    const int64_t votes = race.candidate_votes + race.write_in_votes;
    if (race.counties.size() == 1 && race.ballots_cast > 0 && votes > race.ballots_cast) {
      issues.push_back(Issue{
          "warning", "votes_over_ballots", base::ToUpper(race.key.seat.state), race.id,
          fmt::format("candidate and write-in votes {} exceed the {} ballots cast for the office "
                      "(wrong unless the office elects several, or the ballots row counts "
                      "machine ballots only)",
                      votes, race.ballots_cast),
          fmt::format("counties: {}", fmt::join(race.counties, ", "))});
    }
  }
}

absl::Status AddRepeatedRowIssues(store::Database& db, const CheckOptions& options,
                                  std::vector<Issue>& issues) {
  ASSIGN_OR_RETURN(const std::vector<store::RepeatedResultRows> repeats,
                   store::ReadRepeatedResultRows(db));
  for (const store::RepeatedResultRows& repeat : repeats) {
    if (!IsInScope(options, repeat.state, repeat.year)) continue;
    const bool is_same_count =
        std::all_of(repeat.votes.begin(), repeat.votes.end(),
                    [&](int64_t votes) { return votes == repeat.votes.front(); });
    issues.push_back(
        Issue{"warning", "repeated_rows", base::ToUpper(repeat.state), repeat.path,
              fmt::format("{} rows for {} / {} / {} {} / {} ({}) with {}: {}", repeat.lines.size(),
                          repeat.county, repeat.precinct, repeat.office, repeat.district,
                          repeat.candidate, repeat.party,
                          is_same_count ? "the same votes, counted twice" : "different votes",
                          fmt::join(repeat.votes, ", ")),
              fmt::format("{}:{}", repeat.path, fmt::join(repeat.lines, ","))});
  }
  // A rejected row keeps only its file and line, not its state or year: listed unfiltered only.
  if (!options.state.empty() || options.cycle != 0) return absl::OkStatus();
  ASSIGN_OR_RETURN(const std::vector<store::RejectedRepeat> rejected,
                   store::ReadRejectedRepeats(db));
  std::map<std::string, std::vector<int64_t>> lines_by_file;
  for (const store::RejectedRepeat& repeat : rejected) {
    lines_by_file[repeat.path].push_back(repeat.line);
  }
  for (const auto& [path, lines] : lines_by_file) {
    issues.push_back(Issue{"warning", "repeated_rows", "", path,
                           fmt::format("{} rows repeat an earlier row field for field and were "
                                       "left out at ingest (each would double its votes)",
                                       lines.size()),
                           fmt::format("{}:{}", path, fmt::join(lines, ","))});
  }
  return absl::OkStatus();
}

// `races` are the races in scope: mismatches of other races are left out.
absl::Status AddMismatchIssues(store::Database& db, std::span<const model::Race> races,
                               std::vector<Issue>& issues) {
  std::map<std::string_view, const model::Race*> race_of;
  for (const model::Race& race : races) race_of[race.id] = &race;
  ASSIGN_OR_RETURN(const std::vector<model::ReconciliationMismatch> mismatches,
                   store::ReadMismatches(db, ""));
  std::map<std::string, std::vector<const model::ReconciliationMismatch*>> by_race;
  for (const model::ReconciliationMismatch& mismatch : mismatches) {
    by_race[mismatch.race_id].push_back(&mismatch);
  }
  for (const auto& [race_id, race_mismatches] : by_race) {
    const auto race = race_of.find(race_id);
    if (race == race_of.end()) continue;
    int64_t largest = 0;
    const model::ReconciliationMismatch* worst = race_mismatches.front();
    for (const model::ReconciliationMismatch* mismatch : race_mismatches) {
      const int64_t difference = std::llabs(mismatch->counted_votes - mismatch->other_votes);
      if (difference > largest) {
        largest = difference;
        worst = mismatch;
      }
    }
    issues.push_back(
        Issue{"warning", "precinct_vs_county", base::ToUpper(race->second->key.seat.state), race_id,
              fmt::format("{} candidate totals differ between sources; largest: {} in {}: {} in {} "
                          "(counted) vs {} in {}",
                          race_mismatches.size(), worst->candidate,
                          worst->county.empty() ? "the whole contest" : worst->county,
                          worst->counted_votes, worst->counted_source, worst->other_votes,
                          worst->other_source),
              fmt::format("downballot mismatches --race {}", race_id)});
  }
  return absl::OkStatus();
}

absl::Status RunCheck(const AppContext& context, const CheckOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(auto db, OpenStoreWithFreshRaces(context));
  std::vector<Issue> issues;
  RETURN_IF_ERROR(AddRollOffIssues(*db, options, issues));
  store::RaceFilter filter;
  filter.state = options.state;
  ASSIGN_OR_RETURN(std::vector<model::Race> races, store::ReadRaces(*db, filter));
  std::erase_if(races, [&](const model::Race& race) {
    return !IsInScope(options, race.key.seat.state, race.key.date.year);
  });
  AddVotesOverBallotsIssues(races, issues);
  RETURN_IF_ERROR(AddRepeatedRowIssues(*db, options, issues));
  RETURN_IF_ERROR(AddMismatchIssues(*db, races, issues));
  std::stable_sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) {
    return a.severity < b.severity;  // "error" before "warning"
  });
  Table table{{"severity", "check", "state", "subject", "message", "rows"}, {}};
  std::map<std::string, int64_t> counts;
  for (const Issue& issue : issues) {
    ++counts[issue.severity];
    table.rows.push_back(
        {issue.severity, issue.check, issue.state, issue.subject, issue.message, issue.rows});
  }
  Render(table, format, std::cout);
  std::cout.flush();  // the summary follows the table on a terminal
  std::cerr << fmt::format("downballot check: {} errors, {} warnings\n", counts["error"],
                           counts["warning"]);
  return absl::OkStatus();
}

}  // namespace

void RegisterCheckCommand(CLI::App& app, AppContext& context, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check",
      "Data sanity report: House votes against Senate votes on one ballot (roll-off), contests\n"
      "against their files' totals, votes above ballots cast, repeated rows, and precinct sums\n"
      "against county files. Each issue names the rows to look at.");
  command->add_option("--state", options->state, "two-letter state code");
  command->add_option("--cycle", options->cycle, "election year");
  command->add_option("--format", context.format_text, "table, csv or json");
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("check", [&] { return RunCheck(context, *options); });
  });
}

}  // namespace downballot::cli
