#include "ingest/office_normalizer.h"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "fmt/format.h"
#include "ingest/office_words.h"
#include "ingest/party_normalizer.h"
#include "ingest/pseudo_row_classifier.h"
#include "ingest/us_states.h"

namespace downballot::ingest {
namespace {

using model::OfficeLevel;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
char Upper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> options) {
  for (const std::string_view option : options) {
    if (word == option) return true;
  }
  return false;
}

// "14th" -> "14", "07" -> "7"; nullopt for anything else.
std::optional<std::string> OrdinalNumber(std::string_view word) {
  size_t digits = 0;
  while (digits < word.size() && IsDigit(word[digits])) ++digits;
  if (digits == 0) return std::nullopt;
  const std::string_view suffix = word.substr(digits);
  if (!suffix.empty() && !IsOneOf(base::ToLower(suffix), {"st", "nd", "rd", "th"})) {
    return std::nullopt;
  }
  std::string_view number = word.substr(0, digits);
  while (number.size() > 1 && number.front() == '0') number.remove_prefix(1);
  return std::string(number);
}

std::string OrdinalText(const std::string& number) {
  const int last_two = number.size() >= 2
                           ? (number[number.size() - 2] - '0') * 10 + (number.back() - '0')
                           : number.back() - '0';
  const int last = number.back() - '0';
  std::string_view suffix = "th";
  if (last_two < 11 || last_two > 13) {
    if (last == 1) suffix = "st";
    if (last == 2) suffix = "nd";
    if (last == 3) suffix = "rd";
  }
  return number + std::string(suffix);
}

// The number of a district named in office words: "53RD DISTRICT", "1st Congress",
// "2nd Assembly Distric" (cut by a 40-character export), "District 14", "PRECINCT 101".
std::string DistrictNumberInWords(const OfficeWords& words) {
  for (size_t idx = 0; idx + 1 < words.size(); ++idx) {
    const auto number = OrdinalNumber(words[idx]);
    if (number &&
        IsOneOf(words[idx + 1], {"district", "distric", "dist", "congress", "congressional", "cd",
                                 "assembly", "ad", "senate", "sd", "judicial", "jd", "legislative",
                                 "ld", "council", "ward", "precinct"})) {
      return *number;
    }
  }
  for (size_t idx = 0; idx + 1 < words.size(); ++idx) {
    if (!IsOneOf(words[idx], {"district", "distric", "dist", "ward", "precinct", "pct", "d"})) {
      continue;
    }
    if (const auto number = OrdinalNumber(words[idx + 1])) return *number;
  }
  // "CC, D1", "BOE D3": a district letter fused to its number.
  for (size_t idx = 0; idx < words.size(); ++idx) {
    const std::string& word = words[idx];
    if (word.size() >= 2 && word[0] == 'd' && IsDigit(word[1])) {
      if (const auto number = OrdinalNumber(std::string_view(word).substr(1))) return *number;
    }
  }
  return "";
}

// The Assembly district of a judicial-convention delegate seat: "... 130th Assembly District",
// "... - 129TH ASSEMBLY DISTRICT", "... 65th AD". The judicial district ("5th Judicial District",
// "10th JD") names the convention, not the seat, so it is skipped.
std::string AssemblyNumberInWords(const OfficeWords& words) {
  for (size_t idx = 0; idx + 1 < words.size(); ++idx) {
    const auto number = OrdinalNumber(words[idx]);
    if (number && IsOneOf(words[idx + 1], {"assembly", "ad"})) return *number;
  }
  return "";
}

// A district written with its kind, as Suffolk's state committee seats are ("1st CD", "8th AD"):
// returns the number and "CD"/"AD"/"SD", or nullopt.
std::optional<std::pair<std::string, std::string>> UnitDistrictInWords(const OfficeWords& words) {
  for (size_t idx = 0; idx + 1 < words.size(); ++idx) {
    const auto number = OrdinalNumber(words[idx]);
    if (!number) continue;
    const std::string& unit = words[idx + 1];
    if (IsOneOf(unit, {"cd", "ad", "sd", "ld"})) return std::pair{*number, base::ToUpper(unit)};
    if (unit == "congressional") return std::pair{*number, std::string("CD")};
    if (unit == "assembly") return std::pair{*number, std::string("AD")};
    if (unit == "senate") return std::pair{*number, std::string("SD")};
  }
  return std::nullopt;
}

// "Branch 8", "Place 3", "Seat 2": the words that number judicial and at-large seats.
std::string NumberedSeatInWords(const OfficeWords& words) {
  for (size_t idx = 0; idx + 1 < words.size(); ++idx) {
    if (!IsOneOf(words[idx], {"branch", "place", "seat", "position", "post", "division", "dept",
                              "department", "office"})) {
      continue;
    }
    if (const auto number = OrdinalNumber(words[idx + 1])) {
      std::string kind = words[idx];
      kind.front() = Upper(kind.front());
      return fmt::format("{} {}", kind, *number);
    }
  }
  return "";
}

// Words that keep their case in readable district and place names.
bool IsUpperCaseToken(std::string_view lower_word) {
  return IsOneOf(lower_word, {"ed", "ad", "cd", "sd", "jd", "ld", "nyc", "us", "ii", "iii", "iv"});
}

// Readable form of free text taken from an office or district cell: '#' dropped, spacing and
// stray separators trimmed, and title case when the source shouted ("TOWN OF CICERO DISTRICT
// 8" -> "Town of Cicero District 8"). Mixed-case text keeps its capitals ("McDonough").
std::string Readable(std::string_view text) {
  std::string cleaned;
  cleaned.reserve(text.size());
  for (const char c : text) cleaned.push_back(c == '#' ? ' ' : c);
  std::string collapsed = base::CollapseSpaces(cleaned);
  std::string_view view = collapsed;
  while (!view.empty() && (view.front() == '-' || view.front() == ':' || view.front() == ',' ||
                           view.front() == ' ')) {
    view.remove_prefix(1);
  }
  while (!view.empty() &&
         (view.back() == '-' || view.back() == ':' || view.back() == ',' || view.back() == ' ')) {
    view.remove_suffix(1);
  }
  bool has_lower = false;
  bool has_upper = false;
  for (const char c : view) {
    has_lower = has_lower || IsLower(c);
    has_upper = has_upper || IsUpper(c);
  }
  if (has_lower && has_upper) return std::string(view);
  std::string out;
  bool is_first_word = true;
  for (const std::string_view word : base::Split(view, ' ')) {
    if (word.empty()) continue;
    std::string lower = base::ToLower(word);
    if (!out.empty()) out.push_back(' ');
    if (IsUpperCaseToken(lower)) {
      out += base::ToUpper(lower);
    } else if (!is_first_word && IsOneOf(lower, {"of", "the", "and", "at", "in", "on", "for"})) {
      out += lower;
    } else if (!lower.empty() && IsDigit(lower.front())) {
      // "5TH" -> "5th", but a code such as "64RH" keeps its letters upper case.
      out += OrdinalNumber(lower) ? lower : base::ToUpper(lower);
    } else {
      const size_t first_letter = lower.find_first_not_of("(\"-");
      if (first_letter != std::string::npos) lower[first_letter] = Upper(lower[first_letter]);
      out += lower;
    }
    is_first_word = false;
  }
  return out;
}

// The district cell as a district: plain numbers lose ordinals, leading zeros and a float's
// ".0" ("07" -> "7", Broome's "124.0" -> "124"), "District 14" -> "14", anything else ("64RH",
// "46023") is kept with spacing collapsed.
std::string DistrictFromCell(std::string_view cell) {
  const std::string collapsed = base::CollapseSpaces(cell);
  if (collapsed.empty()) return "";
  if (std::string number = PlainDistrictNumber(collapsed); !number.empty()) return number;
  const OfficeWords words(collapsed);
  if (std::string number = DistrictNumberInWords(words); !number.empty()) return number;
  return collapsed;
}

// "Female State Committee", "State Committeewoman" -> " (Female)".
std::string GenderSuffix(const OfficeWords& words) {
  if (words.HasAny({"female", "committeewoman", "woman", "committeewomen"})) return " (Female)";
  if (words.HasAny({"male", "committeeman", "man", "committeemen"})) return " (Male)";
  return "";
}

// Words that end a place name: "CITY OF ALBEMARLE CITY COUNCIL" is the City of Albemarle.
bool EndsPlaceName(std::string_view word) {
  const std::string lower = base::ToLower(word);
  return word.starts_with('(') ||
         IsOneOf(lower, {"council",  "councilman", "councilwoman", "councilmember", "mayor",
                         "clerk",    "board",      "commissioner", "commissioners", "trustee",
                         "trustees", "supervisor", "justice",      "judge",         "alderman",
                         "aldermen", "member",     "members",      "ward",          "district",
                         "at",       "receiver",   "treasurer",    "town",          "city",
                         "village",  "-"});
}

// The town, city or village an office text names: "Councilman Town of Huntington" -> "Town of
// Huntington", "Volney Town Clerk" -> "Town of Volney". "" when none is named.
std::string PlaceInText(std::string_view text) {
  const std::vector<std::string_view> raw_words = base::Split(base::Trim(text), ' ');
  std::vector<std::string_view> words;
  for (const std::string_view word : raw_words) {
    if (!word.empty() && word != "-") words.push_back(word);
  }
  for (size_t idx = 0; idx + 2 < words.size(); ++idx) {
    const std::string kind = base::ToLower(words[idx]);
    if (IsOneOf(kind, {"town", "city", "village"}) &&
        base::EqualsIgnoreCase(words[idx + 1], "of")) {
      std::string place = std::string(words[idx]) + " " + std::string(words[idx + 1]);
      for (size_t rest = idx + 2; rest < words.size(); ++rest) {
        if (rest > idx + 2 && EndsPlaceName(words[rest])) break;
        place.push_back(' ');
        place += words[rest];
      }
      return Readable(place);
    }
  }
  // "<Name> Town <office>": every word before "Town" is part of a capitalised place name.
  for (size_t idx = 1; idx + 1 < words.size(); ++idx) {
    const std::string kind = base::ToLower(words[idx]);
    if (!IsOneOf(kind, {"town", "city", "village"})) continue;
    bool is_place = true;
    for (size_t before = 0; before < idx; ++before) {
      const std::string lower = base::ToLower(words[before]);
      if (!IsUpper(words[before].front()) ||
          IsOneOf(lower, {"member", "members", "of", "the", "for", "judge", "justice", "council",
                          "councilman", "councilwoman", "councilmember", "clerk", "receiver",
                          "supervisor", "mayor", "trustee", "county"})) {
        is_place = false;
        break;
      }
    }
    if (!is_place) continue;
    std::string name;
    for (size_t before = 0; before < idx; ++before) {
      if (!name.empty()) name.push_back(' ');
      name += words[before];
    }
    return fmt::format("{} of {}", Readable(kind), Readable(name));
  }
  return "";
}

// The county an office text names: "Dane County Circuit Court, Branch 8" -> "Dane",
// "Buffalo-Pepin County Circuit Court" -> "Buffalo-Pepin". "" when the text names none.
std::string CountyInText(std::string_view text) {
  const std::string lower = base::ToLower(text);
  const size_t pos = lower.find(" county");
  if (pos == std::string::npos || pos == 0) return "";
  const std::string_view name = base::Trim(text.substr(0, pos));
  for (const char c : name) {
    if (IsDigit(c) || c == ',' || c == '(' || c == ':') return "";
  }
  return Readable(name);
}

// "(VOTE FOR 4)" and "Vote for 2" say how many win, not which seat it is: returns the text
// without them and the count (0 when the text names none; "vote for any" counts none).
std::pair<std::string, int> SplitVoteFor(std::string text) {
  const std::string lower = base::ToLower(text);
  const size_t pos = lower.rfind("vote for");
  if (pos == std::string::npos || pos == 0) return {std::move(text), 0};
  std::string_view tail = std::string_view(lower).substr(pos + std::string_view("vote for").size());
  tail = base::Trim(tail);
  if (!tail.empty() && tail.back() == ')') tail.remove_suffix(1);
  tail = base::Trim(tail);
  int count = 0;
  if (const auto number = OrdinalNumber(tail)) {
    count = static_cast<int>(base::ParseInt(*number).value_or(0));
  } else {
    constexpr std::string_view kWords[] = {"one", "two",   "three", "four", "five",
                                           "six", "seven", "eight", "nine", "ten"};
    bool is_word = tail == "any";
    for (size_t idx = 0; idx < std::size(kWords); ++idx) {
      if (tail == kWords[idx]) {
        count = static_cast<int>(idx) + 1;
        is_word = true;
      }
    }
    if (!is_word) return {std::move(text), 0};
  }
  if (count > kMaxSeatsPerRace) count = 0;
  text.resize(pos);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '(' || text.back() == '-' || text.back() == ',')) {
    text.pop_back();
  }
  return {std::move(text), count};
}

