#include "ingest/openelections_parser.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/node_hash_map.h"
#include "absl/hash/hash.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "base/text_encoding.h"
#include "fmt/format.h"
#include "ingest/delimited_reader.h"
#include "ingest/office_normalizer.h"
#include "ingest/office_words.h"
#include "ingest/party_normalizer.h"
#include "ingest/pseudo_row_classifier.h"
#include "ingest/results_file_name.h"
#include "ingest/text_input.h"
#include "ingest/us_states.h"

namespace downballot::ingest {
namespace {

// Largest vote count accepted from a float cell; every integer below 2^53 is exact in a double.
constexpr double kMaxFloatVotes = 9007199254740992.0;

constexpr size_t kNoColumn = static_cast<size_t>(-1);

// Where each column the parser reads sits in the header.
struct Layout {
  size_t num_fields = 0;
  size_t county = kNoColumn;
  size_t precinct = kNoColumn;
  size_t office = kNoColumn;
  size_t district = kNoColumn;
  size_t party = kNoColumn;
  size_t candidate = kNoColumn;
  size_t votes = kNoColumn;
  size_t assembly_district = kNoColumn;
  std::vector<std::pair<std::string, size_t>> vote_modes;  // summed when there is no votes column

  [[nodiscard]] bool IsVoteColumn(size_t column) const {
    if (column == votes) return true;
    for (const auto& mode : vote_modes) {
      if (mode.second == column) return true;
    }
    return false;
  }

  // The last column a row must have for the parser to read everything it needs from it.
  [[nodiscard]] size_t LastNeeded() const {
    size_t last = 0;
    for (const size_t column :
         {county, precinct, office, district, party, candidate, votes, assembly_district}) {
      if (column != kNoColumn) last = std::max(last, column);
    }
    if (votes == kNoColumn) {
      for (const auto& mode : vote_modes) last = std::max(last, mode.second);
    }
    return last;
  }
};

// "Election Day" and "election-day" are the same header as "election_day".
std::string HeaderKey(std::string_view name) {
  std::string key = base::ToLower(base::CollapseSpaces(name));
  for (char& c : key) {
    if (c == ' ' || c == '-') c = '_';
  }
  return key;
}

// Columns holding one way of voting (per candidate) that add up to the votes column.
// `public_counter_votes` is left out on purpose: NYC's public counter counts ballots in the
// precinct, repeated on every candidate's row, not votes for the candidate.
bool IsVoteModeColumn(const std::string& key) {
  for (const std::string_view mode :
       {"election_day", "absentee", "affidavit", "military", "federal", "uocava", "early_voting",
        "early_vote", "early", "provisional", "mail", "mail_in", "machine", "absentee_affidavit",
        "absentee_military", "emergency", "in_person", "polling_place", "overseas"}) {
    if (key == mode) return true;
  }
  if (key == "public_counter_votes" || key == "total_votes") return false;
  return key.ends_with("_paper") || key.ends_with("_votes");
}

std::string Quoted(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += fmt::format("'{}'", name);
  }
  return out;
}

absl::StatusOr<Layout> MapHeader(std::string_view path, const Record& header) {
  Layout layout;
  layout.num_fields = header.fields.size();
  std::vector<std::string> found;
  for (size_t column = 0; column < header.fields.size(); ++column) {
    const std::string key = HeaderKey(header.fields[column]);
    found.push_back(key);
    const auto assign = [&](size_t& slot) {
      if (slot == kNoColumn) slot = column;
    };
    if (key == "county") {
      assign(layout.county);
    } else if (key == "precinct" || key == "ward") {
      assign(layout.precinct);
    } else if (key == "office") {
      assign(layout.office);
    } else if (key == "district") {
      assign(layout.district);
    } else if (key == "party") {
      assign(layout.party);
    } else if (key == "candidate") {
      assign(layout.candidate);
    } else if (key == "votes") {
      assign(layout.votes);
    } else if (key == "assembly_district") {
      assign(layout.assembly_district);
    } else if (IsVoteModeColumn(key)) {
      layout.vote_modes.emplace_back(key, column);
    }
  }
  std::vector<std::string> missing;
  if (layout.office == kNoColumn) missing.emplace_back("office");
  if (layout.candidate == kNoColumn) missing.emplace_back("candidate");
  if (layout.votes == kNoColumn && layout.vote_modes.empty()) missing.emplace_back("votes");
  if (missing.empty()) return layout;

  std::string hint;
  if (header.fields.size() == 1) {
    const std::string& line = header.fields[0];
    for (const auto& [delimiter, name] :
         {std::pair<char, std::string_view>{';', "';'"}, {'\t', "tabs"}, {'|', "'|'"}}) {
      if (line.find(delimiter) != std::string::npos) {
        hint = fmt::format("; the file looks delimited by {}, not commas", name);
        break;
      }
    }
  }
  return absl::InvalidArgumentError(fmt::format(
      "{}:{}: header has no {} column{} (a 'votes' column or a vote-mode column such "
      "as 'election_day' is needed; found {}){}",
      path, header.line, Quoted(missing), missing.size() == 1 ? "" : "s", Quoted(found), hint));
}

// A vote cell: "3,437" (thousands separators), "12.0" (float exports) and "12" are all 12-ish
// integers; nullopt for an empty cell; InvalidArgument whose message is the reject reason.
absl::StatusOr<std::optional<int64_t>> ParseVoteCell(std::string_view column,
                                                     std::string_view raw) {
  const std::string_view text = base::Trim(raw);
  if (text.empty()) return std::optional<int64_t>();
  std::string digits;
  // Thousands separators are only accepted in groups of three, so "1,2" is not 12.
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  if (whole.find(',') != std::string_view::npos) {
    const auto groups = base::Split(whole, ',');
    bool is_grouped = !groups.front().empty() && groups.front().size() <= 3;
    for (size_t idx = 1; idx < groups.size(); ++idx)
      is_grouped = is_grouped && groups[idx].size() == 3;
    if (!is_grouped) {
      return absl::InvalidArgumentError(fmt::format("{} '{}' is not a number", column, text));
    }
    for (const std::string_view group : groups) digits += group;
    if (dot != std::string_view::npos) digits += text.substr(dot);
  } else {
    digits = text;
  }
  int64_t votes = 0;
  if (const auto integer = base::ParseInt(digits)) {
    votes = *integer;
  } else if (const auto number = base::ParseDouble(digits);
             number && std::isfinite(*number) && std::fabs(*number) < kMaxFloatVotes) {
    if (std::floor(*number) != *number) {
      return absl::InvalidArgumentError(fmt::format("{} '{}' is not a whole number", column, text));
    }
    votes = static_cast<int64_t>(*number);
  } else {
    return absl::InvalidArgumentError(fmt::format("{} '{}' is not a number", column, text));
  }
  if (votes < 0)
    return absl::InvalidArgumentError(fmt::format("{} '{}' is negative", column, text));
  return std::optional<int64_t>(votes);
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// County or precinct names such as "Total", "Statewide Total", "City of Buffalo Total" and
// "TOTAL COUNTY WIDE" mark rows that add up other rows of the same file. Runs on every row, so
// it allocates nothing.
bool NamesATotal(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && !IsAlnum(text[start])) ++start;
    size_t end = start;
    while (end < text.size() && IsAlnum(text[end])) ++end;
    const std::string_view word = text.substr(start, end - start);
    if (base::EqualsIgnoreCase(word, "total") || base::EqualsIgnoreCase(word, "totals") ||
        base::EqualsIgnoreCase(word, "subtotal")) {
      return true;
    }
    start = end;
  }
  return false;
}

