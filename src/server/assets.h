// server/assets.h: the web UI (web/), built into the binary.
//
// cmake/WebAssets.cmake turns every file under web/ into bytes of a generated source file
// (build/<type>/generated/web_assets.cc) that defines EmbeddedAssets(); `witness serve` needs
// no file at run time.
#ifndef WITNESS_SERVER_ASSETS_H_
#define WITNESS_SERVER_ASSETS_H_

#include <cstddef>

namespace witness::server {

struct EmbeddedAsset {
  const char* path;  // relative to web/, '/'-separated: "index.html", "js/app.js"
  const unsigned char* data;
  size_t size;
};

// The embedded files, sorted by path; *count receives how many.
const EmbeddedAsset* EmbeddedAssets(size_t* count);

}  // namespace witness::server

#endif  // WITNESS_SERVER_ASSETS_H_
