# `witness serve`: cpp-httplib for src/server/, and the web UI (web/) compiled into witness_core.

# cpp-httplib's header must be compiled with the defines Debian built its shared library with
# (its .pc file's OpenSSL, zlib and brotli flags: they change the classes' layout). Only the
# sources under src/server/ include it, so only they get the defines; the library itself is
# linked through witness_deps (cmake/Dependencies.cmake).
file(GLOB WITNESS_SERVER_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/server/*.cc)
set_source_files_properties(${WITNESS_SERVER_SOURCES} PROPERTIES
  COMPILE_OPTIONS "${HTTPLIB_CFLAGS_OTHER}"
  INCLUDE_DIRECTORIES "${HTTPLIB_INCLUDE_DIRS}")

# The UI as bytes (cmake/EmbedAssets.cmake): `witness serve` needs no file at run time.
# Regenerated whenever a file under web/ changes.
file(GLOB_RECURSE WITNESS_WEB_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/web/*)
list(FILTER WITNESS_WEB_FILES EXCLUDE REGEX "/node_modules/")
set(WITNESS_WEB_ASSETS_CC ${PROJECT_BINARY_DIR}/generated/web_assets.cc)
add_custom_command(
  OUTPUT ${WITNESS_WEB_ASSETS_CC}
  COMMAND ${CMAKE_COMMAND} -DWEB_DIR=${PROJECT_SOURCE_DIR}/web -DOUTPUT=${WITNESS_WEB_ASSETS_CC}
          -P ${PROJECT_SOURCE_DIR}/cmake/EmbedAssets.cmake
  DEPENDS ${WITNESS_WEB_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedAssets.cmake
  COMMENT "Embedding the web UI (web/)"
  VERBATIM)
target_sources(witness_core PRIVATE ${WITNESS_WEB_ASSETS_CC})
set_source_files_properties(${WITNESS_WEB_ASSETS_CC} PROPERTIES
  INCLUDE_DIRECTORIES "${PROJECT_SOURCE_DIR}/src")
