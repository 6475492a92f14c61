#include "analysis/general_contests.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "base/strings.h"

namespace downballot::analysis {
namespace {

bool IsAllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Orders districts as a reader expects: "" (statewide), then 1, 2, ... 10 by number, then
// "AL" and named districts alphabetically.
struct DistrictOrder {
  bool operator()(const std::string& a, const std::string& b) const {
    const bool is_a_number = IsAllDigits(a);
    const bool is_b_number = IsAllDigits(b);
    if (a.empty() || b.empty()) return a.empty() && !b.empty();
    if (is_a_number != is_b_number) return is_a_number;
    if (is_a_number && a.size() != b.size()) return a.size() < b.size();
    return a < b;
  }
};

struct ContestKey {
  int year = 0;
  std::string state;
  std::string office;
  std::string district;
  bool is_special = false;
  std::string stage;

  bool operator<(const ContestKey& other) const {
    if (std::tie(year, state, office) != std::tie(other.year, other.state, other.office)) {
      return std::tie(year, state, office) < std::tie(other.year, other.state, other.office);
    }
    if (district != other.district) return DistrictOrder()(district, other.district);
    return std::tie(is_special, stage) < std::tie(other.is_special, other.stage);
  }
};

struct LineKey {
  std::string candidate;
  std::string party_raw;
  bool is_write_in = false;

