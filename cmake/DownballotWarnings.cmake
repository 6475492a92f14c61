# The warning set every downballot target compiles with (STYLE.md §7).
add_library(downballot_warnings INTERFACE)
target_compile_options(downballot_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast)
if(DOWNBALLOT_WERROR)
  target_compile_options(downballot_warnings INTERFACE -Werror)
endif()