// base::CollapseSpaces, without its copy-by-byte when the text is already clean (most cells).
std::string Clean(std::string_view text) {
  bool is_clean = text.empty() || (text.front() != ' ' && text.back() != ' ');
  for (size_t pos = 0; is_clean && pos < text.size(); ++pos) {
    const char c = text[pos];
    is_clean = !((c != ' ' && base::IsBlankByte(c)) || static_cast<unsigned char>(c) == 0xC2 ||
                 (c == ' ' && pos + 1 < text.size() && text[pos + 1] == ' '));
  }
  return is_clean ? std::string(text) : base::CollapseSpaces(text);
}

// The lowercase words of a name without one-letter initials: "Nydia M. Velazquez" -> nydia
// velazquez.
std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  const auto flush = [&] {
    if (word.size() > 1) words.push_back(word);
    word.clear();
  };
  for (const char c : name) {
    if (IsAlnum(c)) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (c != '.' && c != '\'') {
      flush();
    }
  }
  flush();
  return words;
}

// Two spellings of one name: the same words once initials go, or at most two letters apart in
// a name of eight letters or more.
bool AreSpellingsOfOneName(std::string_view a, std::string_view b) {
  const std::vector<std::string> words_a = NameWords(a);
  const std::vector<std::string> words_b = NameWords(b);
  if (words_a.empty() || words_b.empty()) return false;
  if (words_a == words_b) return true;
  std::string joined_a;
  std::string joined_b;
  for (const std::string& word : words_a) joined_a += word;
  for (const std::string& word : words_b) joined_b += word;
  constexpr size_t kMinLetters = 8;
  constexpr size_t kMaxEdits = 2;
  return std::min(joined_a.size(), joined_b.size()) >= kMinLetters &&
         base::EditDistance(joined_a, joined_b) <= kMaxEdits;
}

// A precinct label's identity: its lowercase words in sorted order, then its numbers in order
// (ordinals as plain numbers), without the words that only say what a precinct is. The words
// are sorted because files order them differently ("Syracuse - Ward 16 01" and "Syracuse 16th
// Ward 1st District" -> "syracuse ward | 16 1"; "Cicero 22nd District" and "Cicero 22" ->
// "cicero | 22"); the numbers keep their order, so "Ward 1 District 16" stays apart from
// "Ward 16 District 1". "" for a label with no number, which is never compared.
std::string PrecinctKey(std::string_view label) {
  std::vector<std::string> words;
  std::vector<std::string> numbers;
  std::string word;
  const auto flush = [&] {
    if (word.empty()) return;
    std::string number = PlainDistrictNumber(word);
    if (!number.empty()) {
      numbers.push_back(std::move(number));
    } else if (word != "district" && word != "dist" && word != "precinct" && word != "pct" &&
               word != "ed" && word != "election") {
      words.push_back(word);
    }
    word.clear();
  };
  for (const char c : label) {
    if (IsAlnum(c)) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else {
      flush();
    }
  }
  flush();
  if (numbers.empty()) return "";
  std::sort(words.begin(), words.end());
  return fmt::format("{} | {}", fmt::join(words, " "), fmt::join(numbers, " "));
}

struct OfficeInfo {
  std::string text;                // the office cell with spacing collapsed
  std::string district_cell;       // the district cell with spacing collapsed
  bool is_float_district = false;  // "124.0": a number exported as a float
  NormalizedOffice seat;
  std::optional<model::RowKind> label_kind;  // set when the office cell is a turnout label
  std::string label_party;                   // the party such a label names, if any
  // A district cell, or words naming a geography ("President Senatorial"): for a statewide
  // office, a tabulation by that geography when the file also has the plain variant.
  bool is_breakdown_variant = false;
};

struct CountyInfo {
  std::string name;
  bool is_total = false;
  bool names_state = false;  // the cell names the file's state, not a county
};

struct PartyInfo {
  std::string code;
  bool is_write_in = false;
};

struct NameInfo {
  std::string name;  // the cell with spacing collapsed
  model::RowKind kind = model::RowKind::kCandidate;
  std::string bare_name;  // without a "(Conservative)" suffix
  std::string party;      // the party that suffix or a pseudo label names
};

// Lets the caches look up a std::string_view cell without building a std::string (Debian's
// abseil has its own string_view, so its maps' transparent lookup does not take ours).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return absl::Hash<std::string_view>{}(text); }
};
template <typename Value>
using StringMap = absl::node_hash_map<std::string, Value, StringHash, std::equal_to<>>;

class Parser {
 public:
  Parser(std::string_view path, model::ResultFileInfo info, const OfficeTable& offices,
         model::FileReport& report)
      : path_(path), info_(std::move(info)), offices_table_(offices), report_(report) {}

