# Every third-party library comes from Debian's packages (scripts/setup installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(zstd REQUIRED)
find_package(simdjson REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(hwy REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
# cpp-httplib (`witness serve`): Debian builds it as a shared library. Its .pc file's defines
# are applied only to the sources that include its header (cmake/Server.cmake).
pkg_check_modules(HTTPLIB REQUIRED cpp-httplib)
find_library(HTTPLIB_LIBRARY NAMES cpp-httplib HINTS ${HTTPLIB_LIBRARY_DIRS} REQUIRED)
find_library(STEMMER_LIBRARY NAMES stemmer REQUIRED)
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)

add_library(witness_deps INTERFACE)
target_include_directories(witness_deps INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(witness_deps INTERFACE
  ICU::i18n ICU::uc ICU::data
  SQLite::SQLite3
  ZLIB::ZLIB
  $<IF:$<TARGET_EXISTS:zstd::libzstd_shared>,zstd::libzstd_shared,zstd::libzstd_static>
  simdjson::simdjson
  nlohmann_json::nlohmann_json
  CLI11::CLI11
  fmt::fmt
  hwy::hwy
  PkgConfig::UTF8PROC PkgConfig::XXHASH PkgConfig::GUMBO
  ${HTTPLIB_LIBRARY}
  ${STEMMER_LIBRARY}
  Threads::Threads)
