// The witness command: a thin shell over the library (src/cli/ holds the commands).
#include "witness/cli.h"

int main(int argc, char** argv) { return witness::cli::Main(argc, argv); }
