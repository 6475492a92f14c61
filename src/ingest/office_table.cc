#include "ingest/office_table.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>

#include "base/check.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::ingest {
namespace {

// The U.S. Senate class up for regular election in `year`: class 1 in 2018, 2 in 2020 and 3 in
// 2022, repeating every six years (U.S. Const. art. I §3).
int RegularSenateClass(int year) {
  constexpr int kClass1Year = 2018;
  constexpr int kTermYears = 6;
  const int offset = ((year - kClass1Year) % kTermYears + kTermYears) % kTermYears;
  if (offset == 0) return 1;
  if (offset == 2) return 2;
  if (offset == 4) return 3;
  return 0;  // odd years hold no regular Senate elections
}

// Lowercase letters only: "New York" -> "newyork", for county names in cities.tsv.
std::string CountyKey(std::string_view county) {
  std::string key;
  for (const char c : county) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key.push_back(c);
    if (c >= 'A' && c <= 'Z') key.push_back(static_cast<char>(c - 'A' + 'a'));
  }
  return key;
}

bool WordMatches(const WordPattern& pattern, const std::string& word) {
  for (const auto& [text, is_prefix] : pattern.alternatives) {
    if (is_prefix ? word.starts_with(text) : word == text) return true;
  }
  return false;
}

// Where `phrase` first ends in `words` starting at or after `from` (only at `from` when
// `is_anchored`), or kNotFound.
size_t PhraseEnd(const std::vector<WordPattern>& phrase, const OfficeWords& words, size_t from,
                 bool is_anchored) {
  if (phrase.size() > words.size()) return OfficeWords::kNotFound;
  for (size_t start = from; start + phrase.size() <= words.size(); ++start) {
    size_t offset = 0;
    while (offset < phrase.size() && WordMatches(phrase[offset], words[start + offset])) ++offset;
    if (offset == phrase.size()) return start + offset;
    if (is_anchored) break;
  }
  return OfficeWords::kNotFound;
}

absl::StatusOr<MatchTerm> ParseTerm(std::string_view text) {
  MatchTerm term;
  if (text.starts_with('!')) {
    term.kind = MatchTerm::Kind::kAbsent;
    text.remove_prefix(1);
  } else if (text.starts_with('^')) {
    term.kind = MatchTerm::Kind::kStartsWith;
    text.remove_prefix(1);
  }
  for (const std::string_view word : base::Split(base::Trim(text), ' ')) {
    if (word.empty()) continue;
    WordPattern pattern;
    for (const std::string_view alternative : base::Split(word, '|')) {
      const bool is_prefix = alternative.ends_with('*');
      const std::string_view body =
          is_prefix ? alternative.substr(0, alternative.size() - 1) : alternative;
      const OfficeWords words(body);
      if (words.size() != 1 || words[0] != body) {
        return absl::InvalidArgumentError(fmt::format(
            "match word '{}' must be lowercase letters and digits ('*' at the end for a prefix)",
            alternative));
      }
      pattern.alternatives.emplace_back(words[0], is_prefix);
    }
    term.phrase.push_back(std::move(pattern));
  }
  if (term.phrase.empty()) return absl::InvalidArgumentError("empty match term");
  return term;
}

absl::StatusOr<std::vector<MatchTerm>> ParseMatch(std::string_view text) {
  std::vector<MatchTerm> terms;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(" & ", start);
    if (end == std::string_view::npos) end = text.size();
    ASSIGN_OR_RETURN(MatchTerm term, ParseTerm(text.substr(start, end - start)));
    terms.push_back(std::move(term));
    start = end + 3;
  }
  if (terms.front().kind == MatchTerm::Kind::kAbsent) {
    return absl::InvalidArgumentError("the first match term must be a phrase that is present");
  }
  return terms;
}

template <typename Enum, size_t N>
absl::StatusOr<Enum> ParseName(std::string_view column, std::string_view text,
                               const std::array<std::pair<std::string_view, Enum>, N>& names) {
  std::string known;
  for (const auto& [name, value] : names) {
    if (name == text) return value;
    if (!known.empty()) known += ", ";
    known += name;
  }
  return absl::InvalidArgumentError(fmt::format("{} '{}' is not one of {}", column, text, known));
}

constexpr std::array<std::pair<std::string_view, DistrictRule>, 9> kDistrictRules = {{
    {"none", DistrictRule::kNone},
    {"number", DistrictRule::kNumber},
    {"text-number", DistrictRule::kTextNumber},
    {"cell", DistrictRule::kCell},
    {"seat", DistrictRule::kSeat},
    {"assembly", DistrictRule::kAssembly},
    {"unit", DistrictRule::kUnit},
    {"place", DistrictRule::kPlace},
    {"senate-class", DistrictRule::kSenateClass},
}};

