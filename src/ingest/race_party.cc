#include "ingest/race_party.h"

#include <map>
#include <string>
#include <tuple>

#include "ingest/party_normalizer.h"
#include "model/party.h"

namespace downballot::ingest {
namespace {

using GroupKey = std::tuple<std::string, std::string, std::string, std::string>;

GroupKey KeyOf(const model::ResultRow& row) {
  return {row.county, row.precinct, row.office_raw, row.district};
}

constexpr const char* kMixedParties = "\x01mixed";

// The party of each row from its own party cell, else from the candidates beside it.
void AssignFromRows(std::span<model::ResultRow> rows) {
  std::map<GroupKey, std::string> group_party;
  for (const model::ResultRow& row : rows) {
    if (row.party.empty()) continue;
    auto [it, inserted] = group_party.emplace(KeyOf(row), row.party);
    if (!inserted && it->second != row.party) it->second = kMixedParties;
  }
  for (model::ResultRow& row : rows) {
    // A nonpartisan contest on a primary ballot (Wisconsin's spring primary, NC's school
    // boards) is no party's primary.
    if (row.party == model::kNonpartisan) {
      row.race_party.clear();
      continue;
    }
    if (!row.party.empty()) {
      row.race_party = row.party;
      continue;
    }
    const auto it = group_party.find(KeyOf(row));
    row.race_party = (it == group_party.end() || it->second == kMixedParties ||
                      it->second == model::kNonpartisan)
                         ? ""
                         : it->second;
  }
}

}  // namespace

void AssignRaceParties(const model::ResultFileInfo& info, const OfficeTable& offices,
                       std::span<model::ResultRow> rows) {
  if (!model::IsPartyStage(info.stage)) {
    for (model::ResultRow& row : rows) row.race_party.clear();
    return;
  }
  if (!info.party.empty()) {
    // A party's file may still list a nonpartisan contest beside its own.
    for (model::ResultRow& row : rows) {
      row.race_party = row.party == model::kNonpartisan ? "" : info.party;
    }
  } else {
    AssignFromRows(rows);
  }
  // An all-party primary is one contest of every party's candidates; only party offices
  // (central committees) are a party's own.
  if (offices.IsAllPartyPrimary(info.state, info.date.year)) {
    for (model::ResultRow& row : rows) {
      if (row.level != model::OfficeLevel::kParty) row.race_party.clear();
    }
  }
}

}  // namespace downballot::ingest
