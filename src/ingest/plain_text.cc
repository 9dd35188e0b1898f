// ParsePlainText: one article per text file, with the metadata real sites leave at its top.
//
// The rules are about shapes, not words:
//   - a date prefix: optional spaces, "date" / "dated" / "published" (any case), an optional
//     ':', then a date NormalizeDate accepts (ISO 8601 or RFC 2822), then whitespace;
//   - a title: the first non-blank line that is a paragraph of its own (a blank line follows,
//     or, in texts without blank lines, a long line), short (at most 300 bytes, 40 words), not
//     ending like prose or a prompt (. : ; ,), not starting in lower case, not a dateline, and
//     followed by more text. Up to three lines before it may be skipped when they are prompts
//     ("Subscribe or upgrade your account to read:") or page furniture ("Advertisement"); they
//     stay in the text. The same line repeated right after the title is the title again.
//   - a dateline opening one of the first paragraphs (dateline.h).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "base/ascii.h"
#include "ingest/dateline.h"
#include "ingest/dates.h"
#include "ingest/detect.h"
#include "ingest/ingest_internal.h"
#include "ingest/json_util.h"
#include "witness/ingest.h"
#include "witness/text.h"

namespace witness {
namespace ingest_internal {

namespace {

using ascii::IsSpace;
using ascii::Trim;

constexpr size_t kMaxTitleBytes = 300;
constexpr size_t kMaxTitleWords = 40;
constexpr int kMaxSkippedLines = 3;

bool IsHSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : Trim(s)) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct LineRange {
  size_t begin = 0;
  size_t end = 0;  // the '\n' (or the text's end)
};

LineRange LineAt(std::string_view s, size_t pos) {
  size_t end = s.find('\n', pos);
  if (end == std::string_view::npos) end = s.size();
  return LineRange{pos, end};
}

bool IsBlank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return IsSpace(c); });
}

// The first non-blank line at or after `pos`.
std::optional<LineRange> NextNonBlank(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    const LineRange l = LineAt(s, pos);
    if (!IsBlank(s.substr(l.begin, l.end - l.begin))) return l;
    pos = l.end + 1;
  }
  return std::nullopt;
}

// " date 2022-01-10 " and the like: returns the bytes it spans (0 when absent).
size_t DatePrefix(std::string_view s, std::string* published) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  const size_t word_begin = i;
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i;
  const std::string word = Lower(s.substr(word_begin, i - word_begin));
  if (word != "date" && word != "dated" && word != "published") return 0;
  const size_t after_word = i;
  if (i < s.size() && s[i] == ':') ++i;
  while (i < s.size() && IsHSpace(s[i])) ++i;
  if (i == after_word) return 0;  // "dates..." or "dated2022": not a label
  // Up to six space-separated tokens on this line; the longest run that is a date wins.
  std::vector<size_t> ends;
  size_t j = i;
  while (ends.size() < 6 && j < s.size() && s[j] != '\n') {
    while (j < s.size() && !IsSpace(s[j])) ++j;
    ends.push_back(j);
    while (j < s.size() && IsHSpace(s[j])) ++j;
  }
  for (size_t k = ends.size(); k-- > 0;) {
    if (std::optional<std::string> d = NormalizeDate(CollapseSpaces(s.substr(i, ends[k] - i)))) {
      size_t end = ends[k];
      while (end < s.size() && IsSpace(s[end])) ++end;
      *published = *d;
      return end;
    }
  }
  return 0;
}

bool IsFurniture(std::string_view line) {
  static constexpr std::array<std::string_view, 14> kLines = {"advertisement",
                                                              "skip to main content",
                                                              "skip to content",
                                                              "menu",
                                                              "share",
                                                              "share this article",
                                                              "home",
                                                              "close",
                                                              "search",
                                                              "sign in",
                                                              "log in",
                                                              "subscribe",
                                                              "listen to this article",
                                                              "print"};
  const std::string l = Lower(line);
  return std::find(kLines.begin(), kLines.end(), l) != kLines.end();
}

