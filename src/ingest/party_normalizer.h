// Maps the party labels of results files ("Dem", "Working Families", "GRE") to one code per party.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace downballot::ingest {

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

// A text and the party line written at its end.
struct PartySuffix {
  std::string text;   // the text before the suffix, trimmed
  std::string party;  // the suffix's canonical code
};

// Which suffixes SplitPartySuffix reads: office texts end in "(REP)" only, while a dash could
// be part of an office's name; candidate names also end in " - DEM".
enum class SuffixForms { kParentheses, kParenthesesOrDash };

// "Ronald Castorina Jr. (Conservative)" -> {"Ronald Castorina Jr.", "CON"}, "NC STATE SENATE
// DISTRICT 42 (REP)" -> {"NC STATE SENATE DISTRICT 42", "REP"}, and with kParenthesesOrDash
// "Andrew M. Cuomo - DEM" -> {"Andrew M. Cuomo", "DEM"}. nullopt when the text does not end in
// a party the table knows (for `state`), so "Mary Smith - Jones" stays whole. Thread-safe.
[[nodiscard]] std::optional<PartySuffix> SplitPartySuffix(std::string_view text,
                                                          std::string_view state,
                                                          SuffixForms forms);

// Finds a party named inside a longer label: "Ballots Cast - REPUBLICAN PARTY" -> "REP",
// "Blank (Dem)" -> "DEM". Full party names match as whole words anywhere; short codes only as
// a whole dash-, slash- or parenthesis-separated segment. Returns "" when no party is named.
[[nodiscard]] std::string PartyFromText(std::string_view text);

}  // namespace downballot::ingest
