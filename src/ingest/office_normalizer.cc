#include "ingest/office_normalizer.h"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "fmt/format.h"
#include "ingest/party_normalizer.h"
#include "ingest/pseudo_row_classifier.h"

namespace downballot::ingest {
namespace {

using model::OfficeLevel;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlnum(char c) { return IsDigit(c) || IsLower(c) || IsUpper(c); }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> options) {
  for (const std::string_view option : options) {
    if (word == option) return true;
  }
  return false;
}

// The lowercase words of an office text, the form every rule below matches on:
// "U.S. House 1st Congress" -> us house 1st congress. Periods and apostrophes join a word
// ("U.S." -> "us", "Surrogate's" -> "surrogates"); any other punctuation separates words, so
// "ED# 13", "- 53RD DISTRICT" and "Civil Court - County" split cleanly.
class OfficeWords {
 public:
  explicit OfficeWords(std::string_view text) {
    std::string word;
    for (const char c : text) {
      if (c == '.' || c == '\'') continue;
      if (IsAlnum(c)) {
        word.push_back(Lower(c));
        continue;
      }
      if (!word.empty()) words_.push_back(std::move(word));
      word.clear();
    }
    if (!word.empty()) words_.push_back(std::move(word));
    // "U S House" (Tompkins 2018) is the same office as "U.S. House".
    for (size_t idx = 0; idx + 1 < words_.size(); ++idx) {
      if (words_[idx] == "u" && words_[idx + 1] == "s") {
        words_[idx] = "us";
        words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(idx) + 1);
      }
    }
  }

  [[nodiscard]] size_t size() const { return words_.size(); }
  [[nodiscard]] const std::string& operator[](size_t idx) const { return words_[idx]; }

  [[nodiscard]] bool Has(std::string_view word) const { return Find({word}) != kNotFound; }

  [[nodiscard]] bool HasAny(std::initializer_list<std::string_view> words) const {
    for (const std::string_view word : words) {
      if (Has(word)) return true;
    }
    return false;
  }

  [[nodiscard]] bool HasPrefix(std::string_view prefix) const {
    for (const std::string& word : words_) {
      if (word.starts_with(prefix)) return true;
    }
    return false;
  }

  // Index of the first run of words equal to `phrase`, or kNotFound.
  [[nodiscard]] size_t Find(std::initializer_list<std::string_view> phrase) const {
    if (phrase.size() == 0 || phrase.size() > words_.size()) return kNotFound;
    for (size_t start = 0; start + phrase.size() <= words_.size(); ++start) {
      size_t offset = 0;
      for (const std::string_view part : phrase) {
        if (words_[start + offset] != part) break;
        ++offset;
      }
      if (offset == phrase.size()) return start;
    }
    return kNotFound;
  }

  [[nodiscard]] bool HasPhrase(std::initializer_list<std::string_view> phrase) const {
    return Find(phrase) != kNotFound;
  }

  [[nodiscard]] bool StartsWith(std::initializer_list<std::string_view> phrase) const {
    return Find(phrase) == 0;
  }

  static constexpr size_t kNotFound = static_cast<size_t>(-1);

 private:
  std::vector<std::string> words_;
};

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
// "2nd Assembly Distric" (cut by a 40-character export), "District 14", "4th District".
std::string DistrictNumberInWords(const OfficeWords& words) {
  for (size_t idx = 0; idx + 1 < words.size(); ++idx) {
    const auto number = OrdinalNumber(words[idx]);
    if (number &&
        IsOneOf(words[idx + 1],
                {"district", "distric", "dist", "congress", "congressional", "cd", "assembly", "ad",
                 "senate", "sd", "judicial", "jd", "legislative", "ld", "council", "ward"})) {
      return *number;
    }
  }
  for (size_t idx = 0; idx + 1 < words.size(); ++idx) {
    if (!IsOneOf(words[idx], {"district", "distric", "dist", "ward"})) continue;
    if (const auto number = OrdinalNumber(words[idx + 1])) return *number;
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
      lower.front() = Upper(lower.front());
      out += lower;
    }
    is_first_word = false;
  }
  return out;
}

// The district cell as a district: plain numbers lose ordinals and leading zeros ("07" -> "7"),
// "District 14" -> "14", anything else ("64RH", "46023") is kept with spacing collapsed.
std::string DistrictFromCell(std::string_view cell) {
  const std::string collapsed = base::CollapseSpaces(cell);
  if (collapsed.empty()) return "";
  if (std::string number = PlainDistrictNumber(collapsed); !number.empty()) return number;
  const OfficeWords words(collapsed);
  if (std::string number = DistrictNumberInWords(words); !number.empty()) return number;
  return collapsed;
}

