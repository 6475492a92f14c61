// Who a donor is across rows: a normalised name plus the five-digit ZIP (docs/money.md).
#pragma once

#include <string>
#include <string_view>

namespace downballot::money {

// "SMITH, JOHN A. MR." and "Smith, John A" at ZIP 06880-1234 and 06880 give one key:
// "smith john a|06880". Normalisation: ASCII upper/lower case folded, punctuation removed,
// whitespace collapsed, honorifics and suffixes dropped (MR, MRS, MS, DR, JR, SR, II, III,
// IV, ESQ, MD, PHD), ZIP cut to its first five digits. Middle names and initials are kept:
// dropping them would merge different people in one ZIP. Pure; thread-safe.
[[nodiscard]] std::string DonorKey(std::string_view name, std::string_view zip);

// Replaces the contents of `key` with DonorKey(name, zip), reusing its capacity: the
// allocation-free form for hot loops. Thread-safe for distinct `key`s.
void AssignDonorKey(std::string_view name, std::string_view zip, std::string& key);

// The ZIP's first five characters when they are digits, else "".
[[nodiscard]] std::string Zip5(std::string_view zip);

// Zip5 as a view into `zip`.
[[nodiscard]] std::string_view Zip5View(std::string_view zip);

}  // namespace downballot::money
