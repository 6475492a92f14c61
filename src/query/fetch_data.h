// `downballot fetch`: the public files the engine reads, from their publishers into a folder
// that `ingest --data DIR` (and `ingest fec DIR/fec/CYCLE`) read as they read ../shared/data.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "fetch/http_download.h"
#include "fetch/source_catalog.h"
#include "nlohmann/json.hpp"
#include "query/params.h"
#include "query/table.h"

namespace downballot::query {

// Every kind of file fetch knows, in the order a default fetch gets them.
inline constexpr std::string_view kFetchKinds[] = {"results", "candidates", "lean",
                                                   "medsl",   "fips",       "fec"};

struct FetchRequest {
  std::vector<std::string> states;  // two-letter codes, upper case: whose results to fetch
  std::optional<int> cycle;         // results of this year; FEC files of this two-year cycle
  // Kinds of kFetchKinds; default every kind but fec (a cycle's FEC files are gigabytes: asked
  // for by name) and, without a state, results.
  std::vector<std::string> what;
  std::filesystem::path dest = "data";
  int parallel = 4;  // transfers at once
  fetch::DownloadOptions download;
};

// Checks the request: known kinds, states by code or name, `results` needing a state and `fec`
// an even cycle. InvalidArgument naming the option otherwise.
[[nodiscard]] absl::Status CheckFetchRequest(FetchRequest& request);

// One file to fetch: where from, where to, and its size when the listing gives it.
struct FetchItem {
  std::string what;
  std::string url;
  std::string dest;  // relative to the request's dest
  std::optional<int64_t> size;
  std::string git_blob_sha1;  // the listing's checksum, when it gives one
};

// The files a request names. OpenElections results are listed from each state's repository
// with GitHub's git-trees API: the root, then the `{cycle}/` folder recursively (or the whole
// repository without a cycle); each file's size and git blob id come with it. Every other kind
// comes from the catalog's fixed files. Errors: those of the listing (a state's repository or
// year folder missing is NotFound naming it, with the years it has).
[[nodiscard]] absl::StatusOr<std::vector<FetchItem>> PlanFetch(const fetch::SourceCatalog& catalog,
                                                               const FetchRequest& request);

struct FetchedFile {
  FetchItem item;
  fetch::DownloadResult result;
  absl::Status status;
};

struct FetchReport {
  std::vector<FetchedFile> files;  // in plan order
  int64_t bytes_transferred = 0;
  int num_failed = 0;
  std::filesystem::path manifest;
};

// Called as files finish: files done, files in all, bytes received so far.
using FetchProgress = std::function<void(int done, int total, int64_t bytes)>;

// Fetches `items` with at most request.parallel transfers at once, each resumed, verified and
// retried (fetch::Download); a failed file does not stop the others. Then writes the manifest,
// DEST/fetch-manifest.json: every file fetched so far (this run's merged over the last's) with
// its URL, size, ETag and time. A file the manifest already lists with its size is not fetched
// again. Internal only for an unwritable manifest.
[[nodiscard]] absl::StatusOr<FetchReport> RunFetch(const std::vector<FetchItem>& items,
                                                   const FetchRequest& request,
                                                   const FetchProgress& progress = nullptr);

// One row per file: what, dest, status (fetched, resumed, unchanged, failed), bytes, url, error.
[[nodiscard]] Table FetchReportTable(const FetchReport& report);

}  // namespace downballot::query
