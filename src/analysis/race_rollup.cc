#include "analysis/race_rollup.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "analysis/candidate_name.h"
#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::analysis {
namespace {

using model::GeographyLevel;
using model::RowKind;
using model::VoteTally;

constexpr std::string_view kMedsl = "medsl";

bool HasLowercase(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Files disagree on case ("SUFFOLK" in the statewide county file, "Suffolk" in precinct files).
// A mixed-case spelling reads better; ties go to the smaller string so the choice does not
// depend on the order tallies arrive in.
void KeepBetterSpelling(std::string& current, const std::string& seen) {
  if (current.empty()) {
    current = seen;
    return;
  }
  const bool seen_mixed = HasLowercase(seen);
  const bool current_mixed = HasLowercase(current);
  if (seen_mixed != current_mixed ? seen_mixed : seen < current) current = seen;
}

// Kinds that count toward a race's figures; the others would count a ballot twice or are not
// ballots (registration).
bool IsCountedKind(RowKind kind) {
  switch (kind) {
    case RowKind::kCandidate:
    case RowKind::kWriteIn:
    case RowKind::kBlankVoid:
    case RowKind::kOverVote:
    case RowKind::kUnderVote:
    case RowKind::kBallotsCast:
      return true;
    case RowKind::kRegisteredVoters:
    case RowKind::kBallotType:
    case RowKind::kTotalVotes:
    case RowKind::kRepeat:
      return false;
  }
  return false;
}

// One file's tallies for one county of a race, or for the whole contest.
struct Source {
  int64_t file_id = 0;
  bool is_whole_state_file = false;
  std::string source;  // "openelections", "medsl"
  std::string path;
  GeographyLevel geography = GeographyLevel::kCounty;
  std::vector<const VoteTally*> tallies;
  int64_t candidate_votes = 0;

  [[nodiscard]] bool HasKind(RowKind kind) const {
    return std::any_of(tallies.begin(), tallies.end(),
                       [kind](const VoteTally* tally) { return tally->kind == kind; });
  }
  [[nodiscard]] bool IsMedsl() const { return source == kMedsl; }
  [[nodiscard]] std::string Label() const {
    if (IsMedsl()) return fmt::format("MEDSL {}", base::BaseName(path));
    switch (geography) {
      case GeographyLevel::kContest:
        return fmt::format("state file {}", base::BaseName(path));
      case GeographyLevel::kCounty:
        return fmt::format("county file {}", base::BaseName(path));
      case GeographyLevel::kPrecinct:
        return fmt::format("precinct sums {}", base::BaseName(path));
    }
    return std::string(base::BaseName(path));
  }
};

// Which of two sources covering the same ground counts: the more aggregate, then OpenElections
// (it carries party lines and precincts beside the totals), then the larger candidate total
// (a file missing precincts is the smaller), then the earlier file.
bool CountsBefore(const Source& a, const Source& b) {
  if (a.geography != b.geography) return a.geography < b.geography;
  if (a.IsMedsl() != b.IsMedsl()) return !a.IsMedsl();
  if (a.candidate_votes != b.candidate_votes) return a.candidate_votes > b.candidate_votes;
  return a.file_id < b.file_id;
}

struct CountyReturns {
  std::string name;
  std::map<std::pair<int64_t, GeographyLevel>, Source> sources;
};

// Figures summed over chosen sources.
struct Totals {
  std::map<std::string, std::map<std::string, int64_t>> candidates;  // identity -> line -> votes
  int64_t write_in = 0;
  int64_t blank_void = 0;
  int64_t ballots_cast = 0;
  std::set<RowKind> kinds;

  void Add(const VoteTally& tally, const std::string& identity) {
    kinds.insert(tally.kind);
    switch (tally.kind) {
      case RowKind::kCandidate:
        candidates[identity][tally.party] += tally.votes;
        break;
      case RowKind::kWriteIn:
        write_in += tally.votes;
        break;
      case RowKind::kBlankVoid:
      case RowKind::kOverVote:
      case RowKind::kUnderVote:
        blank_void += tally.votes;
        break;
      case RowKind::kBallotsCast:
        ballots_cast += tally.votes;
        break;
      default:
        break;
    }
  }

  [[nodiscard]] int64_t CandidateVotes(const std::string& identity) const {
    const auto it = candidates.find(identity);
    if (it == candidates.end()) return 0;
    int64_t votes = 0;
    for (const auto& [line, line_votes] : it->second) votes += line_votes;
    return votes;
  }
};

// Seat and districting period -> county key -> ids of the races whose county-level tallies name
// the county.
using SeatSpans =
    std::map<std::pair<model::SeatKey, int>, std::map<std::string, std::set<std::string>>>;

// Districts are redrawn after each census, for the elections of years ending in 2: a seat's
// counties are learned only from races of the same decade of lines (2012-2021, 2022-2031).
int DistrictingPeriod(const base::Date& date) { return (date.year - 2) / 10; }

struct RaceTallies {
  model::RaceKey key;
  std::vector<const VoteTally*> tallies;
};

class RaceBuilder {
 public:
  RaceBuilder(const std::string& id, const RaceTallies& input, const SeatSpans& spans,
              const RollupOptions& options, RollupResult& result)
      : input_(input), spans_(spans), result_(result) {
    race_.id = id;
    race_.key = input.key;
    const bool is_statewide =
        std::any_of(input.tallies.begin(), input.tallies.end(),
                    [](const VoteTally* tally) { return tally->is_statewide; });
    if (const auto it = options.counties_by_state.find(input.key.seat.state);
        is_statewide && it != options.counties_by_state.end()) {
      state_counties_ = &it->second;
    }
  }

  model::Race Build() {
    race_.level = input_.tallies.front()->level;
    race_.body = input_.tallies.front()->body;
    ChooseSeats();
    CollectSubTabulations();
    NameCandidates();
    GroupBySource();
    SetAsideMislabelledCounties();
    FlagReturnsOutsideTheSeat();
    CountVotes();
    FillCandidates();
    return std::move(race_);
  }

 private:
  // "Vote for N" in a file beats the office table, and the largest figure of either wins:
  // a file that says it is the one that knows.
  void ChooseSeats() {
    int from_data = 0;
    int from_table = 0;
    for (const VoteTally* tally : input_.tallies) {
      int& seats = tally->is_seats_from_data ? from_data : from_table;
      seats = std::max(seats, tally->seats);
    }
    race_.is_seats_from_data = from_data > 0;
    race_.seats = from_data > 0 ? from_data : from_table;
  }

  void CollectSubTabulations() {
    std::map<std::pair<std::string, std::string>, int64_t> votes;
    for (const VoteTally* tally : input_.tallies) {
      if (tally->breakdown.empty() || tally->kind != RowKind::kCandidate) continue;
      votes[{tally->breakdown, tally->candidate}] += tally->votes;
    }
    for (const auto& [key, sum] : votes) {
      race_.sub_tabulations.push_back(model::SubTabulation{key.first, key.second, sum});
    }
  }

  [[nodiscard]] static bool IsCounted(const VoteTally& tally) {
    return tally.breakdown.empty() && IsCountedKind(tally.kind);
  }

  // One identity per person. Spellings (case and punctuation aside) that share a CandidateKey
  // or a NicknameKey are one candidate, unless one file lists two of them on one party line in
  // one county ("John A. Smith" and "John B. Smith" in one primary are two people; "Nydia M.
  // Velazquez" on the DEM line and "Nydia Velazquez" on the WOR line are one). Then a spelling seen
  // only in files where another is never seen, one typo away from it ("Hirai" / "Hiral Tipirneni"),
  // is that candidate too, when it is the only such spelling.
  void NameCandidates() {
    struct Spelling {
      std::vector<std::string> keys;
      std::set<int64_t> files;
      std::set<std::tuple<int64_t, std::string, std::string>> places;  // (file, county, line)
    };
    std::map<std::string, Spelling> spellings;  // SpellingKey -> what it is seen with
    for (const VoteTally* tally : input_.tallies) {
      if (tally->kind != RowKind::kCandidate || !tally->breakdown.empty()) continue;
      Spelling& spelling = spellings[SpellingKey(tally->candidate)];
      if (spelling.keys.empty()) {
        spelling.keys.push_back(Key(tally->candidate));
        // William "Bill" Pierce: the nickname's key may be the name's own, kept once (twice,
        // the spelling would share a key with itself and look ambiguous).
        if (std::string nickname = NicknameKey(tally->candidate);
            !nickname.empty() && nickname != spelling.keys.front()) {
          spelling.keys.push_back(std::move(nickname));
        }
      }
      spelling.files.insert(tally->file_id);
      spelling.places.emplace(tally->file_id, tally->county_key, tally->party);
    }
    for (const auto& [spelling_key, spelling] : spellings)
      identity_of_[spelling_key] = spelling_key;
    // Keys two spellings of one file, county and line share are ambiguous: they merge nothing.
    std::map<std::string, std::vector<std::string>> spellings_of_key;
    for (const auto& [spelling_key, spelling] : spellings) {
      for (const std::string& key : spelling.keys) spellings_of_key[key].push_back(spelling_key);
    }
    for (const auto& [key, with_key] : spellings_of_key) {
      bool is_ambiguous = false;
      for (size_t a = 0; a < with_key.size() && !is_ambiguous; ++a) {
        for (size_t b = a + 1; b < with_key.size() && !is_ambiguous; ++b) {
          const auto& places_a = spellings.at(with_key[a]).places;
          const auto& places_b = spellings.at(with_key[b]).places;
          is_ambiguous = std::any_of(places_a.begin(), places_a.end(),
                                     [&](const auto& place) { return places_b.contains(place); });
        }
      }
      if (is_ambiguous) continue;
      for (size_t idx = 1; idx < with_key.size(); ++idx) Unite(with_key[0], with_key[idx]);
    }
    // Typos across sources: identities whose files never meet, one edit apart.
    std::map<std::string, std::set<int64_t>> files_of;
    std::map<std::string, std::set<std::string>> keys_of;
    for (const auto& [spelling_key, spelling] : spellings) {
      const std::string root = Root(spelling_key);
      files_of[root].insert(spelling.files.begin(), spelling.files.end());
      keys_of[root].insert(spelling.keys.begin(), spelling.keys.end());
    }
    std::map<std::string, std::vector<std::string>> partners;
    for (auto a = keys_of.begin(); a != keys_of.end(); ++a) {
      for (auto b = std::next(a); b != keys_of.end(); ++b) {
        const auto& files_a = files_of[a->first];
        const auto& files_b = files_of[b->first];
        const bool do_files_meet = std::any_of(
            files_a.begin(), files_a.end(), [&](int64_t file) { return files_b.contains(file); });
        if (do_files_meet) continue;
        const bool is_near = std::any_of(a->second.begin(), a->second.end(), [&](const auto& key) {
          return std::any_of(b->second.begin(), b->second.end(),
                             [&](const auto& other) { return IsNearMatch(key, other); });
        });
        if (!is_near) continue;
        partners[a->first].push_back(b->first);
        partners[b->first].push_back(a->first);
      }
    }
    for (const auto& [root, near] : partners) {
      if (near.size() == 1 && partners[near.front()].size() == 1) Unite(root, near.front());
    }
    for (const VoteTally* tally : input_.tallies) {
      if (tally->kind != RowKind::kCandidate || !tally->breakdown.empty()) continue;
      spellings_[Identity(*tally)][tally->candidate] += IsCounted(*tally) ? tally->votes : 0;
    }
  }

  [[nodiscard]] std::string Root(const std::string& spelling_key) {
    std::string& parent = identity_of_[spelling_key];
    if (parent != spelling_key) parent = Root(parent);
    return parent;
  }

  void Unite(const std::string& a, const std::string& b) {
    const std::string root_a = Root(a);
    const std::string root_b = Root(b);
    if (root_a == root_b) return;
    // The smaller key is the root, so the result does not depend on the order of the tallies.
    if (root_a < root_b) {
      identity_of_[root_b] = root_a;
    } else {
      identity_of_[root_a] = root_b;
    }
  }

  [[nodiscard]] static std::string Key(const std::string& name) {
    std::string key = CandidateKey(name);
    return key.empty() ? SpellingKey(name) : key;
  }

  [[nodiscard]] std::string Identity(const VoteTally& tally) const {
    const std::string spelling_key = SpellingKey(tally.candidate);
    std::string current = spelling_key;
    while (true) {
      const auto it = identity_of_.find(current);
      if (it == identity_of_.end() || it->second == current) return current;
      current = it->second;
    }
  }

  void GroupBySource() {
    for (const VoteTally* tally : input_.tallies) {
      if (!IsCounted(*tally)) continue;
      Source* source = nullptr;
      if (tally->geography == GeographyLevel::kContest || tally->county_key.empty()) {
        source = &whole_[tally->file_id];
      } else {
        CountyReturns& county = counties_[tally->county_key];
        KeepBetterSpelling(county.name, tally->county);
        source = &county.sources[{tally->file_id, tally->geography}];
      }
      if (source->tallies.empty()) {
        source->file_id = tally->file_id;
        source->is_whole_state_file = tally->is_whole_state_file;
        source->source = tally->source;
        source->path = tally->source_path;
        source->geography = tally->county_key.empty() ? GeographyLevel::kContest : tally->geography;
      }
      source->tallies.push_back(tally);
      if (tally->kind == RowKind::kCandidate) source->candidate_votes += tally->votes;
    }
  }

  // The counties the seat's other races name in county-level returns; every county of the state
  // for a statewide seat.
  [[nodiscard]] std::set<std::string> SpanFromOtherRaces() const {
    if (state_counties_ != nullptr) return *state_counties_;
    std::set<std::string> span;
    const auto it = spans_.find({race_.key.seat, DistrictingPeriod(race_.key.date)});
    if (it == spans_.end()) return span;
    for (const auto& [county_key, race_ids] : it->second) {
      if (race_ids.size() > 1 || !race_ids.contains(race_.id)) span.insert(county_key);
    }
    return span;
  }

  // A race whose every county lies outside the counties the seat's other races name is another
  // contest under this one's name (Westchester's 2018-09-13 file labels State Senate 34, 35 and
  // 40 as State Assembly, seats of Queens): it is conflicting and names no winner.
  void FlagReturnsOutsideTheSeat() {
    if (!race_.key.seat.jurisdiction.empty() || counties_.empty() || !race_.conflict.empty()) {
      return;
    }
    const std::set<std::string> span = SpanFromOtherRaces();
    if (span.empty()) return;
    std::vector<std::string> names;
    for (const auto& [county_key, county] : counties_) {
      if (span.contains(county_key)) return;
      names.push_back(county.name);
    }
    race_.completeness = model::Completeness::kConflicting;
    race_.conflict = fmt::format(
        "its returns come only from {}, which no other race of this seat names (the seat's "
        "counties: {} known): a district or office mislabelled in the file",
        fmt::join(names, ", "), span.size());
  }

  // Counties whose candidates share none with the others' name another contest: a district or
  // office mislabelled in some file (NY's 2018-06-26 county file labels Monroe's NY-25 rows as
  // district 24; Westchester's primary file labels State Senate rows as State Assembly).
  void SetAsideMislabelledCounties() {
    if (!race_.key.seat.jurisdiction.empty() || counties_.size() < 2) return;
    std::map<std::string, std::set<std::string>> identities_of;  // county key -> identities
    for (const auto& [county_key, county] : counties_) {
      for (const auto& [where, source] : county.sources) {
        for (const VoteTally* tally : source.tallies) {
          if (tally->kind == RowKind::kCandidate) {
            identities_of[county_key].insert(Identity(*tally));
          }
        }
      }
    }
    if (identities_of.size() < 2) return;
    // Connected components of counties that share a candidate.
    std::map<std::string, std::string> parent;
    for (const auto& [county_key, identities] : identities_of) parent[county_key] = county_key;
    const std::function<std::string(const std::string&)> find = [&](const std::string& key) {
      std::string& up = parent[key];
      if (up != key) up = find(up);
      return up;
    };
    std::map<std::string, std::string> county_of_identity;
    for (const auto& [county_key, identities] : identities_of) {
      for (const std::string& identity : identities) {
        const auto [it, is_new] = county_of_identity.try_emplace(identity, county_key);
        if (!is_new) parent[find(county_key)] = find(it->second);
      }
    }
    std::map<std::string, std::vector<std::string>> components;
    for (const auto& [county_key, identities] : identities_of) {
      components[find(county_key)].push_back(county_key);
    }
    if (components.size() < 2) return;

    const std::set<std::string> span = SpanFromOtherRaces();
    const auto is_inside = [&](const std::vector<std::string>& counties) {
      return std::any_of(counties.begin(), counties.end(),
                         [&](const std::string& county) { return span.contains(county); });
    };
    size_t num_inside = 0;
    for (const auto& [root, counties] : components) num_inside += is_inside(counties) ? 1U : 0U;
    if (num_inside > 0) {
      for (const auto& [root, counties] : components) {
        if (is_inside(counties)) continue;
        for (const std::string& county_key : counties) SetAside(county_key);
      }
    }
    if (num_inside > 1 || (num_inside == 0 && components.size() > 1)) {
      std::vector<std::string> groups;
      for (const auto& [root, counties] : components) {
        if (num_inside > 0 && !is_inside(counties)) continue;
        std::vector<std::string> names;
        for (const std::string& county_key : counties) names.push_back(counties_[county_key].name);
        std::set<std::string> candidates;
        for (const std::string& county_key : counties) {
          for (const std::string& identity : identities_of[county_key]) {
            candidates.insert(DisplayName(identity));
          }
        }
        groups.push_back(
            fmt::format("{} in {}", fmt::join(candidates, ", "), fmt::join(names, ", ")));
      }
      race_.completeness = model::Completeness::kConflicting;
      race_.conflict = fmt::format(
          "counties name disjoint sets of candidates: {}: a district or office "
          "mislabelled in some file",
          fmt::join(groups, "; "));
    }
  }

  void SetAside(const std::string& county_key) {
    const auto it = counties_.find(county_key);
    if (it == counties_.end()) return;
    model::SetAsideReturns aside;
    aside.county = it->second.name;
    std::map<std::string, int64_t> votes_by_name;
    for (const auto& [where, source] : it->second.sources) {
      for (const VoteTally* tally : source.tallies) {
        if (tally->kind != RowKind::kCandidate) continue;
        votes_by_name[tally->candidate] += tally->votes;
        aside.votes += tally->votes;
      }
    }
    std::vector<std::pair<std::string, int64_t>> sorted(votes_by_name.begin(), votes_by_name.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [name, votes] : sorted) aside.candidates.push_back(name);
    aside.reason =
        "the county lies outside the counties the seat's other races name and shares no "
        "candidate with them: its returns belong to another contest";
    race_.set_aside.push_back(std::move(aside));
    set_aside_keys_.insert(county_key);
    counties_.erase(it);
  }

  // Per county and kind, the source that counts; the others are reconciled against it.
  void CountVotes() {
    Totals county_totals;
    std::set<std::string> county_keys;
    for (const auto& [county_key, county] : counties_) {
      std::vector<const Source*> ranked;
      for (const auto& [where, source] : county.sources) ranked.push_back(&source);
      std::sort(ranked.begin(), ranked.end(),
                [](const Source* a, const Source* b) { return CountsBefore(*a, *b); });
      county_keys.insert(county_key);
      race_.counties.push_back(county.name);
      std::set<const Source*> partial;
      for (const Source* source : ranked) {
        if (IsPartialSummary(county, *source)) partial.insert(source);
      }
      // The source that counts: the most aggregate one with candidate votes that is not a
      // partial summary of a finer source in its own file; failing that, the most aggregate.
      auto counting = std::find_if(ranked.begin(), ranked.end(), [&](const Source* source) {
        return source->HasKind(RowKind::kCandidate) && !partial.contains(source);
      });
      if (counting == ranked.end()) {
        counting = std::find_if(ranked.begin(), ranked.end(), [](const Source* source) {
          return source->HasKind(RowKind::kCandidate);
        });
      }
      if (counting != ranked.end()) std::rotate(ranked.begin(), counting, counting + 1);
      const Source& first = *ranked.front();
      ++(first.geography == GeographyLevel::kPrecinct ? race_.num_precinct_counties
                                                      : race_.num_county_counties);
      if (first.geography == GeographyLevel::kPrecinct && !first.is_whole_state_file) {
        has_precinct_only_county_ = true;
      }
      // Votes for the office (candidates and write-ins) come from the one source that counts;
      // a finer source only adds the turnout rows the counting one lacks (NY's county files
      // list candidates alone, its precinct files add ballots cast and blanks). A write-in
      // line of a precinct file may hold the very votes a county file names as candidates
      // (Arizona names its write-ins), so write-ins never come from another source.
      std::set<RowKind> taken = {RowKind::kCandidate, RowKind::kWriteIn};
      for (const VoteTally* tally : first.tallies) county_totals.Add(*tally, Identity(*tally));
      for (const VoteTally* tally : first.tallies) taken.insert(tally->kind);
      for (size_t next = 1; next < ranked.size(); ++next) {
        const Source* source = ranked[next];
        std::set<RowKind> kinds;
        for (const VoteTally* tally : source->tallies) {
          if (taken.contains(tally->kind)) continue;
          kinds.insert(tally->kind);
          county_totals.Add(*tally, Identity(*tally));
        }
        taken.insert(kinds.begin(), kinds.end());
      }
      for (size_t other = 1; other < ranked.size(); ++other) {
        if (!ranked[other]->HasKind(RowKind::kCandidate)) continue;
        Reconcile(county.name, first, *ranked[other], partial.contains(ranked[other]));
      }
    }

    std::vector<const Source*> wholes;
    for (const auto& [file_id, source] : whole_) wholes.push_back(&source);
    std::sort(wholes.begin(), wholes.end(),
              [](const Source* a, const Source* b) { return CountsBefore(*a, *b); });
    const bool is_covered = IsCoverageComplete(county_keys);
    const Source* whole = nullptr;
    for (const Source* candidate : wholes) {
      if (!candidate->HasKind(RowKind::kCandidate)) continue;
      // MEDSL's totals stand in only where the OpenElections counties fall short.
      if (candidate->IsMedsl() && is_covered && !counties_.empty()) continue;
      whole = candidate;
      break;
    }

    Totals counted;
    if (whole == nullptr) {
      counted = std::move(county_totals);
      race_.counted_from = counties_.empty() ? "" : "county returns";
      race_.completeness = std::max(race_.completeness, Completeness(county_keys));
    } else {
      for (const VoteTally* tally : whole->tallies) counted.Add(*tally, Identity(*tally));
      // Kinds the whole-contest file lacks (a state file of candidates only) come from the
      // counties when they cover the race.
      if (is_covered) {
        if (!counted.kinds.contains(RowKind::kWriteIn)) counted.write_in = county_totals.write_in;
        if (!counted.kinds.contains(RowKind::kBlankVoid) &&
            !counted.kinds.contains(RowKind::kOverVote) &&
            !counted.kinds.contains(RowKind::kUnderVote)) {
          counted.blank_void = county_totals.blank_void;
        }
        if (!counted.kinds.contains(RowKind::kBallotsCast)) {
          counted.ballots_cast = county_totals.ballots_cast;
        }
      }
      race_.counted_from = whole->Label();
      race_.is_counted_from_medsl = whole->IsMedsl();
      if (race_.completeness != model::Completeness::kConflicting) {
        race_.completeness = model::Completeness::kComplete;
      }
      if (!counties_.empty()) {
        ReconcileWithCounties(*whole, county_totals, is_covered);
      }
    }
    // Every other whole-contest source is compared with what counts.
    for (const Source* other : wholes) {
      if (other == whole || !other->HasKind(RowKind::kCandidate)) continue;
      if (whole == nullptr && !is_covered) continue;
      Totals theirs;
      for (const VoteTally* tally : other->tallies) theirs.Add(*tally, Identity(*tally));
      const bool is_against_medsl = other->IsMedsl() || (whole != nullptr && whole->IsMedsl());
      CompareTotals("", whole == nullptr ? "county sums" : whole->Label(), counted, other->Label(),
                    theirs, {.is_against_medsl = is_against_medsl, .is_only_excess = false});
    }
    counted_ = std::move(counted);
  }

  [[nodiscard]] bool IsCoverageComplete(const std::set<std::string>& county_keys) const {
    const model::Completeness completeness = Completeness(county_keys);
    return completeness == model::Completeness::kComplete;
  }

  // A seat local to one county (jurisdiction set) is whole once that county is in. Otherwise
  // the seat's span, learned from county-level returns of any date, says which counties the
  // race should have; without a span, precinct files cannot show whether counties are missing.
  [[nodiscard]] model::Completeness Completeness(const std::set<std::string>& county_keys) const {
    if (!race_.key.seat.jurisdiction.empty()) {
      for (const auto& [county_key, county] : counties_) {
        if (SpellingKey(county.name) == SpellingKey(race_.key.seat.jurisdiction)) {
          return model::Completeness::kComplete;
        }
      }
    }
    if (state_counties_ != nullptr) {
      for (const std::string& county_key : *state_counties_) {
        if (!county_keys.contains(county_key)) return model::Completeness::kPartial;
      }
      return model::Completeness::kComplete;
    }
    if (const auto it = spans_.find({race_.key.seat, DistrictingPeriod(race_.key.date)});
        it != spans_.end()) {
      for (const auto& [county_key, race_ids] : it->second) {
        // A county set aside from this race alone is not part of the seat.
        const bool is_only_set_aside = set_aside_keys_.contains(county_key) &&
                                       race_ids.size() == 1 && race_ids.contains(race_.id);
        if (!county_keys.contains(county_key) && !is_only_set_aside) {
          return model::Completeness::kPartial;
        }
      }
      return model::Completeness::kComplete;
    }
    return has_precinct_only_county_ ? model::Completeness::kUnverified
                                     : model::Completeness::kComplete;
  }

  // A partial summary is compared on the candidates it names only: the others are not missing
  // from the county, only from the summary.
  void Reconcile(const std::string& county_name, const Source& counted, const Source& other,
                 bool is_partial_summary) {
    Totals ours;
    Totals theirs;
    for (const VoteTally* tally : other.tallies) theirs.Add(*tally, Identity(*tally));
    for (const VoteTally* tally : counted.tallies) {
      const std::string identity = Identity(*tally);
      if (is_partial_summary && tally->kind == RowKind::kCandidate) {
        const auto lines = theirs.candidates.find(identity);
        if (lines == theirs.candidates.end() || !lines->second.contains(tally->party)) continue;
      }
      ours.Add(*tally, identity);
    }
    CompareTotals(
        county_name, counted.Label(), ours, other.Label(), theirs,
        {.is_against_medsl = counted.IsMedsl() || other.IsMedsl(), .is_only_excess = false});
  }

  // Whether `source` summarises a finer source of the same file but leaves out a candidate's
  // line the finer one gives votes: New York County's 2018 general precinct file follows some
  // candidates' precinct blocks with a county subtotal row, and those equal to their precinct
  // sums are totals (ingest), so the county rows left name some candidates only (Hoylman's
  // Democratic line, not his Working Families one). Counting them would lose the others.
  [[nodiscard]] bool IsPartialSummary(const CountyReturns& county, const Source& source) const {
    std::set<std::pair<std::string, std::string>> named;  // (identity, party line)
    for (const VoteTally* tally : source.tallies) {
      if (tally->kind == RowKind::kCandidate) named.emplace(Identity(*tally), tally->party);
    }
    for (const auto& [where, finer] : county.sources) {
      if (finer.file_id != source.file_id || finer.geography <= source.geography) continue;
      for (const VoteTally* tally : finer.tallies) {
        if (tally->kind == RowKind::kCandidate && tally->votes > 0 &&
            !named.contains({Identity(*tally), tally->party})) {
          return true;
        }
      }
    }
    return false;
  }

  // County sums against a whole-contest total that counts: every difference when the counties
  // cover the race, else only county sums above the whole (impossible whatever is missing).
  void ReconcileWithCounties(const Source& whole, const Totals& county_totals, bool is_covered) {
    Totals ours;
    for (const VoteTally* tally : whole.tallies) ours.Add(*tally, Identity(*tally));
    CompareTotals("", whole.Label(), ours, "county sums", county_totals,
                  {.is_against_medsl = whole.IsMedsl(), .is_only_excess = !is_covered});
  }

  struct Comparison {
    // One side is MEDSL, which totals named write-ins in one write-in line (Arizona's county
    // file names Barry Hess and six other write-ins; MEDSL gives 566 write-in votes): the
    // candidates only one source names are compared together with the write-ins.
    bool is_against_medsl = false;
    bool is_only_excess = false;  // list only the other side's votes above ours
  };

  // Candidate by candidate, each difference a mismatch.
  void CompareTotals(const std::string& county_name, const std::string& ours_label,
                     const Totals& ours, const std::string& theirs_label, const Totals& theirs,
                     const Comparison& comparison) {
    // MEDSL lumps the write-ins: those and candidates only one side names are one line.
    const bool is_lumped = comparison.is_against_medsl;
    std::set<std::string> identities;
    for (const auto& [identity, lines] : ours.candidates) identities.insert(identity);
    for (const auto& [identity, lines] : theirs.candidates) identities.insert(identity);
    int64_t ours_others = is_lumped ? ours.write_in : 0;
    int64_t theirs_others = is_lumped ? theirs.write_in : 0;
    // A source that reports no write-ins and names no one the other does not says nothing
    // about the rest of the vote: the lumped line is compared only when both report some.
    bool do_ours_report_others = ours.kinds.contains(RowKind::kWriteIn);
    bool do_theirs_report_others = theirs.kinds.contains(RowKind::kWriteIn);
    const auto compare = [&](const std::string& name, int64_t counted_votes, int64_t other_votes) {
      if (counted_votes == other_votes) return;
      if (comparison.is_only_excess && other_votes <= counted_votes) return;
      result_.mismatches.push_back(
          model::ReconciliationMismatch{race_.id, county_name, name, counted_votes, other_votes,
                                        ours_label, theirs_label, comparison.is_against_medsl});
    };
    for (const std::string& identity : identities) {
      const int64_t counted_votes = ours.CandidateVotes(identity);
      const int64_t other_votes = theirs.CandidateVotes(identity);
      const bool is_in_both =
          ours.candidates.contains(identity) && theirs.candidates.contains(identity);
      if (is_lumped && !is_in_both) {
        ours_others += counted_votes;
        theirs_others += other_votes;
        do_ours_report_others = do_ours_report_others || ours.candidates.contains(identity);
        do_theirs_report_others = do_theirs_report_others || theirs.candidates.contains(identity);
        continue;
      }
      compare(DisplayName(identity), counted_votes, other_votes);
    }
    if (is_lumped && do_ours_report_others && do_theirs_report_others) {
      compare(std::string(model::kOtherVotesLine), ours_others, theirs_others);
    }
  }

  // The spelling shown for an identity: one without a running mate, mixed case, the most votes,
  // then the smallest string.
  [[nodiscard]] std::string DisplayName(const std::string& identity) const {
    const auto it = spellings_.find(identity);
    if (it == spellings_.end()) return identity;
    const std::pair<const std::string, int64_t>* best = nullptr;
    const auto rank = [](const std::pair<const std::string, int64_t>& entry) {
      return std::make_tuple(entry.first.find('/') == std::string::npos, HasLowercase(entry.first),
                             entry.second);
    };
    for (const auto& entry : it->second) {
      if (best == nullptr || rank(entry) > rank(*best)) best = &entry;
    }
    return best->first;
  }

  void FillCandidates() {
    for (const auto& [identity, lines] : counted_.candidates) {
      model::CandidateResult candidate;
      candidate.name = DisplayName(identity);
      for (const auto& [party, votes] : lines) {
        candidate.votes += votes;
        candidate.lines.push_back(model::PartyLineVotes{party, votes});
      }
      std::sort(candidate.lines.begin(), candidate.lines.end(),
                [](const model::PartyLineVotes& a, const model::PartyLineVotes& b) {
                  return a.votes != b.votes ? a.votes > b.votes : a.party < b.party;
                });
      for (const auto& [spelling, votes] : spellings_.at(identity)) {
        if (spelling != candidate.name) candidate.aliases.push_back(spelling);
      }
      race_.candidate_votes += candidate.votes;
      race_.candidates.push_back(std::move(candidate));
    }
    race_.write_in_votes = counted_.write_in;
    race_.blank_void = counted_.blank_void;
    race_.ballots_cast = counted_.ballots_cast;
    race_.ballots_for_office = race_.candidate_votes + race_.write_in_votes + race_.blank_void;
    std::sort(race_.candidates.begin(), race_.candidates.end(),
              [](const model::CandidateResult& a, const model::CandidateResult& b) {
                return a.votes != b.votes ? a.votes > b.votes : a.name < b.name;
              });

    const int64_t office_votes = race_.candidate_votes + race_.write_in_votes;
    for (size_t idx = 0; idx < race_.candidates.size(); ++idx) {
      model::CandidateResult& candidate = race_.candidates[idx];
      // Tied candidates share a rank (1, 1, 3): the returns do not order them.
      const bool ties_previous = idx > 0 && race_.candidates[idx - 1].votes == candidate.votes;
      candidate.rank = ties_previous ? race_.candidates[idx - 1].rank : static_cast<int>(idx) + 1;
      candidate.share = office_votes > 0 ? static_cast<double>(candidate.votes) /
                                               static_cast<double>(office_votes)
                                         : 0.0;
    }
    race_.field_size = static_cast<int>(race_.candidates.size());
    race_.is_contested = race_.field_size > std::max(race_.seats, 1);
    NameWinners(office_votes);
    NearMatches();
  }

  // The top `seats` finishers with votes win. The margin is the last winner's lead over the
  // first candidate not elected (the Nth over the (N+1)th), or the last winner's votes when no
  // one lost. A tie across the cut names none of the tied: the returns do not show how it was
  // settled. A candidate with no votes wins nothing.
  void NameWinners(int64_t office_votes) {
    const size_t seats = static_cast<size_t>(std::max(race_.seats, 0));
    if (seats == 0 || race_.candidates.empty() ||
        race_.completeness == model::Completeness::kConflicting) {
      return;
    }
    std::vector<model::CandidateResult>& candidates = race_.candidates;
    const size_t num_places = std::min(seats, candidates.size());
    const int64_t cut_votes = candidates[num_places - 1].votes;
    race_.is_tied = candidates.size() > num_places && candidates[num_places].votes == cut_votes &&
                    cut_votes > 0;
    size_t num_winners = 0;
    for (size_t idx = 0; idx < num_places; ++idx) {
      const int64_t votes = candidates[idx].votes;
      if (votes <= 0 || (race_.is_tied && votes == cut_votes)) break;
      candidates[idx].is_winner = true;
      ++num_winners;
    }
    if (num_winners == 0 || race_.is_tied) return;
    const int64_t first_loser_votes =
        candidates.size() > num_winners ? candidates[num_winners].votes : 0;
    race_.margin_votes = candidates[num_winners - 1].votes - first_loser_votes;
    race_.margin_share = office_votes > 0 ? static_cast<double>(race_.margin_votes) /
                                                static_cast<double>(office_votes)
                                          : 0.0;
  }

  void NearMatches() {
    std::vector<std::pair<std::string, std::string>> keys;  // (identity, name)
    for (const model::CandidateResult& candidate : race_.candidates) {
      keys.emplace_back(Key(candidate.name), candidate.name);
    }
    for (size_t a = 0; a < keys.size(); ++a) {
      for (size_t b = a + 1; b < keys.size(); ++b) {
        if (IsNearMatch(keys[a].first, keys[b].first)) {
          result_.near_matches.push_back(
              model::NearMatch{race_.id, keys[a].second, keys[b].second});
        }
      }
    }
  }

  const RaceTallies& input_;
  const SeatSpans& spans_;
  RollupResult& result_;
  model::Race race_;
  std::map<std::string, std::string> identity_of_;  // spelling key -> parent (union-find)
  std::map<std::string, std::map<std::string, int64_t>> spellings_;  // identity -> spelling
  std::map<std::string, CountyReturns> counties_;                    // county key -> returns
  std::map<int64_t, Source> whole_;                                  // file id -> whole contest
  Totals counted_;
  std::set<std::string> set_aside_keys_;
  const std::set<std::string>* state_counties_ = nullptr;  // a statewide seat's span
  bool has_precinct_only_county_ = false;
};

// Runoffs decide the latest earlier primary (or general) of the same seat and party that year;
// the race a runoff decides named no winner outright.
void LinkRunoffs(std::vector<model::Race>& races) {
  std::map<model::SeatKey, std::vector<model::Race*>> by_seat;
  for (model::Race& race : races) by_seat[race.key.seat].push_back(&race);
  for (model::Race& race : races) {
    if (!model::IsRunoffStage(race.key.stage)) continue;
    const bool is_primary_runoff = race.key.stage == model::ElectionStage::kRunoff;
    model::Race* decided = nullptr;
    for (model::Race* earlier : by_seat[race.key.seat]) {
      const bool is_match = is_primary_runoff
                                ? (earlier->key.stage == model::ElectionStage::kPrimary ||
                                   earlier->key.stage == model::ElectionStage::kSpecialPrimary) &&
                                      earlier->key.party == race.key.party
                                : earlier->key.stage == model::ElectionStage::kGeneral ||
                                      earlier->key.stage == model::ElectionStage::kSpecial;
      if (!is_match || earlier->key.date >= race.key.date ||
          earlier->key.date.year != race.key.date.year) {
        continue;
      }
      if (decided == nullptr || earlier->key.date > decided->key.date) decided = earlier;
    }
    if (decided == nullptr) continue;
    race.decides_race_id = decided->id;
    decided->decided_by_race_id = race.id;
    for (model::CandidateResult& candidate : decided->candidates) candidate.is_winner = false;
    // No winner, so no margin (model::Race): the leader's lead is in the candidates' votes.
    decided->margin_votes = 0;
    decided->margin_share = 0;
  }
}

}  // namespace

RollupResult RollUpRaces(std::span<const model::VoteTally> tallies, const RollupOptions& options) {
  std::map<std::string, RaceTallies> by_race;
  SeatSpans spans;
  for (const model::VoteTally& tally : tallies) {
    // Election-wide turnout rows carry no office: they are not a race.
    if (tally.race.seat.office.empty()) continue;
    const std::string id = model::MakeRaceId(tally.race);
    auto [entry, is_new] = by_race.try_emplace(id);
    if (is_new) entry->second.key = tally.race;
    entry->second.tallies.push_back(&tally);
    // County-level returns name the counties a seat spans; so do the precinct returns of a file
    // that covers the whole state.
    const bool names_span =
        tally.geography == GeographyLevel::kCounty ||
        (tally.geography == GeographyLevel::kPrecinct && tally.is_whole_state_file);
    if (names_span && !tally.county_key.empty() && tally.breakdown.empty() &&
        IsCountedKind(tally.kind)) {
      spans[{tally.race.seat, DistrictingPeriod(tally.race.date)}][tally.county_key].insert(id);
    }
  }

  RollupResult result;
  result.races.reserve(by_race.size());
  for (const auto& [id, race_tallies] : by_race) {
    result.races.push_back(RaceBuilder(id, race_tallies, spans, options, result).Build());
  }
  LinkRunoffs(result.races);
  std::sort(result.mismatches.begin(), result.mismatches.end(),
            [](const model::ReconciliationMismatch& a, const model::ReconciliationMismatch& b) {
              return std::tie(a.race_id, a.county, a.candidate, a.other_source) <
                     std::tie(b.race_id, b.county, b.candidate, b.other_source);
            });
  return result;
}

}  // namespace downballot::analysis
