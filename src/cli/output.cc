#include "cli/output.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::cli {
namespace {

// Four significant digits, never in exponent form (a share of 0.00001929 reads 0.00001929, a
// budget of 123456.7 reads 123457), trailing zeros dropped.
std::string DecimalText(double number) {
  if (!std::isfinite(number)) return fmt::format("{}", number);
  if (number == 0) return "0";
  constexpr int kSignificant = 4;
  constexpr int kMaxDecimals = 12;
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(number))));
  const int decimals = std::clamp(kSignificant - 1 - magnitude, 0, kMaxDecimals);
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

// Display width in code points, so accented names do not skew the columns.
std::string_view TrimTrailing(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

}  // namespace

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

void Render(const Table& table, OutputFormat format, std::ostream& out) {
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
      std::vector<size_t> widths(table.columns.size());
      for (size_t column = 0; column < table.columns.size(); ++column) {
        widths[column] = DisplayWidth(table.columns[column]);
      }
      for (const auto& row : table.rows) {
        for (size_t column = 0; column < row.size() && column < widths.size(); ++column) {
          widths[column] = std::max(widths[column], DisplayWidth(CellText(row[column])));
        }
      }
      const auto pad = [&](const std::string& text, size_t column, bool is_right) {
        const std::string spaces(widths[column] - DisplayWidth(text), ' ');
        return is_right ? spaces + text : text + spaces;
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
      for (const auto& row : table.rows) {
        line.clear();
        for (size_t column = 0; column < row.size() && column < widths.size(); ++column) {
          line += (column ? "  " : "") + pad(CellText(row[column]), column, IsNumeric(row[column]));
        }
        out << TrimTrailing(line) << '\n';
      }
      return;
    }
  }
}

}  // namespace downballot::cli
