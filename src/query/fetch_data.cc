#include "query/fetch_data.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <fstream>
#include <mutex>
#include <thread>

#include "base/file_system.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "ingest/us_states.h"

namespace downballot::query {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kManifestName = "fetch-manifest.json";

std::string NowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// One git-trees document of GitHub's API. NotFound names the repository.
absl::StatusOr<nlohmann::json> ReadTree(const std::string& url, const std::string& repository,
                                        const std::string& state,
                                        const fetch::DownloadOptions& options) {
  absl::StatusOr<std::string> listing = fetch::FetchText(url, options);
  if (absl::IsNotFound(listing.status())) {
    return absl::NotFoundError(fmt::format(
        "{}: OpenElections has no repository {} (is {} a state code?)", url, repository, state));
  }
  RETURN_IF_ERROR(listing.status());
  nlohmann::json tree = nlohmann::json::parse(*listing, nullptr, /*allow_exceptions=*/false);
  if (!tree.is_object() || !tree.contains("tree") || !tree["tree"].is_array()) {
    return absl::DataLossError(fmt::format("{}: not a git tree listing (no \"tree\" array)", url));
  }
  return tree;
}

// The .csv results files of a state's repository, from GitHub's git-trees listing: with a year,
// the root's entries give that year's folder, listed recursively on its own (a whole repository
// can exceed what one listing returns); without one, the whole repository. Results sit in year
// folders ("2018/..."); other .csv files (tools, scratch) are not data.
absl::StatusOr<std::vector<FetchItem>> ListStateResults(const fetch::SourceCatalog& catalog,
                                                        const std::string& state,
                                                        std::optional<int> year,
                                                        const fetch::DownloadOptions& options) {
  const std::string repository = "openelections-data-" + base::ToLower(state);
  ASSIGN_OR_RETURN(const std::string tree_base, catalog.BaseUrl("openelections_tree"));
  ASSIGN_OR_RETURN(const std::string raw_base, catalog.BaseUrl("openelections_raw"));
  const std::string trees = fmt::format("{}/{}/git/trees/", tree_base, repository);
  std::string listed_ref = "master";
  std::string prefix;
  if (year) {
    ASSIGN_OR_RETURN(const nlohmann::json root,
                     ReadTree(trees + "master", repository, state, options));
    std::vector<std::string> years;
    for (const nlohmann::json& entry : root["tree"]) {
      if (!entry.is_object() || entry.value("type", "") != "tree") continue;
      const std::string path = entry.value("path", "");
      if (path.size() == 4 && std::all_of(path.begin(), path.end(), ::isdigit))
        years.push_back(path);
      if (path == std::to_string(*year)) listed_ref = entry.value("sha", "");
    }
    std::sort(years.begin(), years.end());
    if (listed_ref == "master" || listed_ref.empty()) {
      return absl::NotFoundError(fmt::format("{} has no {} folder; its years: {}", repository,
                                             *year, fmt::join(years, ", ")));
    }
    prefix = fmt::format("{}/", *year);
  }
  const std::string listing_url = trees + listed_ref + "?recursive=1";
  ASSIGN_OR_RETURN(const nlohmann::json tree, ReadTree(listing_url, repository, state, options));
  if (tree.value("truncated", false)) {
    return absl::DataLossError(fmt::format(
        "{}: the listing is truncated by the server; fetch one year at a time with --cycle",
        listing_url));
  }
  std::vector<FetchItem> items;
  for (const nlohmann::json& entry : tree["tree"]) {
    if (!entry.is_object() || entry.value("type", "") != "blob") continue;
    const std::string path = prefix + entry.value("path", "");
    if (path.find("..") != std::string::npos || path.front() == '/' || !path.ends_with(".csv")) {
      continue;
    }
    if (path.size() < 5 || !std::all_of(path.begin(), path.begin() + 4, ::isdigit) ||
        path[4] != '/') {
      continue;
    }
    FetchItem item;
    item.what = "results";
    item.url = fmt::format("{}/{}/master/{}", raw_base, repository, path);
    item.dest = fmt::format("openelections-{}/{}", base::ToLower(state), path);
    if (entry.contains("size") && entry["size"].is_number_integer()) {
      item.size = entry["size"].get<int64_t>();
    }
    if (entry.contains("sha") && entry["sha"].is_string()) item.git_blob_sha1 = entry["sha"];
    items.push_back(std::move(item));
  }
  return items;
}

struct ManifestEntry {
  std::string url;
  int64_t bytes = 0;
  std::string etag;
  std::string fetched_at;
};

std::map<std::string, ManifestEntry> ReadManifest(const fs::path& path) {
  std::map<std::string, ManifestEntry> entries;
  const absl::StatusOr<std::string> text = base::ReadFile(path.string());
  if (!text.ok()) return entries;
  const nlohmann::json manifest = nlohmann::json::parse(*text, nullptr, false);
  if (!manifest.is_object() || !manifest.contains("files") || !manifest["files"].is_array()) {
    return entries;  // unreadable: every file is checked again, which is safe
  }
  for (const nlohmann::json& file : manifest["files"]) {
    if (!file.is_object()) continue;
    ManifestEntry entry{file.value("url", ""), file.value("bytes", int64_t{0}),
                        file.value("etag", ""), file.value("fetched_at", "")};
    entries[file.value("path", "")] = std::move(entry);
  }
  return entries;
}

absl::Status WriteManifest(const fs::path& path,
                           const std::map<std::string, ManifestEntry>& entries) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& [dest, entry] : entries) {
    files.push_back({{"path", dest},
                     {"url", entry.url},
                     {"bytes", entry.bytes},
                     {"etag", entry.etag},
                     {"fetched_at", entry.fetched_at}});
  }
  const nlohmann::json manifest = {{"fetched_by", "downballot fetch"}, {"files", files}};
  const fs::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << manifest.dump(2) << '\n';
    if (!out) return absl::InternalError(fmt::format("{}: cannot write", temporary.string()));
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) return absl::InternalError(fmt::format("{}: {}", path.string(), error.message()));
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckFetchRequest(FetchRequest& request) {
  if (request.what.empty()) {
    for (const std::string_view kind : kFetchKinds) {
      if (kind != "fec" && (kind != "results" || !request.states.empty())) {
        request.what.emplace_back(kind);
      }
    }
  }
  const std::vector<std::string_view> kinds(std::begin(kFetchKinds), std::end(kFetchKinds));
  for (const std::string& what : request.what) {
    if (std::find(kinds.begin(), kinds.end(), what) == kinds.end()) {
      return absl::InvalidArgumentError(fmt::format("--what must be among {}, got '{}'{}",
                                                    fmt::join(kinds, ", "), what,
                                                    base::DidYouMean(what, kinds)));
    }
  }
  for (std::string& state : request.states) {
    const std::optional<std::string> code = ingest::StatePostalCode(state);
    if (!code) {
      return absl::InvalidArgumentError(
          fmt::format("--state must be a state's code or name, got '{}'{}", state,
                      base::DidYouMean(state, ingest::StateNames())));
    }
    state = *code;
  }
  const auto wants = [&request](std::string_view kind) {
    return std::find(request.what.begin(), request.what.end(), kind) != request.what.end();
  };
  if (wants("results") && request.states.empty()) {
    return absl::InvalidArgumentError(
        "--what results needs --state ST (once per state): OpenElections keeps one repository "
        "per state");
  }
  if (wants("fec") && (!request.cycle || *request.cycle % 2 != 0)) {
    return absl::InvalidArgumentError(
        "--what fec needs --cycle YYYY, an even year: the FEC's two-year cycle (2020 = 2019-20)");
  }
  if (request.cycle && (*request.cycle < 1980 || *request.cycle > 2100)) {
    return absl::InvalidArgumentError(
        fmt::format("--cycle must be a year from 1980 to 2100, got {}", *request.cycle));
  }
  if (request.parallel < 1 || request.parallel > 16) {
    return absl::InvalidArgumentError(
        fmt::format("--parallel must be 1 to 16, got {}", request.parallel));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<FetchItem>> PlanFetch(const fetch::SourceCatalog& catalog,
                                                 const FetchRequest& request) {
  std::vector<FetchItem> items;
  for (const std::string_view kind : kFetchKinds) {
    if (std::find(request.what.begin(), request.what.end(), kind) == request.what.end()) continue;
    if (kind == "results") {
      for (const std::string& state : request.states) {
        ASSIGN_OR_RETURN(std::vector<FetchItem> listed,
                         ListStateResults(catalog, state, request.cycle, request.download));
        for (FetchItem& item : listed) items.push_back(std::move(item));
      }
      continue;
    }
    for (const fetch::SourceFile& file : catalog.files) {
      if (file.what != kind) continue;
      ASSIGN_OR_RETURN(const std::string base_url, catalog.BaseUrl(file.source));
      const int cycle = request.cycle.value_or(0);
      items.push_back(FetchItem{std::string(kind),
                                base_url + "/" + fetch::ExpandCycle(file.path, cycle),
                                fetch::ExpandCycle(file.dest, cycle), std::nullopt, ""});
    }
  }
  return items;
}

absl::StatusOr<FetchReport> RunFetch(const std::vector<FetchItem>& items,
                                     const FetchRequest& request, const FetchProgress& progress) {
  fetch::InitializeHttp();
  std::error_code error;
  fs::create_directories(request.dest, error);
  if (error) {
    return absl::InternalError(
        fmt::format("{}: cannot create the folder: {}", request.dest.string(), error.message()));
  }
  FetchReport report;
  report.manifest = request.dest / kManifestName;
  std::map<std::string, ManifestEntry> manifest = ReadManifest(report.manifest);
  report.files.resize(items.size());
  std::atomic<size_t> next{0};
  std::atomic<int> num_done{0};
  std::atomic<int64_t> bytes{0};
  std::mutex mutex;  // guards `manifest` and the progress callback
  const auto work = [&] {
    for (size_t index = next++; index < items.size(); index = next++) {
      const FetchItem& item = items[index];
      fetch::DownloadOptions options = request.download;
      options.expected_size = item.size;
      options.git_blob_sha1 = item.git_blob_sha1;
      const fs::path dest = request.dest / item.dest;
      {
        std::lock_guard lock(mutex);
        const auto known = manifest.find(item.dest);
        std::error_code exists_error;
        if (known != manifest.end() && known->second.url == item.url &&
            fs::exists(dest, exists_error)) {
          // Ask the server whether its copy changed (ETag), or trust the size fetched before.
          if (!known->second.etag.empty()) {
            options.known_etag = known->second.etag;
          } else if (!options.expected_size) {
            options.expected_size = known->second.bytes;
          }
        }
      }
      FetchedFile& fetched = report.files[index];
      fetched.item = item;
      absl::StatusOr<fetch::DownloadResult> result = fetch::Download(item.url, dest, options);
      if (result.ok()) {
        fetched.result = *result;
        bytes += result->bytes_transferred;
        std::lock_guard lock(mutex);
        ManifestEntry& entry = manifest[item.dest];
        if (!result->is_unchanged || entry.fetched_at.empty()) entry.fetched_at = NowUtc();
        entry.url = item.url;
        entry.bytes = result->bytes;
        if (!result->etag.empty()) entry.etag = result->etag;
      } else {
        fetched.status = result.status();
      }
      const int done = ++num_done;
      if (progress) {
        std::lock_guard lock(mutex);
        progress(done, static_cast<int>(items.size()), bytes.load());
      }
    }
  };
  std::vector<std::thread> workers;
  const int num_workers = std::min<int>(request.parallel, static_cast<int>(items.size()));
  for (int worker = 0; worker < num_workers; ++worker) workers.emplace_back(work);
  for (std::thread& worker : workers) worker.join();
  for (const FetchedFile& file : report.files) {
    if (!file.status.ok()) ++report.num_failed;
  }
  report.bytes_transferred = bytes.load();
  RETURN_IF_ERROR(WriteManifest(report.manifest, manifest));
  return report;
}

Table FetchReportTable(const FetchReport& report) {
  Table table{{"what", "dest", "status", "bytes", "bytes_transferred", "url", "error"}, {}};
  for (const FetchedFile& file : report.files) {
    std::string status = "failed";
    if (file.status.ok()) {
      status = file.result.is_unchanged  ? "unchanged"
               : file.result.was_resumed ? "resumed"
                                         : "fetched";
    }
    std::vector<Cell>& row = table.rows.emplace_back();
    row.emplace_back(file.item.what);
    row.emplace_back(file.item.dest);
    row.emplace_back(status);
    row.emplace_back(file.result.bytes);
    row.emplace_back(file.result.bytes_transferred);
    row.emplace_back(file.item.url);
    if (file.status.ok()) {
      row.emplace_back();
    } else {
      row.emplace_back(std::string(file.status.message()));
    }
  }
  return table;
}

}  // namespace downballot::query