  absl::StatusOr<std::vector<model::ResultRow>> Run(std::string_view text) {
    // Rows of the NY files average about 60 bytes (the densest about 50); reserving avoids
    // moving hundreds of thousands of rows as the vector grows.
    constexpr size_t kTypicalRowBytes = 50;
    rows_.reserve(text.size() / kTypicalRowBytes);
    DelimitedReader reader(text, {});
    Record record;
    ASSIGN_OR_RETURN(const bool has_header, Next(reader, record));
    if (!has_header) return absl::InvalidArgumentError(fmt::format("{}:1: file is empty", path_));
    ASSIGN_OR_RETURN(layout_, MapHeader(path_, record));
    if (layout_.votes == kNoColumn) {
      std::string modes;
      for (const auto& [name, column] : layout_.vote_modes) {
        if (!modes.empty()) modes += "+";
        modes += name;
      }
      report_.notes.push_back(fmt::format("no 'votes' column: summed {}", modes));
    }
    while (true) {
      ASSIGN_OR_RETURN(const bool has_record, Next(reader, record));
      if (!has_record) break;
      // A line of commas alone (a spreadsheet's empty rows: Mariposa 2018 ends with 36) holds
      // no row, like a blank line: skipped, and noted.
      if (std::all_of(record.fields.begin(), record.fields.end(),
                      [](const std::string& field) { return base::Trim(field).empty(); })) {
        ++num_empty_records_;
        continue;
      }
      ++report_.rows_read;
      RETURN_IF_ERROR(ParseRecord(record));
    }
    MarkSubtotalRows();
    FillDownPrecincts();
    MarkContestTotals();
    MarkSubTabulations();
    MarkRepeatedRows();
    MarkRepeatedPrecinctBlocks();
    MarkRepeatedCandidates();
    for (model::ResultRow& row : rows_) row.geography = GeographyOf(row);
    AddNotes();
    return std::move(rows_);
  }

 private:
  absl::StatusOr<bool> Next(DelimitedReader& reader, Record& record) {
    auto has_record = reader.Next(record);
    if (!has_record.ok()) return ReaderErrorAt(path_, record, has_record.status());
    return *has_record;
  }

  std::string_view Field(const Record& record, size_t column) const {
    if (column == kNoColumn || column >= record.fields.size()) return {};
    return record.fields[column];
  }

  absl::Status ParseRecord(const Record& record) {
    const size_t num_fields = record.fields.size();
    if (num_fields < layout_.num_fields && !record.ends_with_newline) {
      return absl::InvalidArgumentError(fmt::format(
          "{}:{}: file is truncated: the last record has {} of {} fields and no line break", path_,
          record.line, num_fields, layout_.num_fields));
    }
    if (num_fields > layout_.num_fields) {
      bool are_extras_empty = true;
      for (size_t column = layout_.num_fields; column < num_fields; ++column) {
        are_extras_empty = are_extras_empty && base::Trim(record.fields[column]).empty();
      }
      if (!are_extras_empty) return RejectFieldCount(record);
      ++num_trailing_empty_;
    } else if (num_fields < layout_.num_fields) {
      // The 2016 Richmond Republican primary drops the trailing affidavit_votes cell whenever it
      // is zero; a record short only of columns the parser does not read loses nothing.
      if (num_fields <= layout_.LastNeeded()) return RejectFieldCount(record);
      ++num_short_;
    }

    // Built in place: moving a row of a dozen strings costs more than filling it.
    model::ResultRow& row = rows_.emplace_back();
    row.line = record.line;
    row.office_raw = std::string(Field(record, layout_.office));
    const bool is_county_total = SetPlace(record, row);
    const OfficeInfo& office = Office(row.office_raw, Field(record, layout_.district), row.county);
    if (office.text.empty()) {
      // Ohio's 2018 special writes "Registered Voters" and "Ballots Cast" in the candidate
      // column with an empty office: election-wide turnout, as when the label is the office.
      const NameInfo& label = Name(Field(record, layout_.candidate));
      if (label.kind != model::RowKind::kRegisteredVoters &&
          label.kind != model::RowKind::kBallotsCast) {
        return RejectRow(record.line, "office", "office is empty");
      }
    }
    row.office = office.seat.office;
    row.district = office.seat.district;
    row.level = office.seat.level;
    row.jurisdiction = office.seat.jurisdiction;
    row.office_rule = office.seat.rule;
    row.body = office.seat.body;
    if (office.is_float_district) ++num_float_districts_;
    row.seats = office.seat.seats;
    row.is_seats_from_data = office.seat.is_seats_from_data;
    row.is_statewide = office.seat.is_statewide;

    row.party_raw = Clean(Field(record, layout_.party));
    const PartyInfo& party = Party(row.party_raw);
    row.party = party.code;
    if (row.party.empty()) row.party = office.seat.party_from_office;

    const std::string_view name_cell = Field(record, layout_.candidate);
    const NameInfo& name = Name(name_cell);
    if (office.text.empty()) {
      row.kind = name.kind;
      row.candidate = name.name;
      if (row.party.empty()) row.party = name.party;
    } else if (office.label_kind) {
      // "Ballots Cast" / "Registered Voters" in the office column: a turnout figure for the
      // whole election (office ""), usually with no candidate; the label becomes the name.
      const bool is_pseudo_name = !name.name.empty() && name.kind != model::RowKind::kCandidate;
      row.kind = is_pseudo_name ? name.kind : *office.label_kind;
      row.candidate = is_pseudo_name ? name.name : office.text;
      if (row.party.empty()) row.party = is_pseudo_name ? name.party : office.label_party;
    } else if (name.name.empty()) {
      // 14 rows of the NYC 2018 general have an office and district but no candidate, party or
      // votes: nothing to count and nothing to name.
      return RejectRow(record.line, "candidate", "candidate is empty");
    } else {
      row.kind = name.kind;
      row.candidate = name.bare_name;
      if (row.party.empty()) row.party = name.party;
      // Westchester writes write-in votes for named people with party "WRITE-IN" / "wri".
      if (row.kind == model::RowKind::kCandidate && party.is_write_in) {
        row.kind = model::RowKind::kWriteIn;
      }
    }
    if (row.party.empty()) row.party = info_.party;

    const bool is_total = is_county_total || NamesATotal(Field(record, layout_.precinct));
    if (is_total) row.kind = model::RowKind::kTotalVotes;

    auto votes_ok = Votes(record, row);
    if (!votes_ok.ok()) {
      return RejectRow(record.line, std::string(votes_field_),
                       std::string(votes_ok.message().data(), votes_ok.message().size()));
    }
    if (is_total) ++num_total_rows_;
    row_office_.push_back(&office);
    CellHashes& cells = row_cells_.emplace_back();
    for (size_t column = 0; column < record.fields.size(); ++column) {
      uint64_t& hash = layout_.IsVoteColumn(column) ? cells.vote_cells : cells.other_cells;
      hash = absl::Hash<std::pair<uint64_t, std::string_view>>{}({hash, record.fields[column]});
    }
    return absl::OkStatus();
  }

