#include "clean/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace witness::clean {

namespace {

// windows-1252 bytes 0x80..0x9F; 0xFFFD where the set leaves a byte undefined.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void AppendCodePoint(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

uint32_t Cp1252ToCodePoint(uint8_t b) {
  if (b < 0x80 || b >= 0xA0) return b;
  return kCp1252High[b - 0x80];
}

// Length of the well-formed UTF-8 sequence at p (Unicode Table 3-7), or minus the length of
// the maximal ill-formed subpart there.
int SequenceLength(const uint8_t* p, size_t n) {
  const uint8_t b = p[0];
  if (b < 0x80) return 1;
  auto cont = [&](size_t i, uint8_t lo, uint8_t hi) { return i < n && p[i] >= lo && p[i] <= hi; };
  if (b >= 0xC2 && b <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : -1;
  if (b >= 0xE0 && b <= 0xEF) {
    const uint8_t lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi)) return -1;
    return cont(2, 0x80, 0xBF) ? 3 : -2;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    const uint8_t lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi)) return -1;
    if (!cont(2, 0x80, 0xBF)) return -2;
    return cont(3, 0x80, 0xBF) ? 4 : -3;
  }
  return -1;
}

// Index of the first byte >= 0x80 at or after i.
size_t SkipAscii(const uint8_t* p, size_t i, size_t n) {
  while (i + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

struct CharsetName {
  const char* display;  // what we report
  const char* icu;      // what ICU opens
};

// The labels whose meaning differs between WHATWG and ICU, or that ICU does not know.
struct Alias {
  const char* label;
  CharsetName name;
};
constexpr CharsetName kUtf8{"UTF-8", "UTF-8"};
constexpr CharsetName kCp1252{"windows-1252", "windows-1252"};
constexpr CharsetName kUtf16Le{"UTF-16LE", "UTF-16LE"};
constexpr CharsetName kUtf16Be{"UTF-16BE", "UTF-16BE"};
constexpr Alias kAliases[] = {
    {"utf-8", kUtf8},
    {"utf8", kUtf8},
    {"unicode-1-1-utf-8", kUtf8},
    {"x-unicode20utf8", kUtf8},
    {"unicode11utf8", kUtf8},
    {"unicode20utf8", kUtf8},
    {"ascii", kCp1252},
    {"us-ascii", kCp1252},
    {"ansi_x3.4-1968", kCp1252},
    {"cp1252", kCp1252},
    {"cp819", kCp1252},
    {"csisolatin1", kCp1252},
    {"ibm819", kCp1252},
    {"iso-8859-1", kCp1252},
    {"iso-ir-100", kCp1252},
    {"iso8859-1", kCp1252},
    {"iso88591", kCp1252},
    {"iso_8859-1", kCp1252},
    {"iso_8859-1:1987", kCp1252},
    {"l1", kCp1252},
    {"latin1", kCp1252},
    {"latin-1", kCp1252},
    {"windows-1252", kCp1252},
    {"x-cp1252", kCp1252},
    {"x-user-defined", kCp1252},
    {"gb18030", {"GB18030", "GB18030"}},
    {"gbk", {"GB18030", "GB18030"}},
    {"gb2312", {"GB18030", "GB18030"}},
    {"chinese", {"GB18030", "GB18030"}},
    {"csgb2312", {"GB18030", "GB18030"}},
    {"gb_2312", {"GB18030", "GB18030"}},
    {"gb_2312-80", {"GB18030", "GB18030"}},
    {"x-gbk", {"GB18030", "GB18030"}},
    {"cp936", {"GB18030", "GB18030"}},
    {"windows-936", {"GB18030", "GB18030"}},
    {"big5", {"Big5", "Big5-HKSCS"}},
    {"big5-hkscs", {"Big5", "Big5-HKSCS"}},
    {"cn-big5", {"Big5", "Big5-HKSCS"}},
    {"csbig5", {"Big5", "Big5-HKSCS"}},
    {"x-x-big5", {"Big5", "Big5-HKSCS"}},
    {"shift_jis", {"Shift_JIS", "windows-31j"}},
    {"shift-jis", {"Shift_JIS", "windows-31j"}},
    {"sjis", {"Shift_JIS", "windows-31j"}},
    {"x-sjis", {"Shift_JIS", "windows-31j"}},
    {"ms932", {"Shift_JIS", "windows-31j"}},
    {"ms_kanji", {"Shift_JIS", "windows-31j"}},
    {"windows-31j", {"Shift_JIS", "windows-31j"}},
    {"csshiftjis", {"Shift_JIS", "windows-31j"}},
    {"euc-kr", {"EUC-KR", "windows-949"}},
    {"cseuckr", {"EUC-KR", "windows-949"}},
    {"korean", {"EUC-KR", "windows-949"}},
    {"ks_c_5601-1987", {"EUC-KR", "windows-949"}},
    {"ks_c_5601-1989", {"EUC-KR", "windows-949"}},
    {"ksc5601", {"EUC-KR", "windows-949"}},
    {"ksc_5601", {"EUC-KR", "windows-949"}},
    {"windows-949", {"EUC-KR", "windows-949"}},
    {"iso-ir-149", {"EUC-KR", "windows-949"}},
    {"tis-620", {"windows-874", "windows-874"}},
    {"iso-8859-11", {"windows-874", "windows-874"}},
    {"dos-874", {"windows-874", "windows-874"}},
    {"windows-874", {"windows-874", "windows-874"}},
    {"utf-16", kUtf16Le},
    {"utf-16le", kUtf16Le},
    {"unicode", kUtf16Le},
    {"ucs-2", kUtf16Le},
    {"csunicode", kUtf16Le},
    {"iso-10646-ucs-2", kUtf16Le},
    {"unicodefeff", kUtf16Le},
    {"utf-16be", kUtf16Be},
    {"unicodefffe", kUtf16Be},
};

// The (display, ICU) names for a label; display is empty when unknown.
std::pair<std::string, std::string> ResolveLabel(std::string_view label) {
  std::string key = Lower(label);
  while (!key.empty() && (IsSpace(key.back()) || key.back() == '"' || key.back() == '\'')) {
    key.pop_back();
  }
  size_t start = 0;
  while (start < key.size() && (IsSpace(key[start]) || key[start] == '"' || key[start] == '\'')) {
    ++start;
  }
  key.erase(0, start);
  if (key.empty() || key.size() > 40) return {};
  for (const Alias& a : kAliases) {
    if (key == a.label) return {a.name.display, a.name.icu};
  }
  for (char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                    c == '.' || c == ':';
    if (!ok) return {};
  }
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(key.c_str(), &status);
  if (U_FAILURE(status) || conv == nullptr) return {};
  ucnv_close(conv);
  status = U_ZERO_ERROR;
  const char* iana = ucnv_getStandardName(key.c_str(), "IANA", &status);
  std::string display = (U_SUCCESS(status) && iana != nullptr) ? iana : key;
  // UTF-32 and other wide sets cannot be declared from inside an ASCII-compatible page.
  if (display.rfind("UTF-32", 0) == 0 || display.rfind("UTF-7", 0) == 0 ||
      display.rfind("UTF-16", 0) == 0) {
    return {};
  }
  return {display, key};
}

// ---- Conversion ----

struct ErrorCount {
  uint32_t errors = 0;
};

void U_CALLCONV CountingSubstitute(const void* context, UConverterToUnicodeArgs* args,
                                   const char* code_units, int32_t length,
                                   UConverterCallbackReason reason, UErrorCode* err) {
  if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
    ++static_cast<ErrorCount*>(const_cast<void*>(context))->errors;
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason, err);
}

// Converts with ICU; false when the converter cannot be opened.
bool ConvertWithIcu(std::string_view bytes, const std::string& icu_name, std::string* out,
                    uint32_t* errors) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(icu_name.c_str(), &status);
  if (U_FAILURE(status) || conv == nullptr) return false;
  ErrorCount count;
  ucnv_setToUCallBack(conv, CountingSubstitute, &count, nullptr, nullptr, &status);
  // Convert in chunks so memory stays proportional to the output.
  std::vector<UChar> buf(64 * 1024);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 4);
  std::string chunk;
  UChar pending_high = 0;  // a high surrogate split across chunks
  for (;;) {
    UChar* target = buf.data();
    if (pending_high != 0) *target++ = pending_high, pending_high = 0;
    UChar* target_start = buf.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv, &target, buf.data() + buf.size(), &src, src_end, nullptr, true, &status);
    int32_t n = static_cast<int32_t>(target - target_start);
    if (n > 0 && U16_IS_LEAD(target_start[n - 1]) && status == U_BUFFER_OVERFLOW_ERROR) {
      pending_high = target_start[--n];
    }
    if (n > 0) {
      int32_t needed = 0;
      UErrorCode st2 = U_ZERO_ERROR;
      int32_t subs = 0;
      chunk.resize(static_cast<size_t>(n) * 3);
      u_strToUTF8WithSub(chunk.data(), static_cast<int32_t>(chunk.size()), &needed, target_start, n,
                         0xFFFD, &subs, &st2);
      if (U_SUCCESS(st2)) out->append(chunk.data(), static_cast<size_t>(needed));
      count.errors += static_cast<uint32_t>(subs);
    }
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
  }
  ucnv_close(conv);
  *errors = count.errors;
  return true;
}

