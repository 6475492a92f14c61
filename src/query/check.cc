#include "query/check.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/county_directory.h"
#include "analysis/repeated_contest.h"
#include "analysis/roll_off.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "ingest/results_file_name.h"
#include "query/general_contests_data.h"
#include "store/candidacy_queries.h"
#include "store/check_queries.h"
#include "store/queries.h"

namespace downballot::query {
namespace {

struct Issue {
  std::string severity;  // "error", "warning" or "info"
  std::string check;
  std::string state;
  std::string subject;  // a race or contest id, or a file
  std::string message;
  std::string rows;  // where to look: "file:line,line" or contest ids
};

bool IsInScope(const CheckRequest& request, std::string_view state, int year) {
  return (request.state.empty() || base::EqualsIgnoreCase(state, request.state)) &&
         (request.cycle == 0 || year == request.cycle);
}

// A state's House votes against its Senate votes, and contests against their reported totals.
absl::Status AddRollOffIssues(store::Database& db, const CheckRequest& request,
                              std::vector<Issue>& issues) {
  query::ContestFilter filter;
  if (request.cycle != 0) filter.year = request.cycle;
  filter.state = request.state;
  absl::StatusOr<query::GeneralContests> contests = query::LoadGeneralContests(db, filter);
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
    // A seat that elects several gets several votes a ballot.
    if (race.counties.size() == 1 && race.seats == 1 && race.ballots_cast > 0 &&
        votes > race.ballots_cast) {
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

absl::Status AddRepeatedRowIssues(store::Database& db, const CheckRequest& request,
                                  std::vector<Issue>& issues) {
  ASSIGN_OR_RETURN(const std::vector<store::RepeatedResultRows> repeats,
                   store::ReadRepeatedResultRows(db, request.state, request.cycle));
  // One issue per file: a file that repeats lines repeats many, and a list of hundreds of
  // one-line issues hides the rest of the report.
  struct FileRepeats {
    std::string state;
    int64_t num_same = 0;       // repeated with the same votes: counted twice, or by chance
    int64_t num_different = 0;  // repeated with different votes: two counts of one thing
    std::vector<std::string> examples;
    std::vector<int64_t> lines;
  };
  std::map<std::string, FileRepeats> by_file;
  constexpr size_t kMaxExamples = 3;
  constexpr size_t kMaxLines = 40;
  for (const store::RepeatedResultRows& repeat : repeats) {
    if (!IsInScope(request, repeat.state, repeat.year)) continue;
    const bool is_same_count =
        std::all_of(repeat.votes.begin(), repeat.votes.end(),
                    [&](int64_t votes) { return votes == repeat.votes.front(); });
    FileRepeats& file = by_file[repeat.path];
    file.state = base::ToUpper(repeat.state);
    ++(is_same_count ? file.num_same : file.num_different);
    if (file.examples.size() < kMaxExamples) {
      file.examples.push_back(fmt::format(
          "{} / {} / {} {} / {} ({}): {}", repeat.county, repeat.precinct, repeat.office,
          repeat.district, repeat.candidate, repeat.party, fmt::join(repeat.votes, ", ")));
    }
    for (const int64_t line : repeat.lines) {
      if (file.lines.size() < kMaxLines) file.lines.push_back(line);
    }
  }
  for (const auto& [path, file] : by_file) {
    issues.push_back(
        Issue{"warning", "repeated_rows", file.state, path,
              fmt::format(
                  "{} lines appear more than once (county, precinct, office, candidate and "
                  "party alike): {} with the same votes, {} with different votes; each is "
                  "kept as its own line (docs/results.md \"Repeats and sub-tabulations\"); e.g. {}",
                  file.num_same + file.num_different, file.num_same, file.num_different,
                  fmt::join(file.examples, "; ")),
              fmt::format("{}:{}", path, fmt::join(file.lines, ","))});
  }
  // A rejected row keeps only its file and line, not its state or year: listed unfiltered only.
  if (!request.state.empty() || request.cycle != 0) return absl::OkStatus();
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

// What kind of disagreement a mismatch is, by the sources it compares.
std::string_view MismatchCheck(const model::ReconciliationMismatch& mismatch) {
  if (mismatch.is_against_medsl) return "medsl_total";
  if (mismatch.county.empty()) return "state_file_vs_counties";
  return "precinct_vs_county";
}

// `races` are the races in scope: mismatches of other races are left out. One issue per race
// and kind of comparison, naming the largest difference.
absl::Status AddMismatchIssues(store::Database& db, std::span<const model::Race> races,
                               std::vector<Issue>& issues) {
  std::map<std::string_view, const model::Race*> race_of;
  for (const model::Race& race : races) race_of[race.id] = &race;
  ASSIGN_OR_RETURN(const std::vector<model::ReconciliationMismatch> mismatches,
                   store::ReadMismatches(db, ""));
  std::map<std::pair<std::string, std::string_view>,
           std::vector<const model::ReconciliationMismatch*>>
      by_race;
  for (const model::ReconciliationMismatch& mismatch : mismatches) {
    by_race[{mismatch.race_id, MismatchCheck(mismatch)}].push_back(&mismatch);
  }
  for (const auto& [key, race_mismatches] : by_race) {
    const auto& [race_id, check] = key;
    const auto race = race_of.find(race_id);
    if (race == race_of.end()) continue;
    int64_t largest = -1;
    const model::ReconciliationMismatch* worst = race_mismatches.front();
    for (const model::ReconciliationMismatch* mismatch : race_mismatches) {
      const int64_t difference = std::llabs(mismatch->counted_votes - mismatch->other_votes);
      if (difference > largest) {
        largest = difference;
        worst = mismatch;
      }
    }
    // Against MEDSL, a difference in named candidates is an error; one in the write-in line
    // alone is how the sources lump write-ins (Arizona names seven, MEDSL totals them).
    const bool is_named_difference =
        std::any_of(race_mismatches.begin(), race_mismatches.end(),
                    [](const model::ReconciliationMismatch* mismatch) {
                      return mismatch->candidate != model::kOtherVotesLine;
                    });
    issues.push_back(
        Issue{check == "medsl_total" && is_named_difference ? "error" : "warning",
              std::string(check), base::ToUpper(race->second->key.seat.state), race_id,
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

// Races whose counties name disjoint fields, and counties set aside for naming another one.
void AddConflictIssues(std::span<const model::Race> races, std::vector<Issue>& issues) {
  for (const model::Race& race : races) {
    const std::string state = base::ToUpper(race.key.seat.state);
    if (!race.conflict.empty()) {
      issues.push_back(Issue{"error", "conflicting_counties", state, race.id,
                             race.conflict + "; no winner is named",
                             fmt::format("downballot race {}", race.id)});
    }
    for (const model::SetAsideReturns& aside : race.set_aside) {
      issues.push_back(
          Issue{"warning", "set_aside", state, race.id,
                fmt::format("{} returns of {} ({}) set aside: {}", aside.votes, aside.county,
                            fmt::join(aside.candidates, ", "), aside.reason),
                fmt::format("downballot race {}", race.id)});
    }
  }
}

// Our primaries against FiveThirtyEight's shares and winners.
// Returns how many comparisons ended in each verdict.
absl::StatusOr<std::map<analysis::FteVerdict, int64_t>> AddFteIssues(
    store::Database& db, const CheckRequest& request, std::span<const model::Race> races,
    std::vector<Issue>& issues) {
  std::map<analysis::FteVerdict, int64_t> counts;
  store::CandidacyFilter filter;
  if (request.cycle != 0) filter.cycle = request.cycle;
  filter.state = request.state;
  ASSIGN_OR_RETURN(const std::vector<store::StoredCandidacy> stored,
                   store::ReadPrimaryCandidacies(db, filter));
  std::vector<model::PrimaryCandidacy> candidacies;
  for (const store::StoredCandidacy& entry : stored) candidacies.push_back(entry.candidacy);
  for (const analysis::FteComparison& comparison :
       analysis::CompareWithFiveThirtyEight(races, candidacies)) {
    ++counts[comparison.verdict];
    if (comparison.verdict == analysis::FteVerdict::kAgrees) continue;
    const auto race = std::find_if(races.begin(), races.end(), [&](const model::Race& r) {
      return r.id == comparison.race_id;
    });
    std::string shares;
    for (const analysis::FteCandidateShares& share : comparison.shares) {
      if (!shares.empty()) shares += "; ";
      shares += share.is_found
                    ? fmt::format("{} {:.2f} vs ours {:.2f}", share.candidate, share.fte_points,
                                  share.our_points)
                    : fmt::format("{} {:.2f}, not in our race", share.candidate, share.fte_points);
    }
    std::string message;
    std::string severity = "warning";
    switch (comparison.verdict) {
      case analysis::FteVerdict::kWinnerDiffers:
        severity = "error";
        message = fmt::format("FiveThirtyEight's winner is {}, ours {}", comparison.fte_winner,
                              comparison.our_winner.empty() ? "none" : comparison.our_winner);
        break;
      case analysis::FteVerdict::kSharesDiffer:
        // Its shares were taken before some counts were final; ours are the files' (docs/
        // analysis.md "FiveThirtyEight's primary shares"): the winner agrees, the figures moved.
        message = fmt::format(
            "shares differ by up to {:.2f} points, same winner (FiveThirtyEight's counts were "
            "not all final)",
            comparison.worst_points);
        break;
      case analysis::FteVerdict::kCandidateMissing:
        message = "a candidate with a FiveThirtyEight share is missing from our race";
        break;
      case analysis::FteVerdict::kNotComparable:
        severity = "info";
        message =
            fmt::format("not compared: our race is {}",
                        race == races.end() ? "unknown" : model::ToString(race->completeness));
        break;
      case analysis::FteVerdict::kAgrees:
        break;
    }
    const std::string rows =
        race == races.end()
            ? ""
            : fmt::format("{} from {} ({})", race->counted_from, fmt::join(race->counties, ", "),
                          fmt::format("downballot race {}", race->id));
    issues.push_back(Issue{
        severity, "fte_share", race == races.end() ? "" : base::ToUpper(race->key.seat.state),
        comparison.race_id,
        fmt::format("{} (FiveThirtyEight {}): {}", message, comparison.fte_race, shares), rows});
  }
  return counts;
}

// What a file's name says for check: its state ("" for a file that is not a results file) and
// whether it is in the state and year asked for. A file whose name gives no state or date is
// in scope only when neither is asked for.
struct FileScope {
  std::string state;
  bool is_in_scope = false;
};
FileScope ScopeOfFile(const CheckRequest& request, const std::string& path) {
  const auto info = ingest::ParseResultFileName(path);
  if (!info.ok()) return {"", request.state.empty() && request.cycle == 0};
  return {info->state, IsInScope(request, info->state, info->date.year)};
}

absl::Status AddUnmatchedOfficeIssues(store::Database& db, const CheckRequest& request,
                                      std::vector<Issue>& issues) {
  ASSIGN_OR_RETURN(const std::vector<store::UnmatchedOffice> offices,
                   store::ReadUnmatchedOffices(db));
  for (const store::UnmatchedOffice& office : offices) {
    if (std::none_of(office.paths.begin(), office.paths.end(), [&](const std::string& path) {
          return ScopeOfFile(request, path).is_in_scope;
        })) {
      continue;
    }
    issues.push_back(Issue{
        "warning", "unmatched_office", office.state, office.office_raw,
        fmt::format("no office rule matches '{}' ({} rows in {}): kept as level 'other', local "
                    "to its county; add a rule to config/offices, or to a file for `ingest "
                    "--offices FILE`, and load the files again into a new store",
                    office.office_raw, office.num_rows, fmt::join(office.counties, ", ")),
        fmt::format("{}", fmt::join(office.paths, "; "))});
  }
  return absl::OkStatus();
}

// What OpenElections' own data tests look for, as the parser noted it per file: repeated
// entries, vote-mode columns above the votes, missing votes, floats for districts.
absl::Status AddFileNoteIssues(store::Database& db, const CheckRequest& request,
                               std::vector<Issue>& issues) {
  ASSIGN_OR_RETURN(const std::vector<store::FileNote> notes, store::ReadFileNotes(db));
  for (const store::FileNote& note : notes) {
    std::string_view check;
    if (note.note.find("repeat another spelling of the same precinct") != std::string::npos) {
      check = "repeated_precinct_block";
    } else if (note.note.find("repeat an earlier row") != std::string::npos) {
      check = "repeated_rows";
    } else if (note.note.find("as a float") != std::string::npos) {
      check = "float_district";
    } else if (note.note.find("sum to more than their votes") != std::string::npos) {
      check = "vote_modes_above_votes";
    } else if (note.note.find("have no vote count") != std::string::npos) {
      check = "missing_votes";
    } else {
      continue;
    }
    const FileScope scope = ScopeOfFile(request, note.path);
    if (!scope.is_in_scope) continue;
    issues.push_back(
        Issue{"warning", std::string(check), scope.state, note.path, note.note, note.path});
  }
  return absl::OkStatus();
}

absl::Status AddNearMatchIssues(store::Database& db, std::span<const model::Race> races,
                                std::vector<Issue>& issues) {
  std::map<std::string_view, const model::Race*> race_of;
  for (const model::Race& race : races) race_of[race.id] = &race;
  ASSIGN_OR_RETURN(const std::vector<model::NearMatch> near, store::ReadNearMatches(db));
  for (const model::NearMatch& row : near) {
    const auto race = race_of.find(row.race_id);
    if (race == race_of.end()) continue;
    issues.push_back(Issue{"warning", "near_match", base::ToUpper(race->second->key.seat.state),
                           row.race_id,
                           fmt::format("'{}' and '{}' are close but kept apart: one person with a "
                                       "typo, or two people?",
                                       row.name_a, row.name_b),
                           fmt::format("downballot race {}", row.race_id)});
  }
  return absl::OkStatus();
}

void AddRepeatedContestIssues(std::span<const model::Race> races, std::vector<Issue>& issues) {
  for (const analysis::RepeatedContest& repeat : analysis::FindRepeatedContests(races)) {
    issues.push_back(Issue{
        "warning", "repeated_contest", base::ToUpper(repeat.state), repeat.race_id,
        fmt::format("repeats {} under another date: same candidates, votes within {:g}% ({} vs "
                    "{}); a file dated wrongly counts the contest twice",
                    repeat.earlier_race_id, 100 * analysis::kRepeatedContestTolerance,
                    repeat.candidate_votes, repeat.earlier_candidate_votes),
        fmt::format("downballot race {}; downballot race {}", repeat.race_id,
                    repeat.earlier_race_id)});
  }
}

// Counties no loaded FIPS table knows, in states it covers: a misspelling the roll-up cannot
// match to the same county in another file. A county name belongs to no one year: listed only
// when no --cycle is asked for.
absl::Status AddUnknownCountyIssues(store::Database& db, const CheckRequest& request,
                                    std::vector<Issue>& issues) {
  if (request.cycle != 0) return absl::OkStatus();
  ASSIGN_OR_RETURN(const std::vector<model::County> counties, store::ReadCounties(db));
  const analysis::CountyDirectory directory(counties);
  ASSIGN_OR_RETURN(const std::vector<store::NamedCounty> named, store::ReadNamedCounties(db));
  for (const store::NamedCounty& county : named) {
    if (!request.state.empty() && !base::EqualsIgnoreCase(county.state, request.state)) continue;
    if (!directory.HasState(county.state)) continue;
    if (directory.IsKnown(county.state, county.county)) continue;
    issues.push_back(Issue{"warning", "unknown_county", county.state, county.county,
                           fmt::format("'{}' ({} tallies) is no county of {} in the FIPS table: "
                                       "matched by spelling only",
                                       county.county, county.num_rows, county.state),
                           fmt::format("downballot races --state {}", county.state)});
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<CheckRequest> ParseCheckRequest(const Params& params) {
  RETURN_IF_ERROR(params.CheckNames({"state", "cycle"}));
  CheckRequest request;
  ASSIGN_OR_RETURN(request.state, params.State("state"));
  ASSIGN_OR_RETURN(const int64_t cycle, params.Integer("cycle", 1900, 2100, 0));
  request.cycle = static_cast<int>(cycle);
  return request;
}

absl::StatusOr<CheckAnswer> AnswerCheck(store::Database& db, const CheckRequest& request) {
  std::vector<Issue> issues;
  RETURN_IF_ERROR(AddRollOffIssues(db, request, issues));
  store::RaceFilter filter;
  filter.state = request.state;
  ASSIGN_OR_RETURN(std::vector<model::Race> races, store::ReadRaces(db, filter));
  std::erase_if(races, [&](const model::Race& race) {
    return !IsInScope(request, race.key.seat.state, race.key.date.year);
  });
  AddVotesOverBallotsIssues(races, issues);
  RETURN_IF_ERROR(AddRepeatedRowIssues(db, request, issues));
  RETURN_IF_ERROR(AddMismatchIssues(db, races, issues));
  AddConflictIssues(races, issues);
  CheckAnswer answer;
  ASSIGN_OR_RETURN(answer.fte_verdicts, AddFteIssues(db, request, races, issues));
  RETURN_IF_ERROR(AddUnmatchedOfficeIssues(db, request, issues));
  RETURN_IF_ERROR(AddFileNoteIssues(db, request, issues));
  RETURN_IF_ERROR(AddNearMatchIssues(db, races, issues));
  AddRepeatedContestIssues(races, issues);
  RETURN_IF_ERROR(AddUnknownCountyIssues(db, request, issues));
  const auto rank = [](const std::string& severity) {
    return severity == "error" ? 0 : severity == "warning" ? 1 : 2;
  };
  std::stable_sort(issues.begin(), issues.end(), [&](const Issue& a, const Issue& b) {
    return rank(a.severity) < rank(b.severity);  // errors, then warnings, then notes
  });
  answer.issues.columns = {"severity", "check", "state", "subject", "message", "rows"};
  for (const Issue& issue : issues) {
    ++answer.num_by_severity[issue.severity];
    answer.issues.rows.push_back(
        {issue.severity, issue.check, issue.state, issue.subject, issue.message, issue.rows});
  }
  return answer;
}

}  // namespace downballot::query