std::string DistrictOf(const OfficeRule& rule, const OfficeTable& table,
                       const OfficeContext& context, std::string_view text,
                       const OfficeWords& words, size_t match_end, std::string_view cell,
                       bool is_special) {
  switch (rule.district) {
    case DistrictRule::kNone:
      return "";
    case DistrictRule::kNumber: {
      if (std::string from_cell = DistrictFromCell(cell); !from_cell.empty()) return from_cell;
      return DistrictNumberInWords(words);
    }
    case DistrictRule::kTextNumber: {
      if (std::string from_text = DistrictNumberInWords(words); !from_text.empty()) {
        return from_text;
      }
      return DistrictFromCell(cell);
    }
    case DistrictRule::kCell: {
      // Suffolk's office text is cut at 40 characters ("Islip ED# 13" for ED 131): the cell,
      // when there is one, is the full code.
      if (std::string collapsed = base::CollapseSpaces(cell); !collapsed.empty()) return collapsed;
      if (match_end == OfficeWords::kNotFound || match_end == 0) return "";
      return Readable(text.substr(words.end_offset(match_end - 1)));
    }
    case DistrictRule::kSeat: {
      // The cell is kept whole: "8th Judicial Circuit, Group 11" names both circuit and seat.
      if (std::string seat = NumberedSeatInWords(words); !seat.empty()) return seat;
      if (std::string collapsed = base::CollapseSpaces(cell); !collapsed.empty()) {
        std::string number = PlainDistrictNumber(collapsed);
        return number.empty() ? collapsed : number;
      }
      return DistrictNumberInWords(words);
    }
    case DistrictRule::kAssembly: {
      // Delegates are elected by Assembly district, numbered statewide.
      if (std::string assembly = AssemblyNumberInWords(words); !assembly.empty()) return assembly;
      return DistrictFromCell(cell);
    }
    case DistrictRule::kUnit: {
      // Suffolk writes which kind of district a state committee seat is in ("1st CD", "8th
      // AD") and only its number in the cell; the kind keeps CD 1 and AD 1 apart.
      std::string district = DistrictFromCell(cell);
      if (const auto unit = UnitDistrictInWords(words);
          unit && (district.empty() || district == unit->first)) {
        return fmt::format("{} {}", OrdinalText(unit->first), unit->second);
      }
      if (district.empty()) district = DistrictNumberInWords(words);
      return district;
    }
    case DistrictRule::kPlace: {
      // A named place is the seat; Suffolk puts its town code in the district cell of these
      // rows, so the cell only counts when the text names no place (NYC council districts).
      // A ward or district of the place is part of the seat: "City of Lincolnton Ward 1".
      if (std::string place = PlaceInText(text); !place.empty()) {
        for (size_t idx = 0; idx + 1 < words.size(); ++idx) {
          if (!IsOneOf(words[idx], {"ward", "district"})) continue;
          if (const auto number = OrdinalNumber(words[idx + 1])) {
            return fmt::format("{} {} {}", place, words[idx] == "ward" ? "Ward" : "District",
                               *number);
          }
        }
        return place;
      }
      if (std::string from_cell = DistrictFromCell(cell); !from_cell.empty()) return from_cell;
      return DistrictNumberInWords(words);
    }
    case DistrictRule::kSenateClass:
      return table.SenateSeat(context.state, context.year, is_special);
  }
  return "";
}

