#include "ingest/pseudo_row_classifier.h"

#include <array>
#include <string>
#include <utility>

#include "base/strings.h"
#include "ingest/party_normalizer.h"

namespace downballot::ingest {
namespace {

using model::RowKind;

// Every pseudo label seen in the 75 OpenElections New York files, plus a few obvious siblings,
// keyed by MatchKey (lowercase letters and digits only). Exact keys, never prefixes: "blank" is
// a prefix of "blankenbush". Keep docs/results.md "Pseudo rows" in step with this table.
constexpr std::array<std::pair<std::string_view, RowKind>, 79> kLabels = {{
    // Votes for the office that no named candidate received.
    {"scattering", RowKind::kWriteIn},
    {"scatterings", RowKind::kWriteIn},
    {"scattered", RowKind::kWriteIn},
    {"scatter", RowKind::kWriteIn},
    {"writein", RowKind::kWriteIn},
    {"writeins", RowKind::kWriteIn},
    {"writeinvotes", RowKind::kWriteIn},
    {"unqualifiedwriteins", RowKind::kWriteIn},
    {"unattributable", RowKind::kWriteIn},
    {"unattributablewriteins", RowKind::kWriteIn},
    {"opportunitytoballot", RowKind::kWriteIn},
    // Westchester 2018 writes write-ins for unlisted names as "IRREGULAR" (once cut to 8 letters).
    {"irregular", RowKind::kWriteIn},
    {"irregulars", RowKind::kWriteIn},
    {"irregula", RowKind::kWriteIn},
    // Suffolk 2018 lists a "TBD TBD" line with no candidate behind it; it only ever has 0 votes.
    {"tbd", RowKind::kWriteIn},
    {"tbdtbd", RowKind::kWriteIn},
    // Blank and void (spoiled) ballots for the office.
    {"blank", RowKind::kBlankVoid},
    {"blanks", RowKind::kBlankVoid},
    {"blankvotes", RowKind::kBlankVoid},
    {"blankballots", RowKind::kBlankVoid},
    {"void", RowKind::kBlankVoid},
    {"voids", RowKind::kBlankVoid},
    {"voidballots", RowKind::kBlankVoid},
    {"blankvoid", RowKind::kBlankVoid},
    {"blanksvoid", RowKind::kBlankVoid},
    {"blanksvoids", RowKind::kBlankVoid},
    {"blankandvoid", RowKind::kBlankVoid},
    {"blanksandvoids", RowKind::kBlankVoid},
    {"voidblank", RowKind::kBlankVoid},
    {"voidsblanks", RowKind::kBlankVoid},
    {"voidandblank", RowKind::kBlankVoid},
    {"spoiled", RowKind::kBlankVoid},
    {"spoiledballots", RowKind::kBlankVoid},
    // Over and under votes.
    {"over", RowKind::kOverVote},
    {"overvote", RowKind::kOverVote},
    {"overvotes", RowKind::kOverVote},
    {"under", RowKind::kUnderVote},
    {"undervote", RowKind::kUnderVote},
    {"undervotes", RowKind::kUnderVote},
    // Putnam 2018 reports over and under votes as one figure; it lands with the under votes
    // because both count only toward blank_void in a race.
    {"underovervotes", RowKind::kUnderVote},
    {"overundervotes", RowKind::kUnderVote},
    {"underover", RowKind::kUnderVote},
    {"overunder", RowKind::kUnderVote},
    // Ballots cast in the precinct (or for the office).
    {"publiccounter", RowKind::kBallotsCast},
    {"ballots", RowKind::kBallotsCast},
    {"ballotscast", RowKind::kBallotsCast},
    {"totalballots", RowKind::kBallotsCast},
    {"totalballotscast", RowKind::kBallotsCast},
    {"stateballots", RowKind::kBallotsCast},
    {"federalballots", RowKind::kBallotsCast},
    {"turnout", RowKind::kBallotsCast},
    {"voterturnout", RowKind::kBallotsCast},
    {"publiccountervotes", RowKind::kBallotsCast},
    // Registered or enrolled voters.
    {"registeredvoters", RowKind::kRegisteredVoters},
    {"registeredvoterstotal", RowKind::kRegisteredVoters},
    {"voterregistration", RowKind::kRegisteredVoters},
    {"registration", RowKind::kRegisteredVoters},
    {"enrolledvoters", RowKind::kRegisteredVoters},
    {"enrollment", RowKind::kRegisteredVoters},
    // NYC's per-precinct ballot-type counts, and Putnam's machine/absentee split.
    {"emergency", RowKind::kBallotType},
    {"emergencyvotes", RowKind::kBallotType},
    {"manuallycountedemergency", RowKind::kBallotType},
    {"absenteemilitary", RowKind::kBallotType},
    {"absentee", RowKind::kBallotType},
    {"absentees", RowKind::kBallotType},
    {"military", RowKind::kBallotType},
    {"affidavit", RowKind::kBallotType},
    {"affidavits", RowKind::kBallotType},
    {"federal", RowKind::kBallotType},
    {"specialpresidential", RowKind::kBallotType},
    {"machine", RowKind::kBallotType},
    {"provisional", RowKind::kBallotType},
    // A printed total of the votes for the office. Tompkins 2018 labels the U.S. Senate total
    // "Federal Votes" (it equals the candidate, write-in, under and over votes together).
    {"total", RowKind::kTotalVotes},
    {"totals", RowKind::kTotalVotes},
    {"totalvotes", RowKind::kTotalVotes},
    {"totalvotescast", RowKind::kTotalVotes},
    {"federalvotes", RowKind::kTotalVotes},
    {"grandtotal", RowKind::kTotalVotes},
    {"officetotal", RowKind::kTotalVotes},
}};

// Office-column labels that are turnout figures (Albany, Broome, Chenango, Chautauqua files;
// Apache and Greenlee 2018 count the ballots left wholly blank as "BALLOTS CAST - BLANK").
constexpr std::array<std::pair<std::string_view, RowKind>, 8> kOfficeLabels = {{
    {"ballotscastblank", RowKind::kBlankVoid},
    {"ballotscast", RowKind::kBallotsCast},
    {"totalballotscast", RowKind::kBallotsCast},
    {"ballots", RowKind::kBallotsCast},
    {"publiccounter", RowKind::kBallotsCast},
    {"registeredvoters", RowKind::kRegisteredVoters},
    {"voterregistration", RowKind::kRegisteredVoters},
    {"turnout", RowKind::kBallotsCast},
}};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Lowercase letters and digits only: spacing (NBSP's bytes are not ASCII, so they drop out
// too), case and punctuation ('/', '&', '-', '.') do not tell labels apart.
std::string MatchKey(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  for (const char c : text) {
    if (IsAsciiAlnum(c)) key.push_back(c);
  }
  return base::ToLower(key);
}

template <size_t N>
std::optional<RowKind> Lookup(const std::array<std::pair<std::string_view, RowKind>, N>& table,
                              std::string_view text) {
  const std::string key = MatchKey(text);
  if (key.empty()) return std::nullopt;
  for (const auto& [label, kind] : table) {
    if (label == key) return kind;
  }
  return std::nullopt;
}

// "Ballots Cast - REPUBLICAN PARTY" -> "Ballots Cast"; "Void (Dem)" -> "Void". Only strips
// text that names a party, so "Absentee / Military" keeps its slash.
std::string_view WithoutPartySuffix(std::string_view label) {
  const std::string_view trimmed = base::Trim(label);
  if (!trimmed.empty() && trimmed.back() == ')') {
    const size_t open = trimmed.rfind('(');
    if (open != std::string_view::npos && open > 0 &&
        !PartyFromText(trimmed.substr(open)).empty()) {
      return base::Trim(trimmed.substr(0, open));
    }
  }
  const size_t dash = trimmed.rfind(" - ");
  if (dash != std::string_view::npos && dash > 0 &&
      !PartyFromText(trimmed.substr(dash + 1)).empty()) {
    return base::Trim(trimmed.substr(0, dash));
  }
  return trimmed;
}

}  // namespace

model::RowKind ClassifyCandidate(std::string_view name) {
  if (const auto kind = Lookup(kLabels, name)) return *kind;
  // North Carolina writes "Mike Smith (Write-In)" for votes written in for a named person, and
  // "Write-In (Miscellaneous)" for the rest: a write-in label inside or before the parentheses.
  const std::string_view trimmed = base::Trim(name);
  if (trimmed.ends_with(')')) {
    const size_t open = trimmed.rfind('(');
    if (open != std::string_view::npos) {
      const std::string_view inside = trimmed.substr(open + 1, trimmed.size() - open - 2);
      if (Lookup(kLabels, inside) == RowKind::kWriteIn ||
          Lookup(kLabels, trimmed.substr(0, open)) == RowKind::kWriteIn) {
        return RowKind::kWriteIn;
      }
    }
  }
  const std::string_view label = WithoutPartySuffix(name);
  if (label.size() != base::Trim(name).size()) {
    if (const auto kind = Lookup(kLabels, label)) return *kind;
  }
  return RowKind::kCandidate;
}

std::optional<model::RowKind> ClassifyOfficeLabel(std::string_view office) {
  if (const auto kind = Lookup(kOfficeLabels, office)) return kind;
  const std::string_view label = WithoutPartySuffix(office);
  if (label.size() != base::Trim(office).size()) return Lookup(kOfficeLabels, label);
  return std::nullopt;
}

}  // namespace downballot::ingest
