# Each fuzz/<name>_fuzz.cc is a libFuzzer target. With tests on, each also runs briefly under ctest
# (fuzz.<name>), seeded from examples/ and fuzz/corpus/<name>/ when present.
set(WITNESS_FUZZ_SECONDS 10 CACHE STRING "Seconds each fuzz target runs under ctest")
file(GLOB WITNESS_FUZZ_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/*_fuzz.cc)
foreach(src ${WITNESS_FUZZ_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PRIVATE witness_core)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  if(WITNESS_BUILD_TESTS)
    set(seed_dir ${PROJECT_SOURCE_DIR}/fuzz/corpus/${name})
    set(work_dir ${CMAKE_BINARY_DIR}/fuzz-work/${name})
    add_test(NAME fuzz.${name}
      COMMAND bash -c "mkdir -p '${work_dir}' && if [ -d '${seed_dir}' ]; then cp -r '${seed_dir}'/. '${work_dir}'/; fi && exec '$<TARGET_FILE:${name}>' -max_total_time=${WITNESS_FUZZ_SECONDS} -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 '${work_dir}'")
    set_tests_properties(fuzz.${name} PROPERTIES TIMEOUT 300)
  endif()
endforeach()
