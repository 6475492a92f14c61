// Maps the party labels of results files ("Dem", "Working Families", "GRE") to one code per party.
#pragma once

#include <string>
#include <string_view>

namespace downballot::ingest {

// The party code nonpartisan contests carry ("NP", "Nonpartisan"): no party's primary.
inline constexpr std::string_view kNonpartisan = "NP";

// Returns the canonical code of a party label by the party table (config/parties.tsv; the
// rows of `state`, a postal code, first), ignoring case, spacing, a trailing "Party" and
// punctuation: DEM (also Minnesota's Democratic-Farmer-Labor and North Dakota's Democratic-NPL),
// REP, CON, WOR (Working Families), IND (Independence; in New York also "IDC"), GRN, LIB, WEP
// (Women's Equality), REF (Reform), SAM (Serve America Movement), NP (nonpartisan). Returns ""
// for an empty label and for labels that mark write-ins rather than a party line ("WRITE-IN",
// "wri"). Any other label is returned trimmed and upper-cased, so unknown minor lines ("TRP",
// "REP/TRP") stay distinct. Thread-safe.
[[nodiscard]] std::string NormalizeParty(std::string_view raw, std::string_view state = "");

// True when NormalizeParty knows `raw` as a party (not merely upper-cases it).
[[nodiscard]] bool IsKnownParty(std::string_view raw, std::string_view state = "");

// The text of config/parties.tsv as of the build (compiled in).
[[nodiscard]] std::string_view DefaultPartyTable();

// True for party-column labels that mark write-in votes instead of a party line.
[[nodiscard]] bool IsWriteInPartyLabel(std::string_view raw);

// Finds a party named inside a longer label: "Ballots Cast - REPUBLICAN PARTY" -> "REP",
// "Blank (Dem)" -> "DEM". Full party names match as whole words anywhere; short codes only as
// a whole dash-, slash- or parenthesis-separated segment. Returns "" when no party is named.
[[nodiscard]] std::string PartyFromText(std::string_view text);

}  // namespace downballot::ingest