// windows-1252 without ICU: the common case of a legacy Western page.
void ConvertCp1252(std::string_view bytes, std::string* out, uint32_t* errors) {
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 8);
  uint32_t bad = 0;
  for (unsigned char b : bytes) {
    uint32_t cp = Cp1252ToCodePoint(b);
    if (cp == 0xFFFD) ++bad;
    AppendCodePoint(cp, out);
  }
  *errors = bad;
}

// True when the start looks like UTF-16 without a byte-order mark: ASCII characters with a
// zero byte beside each. Sets *little_endian.
bool LooksLikeUtf16(std::string_view bytes, bool* little_endian) {
  size_t n = std::min<size_t>(bytes.size(), 1024) & ~size_t{1};
  if (n < 16) return false;
  size_t even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i < n; i += 2) {
    if (bytes[i] == 0) ++even_zero;
    if (bytes[i + 1] == 0) ++odd_zero;
  }
  size_t pairs = n / 2;
  if (odd_zero * 10 >= pairs * 6 && even_zero * 20 <= pairs) {
    *little_endian = true;
    return true;
  }
  if (even_zero * 10 >= pairs * 6 && odd_zero * 20 <= pairs) {
    *little_endian = false;
    return true;
  }
  return false;
}

// ICU's detector, restricted to sets that are not Unicode encodings (those were ruled out).
// Returns (display, icu) or empty names.
std::pair<std::string, std::string> DetectLegacy(std::string_view bytes) {
  // The detector reads at most this much; high bytes are what it needs, so skip to them.
  constexpr size_t kSample = 256 * 1024;
  std::string_view sample = bytes;
  if (sample.size() > kSample) sample = sample.substr(0, kSample);
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return {};
  ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &status);
  ucsdet_enableInputFilter(det, true);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &found, &status);
  std::pair<std::string, std::string> result;
  if (U_SUCCESS(status)) {
    for (int32_t i = 0; i < found; ++i) {
      UErrorCode st = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &st);
      int32_t confidence = ucsdet_getConfidence(matches[i], &st);
      if (U_FAILURE(st) || name == nullptr) continue;
      std::string_view n(name);
      if (n.rfind("UTF", 0) == 0) continue;
      if (confidence < 20) break;
      result = ResolveLabel(n);
      if (!result.first.empty()) break;
    }
  }
  ucsdet_close(det);
  return result;
}