// Numbered seats (U.S. House, legislature, committee seats by Assembly district): the district
// cell when the file has one, else the number written in the office text.
std::string NumberedDistrict(const OfficeWords& words, std::string_view cell) {
  if (std::string from_cell = DistrictFromCell(cell); !from_cell.empty()) return from_cell;
  return DistrictNumberInWords(words);
}

// "Female State Committee", "State Committeewoman" -> " (Female)".
std::string GenderSuffix(const OfficeWords& words) {
  if (words.HasAny({"female", "committeewoman", "woman"})) return " (Female)";
  if (words.HasAny({"male", "committeeman", "man"})) return " (Male)";
  return "";
}

bool IsNewYorkCityCounty(std::string_view county) {
  for (const std::string_view borough : {"New York", "Kings", "Queens", "Bronx", "Richmond"}) {
    if (base::EqualsIgnoreCase(county, borough)) return true;
  }
  return false;
}

// Everything after the first occurrence of `word` (case-insensitive, whole word) in `text`.
std::string_view TextAfterWord(std::string_view text, std::string_view word) {
  const std::string lower = base::ToLower(text);
  size_t pos = 0;
  while ((pos = lower.find(word, pos)) != std::string::npos) {
    const size_t end = pos + word.size();
    const bool starts_word = pos == 0 || !IsAlnum(lower[pos - 1]);
    const bool ends_word = end == lower.size() || !IsAlnum(lower[end]);
    if (starts_word && ends_word) return text.substr(end);
    pos = end;
  }
  return {};
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
      std::string place;
      for (size_t rest = idx; rest < words.size(); ++rest) {
        if (!place.empty()) place.push_back(' ');
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
    const std::string readable_kind = Readable(kind);
    return fmt::format("{} of {}", readable_kind, Readable(name));
  }
  return "";
}

// Municipal seats are local to their county, except New York City's, which span five counties
// (NYC has no towns or villages, so every municipal seat there is the city's).
std::string CityJurisdiction(std::string_view county) {
  return IsNewYorkCityCounty(county) ? "New York City" : std::string(county);
}

// "(VOTE FOR 4)" and "Vote for 2" say how many win, not which seat it is.
std::string WithoutVoteFor(std::string text) {
  const std::string lower = base::ToLower(text);
  const size_t pos = lower.rfind("vote for");
  if (pos == std::string::npos || pos == 0) return text;
  std::string_view tail = std::string_view(lower).substr(pos + std::string_view("vote for").size());
  tail = base::Trim(tail);
  if (!tail.empty() && tail.back() == ')') tail.remove_suffix(1);
  tail = base::Trim(tail);
  const bool is_count =
      !tail.empty() && (OrdinalNumber(tail).has_value() ||
                        IsOneOf(tail, {"one", "two", "three", "four", "five", "six", "seven",
                                       "eight", "nine", "ten", "any"}));
  if (!is_count) return text;
  text.resize(pos);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '(' || text.back() == '-' || text.back() == ',')) {
    text.pop_back();
  }
  return text;
}

NormalizedOffice Seat(std::string office, std::string district, OfficeLevel level,
                      std::string jurisdiction) {
  NormalizedOffice out;
  out.office = std::move(office);
  out.district = std::move(district);
  out.level = level;
  out.jurisdiction = std::move(jurisdiction);
  return out;
}

