#include "base/text_encoding.h"

namespace downballot::base {
namespace {

// Length of the valid UTF-8 sequence starting at `pos`, or 0 when the byte there starts none.
size_t Utf8SequenceLength(std::string_view bytes, size_t pos) {
  const auto byte_at = [&](size_t idx) { return static_cast<unsigned char>(bytes[idx]); };
  const unsigned char lead = byte_at(pos);
  if (lead < 0x80) return 1;
  size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
  } else {
    return 0;
  }
  if (pos + length > bytes.size()) return 0;
  for (size_t idx = 1; idx < length; ++idx) {
    if ((byte_at(pos + idx) & 0xC0) != 0x80) return 0;
  }
  // Reject overlong forms and surrogates, as a strict decoder would.
  const unsigned char second = byte_at(pos + 1);
  if (lead == 0xE0 && second < 0xA0) return 0;
  if (lead == 0xED && second > 0x9F) return 0;
  if (lead == 0xF0 && second < 0x90) return 0;
  if (lead == 0xF4 && second > 0x8F) return 0;
  return length;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  for (size_t pos = 0; pos < bytes.size();) {
    const size_t length = Utf8SequenceLength(bytes, pos);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::string ToUtf8Lenient(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t pos = 0; pos < bytes.size();) {
    const size_t length = Utf8SequenceLength(bytes, pos);
    if (length > 0) {
      out.append(bytes.substr(pos, length));
      pos += length;
      continue;
    }
    const auto latin1 = static_cast<unsigned char>(bytes[pos]);
    out.push_back(static_cast<char>(0xC0 | (latin1 >> 6)));
    out.push_back(static_cast<char>(0x80 | (latin1 & 0x3F)));
    ++pos;
  }
  return out;
}

std::string_view StripBom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

}  // namespace downballot::base