  // Drops the row under construction (the last one) and records why.
  absl::Status RejectRow(int64_t line, std::string field, std::string reason) {
    rows_.pop_back();
    report_.Reject(line, std::move(field), std::move(reason));
    return absl::OkStatus();
  }

  absl::Status RejectFieldCount(const Record& record) {
    report_.Reject(
        record.line, "",
        fmt::format("expected {} fields, got {}", layout_.num_fields, record.fields.size()));
    return absl::OkStatus();
  }

  std::string Precinct(const Record& record) const {
    std::string precinct = Clean(Field(record, layout_.precinct));
    if (layout_.assembly_district == kNoColumn) return precinct;
    const std::string assembly = Clean(Field(record, layout_.assembly_district));
    if (assembly.empty()) return precinct;
    // NYC election districts are numbered within an Assembly district; the other NYC files
    // write the pair as "ED/AD" with a three-digit ED ("023/77"), so these match them.
    if (const auto ed = base::ParseInt(precinct); ed && *ed >= 0) {
      return fmt::format("{:03}/{}", *ed, assembly);
    }
    return fmt::format("{}/{}", precinct, assembly);
  }

  // Sets row.county (the file name's county when the cell is empty) and row.precinct; returns
  // whether the county cell names a total ("Total", "Statewide Total").
  bool SetPlace(const Record& record, model::ResultRow& row) {
    const std::string_view county_cell = Field(record, layout_.county);
    auto it = counties_.find(county_cell);
    if (it == counties_.end()) {
      const std::string cleaned = Clean(county_cell);
      CountyInfo county{cleaned.empty() ? info_.county : NormalizeCountyName(cleaned),
                        NamesATotal(cleaned)};
      // Arizona's county-level files write the state in the county column and the county in
      // the precinct column ("Arizona,Apache,..."): a county cell naming the file's own state
      // in a county-level file hands the county over to the precinct cell.
      county.names_state = !info_.is_precinct_level && !cleaned.empty() &&
                           StatePostalCode(cleaned) == std::optional<std::string>(info_.state) &&
                           cleaned.size() > 2;
      it = counties_.emplace(std::string(county_cell), std::move(county)).first;
    }
    if (it->second.names_state) {
      const std::string precinct = Clean(Field(record, layout_.precinct));
      if (!precinct.empty()) {
        if (!num_state_in_county_column_++) state_in_county_column_ = it->second.name;
        row.county = NormalizeCountyName(precinct);
        row.precinct.clear();
        return NamesATotal(precinct);
      }
    }
    row.county = it->second.name;
    row.precinct = Precinct(record);
    return it->second.is_total;
  }

  // The office normalised once per distinct office, district and county.
  const OfficeInfo& Office(const std::string& office_raw, std::string_view district_raw,
                           const std::string& county) {
    std::string& key = office_key_;  // reused: no allocation per row once warm
    key.assign(office_raw);
    key.push_back('\x1f');
    key.append(district_raw);
    key.push_back('\x1f');
    key += county;
    auto it = offices_.find(key);
    if (it == offices_.end()) {
      OfficeInfo office;
      office.text = Clean(office_raw);
      office.district_cell = Clean(district_raw);
      office.is_float_district = office.district_cell.find('.') != std::string::npos &&
                                 !PlainDistrictNumber(office.district_cell).empty();
      office.seat = NormalizeOffice(
          offices_table_,
          OfficeContext{info_.state, info_.date.year, model::IsSpecialStage(info_.stage), county},
          office_raw, district_raw);
      office.label_kind = ClassifyOfficeLabel(office.text);
      office.is_breakdown_variant = !office.district_cell.empty() ||
                                    OfficeWords(office.text)
                                        .HasAny({"senatorial", "congressional", "legislative",
                                                 "district", "ward", "precinct", "assembly", "by"});
      if (office.label_kind) office.label_party = PartyFromText(office.text);
      it = offices_.emplace(key, std::move(office)).first;
    }
    return it->second;
  }

  const PartyInfo& Party(const std::string& party_raw) {
    auto it = parties_.find(party_raw);
    if (it == parties_.end()) {
      it = parties_
               .emplace(party_raw, PartyInfo{NormalizeParty(party_raw, info_.state),
                                             IsWriteInPartyLabel(party_raw)})
               .first;
    }
    return it->second;
  }

  const NameInfo& Name(std::string_view cell) {
    auto it = names_.find(cell);
    if (it == names_.end()) {
      NameInfo name;
      name.name = Clean(cell);
      name.kind = name.name.empty() ? model::RowKind::kCandidate : ClassifyCandidate(name.name);
      if (name.kind == model::RowKind::kCandidate) {
        // Some exports repeat the party line in the name ("Ronald Castorina Jr.
        // (Conservative)", Ontario's "Andrew M. Cuomo - DEM"): one candidate, not two.
        if (auto split =
                SplitPartySuffix(name.name, info_.state, SuffixForms::kParenthesesOrDash)) {
          name.bare_name = std::move(split->text);
          name.party = std::move(split->party);
        } else {
          name.bare_name = name.name;
        }
      } else {
        name.bare_name = name.name;
        name.party = PartyFromText(name.name);
      }
      it = names_.emplace(std::string(cell), std::move(name)).first;
    }
    return it->second;
  }

