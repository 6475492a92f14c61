#include "model/race.h"

#include <string>

#include "base/strings.h"

namespace downballot::model {

std::string MakeSeatId(const SeatKey& key) {
  std::string id = base::Slugify(key.state);
  for (const std::string* part : {&key.jurisdiction, &key.office, &key.district}) {
    if (part->empty()) continue;
    id += '.';
    id += base::Slugify(*part);
  }
  return id;
}

std::string MakeRaceId(const RaceKey& key) {
  std::string id = base::Slugify(key.seat.state) + '.' + key.date.ToIso() + '.' +
                   std::string(ToString(key.stage));
  if (!key.party.empty()) id += '.' + base::Slugify(key.party);
  for (const std::string* part : {&key.seat.jurisdiction, &key.seat.office, &key.seat.district}) {
    if (part->empty()) continue;
    id += '.';
    id += base::Slugify(*part);
  }
  return id;
}

std::string_view ToString(Completeness completeness) {
  switch (completeness) {
    case Completeness::kComplete:
      return "complete";
    case Completeness::kPartial:
      return "partial";
    case Completeness::kUnverified:
      return "unverified";
    case Completeness::kConflicting:
      return "conflicting";
  }
  return "unknown";
}

std::optional<Completeness> ParseCompleteness(std::string_view text) {
  for (const Completeness value : {Completeness::kComplete, Completeness::kPartial,
                                   Completeness::kUnverified, Completeness::kConflicting}) {
    if (ToString(value) == text) return value;
  }
  return std::nullopt;
}

}  // namespace downballot::model
