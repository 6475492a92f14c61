// Turns the bytes of public data files into valid UTF-8 without losing a row to a bad byte.
#pragma once

#include <string>
#include <string_view>

namespace downballot::base {

// True when `bytes` is well-formed UTF-8.
[[nodiscard]] bool IsValidUtf8(std::string_view bytes);

// Returns `bytes` as UTF-8: valid UTF-8 sequences are kept, and every byte that is not part of
// one is read as Latin-1 (ISO-8859-1) and re-encoded, so 0xA0 becomes U+00A0 and 0xE9 "é".
// Files mixing encodings (a UTF-8 export with a few Latin-1 names) come out readable.
[[nodiscard]] std::string ToUtf8Lenient(std::string_view bytes);

// Strips a leading UTF-8 byte-order mark.
[[nodiscard]] std::string_view StripBom(std::string_view bytes);

}  // namespace downballot::base