// Party positions: elected in primaries, one party's members voting (NY Election Law §2-102).
std::optional<NormalizedOffice> PartyOffice(std::string_view text, const OfficeWords& words,
                                            std::string_view cell, std::string_view county) {
  if (words.HasPrefix("delegat")) {
    const bool is_alternate = words.HasAny({"alt", "alternate", "alternates"});
    if (words.Has("judicial") || words.Has("jd")) {
      std::string district = AssemblyNumberInWords(words);
      if (district.empty()) district = DistrictFromCell(cell);
      // Delegates are elected by Assembly district, which is numbered statewide.
      return Seat(is_alternate ? "Alternate Judicial Delegate" : "Judicial Delegate",
                  std::move(district), OfficeLevel::kParty, "");
    }
    if (words.HasAny({"national", "convention"})) {
      // Presidential-primary delegates are elected by congressional district.
      return Seat(
          is_alternate ? "Alternate National Convention Delegate" : "National Convention Delegate",
          NumberedDistrict(words, cell), OfficeLevel::kParty, "");
    }
  }
  const std::string gender = GenderSuffix(words);
  if (words.HasPhrase({"state", "committee"}) ||
      (words.Has("state") && words.HasAny({"committeeman", "committeewoman"}))) {
    std::string district = DistrictFromCell(cell);
    // Suffolk writes which kind of district the seat is in the office text ("1st CD", "8th AD")
    // and only its number in the cell; keep the kind so CD 1 and AD 1 stay apart.
    if (const auto unit = UnitDistrictInWords(words);
        unit && (district.empty() || district == unit->first)) {
      district = fmt::format("{} {}", OrdinalText(unit->first), unit->second);
    }
    if (district.empty()) district = DistrictNumberInWords(words);
    return Seat("State Committee" + gender, std::move(district), OfficeLevel::kParty, "");
  }
  if (words.HasPhrase({"county", "committee"}) ||
      (words.Has("county") && words.HasAny({"committeeman", "committeewoman"}))) {
    // The cell is the election district code when present; Suffolk's office text is cut at 40
    // characters ("Islip ED# 13" for ED 131), so the cell wins.
    std::string district = base::CollapseSpaces(cell);
    if (district.empty()) {
      std::string_view rest = TextAfterWord(text, "committee");
      if (rest.empty()) rest = TextAfterWord(text, "committeeman");
      if (rest.empty()) rest = TextAfterWord(text, "committeewoman");
      district = Readable(rest);
    }
    return Seat("County Committee" + gender, std::move(district), OfficeLevel::kParty,
                std::string(county));
  }
  if (words.HasPhrase({"district", "leader"})) {
    // District leaders are officers of a county party committee, so local to the county even
    // when the Assembly district they sit for crosses a county line.
    std::string district = base::CollapseSpaces(cell);
    if (district.empty()) district = DistrictNumberInWords(words);
    return Seat("District Leader" + gender, std::move(district), OfficeLevel::kParty,
                std::string(county));
  }
  return std::nullopt;
}

std::optional<NormalizedOffice> FederalOffice(const OfficeWords& words, std::string_view cell) {
  const bool is_local = words.HasAny(
      {"borough", "village", "council", "board", "town", "city", "county", "school", "conference"});
  if (!is_local && (words.StartsWith({"president"}) || words.HasPhrase({"us", "president"}) ||
                    words.HasPhrase({"president", "of", "the", "united", "states"}) ||
                    words.HasPhrase({"presidential", "electors"}))) {
    return Seat("President", "", OfficeLevel::kFederal, "");
  }
  if (words.HasPhrase({"us", "senate"}) || words.HasPhrase({"us", "senator"}) ||
      words.HasPhrase({"united", "states", "senate"}) ||
      words.HasPhrase({"united", "states", "senator"})) {
    return Seat("U.S. Senate", "", OfficeLevel::kFederal, "");
  }
  if (words.HasPhrase({"us", "house"}) || words.HasPhrase({"us", "representative"}) ||
      words.HasPhrase({"us", "congress"}) ||
      words.HasPhrase({"representative", "in", "congress"}) ||
      words.HasPhrase({"member", "of", "congress"}) ||
      words.HasPhrase({"united", "states", "representative"}) ||
      words.HasPhrase({"united", "states", "house"}) || words.Has("congressional") ||
      words.StartsWith({"congress"})) {
    return Seat("U.S. House", NumberedDistrict(words, cell), OfficeLevel::kFederal, "");
  }
  return std::nullopt;
}

std::optional<NormalizedOffice> StateOffice(const OfficeWords& words, std::string_view cell) {
  const bool is_local = words.HasAny({"county", "city", "town", "village", "borough"});
  if (words.HasPhrase({"lieutenant", "governor"}) || words.HasPhrase({"lt", "governor"}) ||
      words.HasPhrase({"lieut", "governor"}) || words.HasPhrase({"lt", "gov"})) {
    // "Governor and Lieutenant Governor" is the governor's race (one joint vote).
    if (!words.StartsWith({"governor"}))
      return Seat("Lieutenant Governor", "", OfficeLevel::kState, "");
  }
  if (!is_local && (words.StartsWith({"governor"}) || words.HasPhrase({"state", "governor"}))) {
    return Seat("Governor", "", OfficeLevel::kState, "");
  }
  if (!is_local && words.HasPhrase({"attorney", "general"})) {
    return Seat("Attorney General", "", OfficeLevel::kState, "");
  }
  if (!is_local && words.Has("comptroller"))
    return Seat("Comptroller", "", OfficeLevel::kState, "");
  if (!is_local && words.HasPhrase({"secretary", "of", "state"})) {
    return Seat("Secretary of State", "", OfficeLevel::kState, "");
  }
  if (words.HasPhrase({"state", "senate"}) || words.HasPhrase({"state", "senator"}) ||
      (words.size() <= 2 && words.HasAny({"senate", "senator"}) && !cell.empty())) {
    return Seat("State Senate", NumberedDistrict(words, cell), OfficeLevel::kState, "");
  }
  if (words.HasAny({"assembly", "assemblyman", "assemblywoman", "assemblymember"}) ||
      words.HasPhrase({"state", "house"}) || words.HasPhrase({"state", "representative"})) {
    return Seat("State Assembly", NumberedDistrict(words, cell), OfficeLevel::kState, "");
  }
  return std::nullopt;
}

