#include "analysis/fec_link.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "analysis/candidate_name.h"
#include "base/strings.h"

namespace downballot::analysis {
namespace {

// The FEC's one-letter office for a canonical office name, or "" for a non-federal office.
std::string_view FecOffice(std::string_view office) {
  if (office == "U.S. House") return "H";
  if (office == "U.S. Senate") return "S";
  if (office == "President") return "P";
  return "";
}

// "14", "04" -> "14", "4"; "00", "0", "AL", "" -> "AL" (at-large or statewide).
std::string DistrictKey(std::string_view district) {
  std::string_view trimmed = base::Trim(district);
  while (trimmed.size() > 1 && trimmed.front() == '0') trimmed.remove_prefix(1);
  if (trimmed.empty() || trimmed == "0" || base::EqualsIgnoreCase(trimmed, "AL")) return "AL";
  return std::string(trimmed);
}

using Seat = std::tuple<std::string, std::string, std::string>;  // office, state, district

// The distinct CAND_IDs among `candidates` whose name matches `key`, preferring those whose
// election year is `year`: cn lists a candidate under their latest election year only, so an
// incumbent's earlier races are matched by seat and name.
std::vector<const model::FecCandidate*> Matches(
    const std::vector<const model::FecCandidate*>& candidates, const std::string& key, int year) {
  std::map<std::string, const model::FecCandidate*> same_year;
  std::map<std::string, const model::FecCandidate*> any_year;
  for (const model::FecCandidate* candidate : candidates) {
    if (NameMatchKey(candidate->name) != key) continue;
    any_year.emplace(candidate->cand_id, candidate);
    if (candidate->election_year == year) same_year.emplace(candidate->cand_id, candidate);
  }
  const auto& chosen = same_year.empty() ? any_year : same_year;
  std::vector<const model::FecCandidate*> matches;
  for (const auto& [cand_id, candidate] : chosen) matches.push_back(candidate);
  return matches;
}

}  // namespace

std::string_view ToString(FecLinkStatus status) {
  switch (status) {
    case FecLinkStatus::kLinked:
      return "linked";
    case FecLinkStatus::kUnlinked:
      return "unlinked";
    case FecLinkStatus::kAmbiguous:
      return "ambiguous";
  }
  return "unlinked";
}

std::optional<FecLinkStatus> ParseFecLinkStatus(std::string_view text) {
  for (const FecLinkStatus status :
       {FecLinkStatus::kLinked, FecLinkStatus::kUnlinked, FecLinkStatus::kAmbiguous}) {
    if (ToString(status) == text) return status;
  }
  return std::nullopt;
}

std::vector<FecLink> LinkFecCandidates(std::span<const model::Race> races,
                                       std::span<const model::FecCandidate> fec) {
  std::map<Seat, std::vector<const model::FecCandidate*>> by_seat;
  for (const model::FecCandidate& candidate : fec) {
    const std::string district =
        candidate.office == "H" ? DistrictKey(candidate.office_district) : std::string("AL");
    by_seat[{candidate.office, base::ToUpper(candidate.office_state), district}].push_back(
        &candidate);
  }
  std::vector<FecLink> links;
  for (const model::Race& race : races) {
    const std::string_view office = FecOffice(race.key.seat.office);
    if (office.empty()) continue;
    const std::string district =
        office == "H" ? DistrictKey(race.key.seat.district) : std::string("AL");
    const auto seat =
        by_seat.find({std::string(office), base::ToUpper(race.key.seat.state), district});
    for (const model::CandidateResult& candidate : race.candidates) {
      FecLink link{race.id, candidate.name, "", "", FecLinkStatus::kUnlinked};
      if (seat != by_seat.end()) {
        const std::string key = NameMatchKey(candidate.name);
        const std::vector<const model::FecCandidate*> matches =
            key.empty() ? std::vector<const model::FecCandidate*>()
                        : Matches(seat->second, key, race.key.date.year);
        if (matches.size() == 1) {
          link.cand_id = matches.front()->cand_id;
          link.fec_name = matches.front()->name;
          link.status = FecLinkStatus::kLinked;
        } else if (matches.size() > 1) {
          link.status = FecLinkStatus::kAmbiguous;
        }
      }
      links.push_back(std::move(link));
    }
  }
  std::sort(links.begin(), links.end(), [](const FecLink& a, const FecLink& b) {
    return std::tie(a.race_id, a.candidate) < std::tie(b.race_id, b.candidate);
  });
  return links;
}

}  // namespace downballot::analysis
