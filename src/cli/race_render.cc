#include "cli/race_render.h"

#include <string>
#include <vector>

#include "fmt/format.h"

namespace downballot::cli {
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
std::string Winners(const model::Race& race) {
  return fmt::format("{}", fmt::join(WinnerNames(race), " and "));
}

std::string SeatsText(const model::Race& race) {
  if (race.seats == 0) return "unknown (the office elects several; the files do not say how many)";
  return fmt::format("{} ({})", race.seats,
                     race.is_seats_from_data ? "the file says vote for N" : "office table");
}

std::string CandidateSummary(const model::Race& race) {
  std::string summary;
  for (const model::CandidateResult& candidate : race.candidates) {
    if (!summary.empty()) summary += "; ";
    summary += fmt::format("{} {}", candidate.name, candidate.votes);
  }
  return summary;
}

std::string Lines(const model::CandidateResult& candidate) {
  std::string text;
  for (const model::PartyLineVotes& line : candidate.lines) {
    if (!text.empty()) text += " + ";
    text += fmt::format("{} {}", line.party.empty() ? "(none)" : line.party, line.votes);
  }
  return text;
}

Table CandidateTable(const model::Race& race) {
  Table table{
      {"rank", "candidate", "votes", "share", "winner", "incumbent", "party_lines", "aliases"}, {}};
  for (const model::CandidateResult& candidate : race.candidates) {
    table.rows.push_back({int64_t{candidate.rank}, candidate.name, candidate.votes, candidate.share,
                          candidate.is_winner, candidate.is_incumbent, Lines(candidate),
                          fmt::format("{}", fmt::join(candidate.aliases, "; "))});
  }
  return table;
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

Table RaceListTable(std::span<const model::Race> races) {
  Table table{{"race_id", "date", "stage", "party", "office", "district", "jurisdiction", "level",
               "candidates", "winner", "margin_votes", "ballots_for_office", "completeness"},
              {}};
  for (const model::Race& race : races) {
    const std::string winners = Winners(race);
    table.rows.push_back(
        {race.id, race.key.date.ToIso(), std::string(model::ToString(race.key.stage)),
         race.key.party, race.key.seat.office, race.key.seat.district, race.key.seat.jurisdiction,
         std::string(model::ToString(race.level)), CandidateSummary(race),
         winners.empty() ? Cell() : Cell(winners), race.margin_votes, race.ballots_for_office,
         std::string(model::ToString(race.completeness))});
  }
  return table;
}

nlohmann::json RaceJson(const model::Race& race,
                        std::span<const model::ReconciliationMismatch> mismatches) {
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
  for (const model::ReconciliationMismatch& mismatch : mismatches) {
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
          {"mismatches", std::move(mismatch_json)}};
}

void RenderRaceDetail(const model::Race& race,
                      std::span<const model::ReconciliationMismatch> mismatches,
                      OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    RenderJson(RaceJson(race, mismatches), out);
    return;
  }
  if (format == OutputFormat::kCsv) {
    Render(CandidateTable(race), format, out);
    return;
  }
  const std::string winners = Winners(race);
  out << fmt::format("race        {}\n", race.id);
  out << fmt::format(
      "office      {}{}{}\n", race.key.seat.office,
      race.key.seat.district.empty() ? "" : " " + race.key.seat.district,
      race.key.seat.jurisdiction.empty() ? "" : " (" + race.key.seat.jurisdiction + ")");
  out << fmt::format("election    {} {}{}\n", race.key.date.ToIso(),
                     model::ToString(race.key.stage),
                     race.key.party.empty() ? "" : " " + race.key.party);
  out << fmt::format("level       {}\n", model::ToString(race.level));
  out << fmt::format("seats       {}\n", SeatsText(race));
  if (!race.decides_race_id.empty()) {
    out << fmt::format("decides     {} (a runoff: the winner needs a majority, 50% + 1 vote)\n",
                       race.decides_race_id);
  }
  if (!race.decided_by_race_id.empty()) {
    out << fmt::format("runoff      no one won outright; the leaders met again in {}\n",
                       race.decided_by_race_id);
  }
  if (!winners.empty()) {
    out << fmt::format("winner      {} by {} vote{} ({:.1f} points{})\n", winners,
                       race.margin_votes, race.margin_votes == 1 ? "" : "s",
                       race.margin_share * 100,
                       race.seats > 1 ? ", over the first candidate not elected" : "");
  }
  if (race.is_tied) {
    out << "tie         the last seat is tied: the returns do not say who won it\n";
  }
  if (!race.conflict.empty()) {
    out << fmt::format("conflict    {}: no winner is named\n", race.conflict);
  }
  out << fmt::format(
      "ballots     {} for the office ({} for candidates, {} write-in, {} blank/void)\n",
      race.ballots_for_office, race.candidate_votes, race.write_in_votes, race.blank_void);
  out << fmt::format("incumbent   {}\n",
                     race.incumbent.empty() ? "unknown (no earlier race for this seat loaded)"
                     : race.has_incumbent   ? race.incumbent + " (running)"
                                            : race.incumbent + " (not running: open seat)");
  std::string counties;
  for (const std::string& county : race.counties)
    counties += (counties.empty() ? "" : ", ") + county;
  if (counties.empty()) {
    // A race counted from a whole-contest source alone (MEDSL, a state-level file).
    out << fmt::format("returns     {} (no county returns)\n", model::ToString(race.completeness));
  } else {
    out << fmt::format("returns     {} from {} ({} by county file, {} by precinct sums)\n",
                       model::ToString(race.completeness), counties, race.num_county_counties,
                       race.num_precinct_counties);
  }
  out << fmt::format("counted     {}\n\n",
                     race.counted_from.empty() ? "no returns" : race.counted_from);
  Render(CandidateTable(race), format, out);
  if (!race.set_aside.empty()) {
    out << "\nreturns set aside (they name another contest)\n";
    Table table{{"county", "votes", "candidates", "reason"}, {}};
    for (const model::SetAsideReturns& aside : race.set_aside) {
      table.rows.push_back({aside.county, aside.votes,
                            fmt::format("{}", fmt::join(aside.candidates, "; ")), aside.reason});
    }
    Render(table, format, out);
  }
  if (!race.sub_tabulations.empty()) {
    out << "\nsub-tabulations (the contest broken down by another geography; not counted)\n";
    Table table{{"breakdown", "candidate", "votes"}, {}};
    for (const model::SubTabulation& row : race.sub_tabulations) {
      table.rows.push_back({row.breakdown, row.candidate, row.votes});
    }
    Render(table, format, out);
  }
  if (!mismatches.empty()) {
    out << "\nsources that disagree (the first counts)\n";
    Table table{
        {"county", "candidate", "counted_votes", "counted_source", "other_votes", "other_source"},
        {}};
    for (const model::ReconciliationMismatch& mismatch : mismatches) {
      table.rows.push_back({mismatch.county.empty() ? "(whole contest)" : mismatch.county,
                            mismatch.candidate, mismatch.counted_votes, mismatch.counted_source,
                            mismatch.other_votes, mismatch.other_source});
    }
    Render(table, format, out);
  }
}

}  // namespace downballot::cli