  // Sets row.votes from the votes cell, or from the vote-mode cells when the file has no votes
  // column (or the votes cell is empty and the modes are not). The status message is the
  // reject reason; votes_field_ names the column at fault.
  absl::Status Votes(const Record& record, model::ResultRow& row) {
    if (layout_.votes != kNoColumn) {
      votes_field_ = "votes";
      auto votes = ParseVoteCell("votes", Field(record, layout_.votes));
      if (!votes.ok()) return votes.status();
      if (votes->has_value()) {
        row.votes = **votes;
        CheckModesAgainstVotes(record, row.votes);
        return absl::OkStatus();
      }
    }
    bool has_mode_value = false;
    int64_t total = 0;
    for (const auto& [name, column] : layout_.vote_modes) {
      votes_field_ = name;
      auto votes = ParseVoteCell(name, Field(record, column));
      if (!votes.ok()) {
        if (layout_.votes != kNoColumn) continue;  // only informative beside a votes column
        return votes.status();
      }
      if (!votes->has_value()) continue;
      has_mode_value = true;
      total += **votes;
    }
    if (has_mode_value) {
      row.votes = total;
      if (layout_.votes != kNoColumn) ++num_votes_from_modes_;
      return absl::OkStatus();
    }
    row.votes = 0;
    row.is_votes_missing = true;
    ++num_missing_votes_;
    return absl::OkStatus();
  }

  // A precinct cell that names the county rather than a precinct in it: empty, the county's
  // name, or the name with the state's code or "County" after it ("SAN BERNARDINO CA").
  // "Lafayette Public Libary", "Town Of Dane Ward 1" and "New York 65079" name precincts.
  bool IsCountyLabel(const model::ResultRow& row) const {
    if (row.precinct.empty()) return true;
    if (row.county.empty() || !base::StartsWithIgnoreCase(row.precinct, row.county)) return false;
    const std::string_view rest =
        base::Trim(std::string_view(row.precinct).substr(row.county.size()));
    return rest.empty() || base::EqualsIgnoreCase(rest, info_.state) ||
           base::EqualsIgnoreCase(rest, "county");
  }

  // A precinct file's subtotal of one candidate's precincts, in a row with no precinct, one
  // named after the county, or the precinct of a row above it again. New York County's 2018
  // general follows each candidate's block with "New York,,U.S. House,7,Dem,Nydia
  // Velazquez,17696"; San Bernardino's ends with a "SAN BERNARDINO CA" row for each candidate,
  // spelled differently at times ("Chrsitian Valiente"); Oswego's 2018-09-13 judicial delegates
  // end with a total labelled with the last precinct, "Oswego Town 7", and its Fulton rows give
  // the county's totals twice under "Fulton 6 2". When its votes equal the sum of that
  // candidate's precinct rows (any spelling of the name, at least two rows), it is a total
  // (kTotalVotes), never counted. The same holds for the write-in, blank and ballots rows of
  // such a block, matched by their label. A precinct row whose votes merely happen to equal the
  // others' ("Town Of Dane Ward 1", Wisconsin's 2018-06-12 special) is left alone.
  void MarkSubtotalRows() {
    if (!info_.is_precinct_level) return;
    const auto is_line = [](const model::ResultRow& row) {
      return row.kind != model::RowKind::kTotalVotes && row.kind != model::RowKind::kRepeat;
    };
    // Each (county, office, district, party) as a number, so the maps below hash less.
    absl::flat_hash_map<ContestView, uint32_t> contest_ids;
    std::vector<uint32_t> contest_of(rows_.size());
    for (size_t idx = 0; idx < rows_.size(); ++idx) {
      contest_of[idx] =
          contest_ids.try_emplace(ContestOf(rows_[idx]), static_cast<uint32_t>(contest_ids.size()))
              .first->second;
    }
    // Rows that could be totals by their label; the others are the precincts they would total.
    std::vector<size_t> suspects;
    // (contest, kind) -> candidate or label -> (votes, rows) of the precinct rows
    using Group = std::pair<uint32_t, model::RowKind>;
    absl::flat_hash_map<Group, absl::flat_hash_map<std::string_view, std::pair<int64_t, int64_t>>>
        precincts;
    // (contest, precinct, candidate) of the rows so far
    absl::flat_hash_set<std::tuple<uint32_t, std::string_view, std::string_view>> seen;
    seen.reserve(rows_.size());
    for (size_t idx = 0; idx < rows_.size(); ++idx) {
      const model::ResultRow& row = rows_[idx];
      if (!is_line(row)) continue;
      const bool is_repeated_label =
          !seen.emplace(contest_of[idx], row.precinct, row.candidate).second;
      if (row.votes > 0 && (IsCountyLabel(row) || is_repeated_label)) {
        suspects.push_back(idx);
        continue;
      }
      auto& [votes, num_rows] = precincts[Group(contest_of[idx], row.kind)][row.candidate];
      votes += row.votes;
      ++num_rows;
    }
    for (const size_t idx : suspects) {
      model::ResultRow& row = rows_[idx];
      int64_t precinct_votes = 0;
      int64_t num_precincts = 0;
      for (const auto& [name, totals] : precincts[Group(contest_of[idx], row.kind)]) {
        const bool is_same = name == row.candidate || (row.kind == model::RowKind::kCandidate &&
                                                       AreSpellingsOfOneName(name, row.candidate));
        if (!is_same) continue;
        precinct_votes += totals.first;
        num_precincts += totals.second;
      }
      if (num_precincts < 2 || precinct_votes != row.votes) continue;
      row.kind = model::RowKind::kTotalVotes;
      ++num_subtotal_rows_;
    }
  }

  // Onondaga's 2018 general writes each precinct on the first row of its block only, leaving the
  // cell empty below it (a spreadsheet's merged cells). In a precinct file, an empty precinct
  // cell takes the precinct above it in the same county, unless that precinct already has a
  // row of the same office, party and candidate: then the row is not a continuation (a county
  // total at the end of the file) and stays a county row.
  void FillDownPrecincts() {
    if (!info_.is_precinct_level || layout_.precinct == kNoColumn) return;
    std::string county;
    std::string precinct;
    // (office, district, party, candidate) of the rows seen in the current precinct
    absl::flat_hash_set<
        std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>>
        seen;
    for (size_t idx = 0; idx < rows_.size(); ++idx) {
      model::ResultRow& row = rows_[idx];
      if (row.county != county) {
        county = row.county;
        precinct.clear();
        seen.clear();
      }
      const auto line =
          std::make_tuple(std::string_view(row.office_raw), std::string_view(row.district),
                          std::string_view(row.party_raw), std::string_view(row.candidate));
      if (!row.precinct.empty()) {
        if (row.precinct != precinct) {
          precinct = row.precinct;
          seen.clear();
        }
        seen.insert(line);
        continue;
      }
      if (precinct.empty() || row.kind == model::RowKind::kTotalVotes) continue;
      if (!seen.insert(line).second) continue;
      row.precinct = precinct;
      ++num_filled_precincts_;
    }
  }