constexpr std::array<std::pair<std::string_view, SeatScope>, 5> kScopes = {{
    {"statewide", SeatScope::kStatewide},
    {"district", SeatScope::kDistrict},
    {"county", SeatScope::kCounty},
    {"city", SeatScope::kCity},
    {"named-county", SeatScope::kNamedCounty},
}};

absl::StatusOr<std::string> ParseState(std::string_view text) {
  if (text == "*") return std::string();
  const bool is_code =
      text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z';
  if (!is_code) {
    return absl::InvalidArgumentError(
        fmt::format("state '{}' must be a two-letter code in capitals or *", text));
  }
  return std::string(text);
}

enum class FileKind { kRules, kPrefixes, kCities, kSenateClasses, kPrimarySystems, kBodies };

absl::StatusOr<FileKind> KindOfHeader(const std::vector<std::string_view>& header) {
  const auto is = [&](std::initializer_list<std::string_view> names) {
    if (header.size() != names.size()) return false;
    size_t idx = 0;
    for (const std::string_view name : names) {
      if (header[idx++] != name) return false;
    }
    return true;
  };
  if (is({"state", "match", "office", "level", "district", "scope", "seats", "body", "source"})) {
    return FileKind::kRules;
  }
  if (is({"state", "prefix", "party", "source"})) return FileKind::kPrefixes;
  if (is({"state", "city", "counties", "source"})) return FileKind::kCities;
  if (is({"state", "classes", "source"})) return FileKind::kSenateClasses;
  if (is({"state", "primary", "since", "until", "source"})) return FileKind::kPrimarySystems;
  if (is({"state", "county", "body", "unit", "members", "source"})) return FileKind::kBodies;
  return absl::InvalidArgumentError(
      "header must be 'state match office level district scope seats body source', "
      "'state prefix party source', 'state city counties source', 'state classes source', "
      "'state primary since until source' or 'state county body unit members source' "
      "(tab-separated)");
}

}  // namespace

size_t OfficeRule::MatchEnd(const OfficeWords& words) const {
  size_t first_end = OfficeWords::kNotFound;
  for (const MatchTerm& term : terms) {
    const bool is_anchored = term.kind == MatchTerm::Kind::kStartsWith;
    const size_t end = PhraseEnd(term.phrase, words, 0, is_anchored);
    const bool is_found = end != OfficeWords::kNotFound;
    if (is_found == (term.kind == MatchTerm::Kind::kAbsent)) return OfficeWords::kNotFound;
    if (first_end == OfficeWords::kNotFound && is_found) first_end = end;
  }
  return first_end;
}

