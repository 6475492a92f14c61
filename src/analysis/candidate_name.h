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

// Returns a conservative key for one spelling: lowercase, '.' and apostrophes removed, every
// other run of punctuation or space turned into one space. "KATE M. BROWNING" and
// "Kate M Browning" share it; "Kate Browning" does not. The roll-up uses it to merge the same
// candidate or county written in different case by different files. Pure; thread-safe.
[[nodiscard]] std::string SpellingKey(std::string_view text);

}  // namespace downballot::analysis