  // Vote-mode cells beside a votes cell are its parts (OpenElections' data tests check that
  // they sum to no more than it): a row where they sum to more is counted for a note.
  void CheckModesAgainstVotes(const Record& record, int64_t votes) {
    if (layout_.vote_modes.empty()) return;
    int64_t modes = 0;
    for (const auto& [name, column] : layout_.vote_modes) {
      const auto mode = ParseVoteCell(name, Field(record, column));
      if (mode.ok() && mode->has_value()) modes += **mode;
    }
    if (modes <= votes) return;
    if (num_modes_above_votes_++ == 0) first_modes_above_votes_line_ = record.line;
  }

  // Statewide county files end each contest with a row whose county is empty: the district
  // total of the county rows above it (2016-06-28 U.S. House, 2016-09-13 legislature). Such a
  // row is the whole contest's figure (model::GeographyLevel::kContest): the roll-up counts it
  // and reconciles the county rows against it. Counted here only for the note.
  void MarkContestTotals() {
    if (!info_.county.empty()) return;
    absl::flat_hash_set<
        std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>>
        with_county;
    for (const model::ResultRow& row : rows_) {
      if (!row.county.empty()) {
        with_county.emplace(row.office_raw, row.district, row.party, row.candidate);
      }
    }
    for (const model::ResultRow& row : rows_) {
      if (!row.county.empty() || row.kind == model::RowKind::kTotalVotes) continue;
      if (with_county.contains({row.office_raw, row.district, row.party, row.candidate})) {
        ++num_contest_totals_;
      }
    }
  }

  // A statewide contest tabulated a second time by another geography in the same file ("President
  // Senatorial" by state senate district beside "President" by county): the extra variant of
  // the office text or district cell is a sub-tabulation, kept with a `breakdown` and never
  // counted. Only when the file also has the plain variant: a file whose every row carries a
  // district cell (Richmond's "NYC" on President rows) is the contest itself.
  void MarkSubTabulations() {
    // (office, district, party, county) of the statewide contests the file has a plain variant of
    absl::flat_hash_set<
        std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>>
        with_plain;
    for (size_t idx = 0; idx < rows_.size(); ++idx) {
      const OfficeInfo& office = *row_office_[idx];
      if (!office.seat.is_statewide || office.is_breakdown_variant) continue;
      with_plain.emplace(office.seat.office, office.seat.district, rows_[idx].party,
                         rows_[idx].county);
    }
    for (size_t idx = 0; idx < rows_.size(); ++idx) {
      const OfficeInfo& office = *row_office_[idx];
      if (!office.seat.is_statewide || !office.is_breakdown_variant) continue;
      model::ResultRow& row = rows_[idx];
      if (!with_plain.contains({office.seat.office, office.seat.district, row.party, row.county})) {
        continue;
      }
      row.breakdown = office.district_cell.empty()
                          ? office.text
                          : fmt::format("{} {}", office.text, office.district_cell);
      ++num_sub_tabulation_rows_;
    }
  }

  // An exact repeat of an earlier record, every cell the same, adds nothing the first did not,
  // provided the file otherwise names each line once: kept as kRepeat (stored, never counted).
  // When the file repeats a line (county, precinct, office, district, party, candidate) with
  // different votes elsewhere, repeated lines are how it is written (Richmond 2018 lists Dan
  // Donovan twice on "Ref" in every precinct; Suffolk's primary leaves the party of Void rows
  // empty, so two parties' rows look alike): identical ones are then a coincidence, counted,
  // and only noted.
  void MarkRepeatedRows() {
    absl::flat_hash_map<LineView, size_t> first_of_line;
    first_of_line.reserve(rows_.size());
    bool has_differing_repeat = false;
    int64_t num_identical = 0;
    for (size_t idx = 0; idx < rows_.size(); ++idx) {
      const auto [it, is_new] = first_of_line.try_emplace(LineOf(idx), idx);
      if (is_new) continue;
      if (HasSameVoteCells(it->second, idx)) {
        ++num_identical;
      } else {
        has_differing_repeat = true;
      }
    }
    if (num_identical == 0) return;
    if (has_differing_repeat) {
      num_coincident_repeats_ = num_identical;
      return;
    }
    // No line repeats with other votes, so a repeated line is a repeated record.
    absl::flat_hash_set<LineView> seen;
    seen.reserve(rows_.size());
    for (size_t idx = 0; idx < rows_.size(); ++idx) {
      if (seen.insert(LineOf(idx)).second) continue;
      rows_[idx].kind = model::RowKind::kRepeat;
      ++num_repeated_rows_;
    }
  }

  // A contest as the file writes it: (county, office, district, party), views into rows_.
  using ContestView =
      std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>;
  static ContestView ContestOf(const model::ResultRow& row) {
    return {row.county, row.office_raw, row.district, row.party_raw};
  }

  // A row's line: its record's cells other than the votes (through their hash, with the parsed
  // fields beside it so that a hash collision alone never merges two rows) and its precinct,
  // which FillDownPrecincts may have filled. Views into rows_, valid until rows_ changes.
  using LineView = std::tuple<std::string_view, std::string_view, std::string_view,
                              std::string_view, std::string_view, std::string_view, uint64_t>;
  LineView LineOf(size_t idx) const {
    const model::ResultRow& row = rows_[idx];
    return {row.county,
            row.precinct,
            row.office_raw,
            row.district,
            row.party_raw,
            row.candidate,
            row_cells_[idx].other_cells};
  }

  bool HasSameVoteCells(size_t a, size_t b) const {
    return rows_[a].votes == rows_[b].votes &&
           rows_[a].is_votes_missing == rows_[b].is_votes_missing &&
           row_cells_[a].vote_cells == row_cells_[b].vote_cells;
  }