absl::StatusOr<OfficeTable> OfficeTable::Parse(std::span<const Source> sources) {
  OfficeTable table;
  // The source whose Senate classes and primary systems a state takes: the first to list it.
  std::map<std::string, size_t> senate_classes_source;
  std::map<std::string, size_t> primary_systems_source;
  for (size_t source_idx = 0; source_idx < sources.size(); ++source_idx) {
    const Source& source = sources[source_idx];
    std::optional<FileKind> kind;
    int64_t line_number = 0;
    for (std::string_view line : base::Split(source.text, '\n')) {
      ++line_number;
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (base::Trim(line).empty() || base::Trim(line).starts_with('#')) continue;
      std::vector<std::string_view> fields = base::Split(line, '\t');
      for (std::string_view& field : fields) field = base::Trim(field);
      const auto fail = [&](const absl::Status& status) {
        return absl::InvalidArgumentError(
            fmt::format("{}:{}: {}", source.name, line_number, std::string(status.message())));
      };
      if (!kind) {
        auto header_kind = KindOfHeader(fields);
        if (!header_kind.ok()) return fail(header_kind.status());
        kind = *header_kind;
        continue;
      }
      const size_t expected = *kind == FileKind::kRules            ? 9
                              : *kind == FileKind::kSenateClasses  ? 3
                              : *kind == FileKind::kPrimarySystems ? 5
                              : *kind == FileKind::kBodies         ? 6
                                                                   : 4;
      if (fields.size() != expected) {
        return fail(absl::InvalidArgumentError(
            fmt::format("expected {} tab-separated fields, got {}", expected, fields.size())));
      }
      auto state = ParseState(fields[0]);
      if (!state.ok()) return fail(state.status());
      if (*kind != FileKind::kRules && *kind != FileKind::kBodies && state->empty()) {
        return fail(absl::InvalidArgumentError(
            "state '*' is for office rules and bodies only: give a two-letter state code"));
      }
      switch (*kind) {
        case FileKind::kRules: {
          OfficeRule rule;
          rule.state = *state;
          rule.location = fmt::format("{}:{}", source.name, line_number);
          auto terms = ParseMatch(fields[1]);
          if (!terms.ok()) return fail(terms.status());
          rule.terms = std::move(*terms);
          rule.office = std::string(fields[2]);
          if (rule.office.empty()) return fail(absl::InvalidArgumentError("office is empty"));
          const auto level = model::ParseOfficeLevel(fields[3]);
          if (!level || *level == model::OfficeLevel::kOther) {
            return fail(absl::InvalidArgumentError(fmt::format(
                "level '{}' is not one of federal, state, county, municipal, judicial, party, "
                "measure",
                fields[3])));
          }
          rule.level = *level;
          auto district = ParseName("district", fields[4], kDistrictRules);
          if (!district.ok()) return fail(district.status());
          rule.district = *district;
          auto scope = ParseName("scope", fields[5], kScopes);
          if (!scope.ok()) return fail(scope.status());
          rule.scope = *scope;
          if (fields[6] != "?") {
            const auto seats = base::ParseInt(fields[6]);
            if (!seats || *seats < 1 || *seats > kMaxSeatsPerRace) {
              return fail(absl::InvalidArgumentError(
                  fmt::format("seats '{}' must be a count from 1 to {}, or ? when it varies",
                              fields[6], kMaxSeatsPerRace)));
            }
            rule.seats = static_cast<int>(*seats);
          }
          rule.body = fields[7] == "-" ? "" : std::string(fields[7]);
          rule.source = std::string(fields[8]);
          table.rules_of_state_[rule.state].push_back(table.rules_.size());
          table.rules_.push_back(std::move(rule));
          break;
        }
        case FileKind::kPrefixes: {
          if (fields[1].size() != 1 || fields[1][0] < 'A' || fields[1][0] > 'Z') {
            return fail(absl::InvalidArgumentError(
                fmt::format("prefix '{}' must be one capital letter", fields[1])));
          }
          table.prefixes_.try_emplace({*state, fields[1][0]}, std::string(fields[2]));
          break;
        }
        case FileKind::kCities: {
          for (const std::string_view county : base::Split(fields[2], ',')) {
            table.cities_.try_emplace({*state, CountyKey(county)}, std::string(fields[1]));
          }
          break;
        }
        case FileKind::kSenateClasses: {
          std::set<int> classes;
          for (const std::string_view text : base::Split(fields[1], ',')) {
            const auto senate_class = base::ParseInt(base::Trim(text));
            if (!senate_class || *senate_class < 1 || *senate_class > 3) {
              return fail(absl::InvalidArgumentError(
                  fmt::format("class '{}' must be 1, 2 or 3", base::Trim(text))));
            }
            classes.insert(static_cast<int>(*senate_class));
          }
          // A later source's line for a state an earlier source lists is checked, not used.
          if (senate_classes_source.try_emplace(*state, source_idx).first->second == source_idx) {
            table.senate_classes_[*state].insert(classes.begin(), classes.end());
          }
          break;
        }
        case FileKind::kPrimarySystems: {
          const auto since = base::ParseInt(fields[2]);
          const auto until =
              fields[3] == "-" ? std::optional<int64_t>(9999) : base::ParseInt(fields[3]);
          if (!since || !until || *until < *since) {
            return fail(absl::InvalidArgumentError(fmt::format(
                "since '{}' and until '{}' must be years (until may be -)", fields[2], fields[3])));
          }
          if (primary_systems_source.try_emplace(*state, source_idx).first->second != source_idx) {
            break;  // checked above, not used: an earlier source lists this state
          }
          table.all_party_primaries_[*state].emplace_back(static_cast<int>(*since),
                                                          static_cast<int>(*until));
          break;
        }
        case FileKind::kBodies: {
          model::PartyBodyRule rule;
          rule.state = *state;
          rule.county = fields[1] == "*" ? "" : std::string(fields[1]);
          rule.body = std::string(fields[2]);
          if (rule.body.empty()) return fail(absl::InvalidArgumentError("body is empty"));
          const auto unit = model::ParseBodyUnit(fields[3]);
          if (!unit) {
            return fail(absl::InvalidArgumentError(
                fmt::format("unit '{}' must be precinct or district", fields[3])));
          }
          rule.unit = *unit;
          if (fields[4] != "?") {
            const auto members = base::ParseInt(fields[4]);
            if (!members || *members < 1 || *members > kMaxSeatsPerRace) {
              return fail(absl::InvalidArgumentError(
                  fmt::format("members '{}' must be a count from 1 to {}, or ? when it varies",
                              fields[4], kMaxSeatsPerRace)));
            }
            rule.members_per_unit = static_cast<int>(*members);
          }
          rule.source = std::string(fields[5]);
          rule.location = fmt::format("{}:{}", source.name, line_number);
          table.body_rules_.push_back(std::move(rule));
          break;
        }
      }
    }
    if (!kind) {
      return absl::InvalidArgumentError(fmt::format("{}: no header line", source.name));
    }
  }
  // A party seat whose body no bodies line sizes could never be counted: say so at load.
  for (const OfficeRule& rule : table.rules_) {
    if (rule.body.empty()) continue;
    const bool is_sized = std::any_of(
        table.body_rules_.begin(), table.body_rules_.end(), [&](const model::PartyBodyRule& body) {
          return body.body == rule.body && (body.state.empty() || body.state == rule.state);
        });
    if (!is_sized) {
      return absl::InvalidArgumentError(fmt::format(
          "{}: body '{}' has no line in a bodies file (header 'state county body unit members "
          "source')",
          rule.location, rule.body));
    }
  }
  return table;
}

