#include "store/database.h"

#include <sqlite3.h>

#include <utility>

#include "fmt/format.h"

namespace downballot::store {

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

absl::Status Statement::Check(int rc, std::string_view what) const {
  if (rc == SQLITE_OK) return absl::OkStatus();
  return absl::InternalError(fmt::format("sqlite {}: {}", what, sqlite3_errmsg(db_)));
}

absl::Status Statement::Bind(int index, int64_t value) {
  return Check(sqlite3_bind_int64(stmt_, index, value), "bind");
}

absl::Status Statement::Bind(int index, double value) {
  return Check(sqlite3_bind_double(stmt_, index, value), "bind");
}

absl::Status Statement::Bind(int index, std::string_view value) {
  return Check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                                 SQLITE_TRANSIENT),
               "bind");
}

absl::Status Statement::BindStatic(int index, std::string_view value) {
  return Check(
      sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC),
      "bind");
}

// bind_blob64: a committee's blob may outgrow an int, and SQLite then answers SQLITE_TOOBIG
// instead of binding a wrapped length.
absl::Status Statement::BindStaticBlob(int index, std::string_view value) {
  return Check(sqlite3_bind_blob64(stmt_, index, value.data(), value.size(), SQLITE_STATIC),
               "bind");
}

absl::Status Statement::BindNull(int index) {
  return Check(sqlite3_bind_null(stmt_, index), "bind");
}

absl::Status Statement::Bind(int index, const std::optional<double>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

absl::Status Statement::Bind(int index, const std::optional<int64_t>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

absl::StatusOr<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return absl::InternalError(fmt::format("sqlite step: {}", sqlite3_errmsg(db_)));
}

absl::Status Statement::Execute() {
  while (true) {
    auto has_row = Step();
    if (!has_row.ok()) {
      Reset();
      return has_row.status();
    }
    if (!*has_row) break;
  }
  Reset();
  return absl::OkStatus();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::IsColumnNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Statement::ColumnBlob(int column) const {
  // SQLite's order: the pointer first, then the size it refers to.
  const void* blob = sqlite3_column_blob(stmt_, column);
  if (blob == nullptr) return {};
  return std::string_view(static_cast<const char*>(blob),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                         DatabaseOptions options) {
  sqlite3* handle = nullptr;
  // NOMUTEX: a Database is used by one thread at a time (see the class comment), so SQLite's
  // per-call locking is pure cost on the insert path.
  const int mode =
      options.is_read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, mode | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    sqlite3_close(handle);
    return absl::InternalError(fmt::format("{}: cannot open store: {}", path, message));
  }
  std::unique_ptr<Database> db(new Database(handle, path));
  sqlite3_busy_timeout(handle, 5000);
  // Fail early on a file that is not a database rather than on the first query.
  if (auto status = db->Exec("PRAGMA foreign_keys = ON"); !status.ok()) {
    return absl::InternalError(
        fmt::format("{}: not a downballot store: {}", path, std::string(status.message())));
  }
  if (options.is_read_only) {
    // The writer chose the journal mode; a reader only sizes its own cache, small because a
    // server holds one reader per worker and the OS caches the file for all of them.
    if (auto status = db->Exec("PRAGMA query_only = ON; PRAGMA cache_size = -16384");
        !status.ok()) {
      return absl::InternalError(fmt::format("{}: {}", path, std::string(status.message())));
    }
    return db;
  }
  if (options.is_wal && path != ":memory:") {
    // A 128 MiB page cache (SQLite's default is 2 MiB) keeps the B-tree of a bulk load in memory.
    if (auto status = db->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                               "PRAGMA cache_size = -131072");
        !status.ok()) {
      return absl::InternalError(fmt::format("{}: {}", path, std::string(status.message())));
    }
  }
  return db;
}

Database::~Database() { sqlite3_close_v2(db_); }

absl::Status Database::Exec(std::string_view sql) {
  char* error = nullptr;
  const std::string owned(sql);
  const int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return absl::OkStatus();
  std::string message = error ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  return absl::InternalError(fmt::format("sqlite: {}", message));
}

absl::StatusOr<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return absl::InternalError(fmt::format("sqlite prepare: {}", sqlite3_errmsg(db_)));
  }
  return Statement(db_, stmt);
}

absl::StatusOr<int64_t> Database::QueryInt(std::string_view sql) {
  auto stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  auto has_row = stmt->Step();
  if (!has_row.ok()) return has_row.status();
  if (!*has_row) return absl::NotFoundError("query returned no row");
  return stmt->ColumnInt(0);
}

absl::StatusOr<Transaction> Transaction::Begin(Database& db) {
  if (auto status = db.Exec("BEGIN IMMEDIATE"); !status.ok()) return status;
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->Exec("ROLLBACK");
}

absl::Status Transaction::Commit() {
  auto status = db_->Exec("COMMIT");
  if (status.ok()) db_ = nullptr;
  return status;
}

}  // namespace downballot::store
