// server/gzip_test_util.h: gzip decoding for the server's tests (test code only), strict: a
// body that is not one complete gzip stream decodes to "<bad gzip>".
#ifndef WITNESS_SERVER_GZIP_TEST_UTIL_H_
#define WITNESS_SERVER_GZIP_TEST_UTIL_H_

#include <zlib.h>

#include <string>

namespace witness::server::testing {

// Up to 8 MiB of output; more is "<bad gzip>" too.
inline std::string Gunzip(const std::string& z) {
  z_stream s{};
  inflateInit2(&s, 15 + 16);
  std::string out(8 << 20, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(z.data()));
  s.avail_in = static_cast<uInt>(z.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&s, Z_FINISH);
  out.resize(out.size() - s.avail_out);
  inflateEnd(&s);
  return rc == Z_STREAM_END ? out : "<bad gzip>";
}

}  // namespace witness::server::testing

#endif  // WITNESS_SERVER_GZIP_TEST_UTIL_H_