std::string JurisdictionOf(const OfficeRule& rule, const OfficeTable& table,
                           const OfficeContext& context, std::string_view text) {
  switch (rule.scope) {
    case SeatScope::kStatewide:
    case SeatScope::kDistrict:
      return "";
    case SeatScope::kCounty:
      return std::string(context.county);
    case SeatScope::kCity: {
      std::string city = table.CityOf(context.state, context.county);
      return city.empty() ? std::string(context.county) : city;
    }
    case SeatScope::kNamedCounty: {
      std::string named = CountyInText(text);
      return named.empty() ? std::string(context.county) : named;
    }
  }
  return std::string(context.county);
}

std::string OfficeName(const OfficeRule& rule, std::string_view text, const OfficeWords& words) {
  std::string office = rule.office;
  if (const size_t pos = office.find("{gender}"); pos != std::string::npos) {
    office.replace(pos, std::string_view("{gender}").size(), GenderSuffix(words));
  }
  if (const size_t pos = office.find("{text}"); pos != std::string::npos) {
    office.replace(pos, std::string_view("{text}").size(), Readable(text));
  }
  return office;
}

}  // namespace

std::string PlainDistrictNumber(std::string_view text) {
  std::string_view trimmed = base::Trim(text);
  // Broome 2018 exports districts as floats: "124.0" is district 124.
  if (const size_t dot = trimmed.find('.'); dot != std::string_view::npos && dot > 0) {
    const std::string_view fraction = trimmed.substr(dot + 1);
    if (fraction.find_first_not_of('0') != std::string_view::npos) return "";
    trimmed = trimmed.substr(0, dot);
    for (const char c : trimmed) {
      if (!IsDigit(c)) return "";
    }
  }
  return OrdinalNumber(trimmed).value_or("");
}

