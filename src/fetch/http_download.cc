#include "fetch/http_download.h"

#include <curl/curl.h>
#include <unistd.h>

#include <cstdio>
#include <mutex>
#include <system_error>
#include <thread>

#include "base/strings.h"
#include "fetch/git_blob_hash.h"
#include "fmt/format.h"

namespace downballot::fetch {
namespace {

namespace fs = std::filesystem;

// Where one attempt's body goes, and what its headers said.
struct Transfer {
  std::FILE* file = nullptr;    // Download: the part file, opened for appending
  std::string* text = nullptr;  // FetchText: the body in memory
  int64_t max_bytes = 0;        // FetchText's bound
  int64_t offset = 0;           // bytes of the part file this attempt asked the server to skip
  bool is_restarted = false;    // the server sent the whole body despite the range
  bool is_too_big = false;
  bool has_checked_status = false;
  CURL* curl = nullptr;
  std::string etag;
  int64_t received = 0;  // bytes of the body this attempt wrote
  std::optional<int64_t> content_length;
  const ProgressCallback* progress = nullptr;
};

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a redirect): forget the last one's
    transfer.etag.clear();
    transfer.content_length.reset();
  }
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    const std::string name = base::ToLower(line.substr(0, colon));
    const std::string_view value = base::Trim(line.substr(colon + 1));
    if (name == "etag") transfer.etag = std::string(value);
    if (name == "content-length") transfer.content_length = base::ParseInt(value);
  }
  return size * count;
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (!transfer.has_checked_status) {
    transfer.has_checked_status = true;
    long status = 0;
    curl_easy_getinfo(transfer.curl, CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status >= 300) return bytes;  // an error page: read, never kept
    if (transfer.file != nullptr && transfer.offset > 0 && status == 200) {
      // The server ignored the Range header: start the file again.
      if (std::fflush(transfer.file) != 0 || ftruncate(fileno(transfer.file), 0) != 0 ||
          std::fseek(transfer.file, 0, SEEK_SET) != 0) {
        return 0;
      }
      transfer.offset = 0;
      transfer.is_restarted = true;
    }
  }
  long status = 0;
  curl_easy_getinfo(transfer.curl, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) return bytes;
  if (transfer.text != nullptr) {
    if (static_cast<int64_t>(transfer.text->size() + bytes) > transfer.max_bytes) {
      transfer.is_too_big = true;
      return 0;
    }
    transfer.text->append(data, bytes);
  } else if (std::fwrite(data, 1, bytes, transfer.file) != bytes) {
    return 0;  // a full disk: curl stops with CURLE_WRITE_ERROR
  }
  transfer.received += static_cast<int64_t>(bytes);
  if (transfer.progress != nullptr && *transfer.progress) {
    const int64_t total = transfer.content_length ? transfer.offset + *transfer.content_length : 0;
    (*transfer.progress)(transfer.offset + transfer.received, total);
  }
  return bytes;
}

struct Attempt {
  CURLcode code = CURLE_OK;
  long status = 0;
  std::string error;  // curl's message when code != CURLE_OK
};

Attempt Perform(const std::string& url, Transfer& transfer, const DownloadOptions& options,
                bool send_etag) {
  CURL* curl = curl_easy_init();
  Attempt attempt;
  if (curl == nullptr) {
    attempt.code = CURLE_FAILED_INIT;
    attempt.error = "curl_easy_init failed";
    return attempt;
  }
  transfer.curl = curl;
  char error[CURL_ERROR_SIZE] = {};
  curl_slist* headers = nullptr;
  if (send_etag) {
    headers = curl_slist_append(headers, ("If-None-Match: " + options.known_etag).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "downballot/0.1 (+https://github.com/downballot)");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, options.stall_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  if (headers != nullptr) curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (transfer.offset > 0) {
    curl_easy_setopt(curl, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(transfer.offset));
  }
  attempt.code = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &attempt.status);
  if (attempt.code != CURLE_OK) {
    attempt.error = error[0] != '\0' ? std::string(error) : curl_easy_strerror(attempt.code);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  transfer.curl = nullptr;
  return attempt;
}

// Why an attempt failed, as a status; `is_final` when another attempt cannot help.
absl::Status AttemptError(const std::string& url, const Attempt& attempt, bool& is_final) {
  is_final = false;
  switch (attempt.code) {
    case CURLE_OK:
      break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return absl::UnavailableError(fmt::format(
          "{}: cannot reach the server ({}): offline? Load local files with `downballot ingest "
          "--data DIR`, or point the source elsewhere with --mirror NAME=URL",
          url, attempt.error));
    case CURLE_OPERATION_TIMEDOUT:
      return absl::DeadlineExceededError(
          fmt::format("{}: the server stopped sending ({})", url, attempt.error));
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      is_final = true;
      return absl::InvalidArgumentError(fmt::format("{}: {}", url, attempt.error));
    default:
      return absl::UnavailableError(fmt::format("{}: transfer failed ({})", url, attempt.error));
  }
  if (attempt.status >= 200 && attempt.status < 300) return absl::OkStatus();
  if (attempt.status == 404 || attempt.status == 410) {
    is_final = true;
    return absl::NotFoundError(fmt::format("{}: not found (HTTP {})", url, attempt.status));
  }
  if (attempt.status >= 500 || attempt.status == 429 || attempt.status == 408) {
    return absl::UnavailableError(fmt::format("{}: server error (HTTP {})", url, attempt.status));
  }
  is_final = true;
  return absl::FailedPreconditionError(fmt::format("{}: HTTP {}", url, attempt.status));
}

int64_t FileSize(const fs::path& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  return error ? -1 : static_cast<int64_t>(size);
}

void Backoff(const DownloadOptions& options, int attempt) {
  std::this_thread::sleep_for(options.first_backoff * (1 << std::min(attempt - 1, 6)));
}

}  // namespace

