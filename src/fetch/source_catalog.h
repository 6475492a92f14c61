// Where `downballot fetch` gets each kind of public file: the sources' base URLs and the fixed
// files of each kind, read from config/fetch/{sources,files}.tsv (compiled in; --mirror
// replaces a base URL).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace downballot::fetch {

struct SourceFile {
  std::string what;    // the --what kind: candidates, lean, medsl, fips, fec
  std::string source;  // a name of sources.tsv
  std::string path;    // under the source's base URL; may hold {cycle} and {yy}
  std::string dest;    // under --dest; may hold {cycle} and {yy}
};

struct SourceCatalog {
  std::map<std::string, std::string, std::less<>> base_urls;  // name -> URL, no trailing '/'
  std::map<std::string, std::string, std::less<>> descriptions;
  std::vector<SourceFile> files;

  // Replaces the base URL of `name`; InvalidArgument for a name the catalog lacks.
  absl::Status SetMirror(std::string_view name, std::string_view base_url);
  // The base URL of `name`; NotFound naming the known sources otherwise.
  [[nodiscard]] absl::StatusOr<std::string> BaseUrl(std::string_view name) const;
};

// Parses the two tables (tab-separated, '#' comments, a header line each). InvalidArgument
// naming the table, line and field for a malformed row or a file naming an unknown source.
[[nodiscard]] absl::StatusOr<SourceCatalog> ParseSourceCatalog(std::string_view sources_tsv,
                                                               std::string_view files_tsv);

// The catalog compiled from config/fetch/.
[[nodiscard]] absl::StatusOr<SourceCatalog> DefaultSourceCatalog();

// `pattern` with {cycle} and {yy} filled in from `cycle` (2020 -> "2020", "20").
[[nodiscard]] std::string ExpandCycle(std::string_view pattern, int cycle);

// The text of config/fetch/sources.tsv and files.tsv as of the build.
[[nodiscard]] std::string_view DefaultSourcesTable();
[[nodiscard]] std::string_view DefaultFilesTable();

}  // namespace downballot::fetch
