#include "ingest/results_file_name.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "ingest/party_normalizer.h"
#include "model/election_stage.h"

namespace downballot::ingest {
namespace {

constexpr std::string_view kConvention =
    "YYYYMMDD__st__[party__]stage[__special][__county]__level.csv";

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> options) {
  for (const std::string_view option : options) {
    if (base::EqualsIgnoreCase(word, option)) return true;
  }
  return false;
}

bool IsStageWord(std::string_view token) {
  return IsOneOf(token, {"primary", "general", "special", "runoff"});
}

// Files named after one office instead of a county cover every county that voted on it.
bool IsOfficeWord(std::string_view token) {
  return IsOneOf(token, {"president", "us_house", "us_senate", "house", "senate", "congress",
                         "governor", "lieutenant_governor", "attorney_general", "comptroller",
                         "state_senate", "state_house", "state_assembly", "assembly",
                         "secretary_of_state", "statewide", "state_legislature"});
}

// The last token: how fine-grained the rows are. nullopt when it is no level word. Wisconsin
// reports by ward, its smallest unit, as other states report by precinct.
std::optional<bool> PrecinctLevelOf(std::string_view token) {
  if (IsOneOf(token, {"precinct", "precincts", "ward", "wards"})) return true;
  if (IsOneOf(token, {"county", "counties", "state"})) return false;
  return std::nullopt;
}

// "__" separates tokens; a single '_' separates the words of one token ("new_york"), except in
// the variant `primary_county`, where it stands for "__" after a stage word.
std::vector<std::string> Tokens(std::string_view stem) {
  std::vector<std::string> tokens;
  size_t start = 0;
  while (true) {
    const size_t end = stem.find("__", start);
    const std::string_view token =
        stem.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    const size_t underscore = token.find('_');
    if (underscore != std::string_view::npos && IsStageWord(token.substr(0, underscore))) {
      tokens.emplace_back(token.substr(0, underscore));
      tokens.emplace_back(token.substr(underscore + 1));
    } else {
      tokens.emplace_back(token);
    }
    if (end == std::string_view::npos) break;
    start = end + 2;
  }
  return tokens;
}

std::string Spaced(std::string_view token) {
  std::string out(token);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

// The stage the name's words describe. A runoff decides a primary when the name says
// "primary" (or names a party) and a general when it says "general"; a bare "runoff" decides a
// primary when it falls before November of its year, since general-election runoffs follow the
// November general (Georgia, Louisiana) and primary runoffs fall from spring to late summer.
model::ElectionStage StageOf(const base::Date& date, bool is_special, bool is_primary,
                             bool is_general, bool is_runoff) {
  constexpr int kNovember = 11;
  if (is_runoff) {
    const bool decides_primary = is_primary || (!is_general && date.month < kNovember);
    return decides_primary ? model::ElectionStage::kRunoff : model::ElectionStage::kGeneralRunoff;
  }
  if (is_special) {
    return is_primary ? model::ElectionStage::kSpecialPrimary : model::ElectionStage::kSpecial;
  }
  return is_primary ? model::ElectionStage::kPrimary : model::ElectionStage::kGeneral;
}

}  // namespace

std::string NormalizeCountyName(std::string_view raw) {
  std::string text = base::CollapseSpaces(Spaced(raw));
  bool has_lower = false;
  bool has_upper = false;
  for (const char c : text) {
    has_lower = has_lower || (c >= 'a' && c <= 'z');
    has_upper = has_upper || (c >= 'A' && c <= 'Z');
  }
  if (!(has_lower && has_upper)) {
    text = base::ToLower(text);
    bool is_word_start = true;
    for (char& c : text) {
      if (is_word_start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      is_word_start = c == ' ' || c == '-' || c == '.';
    }
  }
  // "St Lawrence" and "St.Lawrence" are how files spell St. Lawrence County.
  if (text.size() > 3 && base::StartsWithIgnoreCase(text, "st") &&
      (text[2] == ' ' || text[2] == '.')) {
    std::string_view rest = std::string_view(text).substr(3);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '.')) rest.remove_prefix(1);
    text = fmt::format("St. {}", rest);
  }
  return text;
}

