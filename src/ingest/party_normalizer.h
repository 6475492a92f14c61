// Maps the party labels of results files ("Dem", "Working Families", "GRE") to one code per party.
#pragma once

#include <string>
#include <string_view>

namespace downballot::ingest {

// Returns the canonical code of a party label, ignoring case, spacing, a trailing "Party" and
// punctuation: DEM (also Minnesota's Democratic-Farmer-Labor, "DFL", and North Dakota's
// Democratic-NPL), REP, CON, WOR (Working Families), IND (Independence; also the "IDC" code of
// some 2016 county files), GRN (Green), LIB (Libertarian), WEP (Women's Equality), REF
// (Reform), SAM (Serve America Movement). Returns "" for an empty label and for labels that mark
// write-ins rather than a party line ("WRITE-IN", "wri"). Any other label is returned trimmed
// and upper-cased, so unknown minor lines ("TRP", "REP/TRP") stay distinct. Thread-safe.
[[nodiscard]] std::string NormalizeParty(std::string_view raw);

// True when NormalizeParty knows `raw` as a party (not merely upper-cases it).
[[nodiscard]] bool IsKnownParty(std::string_view raw);

// True for party-column labels that mark write-in votes instead of a party line.
[[nodiscard]] bool IsWriteInPartyLabel(std::string_view raw);

// Finds a party named inside a longer label: "Ballots Cast - REPUBLICAN PARTY" -> "REP",
// "Blank (Dem)" -> "DEM". Full party names match as whole words anywhere; short codes only as
// a whole dash-, slash- or parenthesis-separated segment. Returns "" when no party is named.
[[nodiscard]] std::string PartyFromText(std::string_view text);

// The party of a one-letter office prefix as Suffolk County writes them ("C - Member of State
// Committee 1st CD"): C, D, R, I, W, G, F (Reform), L. Returns "" for any other letter.
[[nodiscard]] std::string PartyFromOfficeLetter(char letter);

}  // namespace downballot::ingest