  // "Cicero 22" and "Cicero 22nd District": one precinct written two ways. Where every contest
  // the two labels share has exactly the same returns under both, the later label's rows of
  // those contests repeat the earlier's (Onondaga 2018-09-13 lists each County Committee
  // precinct twice) and are kept as kRepeat. Labels whose returns differ are left alone.
  void MarkRepeatedPrecinctBlocks() {
    if (layout_.precinct == kNoColumn) return;
    // county -> precinct key -> labels in file order, each with its rows
    std::map<std::string, std::map<std::string, std::vector<std::string>>> labels;
    absl::flat_hash_map<std::pair<std::string_view, std::string_view>, std::vector<size_t>>
        rows_of_label;
    for (size_t idx = 0; idx < rows_.size(); ++idx) {
      const model::ResultRow& row = rows_[idx];
      if (row.precinct.empty() || row.kind == model::RowKind::kRepeat) continue;
      std::vector<size_t>& label_rows =
          rows_of_label[std::pair<std::string_view, std::string_view>(row.county, row.precinct)];
      if (label_rows.empty()) {
        const std::string key = PrecinctKey(row.precinct);
        if (!key.empty()) labels[row.county][key].push_back(row.precinct);
      }
      label_rows.push_back(idx);
    }
    using Contest = std::tuple<std::string, std::string, std::string>;
    using Returns = std::multiset<std::tuple<std::string, int, int64_t>>;
    const auto contests_of = [&](const std::vector<size_t>& label_rows) {
      std::map<Contest, Returns> contests;
      for (const size_t idx : label_rows) {
        const model::ResultRow& row = rows_[idx];
        contests[{row.office_raw, row.district, row.party_raw}].emplace(
            row.candidate, static_cast<int>(row.kind), row.votes);
      }
      return contests;
    };
    for (const auto& [county, by_key] : labels) {
      for (const auto& [key, spellings] : by_key) {
        if (spellings.size() < 2) continue;
        const std::vector<size_t>& first_rows = rows_of_label[{county, spellings[0]}];
        const std::map<Contest, Returns> first = contests_of(first_rows);
        for (size_t other = 1; other < spellings.size(); ++other) {
          const std::vector<size_t>& later_rows = rows_of_label[{county, spellings[other]}];
          const std::map<Contest, Returns> later = contests_of(later_rows);
          bool shares_contest = false;
          bool is_same = true;
          for (const auto& [contest, returns] : later) {
            const auto it = first.find(contest);
            if (it == first.end()) continue;
            shares_contest = true;
            is_same = is_same && it->second == returns;
          }
          if (!shares_contest || !is_same) continue;
          for (const size_t idx : later_rows) {
            model::ResultRow& row = rows_[idx];
            if (!first.contains({row.office_raw, row.district, row.party_raw})) continue;
            row.kind = model::RowKind::kRepeat;
            ++num_repeated_block_rows_;
          }
          if (repeated_block_example_.empty()) {
            repeated_block_example_ =
                fmt::format("'{}' repeats '{}' in {}", spellings[other], spellings[0], county);
          }
        }
      }
    }
  }

  // One candidate listed twice in one contest under two spellings with the same votes in every
  // precinct: New York County's 2018 general lists "Nydia M. Velazquez" and "Nydia Velazquez",
  // San Bernardino's "Christian Valiente" and "Chrsitian Valiente", 38,149 votes each. The later
  // spelling's rows are kept as kRepeat. Only spellings of one name (initials aside, or two
  // letters apart), with votes in at least two places, so two people never merge by chance.
  void MarkRepeatedCandidates() {
    struct Listing {
      size_t first_row = 0;
      int64_t votes = 0;
      std::vector<size_t> rows;
    };
    // Contests in file order (so the note's example does not depend on hashing), each with its
    // candidates' listings by name.
    std::vector<std::map<std::string_view, Listing>> contests;
    absl::flat_hash_map<ContestView, size_t> contest_index;
    for (size_t idx = 0; idx < rows_.size(); ++idx) {
      const model::ResultRow& row = rows_[idx];
      if (row.kind != model::RowKind::kCandidate) continue;
      const auto [contest, is_new_contest] =
          contest_index.try_emplace(ContestOf(row), contests.size());
      if (is_new_contest) contests.emplace_back();
      auto [it, is_new] = contests[contest->second].try_emplace(row.candidate);
      if (is_new) it->second.first_row = idx;
      it->second.votes += row.votes;
      it->second.rows.push_back(idx);
    }
    const auto votes_by_place = [this](const Listing& listing) {
      std::map<std::string_view, int64_t> by_place;
      for (const size_t idx : listing.rows) by_place[rows_[idx].precinct] += rows_[idx].votes;
      return by_place;
    };
    constexpr size_t kMaxNamesCompared = 64;  // quadratic in the names of one contest
    for (auto& listings : contests) {
      if (listings.size() < 2 || listings.size() > kMaxNamesCompared) continue;
      for (auto a = listings.begin(); a != listings.end(); ++a) {
        for (auto b = std::next(a); b != listings.end(); ++b) {
          // Equal totals first: cheap, and rare between two different people.
          if (a->second.votes != b->second.votes) continue;
          const std::map<std::string_view, int64_t> places = votes_by_place(a->second);
          if (places != votes_by_place(b->second)) continue;
          int num_places_with_votes = 0;
          for (const auto& [place, votes] : places) num_places_with_votes += votes > 0 ? 1 : 0;
          if (num_places_with_votes < 2 || !AreSpellingsOfOneName(a->first, b->first)) continue;
          Listing& later = a->second.first_row < b->second.first_row ? b->second : a->second;
          const std::string_view kept = &later == &b->second ? a->first : b->first;
          const std::string_view repeated = &later == &b->second ? b->first : a->first;
          for (const size_t idx : later.rows) {
            if (rows_[idx].kind == model::RowKind::kRepeat) continue;
            rows_[idx].kind = model::RowKind::kRepeat;
            ++num_repeated_candidate_rows_;
          }
          if (repeated_candidate_example_.empty()) {
            repeated_candidate_example_ = fmt::format("'{}' repeats '{}'", repeated, kept);
          }
        }
      }
    }
  }