std::optional<NormalizedOffice> JudicialOffice(std::string_view text, const OfficeWords& words,
                                               std::string_view cell, std::string_view county) {
  if (!words.HasAny(
          {"judge", "judges", "justice", "justices", "court", "surrogate", "surrogates"})) {
    return std::nullopt;
  }
  const auto local = [&](std::string office) {
    std::string district = DistrictNumberInWords(words);
    if (district.empty()) district = DistrictFromCell(cell);
    return Seat(std::move(office), std::move(district), OfficeLevel::kJudicial,
                std::string(county));
  };
  if (words.HasPhrase({"supreme", "court"})) {
    // Supreme Court justices are elected by judicial district, which spans several counties.
    std::string district = DistrictNumberInWords(words);
    if (district.empty()) district = DistrictFromCell(cell);
    return Seat("Supreme Court Justice", std::move(district), OfficeLevel::kJudicial, "");
  }
  if (words.HasPhrase({"court", "of", "appeals"})) {
    return Seat("Court of Appeals Judge", "", OfficeLevel::kJudicial, "");
  }
  if (words.HasPhrase({"civil", "court"})) {
    // NYC elects civil court judges countywide and by municipal court district: two seat kinds.
    const size_t after = words.Find({"civil", "court"}) + 2;
    std::string office = "Civil Court Judge";
    if (after < words.size() && words[after] == "county") office += " - County";
    if (after < words.size() && words[after] == "district") office += " - District";
    return Seat(std::move(office), DistrictFromCell(cell), OfficeLevel::kJudicial,
                std::string(county));
  }
  if (words.HasPhrase({"family", "court"})) return local("Family Court Judge");
  if (words.HasAny({"surrogate", "surrogates"})) return local("Surrogate's Court Judge");
  if (words.HasPhrase({"county", "court"})) return local("County Court Judge");
  if (words.HasPhrase({"city", "court"})) return local("City Court Judge");
  if (words.HasPhrase({"district", "court"})) return local("District Court Judge");
  if (words.HasPhrase({"court", "of", "claims"})) {
    return Seat("Court of Claims Judge", "", OfficeLevel::kJudicial, "");
  }
  for (const auto& [kind, office] :
       {std::pair<std::string_view, std::string_view>{"town", "Town Justice"},
        {"village", "Village Justice"}}) {
    if (words.Has(kind) && words.HasAny({"justice", "justices"})) {
      std::string district = PlaceInText(text);
      if (district.empty()) district = DistrictFromCell(cell);
      return Seat(std::string(office), std::move(district), OfficeLevel::kJudicial,
                  std::string(county));
    }
  }
  return local(Readable(text));
}

std::optional<NormalizedOffice> CountyOffice(const OfficeWords& words, std::string_view cell,
                                             std::string_view county) {
  const auto seat = [&](std::string office, std::string district = "") {
    return Seat(std::move(office), std::move(district), OfficeLevel::kCounty, std::string(county));
  };
  if (words.Has("sheriff")) return seat("Sheriff");
  if (words.HasPhrase({"district", "attorney"})) return seat("District Attorney");
  if (words.HasPhrase({"borough", "president"})) return seat("Borough President");
  if (words.HasPhrase({"county", "clerk"})) return seat("County Clerk");
  if (words.HasPhrase({"county", "executive"})) return seat("County Executive");
  if (words.HasPhrase({"county", "treasurer"})) return seat("County Treasurer");
  if (words.HasPhrase({"county", "comptroller"})) return seat("County Comptroller");
  if (words.HasAny({"coroner", "coroners"})) return seat("Coroner");
  if (words.HasPrefix("legislat") && !words.Has("state")) {
    return seat("County Legislature", NumberedDistrict(words, cell));
  }
  return std::nullopt;
}