absl::StatusOr<model::ResultFileInfo> ParseResultFileName(std::string_view path) {
  const std::string_view name = base::BaseName(path);
  const auto bad = [&](std::string_view why) {
    return absl::InvalidArgumentError(
        fmt::format("{}: file name does not follow the OpenElections convention {}: {}", path,
                    kConvention, why));
  };
  constexpr std::string_view kExtension = ".csv";
  if (name.size() <= kExtension.size() ||
      !base::EqualsIgnoreCase(name.substr(name.size() - kExtension.size()), kExtension)) {
    return bad("not a .csv file");
  }
  const std::vector<std::string> tokens = Tokens(name.substr(0, name.size() - kExtension.size()));
  for (const std::string& token : tokens) {
    if (token.empty()) return bad("empty part between underscores");
  }
  if (tokens.size() < 3) return bad("too few parts");

  model::ResultFileInfo info;
  const auto date = base::ParseDate(tokens[0]);
  if (tokens[0].size() != 8 || !date.ok()) {
    return bad(fmt::format("'{}' is not a YYYYMMDD date", tokens[0]));
  }
  info.date = *date;
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (tokens[1].size() != 2 || !is_letter(tokens[1][0]) || !is_letter(tokens[1][1])) {
    return bad(fmt::format("'{}' is not a two-letter state code", tokens[1]));
  }
  info.state = base::ToUpper(tokens[1]);

  size_t idx = 2;
  for (; idx < tokens.size() && !IsStageWord(tokens[idx]); ++idx) {
    if (!IsKnownParty(Spaced(tokens[idx]), info.state)) {
      return bad(fmt::format("'{}' is neither a party nor an election stage", tokens[idx]));
    }
    info.party = NormalizeParty(Spaced(tokens[idx]), info.state);
  }
  if (idx == tokens.size()) return bad("no election stage (primary, general, special, runoff)");
  bool is_special = false;
  bool is_primary = false;
  bool is_general = false;
  bool is_runoff = false;
  for (; idx < tokens.size() && IsStageWord(tokens[idx]); ++idx) {
    is_special = is_special || base::EqualsIgnoreCase(tokens[idx], "special");
    is_primary = is_primary || base::EqualsIgnoreCase(tokens[idx], "primary");
    is_general = is_general || base::EqualsIgnoreCase(tokens[idx], "general");
    is_runoff = is_runoff || base::EqualsIgnoreCase(tokens[idx], "runoff");
  }

  std::vector<std::string_view> rest(tokens.begin() + static_cast<std::ptrdiff_t>(idx),
                                     tokens.end());
  if (!rest.empty()) {
    if (const auto is_precinct = PrecinctLevelOf(rest.back())) {
      info.is_precinct_level = *is_precinct;
      rest.pop_back();
    } else if (!IsOfficeWord(rest.back())) {
      return bad(fmt::format("'{}' is not a level (precinct, county)", rest.back()));
    }
  }
  for (const std::string_view token : rest) {
    if (base::EqualsIgnoreCase(token, "special")) {
      is_special = true;
      continue;
    }
    if (base::EqualsIgnoreCase(token, "runoff")) {  // "primary__runoff__county"
      is_runoff = true;
      continue;
    }
    if (IsOfficeWord(token)) continue;
    if (!info.county.empty()) {
      return bad(fmt::format("'{}' follows the county '{}'", token, info.county));
    }
    info.county = NormalizeCountyName(token);
  }
  if (!is_special && !is_primary && !is_general && !is_runoff) {
    return bad("no election stage (primary, general, special, runoff)");
  }
  info.stage =
      StageOf(info.date, is_special, is_primary || !info.party.empty(), is_general, is_runoff);
  return info;
}

}  // namespace downballot::ingest