bool IsPrompt(std::string_view line) { return line.size() <= 200 && line.back() == ':'; }

// The first code point of `s` that is a letter, and whether it is lower case.
bool StartsLowerCase(std::string_view s) {
  for (int32_t i = 0; i < static_cast<int32_t>(std::min<size_t>(s.size(), 64));) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    if (c < 0) continue;
    if (u_isUAlphabetic(c)) return u_islower(c);
    if (u_isdigit(c)) return false;
  }
  return false;
}

int CountLetters(std::string_view s) {
  int n = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    if (c >= 0 && u_isUAlphabetic(c)) ++n;
  }
  return n;
}

bool EndsLikeProse(std::string_view line) {
  // Look through closing quotes and brackets.
  while (!line.empty()) {
    if (line.back() == '"' || line.back() == '\'' || line.back() == ')' || line.back() == ']') {
      line.remove_suffix(1);
    } else if (line.size() >= 3 && (line.substr(line.size() - 3) == "\xE2\x80\x9D" ||
                                    line.substr(line.size() - 3) == "\xE2\x80\x99")) {
      line.remove_suffix(3);  // ” ’
    } else {
      break;
    }
  }
  if (line.empty()) return true;
  if (line.size() >= 3 && line.substr(line.size() - 3) == "...") return false;  // cut-off title
  const char last = line.back();
  return last == '.' || last == ':' || last == ';' || last == ',';
}

bool IsTitleLine(std::string_view line) {
  if (line.size() < 2 || line.size() > kMaxTitleBytes) return false;
  const size_t words = 1 + static_cast<size_t>(std::count(line.begin(), line.end(), ' '));
  if (words > kMaxTitleWords) return false;
  if (CountLetters(line) < 2) return false;
  if (EndsLikeProse(line)) return false;
  if (StartsLowerCase(line)) return false;
  if (line.substr(0, 7) == "http://" || line.substr(0, 8) == "https://") return false;
  if (ParseDateline(line)) return false;
  return true;
}

struct TitleCut {
  std::string title;
  size_t begin = 0;  // removed range [begin, end) of the text
  size_t end = 0;
};

std::optional<TitleCut> FindTitle(std::string_view s) {
  size_t pos = 0;
  std::optional<LineRange> l;
  for (int skipped = 0;; ++skipped) {
    l = NextNonBlank(s, pos);
    if (!l) return std::nullopt;
    const std::string_view line = Trim(s.substr(l->begin, l->end - l->begin));
    if (skipped < kMaxSkippedLines && (IsPrompt(line) || IsFurniture(line))) {
      pos = l->end + 1;
      continue;
    }
    break;
  }
  const std::string_view line = Trim(s.substr(l->begin, l->end - l->begin));
  if (!IsTitleLine(line)) return std::nullopt;
  // A paragraph of its own: a blank line follows, or (texts without blank lines) a long line
  // that cannot be the second half of a hard-wrapped sentence.
  if (l->end >= s.size()) return std::nullopt;
  const LineRange next = LineAt(s, l->end + 1);
  const std::string_view next_line = s.substr(next.begin, next.end - next.begin);
  if (!IsBlank(next_line) && next_line.size() < 150) return std::nullopt;
  TitleCut cut;
  cut.title = CollapseSpaces(line);
  cut.begin = l->begin;
  std::optional<LineRange> body = NextNonBlank(s, l->end + 1);
  if (!body) return std::nullopt;  // nothing but the title: that line is the text
  if (CollapseSpaces(s.substr(body->begin, body->end - body->begin)) == cut.title) {
    body = NextNonBlank(s, body->end + 1);  // the title, repeated: metadata too
    if (!body) return std::nullopt;
  }
  cut.end = body->begin;
  return cut;
}

}  // namespace

