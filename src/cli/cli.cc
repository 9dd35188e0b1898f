#include "witness/cli.h"

#include <cstdio>

namespace witness::cli {

int Main(int argc, char** argv) {
  std::fprintf(stderr, "witness: not built yet\n");
  return kUsage;
}

}  // namespace witness::cli
