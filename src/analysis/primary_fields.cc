#include "analysis/primary_fields.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <tuple>

#include "base/strings.h"
#include "model/race.h"

namespace downballot::analysis {
namespace {

constexpr double kLeanScale = 10.0;  // points of lean per unit of the interaction feature

std::string LastNumber(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && std::isdigit(static_cast<unsigned char>(text[end - 1])) == 0) --end;
  size_t begin = end;
  while (begin > 0 && std::isdigit(static_cast<unsigned char>(text[begin - 1])) != 0) --begin;
  return std::string(text.substr(begin, end - begin));
}

}  // namespace

std::string NormalizedOffice(const model::PrimaryCandidacy& candidacy) {
  const std::string& office = candidacy.office_type;
  if (base::StartsWithIgnoreCase(office, "Representative")) return "U.S. House";
  if (base::StartsWithIgnoreCase(office, "Senator")) return "U.S. Senate";
  if (base::StartsWithIgnoreCase(office, "Governor")) return "Governor";
  return office;
}

std::string NormalizedDistrict(const model::PrimaryCandidacy& candidacy) {
  if (NormalizedOffice(candidacy) != "U.S. House") return "";
  if (base::ContainsIgnoreCase(candidacy.district, "large")) return "AL";
  std::string number = LastNumber(candidacy.district);
  // "U.S. House Ohio District 012" and "12" name the same district.
  while (number.size() > 1 && number.front() == '0') number.erase(number.begin());
  return number;
}

std::vector<PrimaryRace> GroupPrimaries(std::span<const model::PrimaryCandidacy> candidacies) {
  std::vector<PrimaryRace> races;
  std::map<std::string, size_t> index_of_id;
  for (size_t idx = 0; idx < candidacies.size(); ++idx) {
    const model::PrimaryCandidacy& c = candidacies[idx];
    model::RaceKey key;
    key.seat.state = c.state;
    key.seat.office = NormalizedOffice(c);
    key.seat.district = NormalizedDistrict(c);
    key.date = c.primary_date.value_or(base::Date{});
    key.stage = model::ElectionStage::kPrimary;
    key.party = c.party;
    const bool is_special = base::EqualsIgnoreCase(base::Trim(c.race_type), "Special");
    std::string id = model::MakeRaceId(key);
    if (is_special) id += ".special";
    auto [it, is_new] = index_of_id.emplace(id, races.size());
    if (is_new) {
      PrimaryRace race;
      race.race_id = id;
      race.cycle = c.cycle;
      race.state = c.state;
      race.party = c.party;
      race.office = key.seat.office;
      race.district = key.seat.district;
      race.is_special = is_special;
      races.push_back(std::move(race));
    }
    races[it->second].candidacies.push_back(idx);
  }
  return races;
}

EndorsementCounts CountEndorsements(const model::PrimaryCandidacy& candidacy) {
  EndorsementCounts counts;
  for (const model::EndorsementCell& cell : candidacy.endorsements) {
    if (cell.is_party_committee) {
      counts.party_for = counts.party_for || cell.value == model::Endorsement::kYes;
      counts.party_against = counts.party_against || cell.value == model::Endorsement::kNo;
    } else if (cell.value == model::Endorsement::kYes) {
      ++counts.groups_for;
    } else if (cell.value == model::Endorsement::kNo) {
      ++counts.groups_against;
    }
  }
  return counts;
}