  // Where a row sits: its precinct in a precinct file, the whole contest when it names no
  // county (a state-level file or a district total), else its county.
  model::GeographyLevel GeographyOf(const model::ResultRow& row) const {
    if (info_.is_precinct_level && !row.precinct.empty()) return model::GeographyLevel::kPrecinct;
    if (row.county.empty()) return model::GeographyLevel::kContest;
    return model::GeographyLevel::kCounty;
  }

  void AddNotes() {
    if (num_empty_records_ > 0) {
      report_.notes.push_back(
          fmt::format("{} lines have every cell empty: skipped like blank lines, not rows",
                      num_empty_records_));
    }
    if (num_total_rows_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows add up other rows of the file (a county or precinct named 'Total'): kept as "
          "total_votes so no vote counts twice",
          num_total_rows_));
    }
    if (num_subtotal_rows_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows labelled with no precinct, the county's name or a precinct already listed give "
          "a line's total of the precincts above: kept as total_votes so no vote counts "
          "twice",
          num_subtotal_rows_));
    }
    if (num_contest_totals_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows give a contest's total with no county: counted as the whole contest, the "
          "county rows reconciled against them",
          num_contest_totals_));
    }
    if (num_sub_tabulation_rows_ > 0) {
      report_.notes.push_back(
          fmt::format("{} rows tabulate a statewide contest again by another geography: kept as "
                      "sub-tabulations, not counted",
                      num_sub_tabulation_rows_));
    }
    if (num_repeated_rows_ > 0) {
      report_.notes.push_back(
          fmt::format("{} rows repeat an earlier row cell for cell: kept as repeats, counted once",
                      num_repeated_rows_));
    }
    if (num_repeated_candidate_rows_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows list a candidate a second time under another spelling with the same votes in "
          "every precinct ({}): kept as repeats, counted once",
          num_repeated_candidate_rows_, repeated_candidate_example_));
    }
    if (num_coincident_repeats_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows repeat an earlier row cell for cell, but the file also lists some lines twice "
          "with different votes: counted as separate lines (see `downballot check`)",
          num_coincident_repeats_));
    }
    if (num_repeated_block_rows_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows repeat another spelling of the same precinct with the same returns ({}): "
          "kept as repeats, counted once",
          num_repeated_block_rows_, repeated_block_example_));
    }
    if (num_float_districts_ > 0) {
      report_.notes.push_back(
          fmt::format("{} rows write the district as a float ('124.0'): read as the whole number",
                      num_float_districts_));
    }
    if (num_modes_above_votes_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows have vote-mode columns that sum to more than their votes (first on line {}): "
          "the votes cell counts",
          num_modes_above_votes_, first_modes_above_votes_line_));
    }
    if (num_filled_precincts_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows leave the precinct empty below a row that names it: read as that precinct's",
          num_filled_precincts_));
    }
    if (num_state_in_county_column_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows name the state ('{}') in the county column: their county is the precinct "
          "column's",
          num_state_in_county_column_, state_in_county_column_));
    }
    if (num_short_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} records lack trailing columns the parser does not read: accepted", num_short_));
    }
    if (num_trailing_empty_ > 0) {
      report_.notes.push_back(fmt::format("{} records have empty fields past the header: ignored",
                                          num_trailing_empty_));
    }
    if (num_missing_votes_ > 0) {
      report_.notes.push_back(fmt::format(
          "{} rows have no vote count: stored as 0 votes, marked missing", num_missing_votes_));
    }
    if (num_votes_from_modes_ > 0) {
      report_.notes.push_back(
          fmt::format("{} rows with an empty votes cell: summed their vote-mode columns",
                      num_votes_from_modes_));
    }
  }

  std::string_view path_;
  model::ResultFileInfo info_;
  const OfficeTable& offices_table_;
  model::FileReport& report_;
  Layout layout_;
  std::vector<model::ResultRow> rows_;
  // Beside rows_, one entry per stored row: its office (a node of offices_, which never moves)
  // and hashes of its record's cells, to find exact repeats.
  struct CellHashes {
    uint64_t other_cells = 0;
    uint64_t vote_cells = 0;
  };
  std::vector<const OfficeInfo*> row_office_;
  std::vector<CellHashes> row_cells_;
  // Caches: files repeat a few hundred offices, names and parties over thousands of rows.
  // Node maps: rows keep pointers to their office, and the parser references to the others.
  StringMap<OfficeInfo> offices_;
  std::string office_key_;
  StringMap<CountyInfo> counties_;
  StringMap<PartyInfo> parties_;
  StringMap<NameInfo> names_;
  std::string_view votes_field_ = "votes";
  int64_t num_total_rows_ = 0;
  int64_t num_short_ = 0;
  int64_t num_trailing_empty_ = 0;
  int64_t num_missing_votes_ = 0;
  int64_t num_votes_from_modes_ = 0;
  int64_t num_contest_totals_ = 0;
  int64_t num_sub_tabulation_rows_ = 0;
  int64_t num_repeated_rows_ = 0;
  int64_t num_empty_records_ = 0;
  int64_t num_coincident_repeats_ = 0;
  int64_t num_repeated_candidate_rows_ = 0;
  int64_t num_subtotal_rows_ = 0;
  std::string repeated_candidate_example_;
  int64_t num_filled_precincts_ = 0;
  int64_t num_float_districts_ = 0;
  int64_t num_modes_above_votes_ = 0;
  int64_t first_modes_above_votes_line_ = 0;
  int64_t num_repeated_block_rows_ = 0;
  std::string repeated_block_example_;
  int64_t num_state_in_county_column_ = 0;
  std::string state_in_county_column_;
};

}  // namespace

absl::StatusOr<ParsedResults> ParseOpenElections(std::string_view path, std::string_view bytes,
                                                 model::FileReport& report,
                                                 const ResultsParseOptions& options) {
  if (report.path.empty()) report.path = std::string(path);
  if (report.kind.empty()) report.kind = "openelections";
  ParsedResults parsed;
  ASSIGN_OR_RETURN(parsed.info, ParseResultFileName(path));

  ASSIGN_OR_RETURN(const std::string text, DecodeTextFile(path, bytes, report));
  const OfficeTable& offices =
      options.offices != nullptr ? *options.offices : OfficeTable::Default();
  Parser parser(path, parsed.info, offices, report);
  ASSIGN_OR_RETURN(parsed.rows, parser.Run(text));
  return parsed;
}

}  // namespace downballot::ingest
