#include "query/table.h"

namespace downballot::query {

nlohmann::json ToJson(const Cell& cell) {
  struct Visitor {
    nlohmann::json operator()(std::monostate) const { return nullptr; }
    nlohmann::json operator()(const std::string& text) const { return text; }
    nlohmann::json operator()(int64_t number) const { return number; }
    nlohmann::json operator()(double number) const { return number; }
    nlohmann::json operator()(bool flag) const { return flag; }
  };
  return std::visit(Visitor{}, cell);
}

nlohmann::json ToJson(const Table& table) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : table.rows) {
    nlohmann::json object = nlohmann::json::object();
    for (size_t column = 0; column < table.columns.size() && column < row.size(); ++column) {
      object[table.columns[column]] = ToJson(row[column]);
    }
    rows.push_back(std::move(object));
  }
  return rows;
}

std::string JsonText(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace downballot::query
