#include "clean/html_text.h"

namespace witness::clean {

uint32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t k = *i;
  const uint8_t b = p[k];
  if (b < 0x80) {
    *i = k + 1;
    return b;
  }
  int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (len == 1 || k + static_cast<size_t>(len) > n) {
    *i = k + 1;
    return 0xFFFD;
  }
  uint32_t cp = b & (0x7F >> len);
  for (int j = 1; j < len; ++j) {
    const uint8_t c = p[k + static_cast<size_t>(j)];
    if ((c & 0xC0) != 0x80) {
      *i = k + static_cast<size_t>(j);
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *i = k + static_cast<size_t>(len);
  return cp;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
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

bool IsSpaceCodePoint(uint32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return true;
  if (cp < 0x80) return false;
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool IsInvisibleCodePoint(uint32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n';
  if (cp >= 0x7F && cp < 0xA0) return true;
  return cp == 0xAD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
}

void AppendCollapsed(std::string_view in, std::string* out, bool* space) {
  size_t i = 0;
  const size_t n = in.size();
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') {
        *space = true;
        ++i;
        continue;
      }
      if (b < 0x20 || b == 0x7F) {
        ++i;
        continue;
      }
      if (*space) {
        if (!out->empty() && out->back() != '\n') out->push_back(' ');
        *space = false;
      }
      // Copy a run of plain ASCII at once.
      size_t j = i + 1;
      while (j < n) {
        const unsigned char c = static_cast<unsigned char>(in[j]);
        if (c >= 0x80 || c <= 0x20 || c == 0x7F) break;
        ++j;
      }
      out->append(in.data() + i, j - i);
      i = j;
      continue;
    }
    size_t start = i;
    const uint32_t cp = NextCodePoint(in, &i);
    if (IsSpaceCodePoint(cp)) {
      *space = true;
      continue;
    }
    if (IsInvisibleCodePoint(cp)) continue;
    if (*space) {
      if (!out->empty() && out->back() != '\n') out->push_back(' ');
      *space = false;
    }
    out->append(in.data() + start, i - start);
  }
}

std::string CollapseWhitespace(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool space = false;
  AppendCollapsed(in, &out, &space);
  return out;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string StripTags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '<' && i + 1 < s.size()) {
      const char d = s[i + 1];
      const bool tag = (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || d == '/' || d == '!';
      if (tag) {
        size_t gt = s.find('>', i);
        if (gt != std::string_view::npos) {
          // Block tags separate paragraphs; inline ones (<em>, <a>) join their text.
          std::string name;
          for (size_t k = i + 1; k < gt && name.size() < 12; ++k) {
            char ch = s[k];
            if (ch == '/' && name.empty()) continue;
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')))
              break;
            name.push_back(static_cast<char>(ch | 0x20));
          }
          static constexpr std::string_view kBlocks[] = {
              "p",  "br", "div",   "li",      "ul",  "ol",         "h1",
              "h2", "h3", "h4",    "h5",      "h6",  "blockquote", "tr",
              "td", "th", "table", "section", "pre", "figure",     "hr"};
          for (std::string_view b : kBlocks) {
            if (name == b) {
              out.push_back('\n');
              break;
            }
          }
          i = gt + 1;
          continue;
        }
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' ||
                        s.front() == '\r' || s.front() == '\f')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' ||
                        s.back() == '\r' || s.back() == '\f')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace witness::clean
