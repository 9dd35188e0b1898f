# Each bench/<name>.cc is one program: either a Google Benchmark (BENCHMARK_MAIN) or a small driver
# with its own main(). Benchmarks are not tests: ctest never runs them.
find_package(benchmark REQUIRED)
file(GLOB WITNESS_BENCH_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/bench/*.cc)
foreach(src ${WITNESS_BENCH_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PRIVATE witness_core benchmark::benchmark)
  target_compile_definitions(${name} PRIVATE
    WITNESS_SOURCE_DIR="${PROJECT_SOURCE_DIR}" WITNESS_SHARED_DATA="${WITNESS_SHARED_DATA}")
endforeach()
