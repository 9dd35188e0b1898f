# One GoogleTest binary per component folder: src/<stage>/*_test.cc -> witness_<stage>_test.
# Data-driven tests over ../shared/data live in tests/*_test.cc -> witness_data_test.
find_package(GTest REQUIRED)
include(GoogleTest)

function(witness_add_test_binary name)
  add_executable(${name} ${ARGN})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE witness_core GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    WITNESS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    WITNESS_SHARED_DATA="${WITNESS_SHARED_DATA}"
    WITNESS_BINARY="$<TARGET_FILE:witness>")
  add_dependencies(${name} witness)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "WITNESS_BINARY=$<TARGET_FILE:witness>")
endfunction()

file(GLOB WITNESS_COMPONENT_DIRS LIST_DIRECTORIES true ${PROJECT_SOURCE_DIR}/src/*)
foreach(dir ${WITNESS_COMPONENT_DIRS})
  file(GLOB tests CONFIGURE_DEPENDS ${dir}/*_test.cc)
  if(tests)
    get_filename_component(stage ${dir} NAME)
    witness_add_test_binary(witness_${stage}_test ${tests})
  endif()
endforeach()

file(GLOB WITNESS_DATA_TESTS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/*_test.cc)
if(WITNESS_DATA_TESTS)
  witness_add_test_binary(witness_data_test ${WITNESS_DATA_TESTS})
endif()

# Shell-driven end-to-end tests: tests/*.sh, each run with the witness binary. Exit code 77
# means skipped (a tool the test needs is missing; the script says which).
file(GLOB WITNESS_SHELL_TESTS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/*.sh)
foreach(script ${WITNESS_SHELL_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME e2e.${name} COMMAND bash ${script})
  set_tests_properties(e2e.${name} PROPERTIES ENVIRONMENT
    "WITNESS_BINARY=$<TARGET_FILE:witness>;WITNESS_SOURCE_DIR=${PROJECT_SOURCE_DIR};WITNESS_SHARED_DATA=${WITNESS_SHARED_DATA}"
    TIMEOUT 300
    SKIP_RETURN_CODE 77)
endforeach()
