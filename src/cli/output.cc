#include "cli/output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::cli {
namespace {

// Four significant digits but never fewer than two decimals, never in exponent form (a share of
// 0.00001929 reads 0.00001929, expected ballots of 25311.3 read 25311.3, not 25311), trailing
// zeros dropped.
std::string DecimalText(double number) {
  if (!std::isfinite(number)) return fmt::format("{}", number);
  if (number == 0) return "0";
  constexpr int kSignificant = 4;
  constexpr int kMaxDecimals = 12;
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(number))));
  constexpr int kMinDecimals = 2;
  const int decimals = std::clamp(kSignificant - 1 - magnitude, kMinDecimals, kMaxDecimals);
  std::string text = fmt::format("{:.{}f}", number, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string CellText(const Cell& cell) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(const std::string& text) const { return text; }
    std::string operator()(int64_t number) const { return std::to_string(number); }
    std::string operator()(double number) const { return DecimalText(number); }
    std::string operator()(bool flag) const { return flag ? "yes" : "no"; }
  };
  return std::visit(Visitor{}, cell);
}

bool IsNumeric(const Cell& cell) {
  return std::holds_alternative<int64_t>(cell) || std::holds_alternative<double>(cell);
}

std::string CsvEscape(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string_view TrimTrailing(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Display width in code points, so accented names do not skew the columns.
size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

// The first `width` display columns of `text`, the last one an ellipsis when it was cut.
std::string CutToWidth(const std::string& text, size_t width) {
  if (DisplayWidth(text) <= width) return text;
  size_t kept = 0;
  size_t end = 0;
  while (end < text.size()) {
    size_t next = end + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    if (kept + 1 == width) break;
    ++kept;
    end = next;
  }
  return text.substr(0, end) + "\u2026";
}

// Column widths for `table`, narrowed (text columns only, widest first, never below their
// header or 6) until a line fits `max_width` or nothing more can be cut. Id columns (a header
// ending in "_id") are cut last: they are what a reader copies into the next command.
std::vector<size_t> FitWidths(const Table& table,
                              const std::vector<std::vector<std::string>>& cells,
                              size_t max_width) {
  const std::vector<std::string>& header = table.columns;
  std::vector<size_t> widths(header.size());
  std::vector<size_t> floors(header.size());
  std::vector<bool> is_text(header.size(), false);
  for (size_t column = 0; column < header.size(); ++column) {
    widths[column] = DisplayWidth(header[column]);
    floors[column] = std::max<size_t>(widths[column], 6);
  }
  for (size_t row = 0; row < cells.size(); ++row) {
    for (size_t column = 0; column < cells[row].size() && column < widths.size(); ++column) {
      widths[column] = std::max(widths[column], DisplayWidth(cells[row][column]));
      if (std::holds_alternative<std::string>(table.rows[row][column])) is_text[column] = true;
    }
  }
  if (max_width == 0 || widths.empty()) return widths;
  size_t total = 2 * (widths.size() - 1);
  for (const size_t width : widths) total += width;
  for (const bool may_cut_ids : {false, true}) {
    while (total > max_width) {
      size_t widest = widths.size();
      for (size_t column = 0; column < widths.size(); ++column) {
        if (!is_text[column] || widths[column] <= floors[column]) continue;
        if (!may_cut_ids && header[column].ends_with("_id")) continue;
        if (widest == widths.size() || widths[column] > widths[widest]) widest = column;
      }
      if (widest == widths.size()) break;
      --widths[widest];
      --total;
    }
  }
  return widths;
}

}  // namespace

size_t TerminalWidth(int fd) {
  winsize size{};
  if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 0;
}

std::string FitToTerminal(std::string_view text, int fd) {
  const size_t width = TerminalWidth(fd);
  if (width < 20) return std::string(text);
  std::string fitted;
  for (const std::string_view line : base::Split(text, '\n')) {
    if (!fitted.empty()) fitted += '\n';
    std::string_view rest = line;
    std::string_view indent;
    while (DisplayWidth(indent) + DisplayWidth(rest) > width) {
      // The last space within the width; a word longer than the width is left whole.
      size_t cut = std::string_view::npos;
      size_t shown = DisplayWidth(indent);
      for (size_t at = 0; at < rest.size() && shown <= width; ++at) {
        if ((static_cast<unsigned char>(rest[at]) & 0xC0) != 0x80) ++shown;
        if (rest[at] == ' ' && shown <= width && at > 0) cut = at;
      }
      if (cut == std::string_view::npos) break;
      fitted += indent;
      fitted += TrimTrailing(rest.substr(0, cut));
      fitted += '\n';
      rest = rest.substr(cut + 1);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      indent = "  ";
    }
    fitted += indent;
    fitted += rest;
  }
  return fitted;
}

Table SelectColumns(const Table& table, std::span<const std::string_view> columns) {
  std::vector<size_t> kept;
  Table selected;
  for (const std::string_view name : columns) {
    for (size_t column = 0; column < table.columns.size(); ++column) {
      if (table.columns[column] != name) continue;
      kept.push_back(column);
      selected.columns.push_back(table.columns[column]);
    }
  }
  for (const std::vector<Cell>& row : table.rows) {
    std::vector<Cell>& narrow = selected.rows.emplace_back();
    for (const size_t column : kept) narrow.push_back(column < row.size() ? row[column] : Cell());
  }
  return selected;
}

std::optional<OutputFormat> ParseOutputFormat(std::string_view text) {
  if (base::EqualsIgnoreCase(text, "table")) return OutputFormat::kTable;
  if (base::EqualsIgnoreCase(text, "csv")) return OutputFormat::kCsv;
  if (base::EqualsIgnoreCase(text, "json")) return OutputFormat::kJson;
  return std::nullopt;
}

OutputFormat DefaultOutputFormat() {
  return isatty(STDOUT_FILENO) ? OutputFormat::kTable : OutputFormat::kCsv;
}

void RenderJson(const nlohmann::json& value, std::ostream& out) {
  out << query::JsonText(value) << '\n';
}

void Render(const Table& table, OutputFormat format, std::ostream& out, size_t max_width) {
  switch (format) {
    case OutputFormat::kJson:
      RenderJson(ToJson(table), out);
      return;
    case OutputFormat::kCsv: {
      for (size_t column = 0; column < table.columns.size(); ++column) {
        out << (column ? "," : "") << CsvEscape(table.columns[column]);
      }
      out << '\n';
      for (const auto& row : table.rows) {
        for (size_t column = 0; column < row.size(); ++column) {
          out << (column ? "," : "") << CsvEscape(CellText(row[column]));
        }
        out << '\n';
      }
      return;
    }
    case OutputFormat::kTable: {
      std::vector<std::vector<std::string>> cells;
      cells.reserve(table.rows.size());
      for (const auto& row : table.rows) {
        std::vector<std::string>& texts = cells.emplace_back();
        for (const Cell& cell : row) texts.push_back(CellText(cell));
      }
      const std::vector<size_t> widths = FitWidths(table, cells, max_width);
      const auto pad = [&](const std::string& text, size_t column, bool is_right) {
        const std::string cut = CutToWidth(text, widths[column]);
        const std::string spaces(widths[column] - DisplayWidth(cut), ' ');
        return is_right ? spaces + cut : cut + spaces;
      };
      std::string line;
      for (size_t column = 0; column < table.columns.size(); ++column) {
        line += (column ? "  " : "") + pad(table.columns[column], column, false);
      }
      out << TrimTrailing(line) << '\n';
      line.clear();
      for (size_t column = 0; column < table.columns.size(); ++column) {
        line += (column ? "  " : "") + std::string(widths[column], '-');
      }
      out << line << '\n';
      for (size_t row = 0; row < table.rows.size(); ++row) {
        line.clear();
        for (size_t column = 0; column < cells[row].size() && column < widths.size(); ++column) {
          line += (column ? "  " : "") +
                  pad(cells[row][column], column, IsNumeric(table.rows[row][column]));
        }
        out << TrimTrailing(line) << '\n';
      }
      return;
    }
  }
}

}  // namespace downballot::cli