// Decodes as UTF-8 (repairing) into d.
void DecodeUtf8(std::string_view bytes, Utf8Stats stats, Decoded* d) {
  d->charset = "UTF-8";
  if (stats.invalid == 0) {
    d->utf8.assign(bytes);
  } else {
    d->utf8.reserve(bytes.size() + stats.invalid * 2);
    d->repaired = static_cast<uint32_t>(AppendUtf8Repaired(bytes, &d->utf8));
  }
}

// Decodes with a named legacy set (display, icu) into d; false when it cannot be opened.
bool DecodeLegacy(std::string_view bytes, const std::pair<std::string, std::string>& name,
                  Decoded* d) {
  uint32_t errors = 0;
  if (name.first == "windows-1252") {
    ConvertCp1252(bytes, &d->utf8, &errors);
  } else if (!ConvertWithIcu(bytes, name.second, &d->utf8, &errors)) {
    return false;
  }
  d->charset = name.first;
  d->repaired = errors;
  return true;
}

size_t FindCaseInsensitive(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t j = 0;
    while (j < needle.size()) {
      char c = hay[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != needle[j]) break;
      ++j;
    }
    if (j == needle.size()) return i;
  }
  return std::string_view::npos;
}

// "text/html; charset=ISO-8859-1" -> "ISO-8859-1".
std::string CharsetFromContent(std::string_view content) {
  size_t pos = 0;
  while ((pos = FindCaseInsensitive(content, "charset", pos)) != std::string_view::npos) {
    size_t i = pos + 7;
    while (i < content.size() && IsSpace(content[i])) ++i;
    if (i >= content.size() || content[i] != '=') {
      pos = i;
      continue;
    }
    ++i;
    while (i < content.size() && IsSpace(content[i])) ++i;
    if (i >= content.size()) return "";
    char quote = 0;
    if (content[i] == '"' || content[i] == '\'') quote = content[i++];
    size_t start = i;
    while (i < content.size() && content[i] != quote && content[i] != ';' &&
           (quote != 0 || !IsSpace(content[i]))) {
      ++i;
    }
    return std::string(content.substr(start, i - start));
  }
  return "";
}

}  // namespace

