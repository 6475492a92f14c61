// Name keys: decide when two spellings of a candidate's name mean the same person.
#pragma once

#include <string>
#include <string_view>

namespace downballot::analysis {

// Returns the key under which one person's name matches across elections and files that spell
// it differently: "first last" in lower case. It lowercases (ASCII and Latin-1 letters in
// UTF-8), drops punctuation, parenthesised disambiguators ("(Alabama)"), double-quoted
// nicknames, titles (Dr, Hon, ...), suffixes (Jr, Sr, II, III, IV, Esq) and single-letter
// initials, and reorders "Last, First". So "Andrew M. Cuomo", "ANDREW CUOMO" and
// "Cuomo, Andrew M." all give "andrew cuomo", and "Ocasio-Cortez" matches "Ocasio Cortez".
// Two different people can share a key ("John A. Smith" and "John B. Smith"): use it to link
// one seat's candidates across years, never to merge candidates within one race.
// Returns "" when `name` has no letters or digits. Pure; thread-safe.
[[nodiscard]] std::string NameMatchKey(std::string_view name);

// Returns the key one candidate goes by across the files and counties of one race: the
// NameMatchKey of the name without a running mate, so "Andrew M. Cuomo", "Andrew Cuomo" and
// "Andrew M Cuomo/ Kathy C Hochul" all give "andrew cuomo". The roll-up merges spellings with one
// key unless a single file lists two of them side by side in one county. Pure; thread-safe.
[[nodiscard]] std::string CandidateKey(std::string_view name);

// True when two candidate keys are close but not equal: the same last name and first initial
// ("kate browning" / "kathleen browning"), or one edit apart ("jon smith" / "john smith").
// `check` lists such pairs within a race so a user can tell a typo from two people.
[[nodiscard]] bool IsNearMatch(std::string_view key_a, std::string_view key_b);

// Returns a conservative key for one spelling: lowercase, '.' and apostrophes removed, every
// other run of punctuation or space turned into one space. "KATE M. BROWNING" and
// "Kate M Browning" share it; "Kate Browning" does not. The roll-up uses it to merge the same
// candidate or county written in different case by different files. Pure; thread-safe.
[[nodiscard]] std::string SpellingKey(std::string_view text);

}  // namespace downballot::analysis
