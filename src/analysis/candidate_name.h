// Name keys: decide when two spellings of a candidate's name mean the same person.
#pragma once

#include <string>
#include <string_view>

namespace downballot::analysis {

// Returns the key under which one person's name matches across elections and files that spell
// it differently: "first last" in lower case. It lowercases and strips accents (ASCII and
// Latin-1 letters in UTF-8: "Velázquez" = "Velazquez"), drops punctuation, parenthesised
// disambiguators ("(Alabama)"), quoted nicknames ("BUD", 'CASEY'), titles (Dr, Hon, ...),
// suffixes (Jr, Sr, II, III, IV, Esq) and single-letter initials, joins a surname particle to
// the name after it ("de León" = "DeLeon"), reorders "Last, First", and writes a first name by
// the nickname table (config/nicknames.tsv: "Steve" = "Stephen"). So "Andrew M. Cuomo", "ANDREW
// CUOMO" and "Cuomo, Andrew M." all give "andrew cuomo", and "Ocasio-Cortez" matches "Ocasio
// Cortez".
// Two different people can share a key ("John A. Smith" and "John B. Smith"): use it to link
// one seat's candidates across years, never to merge candidates within one race.
// Returns "" when `name` has no letters or digits. Pure; thread-safe.
[[nodiscard]] std::string NameMatchKey(std::string_view name);

// Returns the key one candidate goes by across the files and counties of one race: the
// NameMatchKey of the name without a running mate, so "Andrew M. Cuomo", "Andrew Cuomo" and
// "Andrew M Cuomo/ Kathy C Hochul" all give "andrew cuomo". The roll-up merges spellings with one
// key unless a single file lists two of them side by side in one county. Pure; thread-safe.
[[nodiscard]] std::string CandidateKey(std::string_view name);

// The key of the name a candidate goes by when the name carries a quoted nickname: "L.S.
// 'CASEY' CAGLE" -> "casey cagle" (other sources write "Casey Cagle"); "" when there is none.
// The roll-up merges spellings that share either key. Pure; thread-safe.
[[nodiscard]] std::string NicknameKey(std::string_view name);

// True when two spellings name one candidate: their CandidateKeys or NicknameKeys meet.
[[nodiscard]] bool IsSameCandidate(std::string_view a, std::string_view b);

// The text of config/nicknames.tsv as of the build (compiled in).
[[nodiscard]] std::string_view DefaultNicknames();

// True when two candidate keys are close but not equal: an initial for the first name ("m
// avigdor" / "morton avigdor"), or a typo: one edit apart, an adjacent swap counting as one
// ("chrsitian valiente"), two in keys of twelve letters or more ("torn ohalleran" / "tom
// ohalleran"). `check` lists such pairs within a race so a user can tell a typo from two people;
// the roll-up merges them across sources that never meet.
[[nodiscard]] bool IsNearMatch(std::string_view key_a, std::string_view key_b);

// True when two keys share the last name and the first letter ("dd adams" / "denise adams"):
// too loose to merge on, but the one such candidate of a race is a good guess for a name
// another source spells its own way.
[[nodiscard]] bool IsSameLastNameAndInitial(std::string_view key_a, std::string_view key_b);

// Returns a conservative key for one spelling: lowercase, '.' and apostrophes removed, every
// other run of punctuation or space turned into one space. "KATE M. BROWNING" and
// "Kate M Browning" share it; "Kate Browning" does not. The roll-up uses it to merge the same
// candidate or county written in different case by different files. Pure; thread-safe.
[[nodiscard]] std::string SpellingKey(std::string_view text);

}  // namespace downballot::analysis
