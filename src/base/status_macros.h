// RETURN_IF_ERROR / ASSIGN_OR_RETURN: propagate absl::Status without exceptions (STYLE.md §4).
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define DOWNBALLOT_STATUS_CONCAT_INNER(a, b) a##b
#define DOWNBALLOT_STATUS_CONCAT(a, b) DOWNBALLOT_STATUS_CONCAT_INNER(a, b)

// Returns from the enclosing function when `expr` yields a non-OK absl::Status.
#define RETURN_IF_ERROR(expr)                               \
  do {                                                      \
    ::absl::Status downballot_status_ = (expr);             \
    if (!downballot_status_.ok()) return downballot_status_; \
  } while (false)

// Evaluates `rexpr` (an absl::StatusOr<T>); returns its status on error, else moves the value
// into `lhs`, which may be a declaration (`ASSIGN_OR_RETURN(auto x, F())`).
#define ASSIGN_OR_RETURN(lhs, rexpr) \
  DOWNBALLOT_ASSIGN_OR_RETURN_IMPL(DOWNBALLOT_STATUS_CONCAT(downballot_or_, __LINE__), lhs, rexpr)

#define DOWNBALLOT_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                     \
  if (!tmp.ok()) return std::move(tmp).status();          \
  lhs = std::move(tmp).value()