void InitializeHttp() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

absl::StatusOr<DownloadResult> Download(const std::string& url, const fs::path& dest,
                                        const DownloadOptions& options,
                                        const ProgressCallback& progress) {
  InitializeHttp();
  DownloadResult result;
  const int64_t existing = FileSize(dest);
  if (existing >= 0 && options.expected_size && existing == *options.expected_size) {
    result.bytes = existing;
    result.is_unchanged = true;
    return result;
  }
  std::error_code error;
  if (!dest.parent_path().empty()) fs::create_directories(dest.parent_path(), error);
  if (error) {
    return absl::InternalError(fmt::format("{}: cannot create the folder: {}",
                                           dest.parent_path().string(), error.message()));
  }
  const fs::path part = dest.string() + ".part";
  absl::Status last_error = absl::OkStatus();
  for (int attempt = 1; attempt <= std::max(1, options.max_attempts); ++attempt) {
    result.attempts = attempt;
    int64_t offset = std::max<int64_t>(0, FileSize(part));
    if (options.expected_size && offset > *options.expected_size) {
      fs::remove(part, error);  // longer than the file can be: start again
      offset = 0;
    }
    if (options.expected_size && offset == *options.expected_size && offset > 0) {
      fs::rename(part, dest, error);  // the last run got every byte but stopped before renaming
      if (error) return absl::InternalError(fmt::format("{}: {}", dest.string(), error.message()));
      result.bytes = offset;
      result.was_resumed = true;
      return result;
    }
    std::FILE* file = std::fopen(part.c_str(), "ab");
    if (file == nullptr) {
      return absl::InternalError(
          fmt::format("{}: cannot write: {}", part.string(),
                      std::error_code(errno, std::generic_category()).message()));
    }
    Transfer transfer;
    transfer.file = file;
    transfer.offset = offset;
    transfer.progress = &progress;
    const bool send_etag = !options.known_etag.empty() && existing >= 0;
    const Attempt done = Perform(url, transfer, options, send_etag);
    const bool closed = std::fclose(file) == 0;
    result.bytes_transferred += transfer.received;
    result.was_resumed = result.was_resumed || (offset > 0 && !transfer.is_restarted);
    if (done.code == CURLE_OK && done.status == 304 && send_etag) {
      fs::remove(part, error);
      result.bytes = existing;
      result.etag = options.known_etag;
      result.is_unchanged = true;
      return result;
    }
    if (done.code == CURLE_OK && done.status == 416) {
      // Nothing left past the offset: complete if the size is right, else start again.
      if (!options.expected_size || offset != *options.expected_size) fs::remove(part, error);
      last_error = absl::UnavailableError(fmt::format("{}: range not satisfiable", url));
      continue;
    }
    bool is_final = false;
    last_error = AttemptError(url, done, is_final);
    if (last_error.ok() && !closed) {
      return absl::InternalError(fmt::format("{}: cannot write", part.string()));
    }
    if (last_error.ok()) {
      const int64_t size = FileSize(part);
      if (transfer.content_length &&
          size != offset * (transfer.is_restarted ? 0 : 1) + *transfer.content_length) {
        last_error = absl::DataLossError(
            fmt::format("{}: the body ended at {} bytes of {}", url, size,
                        (transfer.is_restarted ? 0 : offset) + *transfer.content_length));
      } else if (options.expected_size && size != *options.expected_size) {
        fs::remove(part, error);
        return absl::DataLossError(fmt::format(
            "{}: {} bytes received, but the listing says {}: the file changed or the server "
            "sent something else; nothing kept",
            url, size, *options.expected_size));
      } else {
        if (!options.git_blob_sha1.empty()) {
          const absl::StatusOr<std::string> sha1 = GitBlobSha1(part);
          if (!sha1.ok()) return sha1.status();
          if (*sha1 != options.git_blob_sha1) {
            fs::remove(part, error);
            return absl::DataLossError(fmt::format(
                "{}: its git blob id is {}, but the listing says {}: the file changed or was "
                "damaged in transit; nothing kept",
                url, *sha1, options.git_blob_sha1));
          }
        }
        fs::rename(part, dest, error);
        if (error) {
          return absl::InternalError(fmt::format("{}: {}", dest.string(), error.message()));
        }
        result.bytes = size;
        result.etag = transfer.etag;
        return result;
      }
    }
    if (is_final) {
      fs::remove(part, error);
      return last_error;
    }
    if (attempt < options.max_attempts) Backoff(options, attempt);
  }
  return last_error;
}

absl::StatusOr<std::string> FetchText(const std::string& url, const DownloadOptions& options,
                                      int64_t max_bytes) {
  InitializeHttp();
  absl::Status last_error = absl::OkStatus();
  for (int attempt = 1; attempt <= std::max(1, options.max_attempts); ++attempt) {
    std::string text;
    Transfer transfer;
    transfer.text = &text;
    transfer.max_bytes = max_bytes;
    const Attempt done = Perform(url, transfer, options, /*send_etag=*/false);
    if (transfer.is_too_big) {
      return absl::ResourceExhaustedError(
          fmt::format("{}: more than {} bytes for a listing", url, max_bytes));
    }
    bool is_final = false;
    last_error = AttemptError(url, done, is_final);
    if (last_error.ok()) return text;
    if (is_final) return last_error;
    if (attempt < options.max_attempts) Backoff(options, attempt);
  }
  return last_error;
}

}  // namespace downballot::fetch