std::optional<NormalizedOffice> MunicipalOffice(std::string_view text, const OfficeWords& words,
                                                std::string_view cell, std::string_view county) {
  const std::string place = PlaceInText(text);
  const bool is_town = place.starts_with("Town") || (place.empty() && words.Has("town"));
  const bool is_village = place.starts_with("Village") || (place.empty() && words.Has("village"));
  const bool is_city = place.starts_with("City") || (place.empty() && words.Has("city"));
  // A named place is the seat; Suffolk puts its town code in the district cell of these rows,
  // so the cell only counts when the text names no place (NYC council districts).
  const auto seat = [&](std::string office) {
    std::string district = place.empty() ? DistrictFromCell(cell) : place;
    if (place.empty() && district.empty()) district = DistrictNumberInWords(words);
    return Seat(std::move(office), std::move(district), OfficeLevel::kMunicipal,
                CityJurisdiction(county));
  };
  if (words.HasAny(
          {"council", "councilman", "councilwoman", "councilmember", "councilor", "councilmen"}) ||
      words.HasPhrase({"town", "board"})) {
    if (is_town) return seat("Town Council");
    if (is_village) return seat("Village Council");
    if (is_city) return seat("City Council");
    return seat("Council");
  }
  if (words.Has("mayor")) return seat("Mayor");
  if (words.HasPhrase({"public", "advocate"})) return seat("Public Advocate");
  if (words.HasPhrase({"receiver", "of", "taxes"}) || words.HasPhrase({"tax", "receiver"})) {
    return seat("Receiver of Taxes");
  }
  if (words.Has("supervisor")) return seat("Town Supervisor");
  if (words.HasPhrase({"superintendent", "of", "highways"}) ||
      words.HasPhrase({"highway", "superintendent"})) {
    return seat("Highway Superintendent");
  }
  if (words.Has("clerk")) {
    if (is_village) return seat("Village Clerk");
    if (is_city) return seat("City Clerk");
    return seat("Town Clerk");
  }
  if (words.HasAny({"trustee", "trustees"}) && is_village) return seat("Village Trustee");
  if (words.HasAny({"assessor", "assessors"})) return seat("Assessor");
  if (words.Has("comptroller")) return seat(is_city ? "City Comptroller" : "Town Comptroller");
  if (words.HasAny({"alderman", "aldermen"})) return seat("Common Council");
  return std::nullopt;
}

}  // namespace

std::string PlainDistrictNumber(std::string_view text) {
  return OrdinalNumber(base::Trim(text)).value_or("");
}

NormalizedOffice NormalizeOffice(std::string_view office_raw, std::string_view district_raw,
                                 std::string_view county) {
  std::string text = base::CollapseSpaces(office_raw);
  std::string party_from_office;
  // Suffolk prefixes party positions with the party's letter: "C - Member of State Committee".
  constexpr std::string_view kLetterSeparator = " - ";
  if (text.size() > 1 + kLetterSeparator.size() && IsUpper(text[0]) &&
      std::string_view(text).substr(1, kLetterSeparator.size()) == kLetterSeparator) {
    party_from_office = PartyFromOfficeLetter(text[0]);
    if (!party_from_office.empty()) text.erase(0, 1 + kLetterSeparator.size());
  }
  text = WithoutVoteFor(std::move(text));
  if (ClassifyOfficeLabel(text).has_value()) {
    NormalizedOffice turnout;
    turnout.party_from_office = std::move(party_from_office);
    return turnout;
  }
  const OfficeWords words(text);
  const std::string cell = base::CollapseSpaces(district_raw);
  std::optional<NormalizedOffice> seat = PartyOffice(text, words, cell, county);
  if (!seat) seat = FederalOffice(words, cell);
  if (!seat) seat = JudicialOffice(text, words, cell, county);
  if (!seat) seat = StateOffice(words, cell);
  if (!seat) seat = CountyOffice(words, cell, county);
  if (!seat) seat = MunicipalOffice(text, words, cell, county);
  if (!seat) {
    // Unknown offices on NY ballots are local ones (water district commissioner, school
    // board); a county seat keeps different counties' same-named offices apart.
    seat = Seat(Readable(text), DistrictFromCell(cell),
                words.Has("county") ? OfficeLevel::kCounty : OfficeLevel::kMunicipal,
                std::string(county));
  }
  seat->party_from_office = std::move(party_from_office);
  return *std::move(seat);
}

}  // namespace downballot::ingest
