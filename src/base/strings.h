// Small string helpers shared by every module: trimming, case, splitting, number parsing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace downballot::base {

// True for ASCII white space and the other ASCII control characters: a NUL or an escape in a
// cell is an export's debris (North Carolina's 2018 party cells hold NUL bytes), never text.
[[nodiscard]] bool IsBlankByte(char c);

// Returns `text` without leading and trailing blank bytes (IsBlankByte).
[[nodiscard]] std::string_view Trim(std::string_view text);

// Returns an ASCII-lowercased copy; bytes >= 0x80 are left untouched.
[[nodiscard]] std::string ToLower(std::string_view text);
[[nodiscard]] std::string ToUpper(std::string_view text);

// Collapses runs of white space and ASCII control characters (including UTF-8 NBSP) into one
// ASCII space and trims.
[[nodiscard]] std::string CollapseSpaces(std::string_view text);

// The last component of a path, after its last '/' or '\\' ("a/b/20181106__ny__general.csv" ->
// "20181106__ny__general.csv"); the path itself when it has none. A view into `path`. Pure.
[[nodiscard]] std::string_view BaseName(std::string_view path);

// Splits on every occurrence of `separator`; an empty input yields one empty piece.
[[nodiscard]] std::vector<std::string_view> Split(std::string_view text, char separator);

// True when `text` starts/ends with `affix`, ignoring ASCII case.
[[nodiscard]] bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
[[nodiscard]] bool EqualsIgnoreCase(std::string_view a, std::string_view b);
[[nodiscard]] bool ContainsIgnoreCase(std::string_view text, std::string_view needle);

// Parses a whole decimal integer (optional sign); nullopt on any other byte or overflow.
[[nodiscard]] std::optional<int64_t> ParseInt(std::string_view text);

// Parses a size in bytes: a whole number with an optional unit K, M, G or T (powers of 1024;
// "KB", "MiB" and lowercase too): "1G", "512M", "65536". nullopt for anything else, a
// negative number or an overflow.
[[nodiscard]] std::optional<int64_t> ParseByteSize(std::string_view text);

// Parses a decimal number such as "-28.879999" or "3.5"; nullopt when not a full number.
[[nodiscard]] std::optional<double> ParseDouble(std::string_view text);

// Lowercase slug: letters and digits kept, every other run becomes one '-'.
// "U.S. House" -> "u-s-house".
[[nodiscard]] std::string Slugify(std::string_view text);

// The number of one-character insertions, deletions, substitutions and swaps of two adjacent
// characters that turn `a` into `b` (optimal string alignment): "Chrsitian" and "Christian"
// are 1 apart. O(|a| x |b|) time and memory: for names, not documents.
[[nodiscard]] size_t EditDistance(std::string_view a, std::string_view b);

// The choice nearest `typed` (ignoring case) when it is at most two edits away, or the only
// choice `typed` starts; "" otherwise.
[[nodiscard]] std::string_view NearestChoice(std::string_view typed,
                                             const std::vector<std::string_view>& choices);

// "; did you mean 'state'?" for NearestChoice, "" without one. For error messages that list
// the choices.
[[nodiscard]] std::string DidYouMean(std::string_view typed,
                                     const std::vector<std::string_view>& choices);

// The pieces of a list such as model::kOfficeLevelNames ("federal, state ... or other").
[[nodiscard]] std::vector<std::string_view> SplitList(std::string_view list);

}  // namespace downballot::base
