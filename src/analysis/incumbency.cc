#include "analysis/incumbency.h"

#include <map>
#include <string>
#include <vector>

#include "analysis/candidate_name.h"
#include "fmt/format.h"

namespace downballot::analysis {
namespace {

bool IsSeatFillingStage(model::ElectionStage stage) { return model::IsOfficeStage(stage); }

// Later date wins; on one date a general beats a special, because when NY holds a special for
// an unexpired term on general-election day, the general's winner holds the seat afterwards.
bool IsLater(const model::Race& a, const model::Race& b) {
  if (a.key.date != b.key.date) return a.key.date > b.key.date;
  return a.key.stage == model::ElectionStage::kGeneral &&
         b.key.stage != model::ElectionStage::kGeneral;
}

// The race whose winner holds `race`'s seat on its date, or nullptr when none is loaded.
const model::Race* PreviousSeatRace(const model::Race& race,
                                    const std::vector<const model::Race*>& seat_races) {
  const bool is_party_seat = race.level == model::OfficeLevel::kParty;
  const model::Race* best = nullptr;
  for (const model::Race* earlier : seat_races) {
    if (earlier->key.date >= race.key.date) continue;
    if (is_party_seat) {
      // A party seat is filled in its party's primary; the other party's seat of the same name
      // is a different post.
      if (!model::IsPartyStage(earlier->key.stage)) continue;
      if (race.key.party.empty() || earlier->key.party != race.key.party) continue;
    } else if (!IsSeatFillingStage(earlier->key.stage)) {
      continue;
    }
    if (best == nullptr || IsLater(*earlier, *best)) best = earlier;
  }
  return best;
}

// The winners' names, several where the seat elects several.
std::vector<std::string> Winners(const model::Race& race) {
  std::vector<std::string> names;
  for (const model::CandidateResult& candidate : race.candidates) {
    if (candidate.is_winner) names.push_back(candidate.name);
  }
  return names;
}

}  // namespace

void ApplyIncumbency(std::vector<model::Race>& races) {
  std::map<model::SeatKey, std::vector<const model::Race*>> by_seat;
  for (const model::Race& race : races) by_seat[race.key.seat].push_back(&race);

  // Decide every incumbent before writing any, so the result does not depend on race order.
  std::vector<std::vector<std::string>> incumbents(races.size());
  for (size_t race_idx = 0; race_idx < races.size(); ++race_idx) {
    const model::Race& race = races[race_idx];
    const model::Race* previous = PreviousSeatRace(race, by_seat[race.key.seat]);
    // A partial race's winner may not be the winner; a conflicting race's returns belong to
    // another contest; and a conflicting race cannot say whether its seat's holder ran.
    if (previous == nullptr || previous->completeness == model::Completeness::kPartial ||
        previous->completeness == model::Completeness::kConflicting ||
        race.completeness == model::Completeness::kConflicting) {
      continue;
    }
    incumbents[race_idx] = Winners(*previous);
  }

  for (size_t race_idx = 0; race_idx < races.size(); ++race_idx) {
    model::Race& race = races[race_idx];
    race.has_incumbent = false;
    race.is_open_seat = false;
    race.incumbent.clear();
    for (model::CandidateResult& candidate : race.candidates) candidate.is_incumbent = false;
    std::vector<std::string> names;
    for (const std::string& incumbent : incumbents[race_idx]) {
      const std::string incumbent_key = NameMatchKey(incumbent);
      if (incumbent_key.empty()) continue;
      names.push_back(incumbent);
      // One candidate per incumbent: an exact spelling beats a loose match, and among loose
      // matches ("John A. Smith" and "John B. Smith" share a key) the top vote-getter is taken.
      model::CandidateResult* match = nullptr;
      const std::string incumbent_spelling = SpellingKey(incumbent);
      for (model::CandidateResult& candidate : race.candidates) {
        if (SpellingKey(candidate.name) == incumbent_spelling) {
          match = &candidate;
          break;
        }
        if (match == nullptr && NameMatchKey(candidate.name) == incumbent_key) match = &candidate;
      }
      if (match != nullptr) {
        match->is_incumbent = true;
        race.has_incumbent = true;
      }
    }
    if (names.empty()) continue;
    // Several members elected together are several incumbents ("A; B"); the seat is open only
    // when none of them runs.
    race.incumbent = fmt::format("{}", fmt::join(names, "; "));
    race.is_open_seat = !race.has_incumbent;
  }
}

}  // namespace downballot::analysis
