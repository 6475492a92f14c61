// LEB128 varints: seven bits a byte, low bits first, so small numbers take one byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace downballot::base {

// The most bytes a 64-bit value takes.
inline constexpr size_t kMaxVarintBytes = 10;

// Writes `value` at `out` (room for kMaxVarintBytes) and returns the end.
inline char* WriteVarint(char* out, uint64_t value) {
  while (value >= 0x80) {
    *out++ = static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  *out++ = static_cast<char>(value);
  return out;
}

inline void AppendVarint(std::string& out, uint64_t value) {
  char bytes[kMaxVarintBytes];
  out.append(bytes, static_cast<size_t>(WriteVarint(bytes, value) - bytes));
}

}  // namespace downballot::base