Utf8Stats ScanUtf8(std::string_view bytes) {
  Utf8Stats stats;
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  for (;;) {
    i = SkipAscii(p, i, n);
    if (i >= n) break;
    int len = SequenceLength(p + i, n - i);
    if (len > 0) {
      ++stats.multibyte;
      i += static_cast<size_t>(len);
    } else {
      ++stats.invalid;
      i += static_cast<size_t>(-len);
    }
  }
  return stats;
}

size_t AppendUtf8Repaired(std::string_view bytes, std::string* out) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  size_t repaired = 0;
  size_t i = 0;
  while (i < n) {
    size_t j = SkipAscii(p, i, n);
    out->append(bytes.data() + i, j - i);
    i = j;
    if (i >= n) break;
    int len = SequenceLength(p + i, n - i);
    if (len > 0) {
      out->append(bytes.data() + i, static_cast<size_t>(len));
      i += static_cast<size_t>(len);
    } else {
      for (int k = 0; k < -len; ++k) AppendCodePoint(Cp1252ToCodePoint(p[i + k]), out);
      repaired += static_cast<size_t>(-len);
      i += static_cast<size_t>(-len);
    }
  }
  return repaired;
}

size_t ReplaceInvalidUtf8(std::string* s) {
  if (ScanUtf8(*s).invalid == 0) return 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s->data());
  const size_t n = s->size();
  std::string out;
  out.reserve(n + 16);
  size_t replaced = 0;
  size_t i = 0;
  while (i < n) {
    const size_t j = SkipAscii(p, i, n);
    out.append(s->data() + i, j - i);
    i = j;
    if (i >= n) break;
    const int len = SequenceLength(p + i, n - i);
    if (len > 0) {
      out.append(s->data() + i, static_cast<size_t>(len));
      i += static_cast<size_t>(len);
    } else {
      AppendCodePoint(0xFFFD, &out);
      ++replaced;
      i += static_cast<size_t>(-len);
    }
  }
  s->swap(out);
  return replaced;
}

std::string CanonicalCharset(std::string_view label) { return ResolveLabel(label).first; }