  bool operator<(const LineKey& other) const {
    return std::tie(candidate, party_raw, is_write_in) <
           std::tie(other.candidate, other.party_raw, other.is_write_in);
  }
};

struct ContestLines {
  int64_t reported_total_votes = 0;
  std::map<LineKey, model::LineVotes> lines;
};

bool IsCandidateLine(const model::LineVotes& line) {
  return !line.is_write_in && !line.candidate.empty();
}

std::string ContestId(std::string_view source, const ContestKey& key) {
  std::string id = base::Slugify(source) + '.' + std::to_string(key.year) + '.' +
                   base::Slugify(key.state) + '.' + base::Slugify(key.office);
  if (!key.district.empty()) id += '.' + base::Slugify(key.district);
  if (key.is_special) id += ".special";
  // "gen" is what every general-election row says; only another stage (a runoff) needs to be
  // told apart from it.
  if (!key.stage.empty() && key.stage != "gen") id += '.' + base::Slugify(key.stage);
  return id;
}

}  // namespace

std::vector<model::GeneralContest> ContestsFromReturns(
    std::span<const model::GeneralReturn> returns, std::string_view source,
    std::string_view source_file) {
  std::map<ContestKey, ContestLines> by_contest;
  for (const model::GeneralReturn& row : returns) {
    ContestLines& contest = by_contest[ContestKey{row.year, row.state, row.office, row.district,
                                                  row.is_special, row.stage}];
    contest.reported_total_votes = std::max(contest.reported_total_votes, row.total_votes);
    model::LineVotes& line = contest.lines[LineKey{row.candidate, row.party_raw, row.is_write_in}];
    line.candidate = row.candidate;
    line.party = row.party;
    line.party_raw = row.party_raw;
    line.is_write_in = row.is_write_in;
    line.votes += row.candidate_votes;
  }

  std::vector<model::GeneralContest> contests;
  contests.reserve(by_contest.size());
  for (auto& [key, accumulated] : by_contest) {
    model::GeneralContest contest;
    contest.contest_id = ContestId(source, key);
    contest.source = std::string(source);
    contest.source_file = std::string(source_file);
    contest.year = key.year;
    contest.state = key.state;
    contest.office = key.office;
    contest.district = key.district;
    contest.is_special = key.is_special;
    contest.stage = key.stage;
    contest.reported_total_votes = accumulated.reported_total_votes;
    contest.is_complete = true;
    for (auto& [line_key, line] : accumulated.lines) contest.lines.push_back(std::move(line));
    std::sort(contest.lines.begin(), contest.lines.end(),
              [](const model::LineVotes& a, const model::LineVotes& b) {
                const bool is_a_candidate = IsCandidateLine(a);
                const bool is_b_candidate = IsCandidateLine(b);
                if (is_a_candidate != is_b_candidate) return is_a_candidate;
                if (a.votes != b.votes) return a.votes > b.votes;
                return std::tie(a.candidate, a.party_raw, a.is_write_in) <
                       std::tie(b.candidate, b.party_raw, b.is_write_in);
              });
    contests.push_back(std::move(contest));
  }
  return contests;
}

model::GeneralContest ContestFromRace(const model::Race& race) {
  model::GeneralContest contest;
  contest.contest_id = race.id;
  // A race whose totals come from MEDSL's file (docs/analysis.md "Each vote once") is MEDSL's.
  contest.source = race.is_counted_from_medsl ? "medsl" : "openelections";
  contest.source_file = race.counted_from;
  contest.is_special = race.key.stage == model::ElectionStage::kSpecial;
  contest.seats = race.seats;
  contest.year = race.key.date.year;
  contest.state = base::ToUpper(race.key.seat.state);
  contest.office = race.key.seat.office;
  contest.district = race.key.seat.district;
  contest.stage = "gen";
  contest.is_complete = race.completeness == model::Completeness::kComplete;
  for (const model::CandidateResult& candidate : race.candidates) {
    for (const model::PartyLineVotes& line : candidate.lines) {
      contest.lines.push_back(
          model::LineVotes{candidate.name, line.party, line.party, false, line.votes});
    }
  }
  if (race.write_in_votes > 0) {
    contest.lines.push_back(model::LineVotes{"", "", "", true, race.write_in_votes});
  }
  return contest;
}

base::Date GeneralElectionDay(int year) {
  // Day of the week of November 1 by Zeller's congruence (0 = Saturday, 1 = Sunday, 2 = Monday).
  constexpr int kNovember = 11;
  const int century_year = year % 100;
  const int century = year / 100;
  const int weekday = (1 + (13 * (kNovember + 1)) / 5 + century_year + century_year / 4 +
                       century / 4 + 5 * century) %
                      7;
  // Days from November 1 to the first Monday, then one more to its Tuesday.
  const int to_monday = (2 - weekday + 7) % 7;
  return base::Date{year, kNovember, 1 + to_monday + 1};
}

std::vector<model::VoteTally> TalliesFromGeneralReturns(
    std::span<const model::GeneralReturn> returns, int64_t file_id, std::string_view path) {
  using Key = std::tuple<int, std::string, std::string, std::string, bool, std::string, std::string,
                         std::string, bool>;
  std::map<Key, int64_t> votes;
  for (const model::GeneralReturn& row : returns) {
    if (row.stage != "gen") continue;
    votes[Key{row.year, row.state, row.office, row.district, row.is_special, row.county,
              row.candidate, row.party, row.is_write_in}] += row.candidate_votes;
  }
  std::vector<model::VoteTally> tallies;
  tallies.reserve(votes.size());
  for (const auto& [key, sum] : votes) {
    const auto& [year, state, office, district, is_special, county, candidate, party, is_write_in] =
        key;
    model::VoteTally tally;
    tally.race.seat.state = state;
    tally.race.seat.office = office;
    tally.race.seat.district = district;
    tally.race.date = GeneralElectionDay(year);
    const bool is_classed_senate = office == "U.S. Senate" && !district.empty();
    tally.race.stage = is_special && !is_classed_senate ? model::ElectionStage::kSpecial
                                                        : model::ElectionStage::kGeneral;
    tally.level = office == "U.S. House" || office == "U.S. Senate" ? model::OfficeLevel::kFederal
                                                                    : model::OfficeLevel::kState;
    tally.file_id = file_id;
    tally.source = "medsl";
    tally.source_path = std::string(path);
    tally.county = county;
    tally.geography =
        county.empty() ? model::GeographyLevel::kContest : model::GeographyLevel::kCounty;
    tally.seats = 1;
    tally.is_statewide = office == "U.S. Senate" || district == "AL" || district.empty();
    tally.kind = is_write_in         ? model::RowKind::kWriteIn
                 : candidate.empty() ? model::RowKind::kBlankVoid
                                     : model::RowKind::kCandidate;
    tally.candidate = candidate;
    tally.party = party;
    tally.votes = sum;
    tallies.push_back(std::move(tally));
  }
  return tallies;
}

}  // namespace downballot::analysis
