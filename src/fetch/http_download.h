// Downloads one URL to a file with libcurl: resumed from a partial file (HTTP Range), verified
// (size, and the ETag when the server gives one), retried with backoff, bounded in time.
//
// Example:
//   DownloadOptions options;
//   options.expected_size = 376717;
//   ASSIGN_OR_RETURN(const DownloadResult got, Download(url, "data/cn.txt", options));
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "absl/status/statusor.h"

namespace downballot::fetch {

struct DownloadOptions {
  std::optional<int64_t> expected_size;  // when the listing gives it: checked before and after
  std::string known_etag;                // from an earlier fetch: If-None-Match, 304 = unchanged
  std::string git_blob_sha1;  // when the listing gives it (GitHub trees): checked after the body
  int max_attempts = 4;       // a 404 or a wrong size is never retried
  std::chrono::milliseconds first_backoff{500};  // doubles after each failed attempt
  long connect_timeout_seconds = 20;
  long stall_seconds = 30;  // give up an attempt after this long under 1 byte a second
};

struct DownloadResult {
  int64_t bytes = 0;              // the file's size
  int64_t bytes_transferred = 0;  // received by this call (0 when unchanged)
  bool is_unchanged = false;      // already complete: right size on disk, or 304 for the ETag
  bool was_resumed = false;       // a partial file was continued rather than restarted
  int attempts = 0;
  std::string etag;  // as the server sent it, quotes included; "" when none
};

// Called with the bytes of the file received so far and the total when known (else 0).
using ProgressCallback = std::function<void(int64_t received, int64_t total)>;

// Fetches `url` into `dest`. The body goes to `dest` + ".part", which a failed or interrupted
// attempt leaves for the next attempt (or the next run) to continue with a Range request; the
// finished file is renamed into place, so `dest` is whole or absent. An existing `dest` of
// `expected_size` is not fetched again. Errors: NotFound for a 404 (or 410); Unavailable when
// the host cannot be reached after every attempt (offline); DeadlineExceeded when the server
// stalls; DataLoss when the body's size differs from `expected_size` or from Content-Length, or
// its git blob id from `git_blob_sha1` (nothing is kept then);
// Internal for file errors. Every message names the URL. Thread-safe for distinct `dest`s
// (call InitializeHttp() once first).
[[nodiscard]] absl::StatusOr<DownloadResult> Download(const std::string& url,
                                                      const std::filesystem::path& dest,
                                                      const DownloadOptions& options,
                                                      const ProgressCallback& progress = nullptr);

// Fetches a small document (a listing) into memory, with the same retries and limits; at most
// `max_bytes`. Errors as Download's.
[[nodiscard]] absl::StatusOr<std::string> FetchText(const std::string& url,
                                                    const DownloadOptions& options,
                                                    int64_t max_bytes = int64_t{64} << 20);

// libcurl's global set-up, once per process before any thread downloads. Idempotent.
void InitializeHttp();

}  // namespace downballot::fetch
