#include "cli/race_render.h"

#include "fmt/format.h"

namespace downballot::cli {
namespace {

const model::CandidateResult* Winner(const model::Race& race) {
  for (const model::CandidateResult& candidate : race.candidates) {
    if (candidate.is_winner) return &candidate;
  }
  return nullptr;
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
  Table table{{"rank", "candidate", "votes", "share", "winner", "incumbent", "party_lines"}, {}};
  for (const model::CandidateResult& candidate : race.candidates) {
    table.rows.push_back({int64_t{candidate.rank}, candidate.name, candidate.votes,
                          candidate.share, candidate.is_winner, candidate.is_incumbent,
                          Lines(candidate)});
  }
  return table;
}

}  // namespace

Table RaceListTable(std::span<const model::Race> races) {
  Table table{{"race_id", "date", "stage", "party", "office", "district", "jurisdiction", "level",
               "candidates", "winner", "margin_votes", "ballots_for_office", "completeness"},
              {}};
  for (const model::Race& race : races) {
    const model::CandidateResult* winner = Winner(race);
    table.rows.push_back({race.id, race.key.date.ToIso(), std::string(model::ToString(race.key.stage)),
                          race.key.party, race.key.seat.office, race.key.seat.district,
                          race.key.seat.jurisdiction, std::string(model::ToString(race.level)),
                          CandidateSummary(race), winner ? Cell(winner->name) : Cell(),
                          race.margin_votes, race.ballots_for_office,
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
                          {"party_lines", std::move(lines)}});
  }
  nlohmann::json mismatch_json = nlohmann::json::array();
  for (const model::ReconciliationMismatch& mismatch : mismatches) {
    mismatch_json.push_back({{"county", mismatch.county},
                             {"candidate", mismatch.candidate},
                             {"county_file_votes", mismatch.county_file_votes},
                             {"precinct_sum_votes", mismatch.precinct_sum_votes}});
  }
  const model::CandidateResult* winner = Winner(race);
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
          {"winner", winner ? nlohmann::json(winner->name) : nlohmann::json(nullptr)},
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
          {"counties", race.counties},
          {"candidates", std::move(candidates)},
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
  const model::CandidateResult* winner = Winner(race);
  out << fmt::format("race        {}\n", race.id);
  out << fmt::format("office      {}{}{}\n", race.key.seat.office,
                     race.key.seat.district.empty() ? "" : " " + race.key.seat.district,
                     race.key.seat.jurisdiction.empty() ? "" : " (" + race.key.seat.jurisdiction + ")");
  out << fmt::format("election    {} {} {}\n", race.key.date.ToIso(), model::ToString(race.key.stage),
                     race.key.party);
  out << fmt::format("level       {}\n", model::ToString(race.level));
  if (winner != nullptr) {
    out << fmt::format("winner      {} by {} votes ({:.1f} points)\n", winner->name,
                       race.margin_votes, race.margin_share * 100);
  }
  out << fmt::format("ballots     {} for the office ({} for candidates, {} write-in, {} blank/void)\n",
                     race.ballots_for_office, race.candidate_votes, race.write_in_votes,
                     race.blank_void);
  out << fmt::format("incumbent   {}\n",
                     race.incumbent.empty() ? "unknown (no earlier race for this seat loaded)"
                     : race.has_incumbent   ? race.incumbent + " (running)"
                                            : race.incumbent + " (not running: open seat)");
  std::string counties;
  for (const std::string& county : race.counties) counties += (counties.empty() ? "" : ", ") + county;
  out << fmt::format("returns     {} from {} ({} by county file, {} by precinct sums)\n\n",
                     model::ToString(race.completeness), counties, race.num_county_counties,
                     race.num_precinct_counties);
  Render(CandidateTable(race), format, out);
  if (!mismatches.empty()) {
    out << "\nprecinct sums that disagree with the county file\n";
    Table table{{"county", "candidate", "county_file_votes", "precinct_sum_votes"}, {}};
    for (const model::ReconciliationMismatch& mismatch : mismatches) {
      table.rows.push_back({mismatch.county, mismatch.candidate, mismatch.county_file_votes,
                            mismatch.precinct_sum_votes});
    }
    Render(table, format, out);
  }
}

}  // namespace downballot::cli
