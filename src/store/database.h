// RAII wrappers over SQLite: the only place a sqlite3* handle lives (STYLE.md §3).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

struct sqlite3;
struct sqlite3_stmt;

namespace downballot::store {

// A prepared statement. Bind indexes are 1-based, column indexes 0-based, as in SQLite.
// Not thread-safe; must not outlive the Database that prepared it.
class Statement {
 public:
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  ~Statement();

  absl::Status Bind(int index, int64_t value);
  absl::Status Bind(int index, double value);
  absl::Status Bind(int index, std::string_view value);
  // Binds without copying: `value` must stay valid until the statement is next stepped to
  // completion or reset. For bulk loads of millions of rows, where the copy shows in profiles.
  absl::Status BindStatic(int index, std::string_view value);
  // Binds `value` as a BLOB, without copying, under the same lifetime rule as BindStatic.
  absl::Status BindStaticBlob(int index, std::string_view value);
  absl::Status BindNull(int index);
  absl::Status Bind(int index, const std::optional<double>& value);
  absl::Status Bind(int index, const std::optional<int64_t>& value);

  // Runs one step: true when a row is ready, false when done. Internal on an SQLite error.
  [[nodiscard]] absl::StatusOr<bool> Step();
  // Runs to completion, discarding rows, then resets for the next set of bindings.
  absl::Status Execute();
  // Clears bindings and rewinds so the statement can run again.
  void Reset();

  [[nodiscard]] int64_t ColumnInt(int column) const;
  [[nodiscard]] double ColumnDouble(int column) const;
  [[nodiscard]] std::string ColumnText(int column) const;
  // The column's bytes as SQLite holds them, without copying: valid until the next Step or
  // Reset, or until another Column* call converts the same column.
  [[nodiscard]] std::string_view ColumnBlob(int column) const;
  [[nodiscard]] bool IsColumnNull(int column) const;

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  absl::Status Check(int rc, std::string_view what) const;

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

struct DatabaseOptions {
  // WAL lets readers (the future server) work while an ingest writes.
  bool is_wal = true;
  // Opens an existing store for reading only (the server's workers): no file is created, no
  // pragma writes, and every write fails with SQLITE_READONLY.
  bool is_read_only = false;
};

// A LIKE pattern matching any text that contains `text` literally: '%', '_' and '\\' in it are
// escaped, so the statement must say `LIKE ? ESCAPE '\\'`.
[[nodiscard]] std::string ContainsPattern(std::string_view text);

// An open SQLite database. Not thread-safe; use one per thread.
class Database {
 public:
  // Opens or creates the file (":memory:" for tests). Internal with SQLite's message on failure.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& path,
                                                                      DatabaseOptions options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results.
  absl::Status Exec(std::string_view sql);
  [[nodiscard]] absl::StatusOr<Statement> Prepare(std::string_view sql);

  // Single-value helpers for counts and settings.
  [[nodiscard]] absl::StatusOr<int64_t> QueryInt(std::string_view sql);

  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() succeeded, so an
// error anywhere in a load leaves the store as it was.
class Transaction {
 public:
  [[nodiscard]] static absl::StatusOr<Transaction> Begin(Database& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  absl::Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
};

}  // namespace downballot::store
