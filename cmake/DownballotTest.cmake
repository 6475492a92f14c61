# downballot_add_test(NAME SOURCES... LIBS...): one GoogleTest binary, cases registered with ctest.
function(downballot_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main GTest::gmock
                        downballot_warnings)
  target_compile_definitions(${name} PRIVATE
    DOWNBALLOT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    DOWNBALLOT_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "${ARG_LABELS}")
endfunction()
