// ParseJsonLine: one JSON record -> one Article (simdjson DOM; one reusable parser per reader).
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

#include "base/ascii.h"
#include "ingest/dateline.h"
#include "ingest/dates.h"
#include "ingest/ingest_internal.h"
#include "ingest/json_util.h"
#include "witness/ingest.h"
#include "witness/text.h"

namespace witness {
namespace ingest_internal {

namespace {

// Whether a number token matches the strict JSON grammar,
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, and is finite as a double (1e400 is
// grammatical, but common readers, ours among them, refuse a number they cannot hold).
bool StrictNumber(std::string_view n) {
  size_t i = 0;
  auto digits = [&]() {
    const size_t from = i;
    while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
    return i - from;
  };
  if (i < n.size() && n[i] == '-') ++i;
  if (i < n.size() && n[i] == '0') {
    ++i;
  } else if (digits() == 0) {
    return false;
  }
  if (i < n.size() && n[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  }
  if (i < n.size() && (n[i] == 'e' || n[i] == 'E')) {
    ++i;
    if (i < n.size() && (n[i] == '+' || n[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  if (i != n.size()) return false;
  double value;
  const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), value);
  return ec == std::errc() && end == n.data() + n.size();
}

// Whether minified JSON (as simdjson minifies what it accepted) holds a number that strict JSON
// refuses. simdjson reads a few such things (a number with leading zeros, a malformed integer
// too big for 64 bits inside an array), and extra_json must stay JSON for every reader.
// Strings are skipped; every other run of number characters is checked.
bool HasMalformedNumber(std::string_view json) {
  auto number_char = [](char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  };
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
      continue;
    }
    if ((c >= '0' && c <= '9') || c == '-') {
      size_t end = i;
      while (end < json.size() && number_char(json[end])) ++end;
      if (!StrictNumber(json.substr(i, end - i))) return true;
      i = end - 1;
    }
  }
  return false;
}

enum Field : int {
  kId = 0,
  kSource,
  kUrl,
  kTitle,
  kPublished,
  kLanguage,
  kText,
  kHtml,
  kAuthor,
  kPlaces,
  kAgencies,
  kFieldCount,
  kUnknown = -1,
};

constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "id",   "source", "url",    "title",  "published", "language",
    "text", "html",   "author", "places", "agencies"};

// Other names feeds and scrapers use. An alias counts only when the field's own name is absent
// (or null) and its value has the right type; otherwise it is kept in extra_json.
struct Alias {
  std::string_view name;
  Field field;
};
constexpr std::array<Alias, 23> kAliases = {{
    {"link", kUrl},
    {"canonical_url", kUrl},
    {"headline", kTitle},
    {"date", kPublished},
    {"date_publish", kPublished},
    {"datePublished", kPublished},
    {"published_at", kPublished},
    {"publish_date", kPublished},
    {"pubdate", kPublished},
    {"lang", kLanguage},
    {"body", kText},
    {"maintext", kText},
    {"articleBody", kText},
    {"content", kText},
    {"paragraphs", kText},
    {"body_paragraphs", kText},
    {"body-paragraphs", kText},
    {"authors", kAuthor},
    {"byline", kAuthor},
    {"creator", kAuthor},
    {"source_domain", kSource},
    {"outlet", kSource},
    {"publisher", kSource},
}};

struct Member {
  std::string_view key;  // unescaped
  simdjson::dom::element value;
  Field field = kUnknown;
  int priority = 0;  // 0: the field's own name; 1 + index in kAliases: an alias
  bool used = false;
};

std::string HumanJsonError(simdjson::error_code e) {
  using namespace simdjson;
  switch (e) {
    case UTF8_ERROR:
      return "invalid UTF-8";
    case UNCLOSED_STRING:
      return "unterminated string";
    case STRING_ERROR:
      return "invalid string (bad escape sequence)";
    case UNESCAPED_CHARS:
      return "control character inside a string";
    case NUMBER_ERROR:
      return "invalid number";
    case NUMBER_OUT_OF_RANGE:
      return "number out of range";
    case T_ATOM_ERROR:
    case F_ATOM_ERROR:
    case N_ATOM_ERROR:
      return "invalid literal (expected true, false or null)";
    case TAPE_ERROR:
    case INCOMPLETE_ARRAY_OR_OBJECT:
      return "unbalanced brackets or a missing comma or colon";
    case DEPTH_ERROR:
      return "nested too deeply";
    case EMPTY:
      return "no JSON value";
    case TRAILING_CONTENT:
      return "unexpected text after the JSON value";
    case CAPACITY:
      return "too large to parse";
    default:
      return error_message(e);
  }
}

std::string_view TypeName(simdjson::dom::element_type t) {
  using simdjson::dom::element_type;
  switch (t) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

// A value quoted in a message: one line, at most `max` bytes (cut at a UTF-8 boundary).
std::string Quote(std::string_view s, size_t max) {
  std::string out;
  for (char c : s.substr(0, max)) out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  if (s.size() > max) {
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out += "...";
  }
  return "\"" + out + "\"";
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimJson(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && IsJsonSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsJsonSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Strings of an array, flattened through nested arrays ("body-paragraphs": [["a"], ["b"]]).
bool CollectStrings(simdjson::dom::element e, std::vector<std::string_view>* out, int depth = 0) {
  if (depth > 4) return false;
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) {
    out->push_back(s);
    return true;
  }
  simdjson::dom::array arr;
  if (e.get_array().get(arr) != simdjson::SUCCESS) return false;
  for (simdjson::dom::element x : arr) {
    if (!CollectStrings(x, out, depth + 1)) return false;
  }
  return true;
}

std::string Join(const std::vector<std::string_view>& parts, std::string_view sep) {
  std::string out;
  for (std::string_view p : parts) {
    if (p.find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
    if (!out.empty()) out.append(sep);
    out.append(p);
  }
  return out;
}

// A light BCP 47 check and case fix: "EN_us" -> "en-US". nullopt when it is not a tag.
std::optional<std::string> CanonicalLanguage(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return std::nullopt;
  std::string out;
  size_t start = 0;
  int index = 0;
  while (start <= tag.size()) {
    size_t end = tag.find_first_of("-_", start);
    if (end == std::string_view::npos) end = tag.size();
    std::string_view sub = tag.substr(start, end - start);
    if (sub.empty() || sub.size() > 8) return std::nullopt;
    bool alpha = true, alnum = true;
    for (char c : sub) {
      const bool a = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      const bool d = c >= '0' && c <= '9';
      alpha &= a;
      alnum &= a || d;
    }
    if (!alnum) return std::nullopt;
    if (index == 0 && (!alpha || sub.size() < 2 || sub.size() > 8)) return std::nullopt;
    std::string part(sub);
    for (char& c : part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (index > 0 && alpha && sub.size() == 2) {
      for (char& c : part) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (index > 0 && alpha && sub.size() == 4) {
      part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
    }
    if (!out.empty()) out.push_back('-');
    out += part;
    ++index;
    if (end == tag.size()) break;
    start = end + 1;
  }
  return out;
}

}  // namespace

struct JsonRecordParser::Impl {
  simdjson::dom::parser parser;
  std::string padded;
  std::string repaired;
  std::vector<RawMember> raw_members;
  std::vector<Member> members;
};

JsonRecordParser::JsonRecordParser() : impl_(std::make_unique<Impl>()) {}
JsonRecordParser::~JsonRecordParser() = default;

StatusOr<Article> JsonRecordParser::Parse(std::string_view json, std::string_view origin,
                                          const IngestOptions& options,
                                          std::string_view fallback_source,
                                          std::vector<std::string>* warnings) {
  const std::string who(origin);
  try {
    std::string_view body = TrimJson(json);
    if (body.empty()) return Status::InvalidArgument(who + ": blank line, no JSON record");
    if (body.size() > options.max_line_bytes) {
      return Status::ResourceExhausted(who + ": record is " + FormatBytes(body.size()) +
                                       ", over the limit of " +
                                       FormatBytes(options.max_line_bytes) + " (max_line_bytes)");
    }
    Impl& m = *impl_;
    std::vector<std::string> local_warnings;
    const auto parse = [&](std::string_view text, simdjson::dom::element* root) {
      m.padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
      std::memcpy(m.padded.data(), text.data(), text.size());
      std::memset(m.padded.data() + text.size(), ' ', simdjson::SIMDJSON_PADDING);
      return m.parser.parse(m.padded.data(), text.size(), false).get(*root);
    };
    simdjson::dom::element root;
    simdjson::error_code err = parse(body, &root);
    if (err == simdjson::UTF8_ERROR) {
      // Bad bytes inside strings: repair them (U+FFFD) and say so, rather than lose the record.
      text::Normalized n = text::Normalize(body);
      m.repaired = std::move(n.text);
      body = m.repaired;
      local_warnings.push_back(who + ": replaced " + std::to_string(n.repaired_sequences) +
                               " invalid UTF-8 sequence" + (n.repaired_sequences == 1 ? "" : "s") +
                               " in the JSON record with U+FFFD");
      err = parse(body, &root);
    }
    bool quoted_numbers = false;
    if (err == simdjson::NUMBER_ERROR || err == simdjson::NUMBER_OUT_OF_RANGE) {
      // Valid JSON may hold numbers beyond 64 bits; read them as text (kept as written).
      std::string quoted = QuoteHugeNumbers(body, &quoted_numbers);
      if (quoted_numbers) err = parse(quoted, &root);
    }
    if (err == simdjson::MEMALLOC) return Status::ResourceExhausted(who + ": out of memory");
    if (err != simdjson::SUCCESS) {
      std::string why = HumanJsonError(err);
      if (err == simdjson::TAPE_ERROR) {
        bool complete = true;
        if (SplitTopLevelValues(body, &complete).size() > 1 && complete) {
          why = "unexpected text after the JSON value";
        }
      }
      return Status::InvalidArgument(who + ": invalid JSON: " + why);
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj) != simdjson::SUCCESS) {
      return Status::InvalidArgument(who + ": not a JSON object (found " +
                                     std::string(TypeName(root.type())) + ")");
    }
    // The raw text of each member, in document order, to keep unknown values as written.
    const std::string_view parsed_text = body;

    m.members.clear();
    for (simdjson::dom::key_value_pair kv : obj) {
      Member mem;
      mem.key = kv.key;
      mem.value = kv.value;
      for (int f = 0; f < kFieldCount; ++f) {
        if (kv.key == kFieldNames[f]) {
          mem.field = static_cast<Field>(f);
          mem.priority = 0;
        }
      }
      if (mem.field == kUnknown) {
        for (size_t k = 0; k < kAliases.size(); ++k) {
          if (kv.key == kAliases[k].name) {
            mem.field = kAliases[k].field;
            mem.priority = static_cast<int>(k) + 1;
          }
        }
      }
      m.members.push_back(mem);
    }

    // The raw text of the members is needed only for unknown fields and numeric ids (kept as
    // written), and for values that may end up in extra_json; splitting a long line costs a
    // pass over it, so do it only then.
    bool need_raw = quoted_numbers;
    for (const Member& mem : m.members) {
      if (mem.field == kUnknown || mem.priority > 0 || mem.field == kPublished ||
          mem.field == kLanguage || (mem.field == kId && mem.value.is_number()) ||
          mem.value.is_null()) {
        need_raw = true;
        break;
      }
    }
    const bool have_raw = need_raw && SplitObjectMembers(parsed_text, &m.raw_members) &&
                          m.raw_members.size() == obj.size();

    Article a;
    a.origin = who;
    a.raw = std::string(json);
    std::string extra;
    // Candidates for each field: own name first (the last one when repeated), then aliases in
    // table order. A wrong type under the field's own name rejects the record; under an alias
    // it only disqualifies that alias.
    for (int f = 0; f < kFieldCount; ++f) {
      std::vector<size_t> candidates;
      for (size_t i = 0; i < m.members.size(); ++i) {
        if (m.members[i].field == f) candidates.push_back(i);
      }
      std::stable_sort(candidates.begin(), candidates.end(), [&](size_t x, size_t y) {
        if (m.members[x].priority != m.members[y].priority) {
          return m.members[x].priority < m.members[y].priority;
        }
        return x > y;
      });
      for (size_t i : candidates) {
        Member& mem = m.members[i];
        const bool own = mem.priority == 0;
        const simdjson::dom::element v = mem.value;
        if (v.is_null()) continue;
        const auto wrong = [&](std::string_view expected) {
          return Status::InvalidArgument(who + ": field '" + std::string(mem.key) + "' is not " +
                                         std::string(expected) + " (found " +
                                         std::string(TypeName(v.type())) + ")");
        };
        std::string value;
        bool ok = false;
        std::vector<std::string_view> parts;
        switch (f) {
          case kId:
            if (v.is_string()) {
              value = std::string(v.get_string().value_unsafe());
              ok = true;
            } else if (v.is_number()) {
              value = have_raw ? std::string(m.raw_members[i].value) : simdjson::minify(v);
              ok = true;
            } else if (own) {
              return wrong("a string or number");
            }
            break;
          case kText:
          case kAuthor:
          case kPlaces:
          case kAgencies:
            if (CollectStrings(v, &parts)) {
              ok = true;
            } else if (own) {
              return wrong("a string or an array of strings");
            }
            break;
          default:
            if (v.is_string()) {
              value = std::string(v.get_string().value_unsafe());
              ok = true;
            } else if (own) {
              return wrong("a string");
            }
        }
        if (!ok) continue;
        switch (f) {
          case kId:
            a.id = value;
            break;
          case kSource:
            a.source = value;
            break;
          case kUrl:
            a.url = value;
            break;
          case kTitle:
            a.title = value;
            break;
          case kHtml:
            a.html = value;
            break;
          case kText:
            a.text = Join(parts, "\n\n");
            break;
          case kAuthor:
            a.author = Join(parts, ", ");
            break;
          case kPlaces:  // blank names are no places: "places": "" gives none
            for (std::string_view p : parts) {
              if (const std::string_view name = ascii::Trim(p); !name.empty()) {
                a.places.emplace_back(name);
              }
            }
            break;
          case kAgencies:
            for (std::string_view p : parts) {
              if (const std::string_view name = ascii::Trim(p); !name.empty()) {
                a.agencies.push_back(ToUpperUtf8(name));
              }
            }
            break;
          case kPublished:
            if (std::optional<std::string> d = NormalizeDate(value)) {
              a.published = *d;
            } else {
              local_warnings.push_back(who + ": field '" + std::string(mem.key) +
                                       "' is not an ISO 8601 date (" + Quote(value, 80) +
                                       "); published left empty, value kept in extra_json");
              continue;  // stays unused: kept in extra_json
            }
            break;
          case kLanguage:
            if (std::optional<std::string> l = CanonicalLanguage(value)) {
              a.language = *l;
            } else {
              local_warnings.push_back(who + ": field '" + std::string(mem.key) +
                                       "' is not a language tag (" + Quote(value, 40) +
                                       "); language left empty, value kept in extra_json");
              continue;
            }
            break;
          default:
            break;
        }
        mem.used = true;
        break;
      }
    }
    for (size_t i = 0; i < m.members.size(); ++i) {
      const Member& mem = m.members[i];
      if (mem.used) continue;
      if (mem.field != kUnknown && mem.priority == 0 && mem.value.is_null()) continue;
      extra.push_back(',');
      const size_t value_start = extra.size();
      size_t value_begin;  // after the key and the colon
      if (have_raw) {
        AppendMinified(m.raw_members[i].key, &extra);
        extra.push_back(':');
        value_begin = extra.size();
        AppendMinified(m.raw_members[i].value, &extra);
      } else {
        AppendJsonString(mem.key, &extra);
        extra.push_back(':');
        value_begin = extra.size();
        extra.append(simdjson::minify(mem.value));
      }
      // A member whose value is not strict JSON is kept as the string of its text, so
      // extra_json stays JSON and nothing is lost.
      if (HasMalformedNumber(std::string_view(extra).substr(value_begin))) {
        const std::string value = have_raw ? std::string(m.raw_members[i].value)
                                           : std::string(simdjson::minify(mem.value));
        extra.resize(value_start);
        AppendJsonString(mem.key, &extra);
        extra.push_back(':');
        AppendJsonString(value, &extra);
        local_warnings.push_back(who + ": field '" + std::string(mem.key) +
                                 "' is not strict JSON; kept as a string in extra_json");
      }
    }

    const bool has_text = a.text.find_first_not_of(" \t\r\n") != std::string::npos;
    const bool has_html = a.html.find_first_not_of(" \t\r\n") != std::string::npos;
    if (!has_text && !has_html) return Status::InvalidArgument(who + ": missing text or html");
    if (!has_text) a.text.clear();
    if (!has_html) a.html.clear();
    for (const auto& [field, value] :
         {std::pair<std::string_view, const std::string*>{"text", &a.text}, {"html", &a.html}}) {
      if (value->size() > options.max_article_bytes) {
        return Status::ResourceExhausted(who + ": field '" + std::string(field) + "' is " +
                                         FormatBytes(value->size()) + ", over the limit of " +
                                         FormatBytes(options.max_article_bytes) +
                                         " (max_article_bytes)");
      }
    }
    a.content_type = has_html ? ContentType::kHtml : ContentType::kText;
    NormalizeText(&a.text, who, &local_warnings);
    if (a.places.empty() && a.agencies.empty() && !a.text.empty()) ApplyDateline(&a, &extra);
    a.extra_json = extra.empty() ? "{}" : "{" + extra.substr(1) + "}";
    FinishArticleImpl(&a, fallback_source, true, nullptr);
    if (warnings != nullptr) {
      warnings->insert(warnings->end(), local_warnings.begin(), local_warnings.end());
    }
    return a;
  } catch (const std::bad_alloc&) {
    return Status::ResourceExhausted(who + ": out of memory");
  }
}

bool JsonRecordParser::IsJsonObjectText(std::string_view json) {
  Impl& m = *impl_;
  json = TrimJson(json);
  m.padded.resize(json.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(m.padded.data(), json.data(), json.size());
  std::memset(m.padded.data() + json.size(), ' ', simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  if (m.parser.parse(m.padded.data(), json.size(), false).get(root) != simdjson::SUCCESS) {
    return false;
  }
  return root.is_object();
}

}  // namespace ingest_internal

StatusOr<Article> ParseJsonLine(std::string_view line, std::string_view origin,
                                const IngestOptions& options) {
  thread_local ingest_internal::JsonRecordParser parser;
  return parser.Parse(line, origin, options, options.default_source, nullptr);
}

}  // namespace witness