const model::PartyBodyRule* OfficeTable::BodyRule(std::string_view state, std::string_view county,
                                                  std::string_view body) const {
  // The most specific line wins: the state and county, then the state, then every state.
  const model::PartyBodyRule* best = nullptr;
  int best_rank = -1;
  const std::string county_key = CountyKey(county);
  for (const model::PartyBodyRule& rule : body_rules_) {
    if (rule.body != body) continue;
    if (!rule.state.empty() && rule.state != state) continue;
    if (!rule.county.empty() && CountyKey(rule.county) != county_key) continue;
    const int rank = (rule.state.empty() ? 0 : 2) + (rule.county.empty() ? 0 : 1);
    if (rank > best_rank) {
      best = &rule;
      best_rank = rank;
    }
  }
  return best;
}

const OfficeTable& OfficeTable::Default() {
  static const OfficeTable kTable = [] {
    auto table = Parse(DefaultSources());
    // The sources are the project's own files, checked by office_table_test: a failure here is
    // a bug in the build, not in anyone's input.
    if (!table.ok()) std::fprintf(stderr, "%s\n", table.status().ToString().c_str());
    DOWNBALLOT_CHECK(table.ok());
    return *std::move(table);
  }();
  return kTable;
}

const OfficeRule* OfficeTable::Match(std::string_view state, const OfficeWords& words,
                                     size_t& match_end) const {
  for (const std::string_view scope : {state, std::string_view()}) {
    const auto it = rules_of_state_.find(scope);
    if (it == rules_of_state_.end()) continue;
    for (const size_t idx : it->second) {
      match_end = rules_[idx].MatchEnd(words);
      if (match_end != OfficeWords::kNotFound) return &rules_[idx];
    }
  }
  match_end = OfficeWords::kNotFound;
  return nullptr;
}

std::string OfficeTable::PartyOfPrefix(std::string_view state, char letter) const {
  const auto it = prefixes_.find({std::string(state), letter});
  return it == prefixes_.end() ? "" : it->second;
}

std::string OfficeTable::CityOf(std::string_view state, std::string_view county) const {
  const auto it = cities_.find({std::string(state), CountyKey(county)});
  return it == cities_.end() ? "" : it->second;
}

int OfficeTable::SenateClass(std::string_view state, int year, bool is_special) const {
  const auto it = senate_classes_.find(state);
  if (it == senate_classes_.end()) return 0;
  const int regular = RegularSenateClass(year);
  if (!it->second.contains(regular)) return 0;
  if (!is_special) return regular;
  for (const int other : it->second) {
    if (other != regular) return other;
  }
  return 0;
}

std::string OfficeTable::SenateSeat(std::string_view state, int year, bool is_special) const {
  const int senate_class = SenateClass(state, year, is_special);
  return senate_class == 0 ? "" : fmt::format("Class {}", senate_class);
}

bool OfficeTable::IsAllPartyPrimary(std::string_view state, int year) const {
  const auto it = all_party_primaries_.find(state);
  if (it == all_party_primaries_.end()) return false;
  for (const auto& [since, until] : it->second) {
    if (year >= since && year <= until) return true;
  }
  return false;
}

}  // namespace downballot::ingest
