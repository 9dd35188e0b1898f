#include "ingest/json_util.h"

#include <cstring>

namespace witness::ingest_internal {

namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t SkipSpace(std::string_view s, size_t i) {
  while (i < s.size() && IsJsonSpace(s[i])) ++i;
  return i;
}

// s[i] is '"': the index just past the closing quote (s.size() when unterminated, and then
// *terminated, when given, is set false).
size_t SkipString(std::string_view s, size_t i, bool* terminated = nullptr) {
  const size_t content = i + 1;
  size_t from = content;
  while (from < s.size()) {
    // Jump to the next quote; it closes the string unless an odd run of backslashes
    // (inside this string) precedes it.
    const void* q = std::memchr(s.data() + from, '"', s.size() - from);
    if (q == nullptr) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(q) - s.data());
    size_t k = at;
    while (k > content && s[k - 1] == '\\') --k;
    if ((at - k) % 2 == 0) return at + 1;
    from = at + 1;
  }
  if (terminated != nullptr) *terminated = false;
  return s.size();
}

// The end of the value starting at s[i]: a string, a bracketed value, or a scalar that runs to
// the next ',', ']', '}' or space.
size_t SkipValue(std::string_view s, size_t i) {
  if (i >= s.size()) return i;
  if (s[i] == '"') return SkipString(s, i);
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (c == '"') {
        i = SkipString(s, i);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        --depth;
        if (depth == 0) return i + 1;
      }
      ++i;
    }
    return s.size();
  }
  while (i < s.size() && s[i] != ',' && s[i] != ']' && s[i] != '}' && !IsJsonSpace(s[i])) ++i;
  return i;
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

void AppendMinified(std::string_view json, std::string* out) {
  size_t i = 0;
  while (i < json.size()) {
    const char c = json[i];
    if (c == '"') {
      const size_t end = SkipString(json, i);
      out->append(json.substr(i, end - i));
      i = end;
    } else {
      if (!IsJsonSpace(c)) out->push_back(c);
      ++i;
    }
  }
}

std::string QuoteHugeNumbers(std::string_view s, bool* changed) {
  *changed = false;
  std::string out;
  out.reserve(s.size() + 16);
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"') {
      const size_t end = SkipString(s, i);
      out.append(s.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      size_t end = i;
      while (end < s.size() && ((s[end] >= '0' && s[end] <= '9') || s[end] == '-' ||
                                s[end] == '+' || s[end] == '.' || s[end] == 'e' || s[end] == 'E')) {
        ++end;
      }
      const std::string_view token = s.substr(i, end - i);
      size_t k = token[0] == '-' ? 1 : 0;
      size_t int_digits = 0;
      while (k < token.size() && token[k] >= '0' && token[k] <= '9') {
        ++int_digits;
        ++k;
      }
      bool huge = int_digits >= 20;
      const size_t e = token.find_first_of("eE");
      if (e != std::string_view::npos) {
        size_t x = e + 1;
        if (x < token.size() && (token[x] == '+' || token[x] == '-')) ++x;
        size_t exp_digits = 0;
        int exponent = 0;
        while (x < token.size() && token[x] >= '0' && token[x] <= '9') {
          if (exponent < 100000) exponent = exponent * 10 + (token[x] - '0');
          ++exp_digits;
          ++x;
        }
        if (exp_digits > 0 && exponent > 300) huge = true;
      }
      if (huge) {
        out.push_back('"');
        out.append(token);
        out.push_back('"');
        *changed = true;
      } else {
        out.append(token);
      }
      i = end;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

bool SplitObjectMembers(std::string_view s, std::vector<RawMember>* members) {
  members->clear();
  size_t i = SkipSpace(s, 0);
  if (i >= s.size() || s[i] != '{') return false;
  i = SkipSpace(s, i + 1);
  if (i < s.size() && s[i] == '}') return true;
  while (i < s.size()) {
    if (s[i] != '"') return false;
    const size_t key_end = SkipString(s, i);
    RawMember m;
    m.key = s.substr(i, key_end - i);
    i = SkipSpace(s, key_end);
    if (i >= s.size() || s[i] != ':') return false;
    i = SkipSpace(s, i + 1);
    const size_t value_end = SkipValue(s, i);
    if (value_end == i) return false;
    m.value = s.substr(i, value_end - i);
    members->push_back(m);
    i = SkipSpace(s, value_end);
    if (i >= s.size()) return false;
    if (s[i] == '}') return true;
    if (s[i] != ',') return false;
    i = SkipSpace(s, i + 1);
  }
  return false;
}

bool IsOpenJsonLine(std::string_view line) {
  int depth = 0;
  size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '"') {
      bool terminated = true;
      i = SkipString(line, i, &terminated);
      // Unterminated string at the end of the line: a broken line, not an open document.
      if (!terminated) return false;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    ++i;
  }
  return depth > 0;
}

std::vector<ValueRange> SplitTopLevelValues(std::string_view doc, bool* complete) {
  std::vector<ValueRange> out;
  *complete = true;
  size_t i = SkipSpace(doc, 0);
  const bool array = i < doc.size() && doc[i] == '[';
  if (array) i = SkipSpace(doc, i + 1);
  while (i < doc.size()) {
    if (array && doc[i] == ']') {
      // Anything after the closing bracket but spaces makes the document incomplete-looking;
      // report it as one more range so that it is rejected rather than ignored.
      const size_t rest = SkipSpace(doc, i + 1);
      if (rest < doc.size()) out.push_back(ValueRange{rest, doc.size()});
      return out;
    }
    const size_t end = SkipValue(doc, i);
    if (end == i) {  // a stray ',' or ']' or '}': make it its own (invalid) piece
      out.push_back(ValueRange{i, i + 1});
      i = SkipSpace(doc, i + 1);
      continue;
    }
    out.push_back(ValueRange{i, end});
    i = SkipSpace(doc, end);
    if (array && i < doc.size() && doc[i] == ',') i = SkipSpace(doc, i + 1);
  }
  if (array) *complete = false;  // no closing ']'
  if (!out.empty()) {
    // A value cut off by the end of the document.
    const ValueRange& last = out.back();
    const char first = doc[last.begin];
    if ((first == '{' || first == '[') && last.end == doc.size()) {
      // SkipValue stops right after the bracket that closes the value; reaching the end
      // without that bracket means the value was cut off.
      const char final_char = doc[last.end - 1];
      if ((first == '{' && final_char != '}') || (first == '[' && final_char != ']')) {
        *complete = false;
      }
    } else if (first == '"') {
      bool terminated = true;
      SkipString(doc, last.begin, &terminated);
      if (!terminated) *complete = false;
    }
  }
  return out;
}

}  // namespace witness::ingest_internal
