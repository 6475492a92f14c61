// DOWNBALLOT_CHECK: aborts with file and line on a broken invariant (a bug, never bad input).
#pragma once

#include <cstdio>
#include <cstdlib>

#define DOWNBALLOT_CHECK(cond)                                                        \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (false)

#ifdef NDEBUG
#define DOWNBALLOT_DCHECK(cond) \
  do {                          \
  } while (false)
#else
#define DOWNBALLOT_DCHECK(cond) DOWNBALLOT_CHECK(cond)
#endif
