#include "ingest/delimited_reader.h"


namespace downballot::ingest {

DelimitedReader::DelimitedReader(std::string_view text, DelimitedReaderOptions options)
    : text_(text), options_(options) {}

absl::StatusOr<bool> DelimitedReader::Next(Record& record) {
  // Skip blank lines between records.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  if (pos_ >= text_.size()) return false;

  record.line = line_;
  record.fields.clear();
  record.ends_with_newline = false;
  std::string field;
  bool in_quotes = false;
  bool field_was_quoted = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (in_quotes) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field.push_back('"');
          pos_ += 2;
          continue;
        }
        in_quotes = false;
        ++pos_;
        continue;
      }
      if (c == '\n' || (c == '\r' && !(pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n'))) {
        ++line_;
      }
      field.push_back(c);
      ++pos_;
      continue;
    }
    if (c == options_.delimiter) {
      record.fields.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
      ++pos_;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      record.ends_with_newline = true;
      break;
    }
    // A quote opens a quoted section only at the start of a field; elsewhere it is data, which
    // is how spreadsheet exports write `5" ruler` and how FEC names carry nicknames.
    if (c == '"' && options_.is_quoting && field.empty() && !field_was_quoted) {
      in_quotes = true;
      field_was_quoted = true;
      ++pos_;
      continue;
    }
    field.push_back(c);
    ++pos_;
  }
  if (in_quotes) {
    return absl::InvalidArgumentError("quoted field is not closed before the end of the file");
  }
  record.fields.push_back(std::move(field));
  return true;
}

}  // namespace downballot::ingest
