#include "fetch/source_catalog.h"

#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"

namespace downballot::fetch {
namespace {

// The rows of a tab-separated table: comments and blank lines skipped, the header checked and
// dropped. Each row has exactly `columns` fields; line numbers count from 1.
absl::StatusOr<std::vector<std::pair<int, std::vector<std::string>>>> ReadTable(
    std::string_view text, std::string_view table, const std::vector<std::string_view>& header) {
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  bool has_header = false;
  int line_number = 0;
  for (std::string_view line : base::Split(text, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (base::Trim(line).empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    for (const std::string_view field : base::Split(line, '\t')) {
      fields.emplace_back(base::Trim(field));
    }
    if (!has_header) {
      if (fields != std::vector<std::string>(header.begin(), header.end())) {
        return absl::InvalidArgumentError(fmt::format("{}:{}: the header must be '{}'", table,
                                                      line_number, fmt::join(header, "\t")));
      }
      has_header = true;
      continue;
    }
    if (fields.size() != header.size()) {
      return absl::InvalidArgumentError(fmt::format("{}:{}: {} fields, expected {} ({})", table,
                                                    line_number, fields.size(), header.size(),
                                                    fmt::join(header, ", ")));
    }
    for (size_t column = 0; column < fields.size(); ++column) {
      if (fields[column].empty()) {
        return absl::InvalidArgumentError(
            fmt::format("{}:{}: field '{}' is empty", table, line_number, header[column]));
      }
    }
    rows.emplace_back(line_number, std::move(fields));
  }
  return rows;
}

}  // namespace

absl::Status SourceCatalog::SetMirror(std::string_view name, std::string_view base_url) {
  const auto found = base_urls.find(name);
  if (found == base_urls.end()) {
    std::vector<std::string_view> names;
    for (const auto& [known, url] : base_urls) names.push_back(known);
    return absl::InvalidArgumentError(fmt::format("--mirror: no source '{}'{} (sources: {})",
                                                  name, base::DidYouMean(name, names),
                                                  fmt::join(names, ", ")));
  }
  std::string url(base_url);
  while (!url.empty() && url.back() == '/') url.pop_back();
  found->second = std::move(url);
  return absl::OkStatus();
}

absl::StatusOr<std::string> SourceCatalog::BaseUrl(std::string_view name) const {
  const auto found = base_urls.find(name);
  if (found == base_urls.end()) {
    return absl::NotFoundError(fmt::format("no fetch source '{}'", name));
  }
  return found->second;
}

absl::StatusOr<SourceCatalog> ParseSourceCatalog(std::string_view sources_tsv,
                                                 std::string_view files_tsv) {
  SourceCatalog catalog;
  ASSIGN_OR_RETURN(const auto sources,
                   ReadTable(sources_tsv, "sources.tsv", {"name", "base_url", "what"}));
  for (const auto& [line, fields] : sources) {
    if (fields[1].rfind("http://", 0) != 0 && fields[1].rfind("https://", 0) != 0) {
      return absl::InvalidArgumentError(fmt::format(
          "sources.tsv:{}: base_url must start with http:// or https://, got '{}'", line,
          fields[1]));
    }
    std::string url = fields[1];
    while (url.back() == '/') url.pop_back();
    catalog.base_urls[fields[0]] = std::move(url);
    catalog.descriptions[fields[0]] = fields[2];
  }
  ASSIGN_OR_RETURN(const auto files,
                   ReadTable(files_tsv, "files.tsv", {"what", "source", "path", "dest"}));
  for (const auto& [line, fields] : files) {
    if (!catalog.base_urls.contains(fields[1])) {
      return absl::InvalidArgumentError(
          fmt::format("files.tsv:{}: source '{}' is not in sources.tsv", line, fields[1]));
    }
    if (fields[3].find("..") != std::string::npos || fields[3].front() == '/') {
      return absl::InvalidArgumentError(
          fmt::format("files.tsv:{}: dest '{}' must stay under --dest", line, fields[3]));
    }
    catalog.files.push_back({fields[0], fields[1], fields[2], fields[3]});
  }
  return catalog;
}

absl::StatusOr<SourceCatalog> DefaultSourceCatalog() {
  return ParseSourceCatalog(DefaultSourcesTable(), DefaultFilesTable());
}

std::string ExpandCycle(std::string_view pattern, int cycle) {
  std::string text(pattern);
  const auto replace = [&text](std::string_view key, const std::string& value) {
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
      text.replace(at, key.size(), value);
      at += value.size();
    }
  };
  replace("{cycle}", std::to_string(cycle));
  replace("{yy}", fmt::format("{:02}", cycle % 100));
  return text;
}

}  // namespace downballot::fetch