NormalizedOffice NormalizeOffice(const OfficeTable& table, const OfficeContext& context,
                                 std::string_view office_raw, std::string_view district_raw) {
  std::string text = base::CollapseSpaces(office_raw);
  NormalizedOffice out;
  // A one-letter party prefix ("C - Member of State Committee 1st CD"), where the state's table
  // knows the letter.
  constexpr std::string_view kLetterSeparator = " - ";
  if (text.size() > 1 + kLetterSeparator.size() && IsUpper(text[0]) &&
      std::string_view(text).substr(1, kLetterSeparator.size()) == kLetterSeparator) {
    out.party_from_office = table.PartyOfPrefix(context.state, text[0]);
    if (!out.party_from_office.empty()) text.erase(0, 1 + kLetterSeparator.size());
  }
  // "NC STATE SENATE DISTRICT 42 (REP)": a trailing parenthesised party names the primary.
  if (auto split = SplitPartySuffix(text, context.state, SuffixForms::kParentheses)) {
    text = std::move(split->text);
    if (out.party_from_office.empty()) out.party_from_office = std::move(split->party);
  }
  int seats_in_text = 0;
  std::tie(text, seats_in_text) = SplitVoteFor(std::move(text));
  if (ClassifyOfficeLabel(text).has_value()) {
    NormalizedOffice turnout;
    turnout.party_from_office = std::move(out.party_from_office);
    return turnout;
  }
  const OfficeWords words(text);
  const std::string cell = base::CollapseSpaces(district_raw);
  size_t match_end = OfficeWords::kNotFound;
  const OfficeRule* rule = table.Match(context.state, words, match_end);
  if (rule == nullptr) {
    out.office = Readable(text);
    out.district = DistrictFromCell(cell);
    out.level = OfficeLevel::kOther;
    out.jurisdiction = std::string(context.county);
    out.seats = seats_in_text;
    out.is_seats_from_data = seats_in_text > 0;
    return out;
  }
  const bool is_special = context.is_special || words.HasAny({"special", "unexpired"});
  out.office = OfficeName(*rule, text, words);
  out.level = rule->level;
  out.district = DistrictOf(*rule, table, context, text, words, match_end, cell, is_special);
  out.jurisdiction = JurisdictionOf(*rule, table, context, text);
  // A state with one House member elects them at large, whatever the file writes ("0", "1").
  out.is_statewide = rule->scope == SeatScope::kStatewide;
  if (out.office == "U.S. House" && HasOneAtLargeSeat(context.state, context.year)) {
    out.district = "AL";
    out.is_statewide = true;
  }
  out.seats = seats_in_text > 0 ? seats_in_text : rule->seats;
  out.is_seats_from_data = seats_in_text > 0;
  out.rule = rule->location;
  out.body = rule->body;
  return out;
}

}  // namespace downballot::ingest