std::string FindDeclaredCharset(std::string_view bytes, size_t limit) {
  std::string_view s = bytes.substr(0, std::min(limit, bytes.size()));
  // <?xml version="1.0" encoding="..."?> at the very start.
  if (s.rfind("<?xml", 0) == 0) {
    size_t end = s.find("?>");
    std::string_view decl = s.substr(0, end);
    size_t e = decl.find("encoding");
    if (e != std::string_view::npos) {
      size_t q = decl.find_first_of("\"'", e);
      if (q != std::string_view::npos) {
        size_t q2 = decl.find(decl[q], q + 1);
        if (q2 != std::string_view::npos) return std::string(decl.substr(q + 1, q2 - q - 1));
      }
    }
  }
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    if (s.substr(lt, 4) == "<!--") {
      size_t end = s.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    bool end_tag = i < n && s[i] == '/';
    if (end_tag) ++i;
    if (i >= n) break;
    const unsigned char c0 = static_cast<unsigned char>(s[i]);
    if (!((c0 | 0x20) >= 'a' && (c0 | 0x20) <= 'z')) {
      if (c0 == '!' || c0 == '?' || end_tag) {
        size_t gt = s.find('>', i);
        if (gt == std::string_view::npos) break;
        i = gt + 1;
      }
      continue;
    }
    size_t name_start = i;
    while (i < n && !IsSpace(s[i]) && s[i] != '>' && s[i] != '/') ++i;
    const bool is_meta = !end_tag && Lower(s.substr(name_start, i - name_start)) == "meta";
    // Attributes.
    std::string charset, content, http_equiv;
    while (i < n && s[i] != '>') {
      while (i < n && (IsSpace(s[i]) || s[i] == '/')) ++i;
      if (i >= n || s[i] == '>') break;
      size_t an = i;
      while (i < n && !IsSpace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
      std::string name = Lower(s.substr(an, i - an));
      while (i < n && IsSpace(s[i])) ++i;
      std::string_view value;
      if (i < n && s[i] == '=') {
        ++i;
        while (i < n && IsSpace(s[i])) ++i;
        if (i < n && (s[i] == '"' || s[i] == '\'')) {
          char q = s[i++];
          size_t vs = i;
          while (i < n && s[i] != q) ++i;
          value = s.substr(vs, i - vs);
          if (i < n) ++i;
        } else {
          size_t vs = i;
          while (i < n && !IsSpace(s[i]) && s[i] != '>') ++i;
          value = s.substr(vs, i - vs);
        }
      }
      if (is_meta) {
        if (name == "charset" && charset.empty()) charset = std::string(value);
        if (name == "content" && content.empty()) content = std::string(value);
        if (name == "http-equiv") http_equiv = Lower(value);
      }
    }
    if (i < n) ++i;  // '>'
    if (!is_meta) continue;
    if (!charset.empty()) return charset;
    if (!content.empty() && http_equiv == "content-type") {
      std::string cs = CharsetFromContent(content);
      if (!cs.empty()) return cs;
    }
  }
  return "";
}

Decoded DecodeHtml(std::string_view bytes, const CharsetOptions& options) {
  Decoded d;
  // 1. Byte-order marks.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    std::string_view body = bytes.substr(3);
    d.source = CharsetSource::kBom;
    DecodeUtf8(body, ScanUtf8(body), &d);
    return d;
  }
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    const bool le = bytes[0] == '\xFF';
    d.source = CharsetSource::kBom;
    DecodeLegacy(bytes.substr(2), {le ? "UTF-16LE" : "UTF-16BE", le ? "UTF-16LE" : "UTF-16BE"}, &d);
    return d;
  }
  bool le = true;
  if (LooksLikeUtf16(bytes, &le)) {
    d.source = CharsetSource::kDetected;
    DecodeLegacy(bytes, {le ? "UTF-16LE" : "UTF-16BE", le ? "UTF-16LE" : "UTF-16BE"}, &d);
    return d;
  }

  // 2. Declarations, HTTP first.
  std::pair<std::string, std::string> declared;
  CharsetSource declared_source = CharsetSource::kMeta;
  if (!options.http_charset.empty()) {
    declared = ResolveLabel(options.http_charset);
    d.declared = std::string(options.http_charset);
    declared_source = CharsetSource::kHttp;
  }
  if (declared.first.empty()) {
    std::string label = FindDeclaredCharset(bytes, options.scan_bytes);
    if (!label.empty()) {
      d.declared = label;
      declared = ResolveLabel(label);
      declared_source = CharsetSource::kMeta;
      // A page that can declare itself in ASCII is not UTF-16, whatever it says (HTML standard).
      if (declared.first.rfind("UTF-16", 0) == 0) declared = {"UTF-8", "UTF-8"};
    }
  }
  if (declared.first.rfind("UTF-16", 0) == 0) declared = {};  // no BOM, no zero bytes: not so

  const Utf8Stats stats = ScanUtf8(bytes);
  if (declared.first == "UTF-8") {
    // Trust it unless the bytes clearly say otherwise (a legacy page mislabelled).
    if (stats.invalid == 0 || stats.multibyte * 4 >= stats.invalid) {
      d.source = declared_source;
      DecodeUtf8(bytes, stats, &d);
      return d;
    }
  } else if (!declared.first.empty()) {
    // A legacy declaration on bytes that are UTF-8 (with some non-ASCII): the page was
    // re-encoded and its <meta> left behind.
    if (stats.invalid == 0 && stats.multibyte > 0) {
      d.source = CharsetSource::kUtf8;
      DecodeUtf8(bytes, stats, &d);
      return d;
    }
    if (DecodeLegacy(bytes, declared, &d)) {
      d.source = declared_source;
      return d;
    }
  } else if (stats.invalid == 0 || stats.multibyte * 2 >= stats.invalid) {
    d.source = CharsetSource::kUtf8;
    DecodeUtf8(bytes, stats, &d);
    return d;
  }

  // 3. Detection among the legacy sets, then the fallback.
  std::pair<std::string, std::string> detected = DetectLegacy(bytes);
  if (!detected.first.empty() && DecodeLegacy(bytes, detected, &d)) {
    d.source = CharsetSource::kDetected;
    return d;
  }
  std::pair<std::string, std::string> fallback = ResolveLabel(options.fallback);
  if (fallback.first.empty() || fallback.first == "UTF-8" || !DecodeLegacy(bytes, fallback, &d)) {
    DecodeLegacy(bytes, {"windows-1252", "windows-1252"}, &d);
  }
  d.source = CharsetSource::kFallback;
  return d;
}

}  // namespace witness::clean
