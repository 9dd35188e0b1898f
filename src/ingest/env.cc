// Env::Default() (the POSIX file system) and MemEnv (files in memory).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include "ingest/ingest_internal.h"
#include "ingest/streams.h"
#include "witness/ingest.h"

namespace witness {

namespace {

using ingest_internal::LexicalParentName;

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

Status ErrnoStatus(const std::string& path, int err, std::string_view what) {
  std::string msg = path + ": ";
  if (!what.empty()) {
    msg += what;
    msg += ": ";
  }
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return Status::NotFound(path + ": no such file or folder");
    case EACCES:
    case EPERM:
      return Status::IoError(msg + "permission denied");
    default:
      return Status::IoError(msg + std::strerror(err));
  }
}

class FdStream : public ByteStream {
 public:
  FdStream(int fd, bool owned, std::string path) : fd_(fd), owned_(owned), path_(std::move(path)) {}
  ~FdStream() override {
    if (owned_) ::close(fd_);
  }
  StatusOr<size_t> Read(char* buf, size_t n) override {
    while (true) {
      const ssize_t r = ::read(fd_, buf, std::min<size_t>(n, 1u << 30));
      if (r >= 0) return static_cast<size_t>(r);
      if (errno == EINTR) continue;
      return ErrnoStatus(path_, errno, "read failed");
    }
  }

 private:
  int fd_;
  bool owned_;
  std::string path_;
};

// Paths compare folder by folder: "a/b" sorts before "a-c" because '/' ends a name.
bool PathLess(const std::string& a, const std::string& b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    if (a[i] == b[i]) continue;
    if (a[i] == '/') return true;
    if (b[i] == '/') return false;
    return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
  }
  return a.size() < b.size();
}

class PosixEnv : public Env {
 public:
  StatusOr<std::unique_ptr<ByteStream>> Open(const std::string& path) override {
    if (path == "-") {
      std::unique_ptr<ByteStream> s = std::make_unique<FdStream>(STDIN_FILENO, false, "-");
      return s;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoStatus(path, errno, "cannot open");
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      // A folder reaches Open only when ListFiles could not list it.
      DIR* dir = ::opendir(path.c_str());
      if (dir == nullptr) return ErrnoStatus(path, errno, "cannot read folder");
      ::closedir(dir);
      return Status::IoError(path + ": is a folder, not a file");
    }
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    std::unique_ptr<ByteStream> s = std::make_unique<FdStream>(fd, true, path);
    return s;
  }

  StatusOr<std::vector<std::string>> ListFiles(const std::string& path) override {
    if (path == "-") return std::vector<std::string>{path};
    if (path.empty()) return Status::NotFound("\"\": no such file or folder (empty path)");
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return ErrnoStatus(path, errno, "");
    if (!S_ISDIR(st.st_mode)) return std::vector<std::string>{path};
    DIR* probe = ::opendir(path.c_str());
    if (probe == nullptr) return ErrnoStatus(path, errno, "cannot read folder");
    ::closedir(probe);
    std::vector<std::string> out;
    std::set<std::pair<dev_t, ino_t>> visited;
    Walk(path, st, &visited, &out);
    return out;
  }

  std::string ParentFolderName(const std::string& path) override {
    if (path == "-" || path.empty()) return "";
    std::string name = LexicalParentName(path);
    if (!name.empty()) return name;
    // "a.txt", "./a.txt", "../a.txt": ask the file system where that is.
    std::error_code ec;
    const std::filesystem::path abs = std::filesystem::absolute(path, ec);
    if (ec) return "";
    const std::filesystem::path parent = abs.lexically_normal().parent_path();
    return parent.filename().string();
  }

 private:
  // Depth first, names sorted, hidden entries skipped, each folder visited once (so symlink
  // loops end). A sub-folder that cannot be read is listed as an entry of its own: opening it
  // then fails with the reason, and the reader reports it.
  void Walk(const std::string& dir, const struct stat& dir_stat,
            std::set<std::pair<dev_t, ino_t>>* visited, std::vector<std::string>* out) {
    if (!visited->insert({dir_stat.st_dev, dir_stat.st_ino}).second) return;
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) {
      out->push_back(dir);
      return;
    }
    std::vector<std::string> names;
    while (struct dirent* e = ::readdir(d)) {
      if (e->d_name[0] == '.') continue;  // hidden, "." and ".."
      names.emplace_back(e->d_name);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      const std::string child = JoinPath(dir, name);
      struct stat st;
      if (::stat(child.c_str(), &st) != 0) {
        // A dangling link or an entry gone meanwhile: let Open say what is wrong.
        out->push_back(child);
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        Walk(child, st, visited, out);
      } else if (S_ISREG(st.st_mode)) {
        out->push_back(child);
      }  // sockets, pipes and devices inside folders are not articles
    }
  }
};

}  // namespace

std::string Env::ParentFolderName(const std::string& path) { return LexicalParentName(path); }

Env* Env::Default() {
  static PosixEnv* env = new PosixEnv();
  return env;
}

struct MemEnv::Impl {
  std::map<std::string, std::shared_ptr<const std::string>> files;
};

namespace {

class SharedStringStream : public ByteStream {
 public:
  explicit SharedStringStream(std::shared_ptr<const std::string> data) : data_(std::move(data)) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    const size_t k = std::min(n, data_->size() - pos_);
    if (k > 0) std::memcpy(buf, data_->data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::shared_ptr<const std::string> data_;
  size_t pos_ = 0;
};

bool HasHiddenComponent(std::string_view relative) {
  size_t start = 0;
  while (start <= relative.size()) {
    const size_t slash = relative.find('/', start);
    const std::string_view part = relative.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!part.empty() && part.front() == '.') return true;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

}  // namespace

MemEnv::MemEnv() : impl_(std::make_unique<Impl>()) {}
MemEnv::~MemEnv() = default;

void MemEnv::AddFile(const std::string& path, std::string contents) {
  impl_->files[path] = std::make_shared<const std::string>(std::move(contents));
}

StatusOr<std::unique_ptr<ByteStream>> MemEnv::Open(const std::string& path) {
  auto it = impl_->files.find(path);
  if (it == impl_->files.end()) {
    return Status::NotFound(path + ": no such file or folder");
  }
  std::unique_ptr<ByteStream> s = std::make_unique<SharedStringStream>(it->second);
  return s;
}

StatusOr<std::vector<std::string>> MemEnv::ListFiles(const std::string& path) {
  if (impl_->files.count(path) > 0) return std::vector<std::string>{path};
  std::string dir = path;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (dir == ".") dir.clear();
  const std::string prefix = dir.empty() ? "" : (dir == "/" ? "/" : dir + "/");
  std::vector<std::string> out;
  bool any = false;  // a folder of hidden files only exists, and lists as empty
  for (auto it = impl_->files.lower_bound(prefix); it != impl_->files.end(); ++it) {
    const std::string& name = it->first;
    if (name.compare(0, prefix.size(), prefix) != 0) break;
    any = true;
    if (HasHiddenComponent(std::string_view(name).substr(prefix.size()))) continue;
    out.push_back(name);
  }
  if (!any) {
    if (path.empty()) return Status::NotFound("\"\": no such file or folder (empty path)");
    return Status::NotFound(path + ": no such file or folder");
  }
  std::sort(out.begin(), out.end(), PathLess);
  return out;
}

}  // namespace witness
