// `witness serve`: the HTTP API and the web UI over a database, until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "cli/commands.h"
#include "witness/cli.h"
#include "witness/server.h"

namespace witness::cli {

int RunServe(const GlobalFlags& g, const ServeFlags& f) {
  ServerOptions o;
  o.db = g.db;
  o.host = f.host;
  o.port = f.port;
  o.token = f.token;
  if (o.token.empty()) {
    const char* env = std::getenv("WITNESS_TOKEN");
    if (env != nullptr) o.token = env;
  }
  if (!o.token.empty() && o.token.size() < 16) {
    std::fprintf(stderr, "witness: the ingest token must be at least 16 characters\n");
    return kUsage;
  }
  o.threads = f.threads;
  o.max_body_bytes = static_cast<size_t>(f.max_body_mb) << 20;
  o.cache_bytes = static_cast<size_t>(f.cache_mb) << 20;
  o.assets_dir = f.assets;
  o.access_log = f.access_log;

  // Signals go to one thread that stops the server; every thread started from here on
  // inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  StatusOr<std::unique_ptr<Server>> server = Server::Create(o);
  if (!server.ok()) {
    std::fprintf(stderr, "witness: %s\n", server.status().message().c_str());
    return server.status().code() == Status::Code::kInvalidArgument ? kUsage : kFailure;
  }
  Server* s = server->get();
  std::thread watcher([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    s->Stop();
  });
  std::printf("witness: serving %s on %s (ingest %s)\n", g.db.c_str(), s->url().c_str(),
              o.token.empty() ? "off" : "on, with the token");
  std::fflush(stdout);
  Status run = s->Run();
  pthread_kill(watcher.native_handle(), SIGTERM);  // wakes the watcher when Run ended by itself
  watcher.join();
  if (!run.ok()) {
    std::fprintf(stderr, "witness: %s\n", run.message().c_str());
    return kFailure;
  }
  if (!g.quiet) std::fprintf(stderr, "witness: stopped\n");
  return kOk;
}

}  // namespace witness::cli
