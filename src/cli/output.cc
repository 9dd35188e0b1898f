#include "cli/output.h"

#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include <cstdio>

#include "witness/cli.h"

namespace witness::cli {

namespace {

// JSON strings must be valid UTF-8; `raw` may not be. Invalid bytes become U+FFFD.
std::string ValidUtf8(std::string_view s) {
  return text::IsValidUtf8(s) ? std::string(s) : text::Normalize(s).text;
}

}  // namespace

nlohmann::json ArticleToJson(const Article& a, const text::Segmentation* seg) {
  nlohmann::json j = {
      {"id", a.id},
      {"source", a.source},
      {"url", a.url},
      {"title", a.title},
      {"published", a.published},
      {"language", a.language},
      {"author", a.author},
      {"places", a.places},
      {"agencies", a.agencies},
      {"content_type", a.content_type == ContentType::kHtml ? "html" : "text"},
      {"origin", a.origin},
      {"word_count", a.word_count},
      {"text", a.text},
  };
  nlohmann::json extra = nlohmann::json::parse(a.extra_json.empty() ? "{}" : a.extra_json, nullptr,
                                               /*allow_exceptions=*/false);
  j["extra"] = extra.is_discarded() ? nlohmann::json::object() : extra;
  nlohmann::json removed = nlohmann::json::array();
  for (const RemovedBlock& b : a.boilerplate) {
    removed.push_back({{"rule", b.rule}, {"reason", b.reason}, {"text", b.text}});
  }
  j["boilerplate"] = std::move(removed);
  if (seg != nullptr) {
    nlohmann::json paragraphs = nlohmann::json::array();
    for (const text::Paragraph& p : seg->paragraphs) {
      nlohmann::json sentences = nlohmann::json::array();
      for (uint32_t i = p.first_sentence; i < p.first_sentence + p.sentence_count; ++i) {
        const text::Sentence& s = seg->sentences[i];
        sentences.push_back({{"begin", s.span.begin}, {"end", s.span.end}, {"text", s.span.in(a.text)}});
      }
      paragraphs.push_back({{"begin", p.span.begin}, {"end", p.span.end}, {"sentences", sentences}});
    }
    j["paragraphs"] = std::move(paragraphs);
  }
  return j;
}

nlohmann::json SummaryToJson(const ArticleSummary& s) {
  return {{"id", s.id},
          {"source", s.source},
          {"published", s.published},
          {"title", s.title},
          {"word_count", s.word_count}};
}

std::string ListedTitle(std::string_view title) {
  return title.empty() ? std::string("(no title)") : std::string(title);
}

std::string FitColumns(std::string_view s, size_t width) {
  std::string clean = ValidUtf8(s);
  std::string out;
  size_t used = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(clean.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(clean.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) break;
    if (cp == '\n' || cp == '\t' || cp == '\r') cp = ' ';
    int w = utf8proc_charwidth(cp);
    if (used + w > width) {
      // Make room for the ellipsis.
      while (!out.empty() && used + 1 > width) {
        size_t cut = out.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        utf8proc_int32_t last;
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(out.data() + cut),
                         static_cast<utf8proc_ssize_t>(out.size() - cut), &last);
        used -= utf8proc_charwidth(last);
        out.resize(cut);
      }
      out += "…";
      return out;
    }
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t len = utf8proc_encode_char(cp, buf);
    out.append(reinterpret_cast<const char*>(buf), len);
    used += w;
    p += n;
    left -= n;
  }
  return out;
}

size_t TerminalWidth() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) {
    return ws.ws_col;
  }
  return 100;
}

void PrintJson(const nlohmann::json& j) {
  std::string out = isatty(STDOUT_FILENO)
                        ? j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                        : j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fputc('\n', stdout);
}

StatusOr<std::unique_ptr<Store>> OpenForReading(const std::string& db) {
  StoreOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  return Store::Open(db, options);
}

int Fail(const Status& s) {
  std::fprintf(stderr, "witness: %s\n", s.message().c_str());
  return s.code() == Status::Code::kNotFound || s.code() == Status::Code::kInvalidArgument
             ? kSomeRejected
             : kFailure;
}

}  // namespace witness::cli
