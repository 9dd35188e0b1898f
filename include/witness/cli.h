// witness/cli.h: the `witness` command line, as a library call (so tests can run it in-process).
#ifndef WITNESS_CLI_H_
#define WITNESS_CLI_H_

namespace witness::cli {

// Exit codes: 0 ok, 1 some inputs rejected (the rest landed), 2 usage error, 3 failure
// (database or I/O error that stopped the command).
enum ExitCode { kOk = 0, kSomeRejected = 1, kUsage = 2, kFailure = 3 };

int Main(int argc, char** argv);

}  // namespace witness::cli

#endif  // WITNESS_CLI_H_