model::PrimaryField MakePrimaryField(const PrimaryRace& race,
                                     std::span<const model::PrimaryCandidacy> candidacies,
                                     std::span<const std::optional<int64_t>> receipts_cents) {
  model::PrimaryField field;
  field.race_id = race.race_id;
  field.cycle = race.cycle;
  field.state = race.state;
  field.party = race.party;
  field.office = race.office;
  field.district = race.district;

  std::vector<EndorsementCounts> counts;
  int most_endorsements = 0;
  for (size_t idx : race.candidacies) {
    counts.push_back(CountEndorsements(candidacies[idx]));
    most_endorsements = std::max(most_endorsements, counts.back().groups_for);
  }
  const auto num_leaders = std::count_if(counts.begin(), counts.end(), [&](const auto& count) {
    return count.groups_for == most_endorsements;
  });
  const double log_field = std::log(static_cast<double>(race.candidacies.size()));
  const auto receipts_of = [&](size_t idx) -> int64_t {
    if (idx >= receipts_cents.size() || !receipts_cents[idx].has_value()) return 0;
    return std::max<int64_t>(0, *receipts_cents[idx]);
  };
  int64_t race_receipts = 0;
  for (size_t idx : race.candidacies) race_receipts += receipts_of(idx);

  for (size_t pos = 0; pos < race.candidacies.size(); ++pos) {
    const model::PrimaryCandidacy& c = candidacies[race.candidacies[pos]];
    const EndorsementCounts& count = counts[pos];
    const double is_endorsed = count.groups_for > 0 ? 1.0 : 0.0;
    // The lean towards the candidate's own party: D+10 helps Democrats, hurts Republicans.
    const double party_lean = c.partisan_lean.has_value()
                                  ? (c.party == "REP" ? -*c.partisan_lean : *c.partisan_lean)
                                  : 0.0;
    model::FieldCandidate candidate;
    candidate.name = c.candidate;
    candidate.source_line = c.line;
    candidate.won = c.won_primary;
    candidate.features = {
        c.incumbent.value_or(false) ? 1.0 : 0.0,
        c.elected_official.value_or(false) ? 1.0 : 0.0,
        c.self_funder.value_or(false) ? 1.0 : 0.0,
        std::log1p(static_cast<double>(count.groups_for)),
        std::log1p(static_cast<double>(count.groups_against)),
        count.party_for ? 1.0 : 0.0,
        count.party_against ? 1.0 : 0.0,
        most_endorsements > 0 && num_leaders == 1 && count.groups_for == most_endorsements ? 1.0
                                                                                           : 0.0,
        is_endorsed * log_field,
        is_endorsed * party_lean / kLeanScale,
        race_receipts > 0 ? static_cast<double>(receipts_of(race.candidacies[pos])) /
                                static_cast<double>(race_receipts)
                          : 0.0,
    };
    field.candidates.push_back(std::move(candidate));
  }
  return field;
}

model::Race RaceFromPrimary(const PrimaryRace& race,
                            std::span<const model::PrimaryCandidacy> candidacies) {
  model::Race result;
  result.id = race.race_id;
  result.key.seat.state = race.state;
  result.key.seat.office = race.office;
  result.key.seat.district = race.district;
  result.key.stage = model::ElectionStage::kPrimary;
  result.key.party = race.party;
  for (size_t idx : race.candidacies) {
    const model::PrimaryCandidacy& candidacy = candidacies[idx];
    result.key.date = candidacy.primary_date.value_or(base::Date{});
    model::CandidateResult candidate;
    candidate.name = candidacy.candidate;
    result.candidates.push_back(std::move(candidate));
  }
  return result;
}

model::PrimaryField FieldFromRace(const model::Race& race) {
  model::PrimaryField field;
  field.race_id = race.id;
  field.cycle = race.key.date.year;
  field.state = base::ToUpper(race.key.seat.state);
  field.party = base::ToUpper(race.key.party);
  field.office = race.key.seat.office;
  field.district = race.key.seat.district;
  for (const model::CandidateResult& result : race.candidates) {
    model::FieldCandidate candidate;
    candidate.name = result.name;
    candidate.features.assign(kForecastFeatureNames.size(), 0.0);
    candidate.features[kIncumbentFeature] = result.is_incumbent ? 1.0 : 0.0;
    candidate.won = result.is_winner;
    field.candidates.push_back(std::move(candidate));
  }
  return field;
}

int WinnerIndex(const model::PrimaryField& field) {
  int winner = -1;
  for (size_t idx = 0; idx < field.candidates.size(); ++idx) {
    const std::optional<bool>& won = field.candidates[idx].won;
    if (!won.has_value()) return -1;
    if (*won) {
      if (winner >= 0) return -1;
      winner = static_cast<int>(idx);
    }
  }
  return winner;
}

}  // namespace downballot::analysis
