#include "cli/race_render.h"

#include <string>
#include <vector>

#include "fmt/format.h"
#include "query/races.h"

namespace downballot::cli {
namespace {

std::string SeatsText(const model::Race& race) {
  if (race.seats == 0) return "unknown (the office elects several; the files do not say how many)";
  return fmt::format("{} ({})", race.seats,
                     race.is_seats_from_data ? "the file says vote for N" : "office table");
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

}  // namespace

void RenderRaceDetail(const query::RaceDetail& detail, OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    RenderJson(query::ToJson(detail), out);
    return;
  }
  const model::Race& race = detail.race;
  const std::vector<model::ReconciliationMismatch>& mismatches = detail.mismatches;
  if (format == OutputFormat::kCsv) {
    Render(CandidateTable(race), format, out, TerminalWidth());
    return;
  }
  const std::string winners = query::JoinedWinners(race);
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
  Render(CandidateTable(race), format, out, TerminalWidth());
  if (!race.set_aside.empty()) {
    out << "\nreturns set aside (they name another contest)\n";
    Table table{{"county", "votes", "candidates", "reason"}, {}};
    for (const model::SetAsideReturns& aside : race.set_aside) {
      table.rows.push_back({aside.county, aside.votes,
                            fmt::format("{}", fmt::join(aside.candidates, "; ")), aside.reason});
    }
    Render(table, format, out, TerminalWidth());
  }
  if (!race.sub_tabulations.empty()) {
    out << "\nsub-tabulations (the contest broken down by another geography; not counted)\n";
    Table table{{"breakdown", "candidate", "votes"}, {}};
    for (const model::SubTabulation& row : race.sub_tabulations) {
      table.rows.push_back({row.breakdown, row.candidate, row.votes});
    }
    Render(table, format, out, TerminalWidth());
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
    Render(table, format, out, TerminalWidth());
  }
}

}  // namespace downballot::cli
