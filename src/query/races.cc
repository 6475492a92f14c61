#include "query/races.h"

#include <algorithm>

#include "base/date.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "query/fec_links.h"

namespace downballot::query {
namespace {

// The winners' names, in finishing order; empty when none is named.
std::vector<std::string> WinnerNames(const model::Race& race) {
  std::vector<std::string> names;
  for (const model::CandidateResult& candidate : race.candidates) {
    if (candidate.is_winner) names.push_back(candidate.name);
  }
  return names;
}

// "A and B" for a seat that elects two; "" when none is named.
}  // namespace

std::string JoinedWinners(const model::Race& race) {
  return fmt::format("{}", fmt::join(WinnerNames(race), " and "));
}

namespace {

std::string CandidateSummary(const model::Race& race) {
  std::string summary;
  for (const model::CandidateResult& candidate : race.candidates) {
    if (!summary.empty()) summary += "; ";
    summary += fmt::format("{} {}", candidate.name, candidate.votes);
  }
  return summary;
}

nlohmann::json MismatchJson(const model::ReconciliationMismatch& mismatch) {
  return {{"county", mismatch.county},
          {"candidate", mismatch.candidate},
          {"counted_votes", mismatch.counted_votes},
          {"other_votes", mismatch.other_votes},
          {"counted_source", mismatch.counted_source},
          {"other_source", mismatch.other_source}};
}

}  // namespace

absl::StatusOr<RacesRequest> ParseRacesRequest(const Params& params) {
  RETURN_IF_ERROR(params.CheckNames(
      {"state", "office", "district", "date", "stage", "party", "level", "limit", "offset"}));
  RacesRequest request;
  store::RaceFilter& filter = request.filter;
  ASSIGN_OR_RETURN(filter.state, params.State("state"));
  ASSIGN_OR_RETURN(filter.party, params.Party("party"));
  ASSIGN_OR_RETURN(filter.office, params.Words("office"));
  ASSIGN_OR_RETURN(filter.district, params.Words("district"));
  filter.date = params.Text("date");
  if (!filter.date.empty() &&
      (filter.date.size() != 10 || filter.date[4] != '-' || !base::ParseDate(filter.date).ok())) {
    return absl::InvalidArgumentError(
        fmt::format("date must be YYYY-MM-DD, got '{}'", filter.date));
  }
  filter.stage = params.Text("stage");
  if (!filter.stage.empty() && !model::ParseElectionStage(filter.stage)) {
    return absl::InvalidArgumentError(
        fmt::format("stage must be {}, got '{}'{}", model::kElectionStageNames, filter.stage,
                    base::DidYouMean(filter.stage, base::SplitList(model::kElectionStageNames))));
  }
  if (const std::string level = params.Text("level"); !level.empty()) {
    filter.level = model::ParseOfficeLevel(level);
    if (!filter.level) {
      return absl::InvalidArgumentError(
          fmt::format("level must be {}, got '{}'{}", model::kOfficeLevelNames, level,
                      base::DidYouMean(level, base::SplitList(model::kOfficeLevelNames))));
    }
  }
  ASSIGN_OR_RETURN(request.limit, params.Integer("limit", 0, 100000, 0));
  ASSIGN_OR_RETURN(request.offset, params.Integer("offset", 0, 100'000'000, 0));
  return request;
}

absl::StatusOr<RacesAnswer> AnswerRaces(store::Database& db, const RacesRequest& request) {
  ASSIGN_OR_RETURN(std::vector<model::Race> races, store::ReadRaces(db, request.filter));
  RacesAnswer answer;
  answer.total = static_cast<int64_t>(races.size());
  answer.races = TakePage(std::move(races), request.offset, request.limit);
  return answer;
}

Table RaceListTable(std::span<const model::Race> races) {
  Table table{{"race_id", "date", "stage", "party", "office", "district", "jurisdiction", "level",
               "candidates", "winner", "margin_votes", "ballots_for_office", "completeness"},
              {}};
  for (const model::Race& race : races) {
    const std::string winners = JoinedWinners(race);
    table.rows.push_back(
        {race.id, race.key.date.ToIso(), std::string(model::ToString(race.key.stage)),
         race.key.party, race.key.seat.office, race.key.seat.district, race.key.seat.jurisdiction,
         std::string(model::ToString(race.level)), CandidateSummary(race),
         winners.empty() ? Cell() : Cell(winners), race.margin_votes, race.ballots_for_office,
         std::string(model::ToString(race.completeness))});
  }
  return table;
}

nlohmann::json ToJson(const RacesAnswer& answer) { return ToJson(RaceListTable(answer.races)); }

absl::StatusOr<model::Race> FindRace(store::Database& db, std::string_view typed) {
  absl::StatusOr<model::Race> exact = store::ReadRace(db, std::string(typed));
  if (exact.ok() || !absl::IsNotFound(exact.status())) return exact;
  std::string_view prefix = typed;
  for (const std::string_view cut : {"\u2026", "..."}) {
    if (prefix.ends_with(cut)) prefix.remove_suffix(cut.size());
  }
  constexpr int64_t kListed = 8;
  if (!prefix.empty()) {
    ASSIGN_OR_RETURN(const std::vector<std::string> started,
                     store::ReadRaceIdsWithPrefix(db, prefix, kListed + 1));
    if (started.size() == 1) return store::ReadRace(db, started.front());
    if (started.size() > 1) {
      return absl::NotFoundError(fmt::format(
          "'{}' starts {}{} race ids: {}; give the whole id", typed,
          started.size() > static_cast<size_t>(kListed) ? "more than " : "",
          std::min<size_t>(started.size(), kListed),
          fmt::join(
              started.begin(),
              started.begin() + std::min<int64_t>(static_cast<int64_t>(started.size()), kListed),
              ", ")));
    }
  }
  // The nearest ids of the same state and date (the id's first two parts), else of the same
  // state, by edit distance. Bounded: a miss costs at most kMaxCompared comparisons, however
  // large the store (the server answers misses too).
  constexpr int64_t kMaxCompared = 5'000;
  const std::string lower = base::ToLower(typed);
  const size_t state_end = lower.find('.');
  const size_t date_end =
      state_end == std::string::npos ? state_end : lower.find('.', state_end + 1);
  std::vector<std::string> candidates;
  for (const size_t end : {date_end, state_end}) {
    if (end == std::string::npos || !candidates.empty()) continue;
    ASSIGN_OR_RETURN(candidates, store::ReadRaceIdsWithPrefix(
                                     db, std::string_view(lower).substr(0, end + 1), kMaxCompared));
  }
  std::vector<std::pair<size_t, const std::string*>> nearest;
  for (const std::string& id : candidates) {
    nearest.emplace_back(base::EditDistance(lower, id), &id);
  }
  const size_t shown = std::min<size_t>(nearest.size(), 3);
  std::partial_sort(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(shown),
                    nearest.end());
  std::vector<std::string> names;
  for (size_t at = 0; at < shown; ++at) names.push_back(*nearest[at].second);
  return absl::NotFoundError(fmt::format(
      "no race '{}'{}{} (`downballot races` lists the race ids; filter with --state, --office, "
      "--stage)",
      typed, names.empty() ? "" : "; nearest: ", fmt::join(names, ", ")));
}

absl::StatusOr<RaceDetail> AnswerRace(store::Database& db, const std::string& race_id) {
  RaceDetail detail;
  ASSIGN_OR_RETURN(detail.race, FindRace(db, race_id));
  ASSIGN_OR_RETURN(detail.mismatches, store::ReadMismatches(db, detail.race.id));
  if (detail.race.level == model::OfficeLevel::kFederal) {
    ASSIGN_OR_RETURN(detail.fec_links, ReadFecLinks(db, std::span(&detail.race, 1)));
  }
  return detail;
}

nlohmann::json ToJson(const RaceDetail& detail) {
  const model::Race& race = detail.race;
  nlohmann::json candidates = nlohmann::json::array();
  for (const model::CandidateResult& candidate : race.candidates) {
    nlohmann::json lines = nlohmann::json::array();
    for (const model::PartyLineVotes& line : candidate.lines) {
      lines.push_back({{"party", line.party}, {"votes", line.votes}});
    }
    candidates.push_back({{"name", candidate.name},
                          {"votes", candidate.votes},
                          {"share", candidate.share},
                          {"rank", candidate.rank},
                          {"is_winner", candidate.is_winner},
                          {"is_incumbent", candidate.is_incumbent},
                          {"party_lines", std::move(lines)},
                          {"aliases", candidate.aliases}});
  }
  nlohmann::json mismatch_json = nlohmann::json::array();
  for (const model::ReconciliationMismatch& mismatch : detail.mismatches) {
    mismatch_json.push_back(MismatchJson(mismatch));
  }
  const nlohmann::json winners = WinnerNames(race);
  nlohmann::json set_aside = nlohmann::json::array();
  for (const model::SetAsideReturns& aside : race.set_aside) {
    set_aside.push_back({{"county", aside.county},
                         {"candidates", aside.candidates},
                         {"votes", aside.votes},
                         {"reason", aside.reason}});
  }
  nlohmann::json fec_links = nlohmann::json::array();
  for (const analysis::FecLink& link : detail.fec_links) {
    fec_links.push_back({{"candidate", link.candidate},
                         {"status", analysis::ToString(link.status)},
                         {"cand_id", link.cand_id},
                         {"fec_name", link.fec_name}});
  }
  nlohmann::json sub_tabulations = nlohmann::json::array();
  for (const model::SubTabulation& row : race.sub_tabulations) {
    sub_tabulations.push_back(
        {{"breakdown", row.breakdown}, {"candidate", row.candidate}, {"votes", row.votes}});
  }
  return {{"race_id", race.id},
          {"seat_id", model::MakeSeatId(race.key.seat)},
          {"state", race.key.seat.state},
          {"date", race.key.date.ToIso()},
          {"stage", model::ToString(race.key.stage)},
          {"party", race.key.party},
          {"office", race.key.seat.office},
          {"district", race.key.seat.district},
          {"jurisdiction", race.key.seat.jurisdiction},
          {"level", model::ToString(race.level)},
          {"seats", race.seats},
          {"is_seats_from_data", race.is_seats_from_data},
          {"winners", std::move(winners)},
          {"is_tied", race.is_tied},
          {"margin_votes", race.margin_votes},
          {"margin_share", race.margin_share},
          {"field_size", race.field_size},
          {"is_contested", race.is_contested},
          {"candidate_votes", race.candidate_votes},
          {"write_in_votes", race.write_in_votes},
          {"blank_void", race.blank_void},
          {"ballots_for_office", race.ballots_for_office},
          {"ballots_cast", race.ballots_cast},
          {"incumbent", race.incumbent},
          {"has_incumbent", race.has_incumbent},
          {"is_open_seat", race.is_open_seat},
          {"completeness", model::ToString(race.completeness)},
          {"conflict", race.conflict},
          {"counted_from", race.counted_from},
          {"counties", race.counties},
          {"decides_race_id", race.decides_race_id},
          {"decided_by_race_id", race.decided_by_race_id},
          {"candidates", std::move(candidates)},
          {"set_aside", std::move(set_aside)},
          {"sub_tabulations", std::move(sub_tabulations)},
          {"mismatches", std::move(mismatch_json)},
          {"fec_links", std::move(fec_links)}};
}

}  // namespace downballot::query
