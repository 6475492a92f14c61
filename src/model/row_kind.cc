#include "model/row_kind.h"

#include <array>
#include <utility>

#include "base/strings.h"

namespace downballot::model {
namespace {

constexpr std::array<std::pair<RowKind, std::string_view>, 10> kNames = {{
    {RowKind::kCandidate, "candidate"},
    {RowKind::kWriteIn, "write_in"},
    {RowKind::kBlankVoid, "blank_void"},
    {RowKind::kOverVote, "over_vote"},
    {RowKind::kUnderVote, "under_vote"},
    {RowKind::kBallotsCast, "ballots_cast"},
    {RowKind::kRegisteredVoters, "registered_voters"},
    {RowKind::kBallotType, "ballot_type"},
    {RowKind::kTotalVotes, "total_votes"},
    {RowKind::kRepeat, "repeat"},
}};

}  // namespace

std::string_view ToString(RowKind kind) {
  for (const auto& [value, name] : kNames) {
    if (value == kind) return name;
  }
  return "unknown";
}

std::optional<RowKind> ParseRowKind(std::string_view text) {
  for (const auto& [value, name] : kNames) {
    if (base::EqualsIgnoreCase(name, text)) return value;
  }
  return std::nullopt;
}

bool IsVoteForOffice(RowKind kind) {
  return kind == RowKind::kCandidate || kind == RowKind::kWriteIn;
}

}  // namespace downballot::model