void ApplyDateline(Article* article, std::string* extra_members) {
  std::optional<Dateline> d = FindDateline(article->text);
  if (!d) return;
  if (article->places.empty()) article->places = d->places;
  if (article->agencies.empty()) article->agencies = d->agencies;
  if (article->published.empty() && !d->published.empty()) article->published = d->published;
  extra_members->append(",\"dateline\":");
  AppendJsonString(d->text, extra_members);
  if (!d->date.empty()) {
    extra_members->append(",\"dateline_date\":");
    AppendJsonString(d->date, extra_members);
  }
}

StatusOr<Article> ParsePlainTextImpl(std::string_view bytes, std::string_view name,
                                     std::string_view folder, const IngestOptions& options,
                                     std::vector<std::string>* warnings) {
  const std::string who(name);
  if (bytes.size() > options.max_article_bytes) {
    return Status::ResourceExhausted(
        who + ": article is " + FormatBytes(bytes.size()) + ", over the limit of " +
        FormatBytes(options.max_article_bytes) + " (max_article_bytes)");
  }
  if (bytes.empty()) return Status::InvalidArgument(who + ": empty file");
  try {
    StatusOr<std::string> decoded = DecodeToUtf8(std::string(bytes), name);
    if (!decoded.ok()) return decoded.status();
    WITNESS_RETURN_IF_ERROR(CheckNotBinary(*decoded, name, options.max_control_fraction));
    if (!text::IsValidUtf8(*decoded) && LooksLikeWindows1252(*decoded)) {
      *decoded = Windows1252ToUtf8(*decoded);
      if (warnings != nullptr) warnings->push_back(who + ": not UTF-8; read as Windows-1252");
    }
    Article a;
    a.origin = who;
    a.raw = std::string(bytes);
    a.content_type = ContentType::kText;
    a.source = std::string(folder);
    a.text = std::move(*decoded);
    // Normalise first, so that every later step sees the text as it is stored.
    std::vector<std::string> repairs;
    NormalizeText(&a.text, who, &repairs);
    if (Trim(a.text).empty()) {
      return Status::InvalidArgument(who + ": empty article (only whitespace)");
    }
    if (warnings != nullptr) warnings->insert(warnings->end(), repairs.begin(), repairs.end());
    std::string_view text = a.text;
    size_t start = DatePrefix(text, &a.published);
    std::string body;
    if (std::optional<TitleCut> cut = FindTitle(text.substr(start))) {
      a.title = cut->title;
      body.append(text.substr(start, cut->begin));
      body.append(text.substr(start + cut->end));
    } else {
      body.append(text.substr(start));
    }
    a.text = std::string(Trim(body));
    if (a.text.empty())
      return Status::InvalidArgument(who + ": empty article (nothing but a title or date)");
    std::string extra;
    ApplyDateline(&a, &extra);
    if (a.published.empty()) {
      // Archives often name files by date: "2025-03-14-port-strike.txt".
      std::string_view base = name.substr(name.find_last_of('/') + 1);
      std::optional<std::string> from_name;
      if (base.size() > 10 && !std::isdigit(static_cast<unsigned char>(base[10]))) {
        from_name = NormalizeDate(base.substr(0, 10));
      }
      if (from_name) {
        a.published = *from_name;
        extra += ",\"published_from\":\"file name\"";
      }
    }
    a.extra_json = extra.empty() ? "{}" : "{" + extra.substr(1) + "}";
    FinishArticleImpl(&a, options.default_source, true, nullptr);
    return a;
  } catch (const std::bad_alloc&) {
    return Status::ResourceExhausted(who + ": out of memory");
  }
}

}  // namespace ingest_internal

StatusOr<Article> ParsePlainText(std::string_view bytes, std::string_view path,
                                 const IngestOptions& options) {
  return ingest_internal::ParsePlainTextImpl(bytes, path, ingest_internal::LexicalParentName(path),
                                             options, nullptr);
}

}  // namespace witness
