#include "ingest/party_normalizer.h"

#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "base/strings.h"

namespace downballot::ingest {
namespace {

// Spellings seen in the OpenElections New York files (docs/results.md "Party codes") and in
// MEDSL's returns, as normalised by LookupKey: lowercase words, apostrophes dropped, no trailing
// "party".
constexpr std::array<std::pair<std::string_view, std::string_view>, 37> kPartySpellings = {{
    {"dem", "DEM"},
    {"d", "DEM"},
    {"democratic", "DEM"},
    {"democrat", "DEM"},
    // The Democratic Party is the Democratic-Farmer-Labor Party in Minnesota and the
    // Democratic-Nonpartisan League Party in North Dakota; MEDSL writes them out
    // ("democratic-farmer-labor", "democratic-npl").
    {"democratic farmer labor", "DEM"},
    {"dfl", "DEM"},
    {"democratic npl", "DEM"},
    {"democratic nonpartisan league", "DEM"},
    {"rep", "REP"},
    {"r", "REP"},
    {"republican", "REP"},
    {"gop", "REP"},
    {"con", "CON"},
    {"conservative", "CON"},
    {"wor", "WOR"},
    {"wf", "WOR"},
    {"wfp", "WOR"},
    {"working families", "WOR"},
    {"working family", "WOR"},
    {"ind", "IND"},
    {"independence", "IND"},
    // Onondaga and Westchester 2016 code the Independence line "IDC" and have no "IND" rows;
    // Gary Johnson and Charles Schumer both ran on it, as they did on Independence statewide.
    {"idc", "IND"},
    {"grn", "GRN"},
    {"gre", "GRN"},
    {"green", "GRN"},
    {"lib", "LIB"},
    {"lbt", "LIB"},
    {"libertarian", "LIB"},
    {"wep", "WEP"},
    {"womens equality", "WEP"},
    {"women equality", "WEP"},
    {"ref", "REF"},
    {"rfm", "REF"},
    {"reform", "REF"},
    {"sam", "SAM"},
    {"serve america movement", "SAM"},
    {"serve america", "SAM"},
}};

// Party-column labels that mark write-in votes (Westchester: "WRITE-IN" in 2018, "wri" in 2016).
constexpr std::array<std::string_view, 6> kWriteInKeys = {"write in", "writein", "write ins",
                                                          "writeins", "wri",     "w i"};

// Full names are safe to find inside free text; two- and three-letter codes are not ("Rep" is a
// word in "Rep. Smith"), so PartyFromText only accepts codes as a whole segment.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kFullNames = {{
    {"democratic", "DEM"},
    {"republican", "REP"},
    {"conservative", "CON"},
    {"working families", "WOR"},
    {"independence", "IND"},
    {"green", "GRN"},
    {"libertarian", "LIB"},
    {"womens equality", "WEP"},
    {"reform", "REF"},
    {"serve america movement", "SAM"},
    {"democrat", "DEM"},
    {"working family", "WOR"},
}};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "Women's Equality Party" -> "womens equality"; "WRITE-IN" -> "write in".
std::string LookupKey(std::string_view raw) {
  std::string words;
  bool pending_space = false;
  for (const char c : raw) {
    if (c == '\'' || static_cast<unsigned char>(c) >= 0x80) continue;
    if (!IsAsciiAlnum(c)) {
      pending_space = !words.empty();
      continue;
    }
    if (pending_space) words.push_back(' ');
    pending_space = false;
    words.push_back(c);
  }
  std::string key = base::ToLower(words);
  constexpr std::string_view kPartySuffix = " party";
  if (key.size() > kPartySuffix.size() &&
      key.compare(key.size() - kPartySuffix.size(), kPartySuffix.size(), kPartySuffix) == 0) {
    key.resize(key.size() - kPartySuffix.size());
  }
  return key;
}

std::optional<std::string_view> Find(std::string_view raw) {
  const std::string key = LookupKey(raw);
  for (const auto& [spelling, code] : kPartySpellings) {
    if (spelling == key) return code;
  }
  return std::nullopt;
}

bool IsWriteInKey(std::string_view raw) {
  const std::string key = LookupKey(raw);
  for (const std::string_view write_in : kWriteInKeys) {
    if (write_in == key) return true;
  }
  return false;
}

}  // namespace

std::string NormalizeParty(std::string_view raw) {
  const std::string_view trimmed = base::Trim(raw);
  if (trimmed.empty() || IsWriteInKey(trimmed)) return "";
  if (const auto code = Find(trimmed)) return std::string(*code);
  return base::ToUpper(base::CollapseSpaces(trimmed));
}

bool IsKnownParty(std::string_view raw) { return Find(raw).has_value(); }

bool IsWriteInPartyLabel(std::string_view raw) { return IsWriteInKey(raw); }

std::string PartyFromText(std::string_view text) {
  // Whole segments first: "Blank (Dem)", "Ballots Cast - REP".
  std::vector<std::string_view> segments;
  size_t start = 0;
  for (size_t pos = 0; pos <= text.size(); ++pos) {
    const bool is_break = pos == text.size() || text[pos] == '(' || text[pos] == ')' ||
                          text[pos] == '/' || text[pos] == ',' ||
                          (text[pos] == '-' && pos > 0 && pos + 1 < text.size() &&
                           text[pos - 1] == ' ' && text[pos + 1] == ' ');
    if (!is_break) continue;
    segments.push_back(base::Trim(text.substr(start, pos - start)));
    start = pos + 1;
  }
  // Only a segment beside other text counts, and never a one-letter code: "Smith, D" is more
  // likely an initial than the Democratic line.
  constexpr size_t kMinCodeLength = 2;
  if (segments.size() > 1) {
    for (const std::string_view segment : segments) {
      if (segment.size() >= kMinCodeLength && IsKnownParty(segment)) return NormalizeParty(segment);
    }
  }
  const std::string key = " " + LookupKey(text) + " ";
  for (const auto& [name, code] : kFullNames) {
    if (key.find(" " + std::string(name) + " ") != std::string::npos) return std::string(code);
  }
  return "";
}

std::string PartyFromOfficeLetter(char letter) {
  switch (letter) {
    case 'C':
      return "CON";
    case 'D':
      return "DEM";
    case 'R':
      return "REP";
    case 'I':
      return "IND";
    case 'W':
      return "WOR";
    case 'G':
      return "GRN";
    case 'F':  // Reform: "R" is taken by Republican; Suffolk rows with "F - " carry party REF.
      return "REF";
    case 'L':
      return "LIB";
    default:
      return "";
  }
}

}  // namespace downballot::ingest
