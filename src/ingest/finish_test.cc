#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xxhash.h>

#include "ingest/ingest_internal.h"
#include "witness/ingest.h"

namespace witness {
namespace {

using ::testing::ElementsAre;

// The reference: XXH3-64 of the concatenation, printed as 16 lower-case hex digits.
std::string ReferenceId(const std::string& source, const std::string& url,
                        const std::string& body) {
  std::string all = source;
  all.push_back('\0');
  all += url;
  all.push_back('\0');
  all += body;
  const XXH64_hash_t h = XXH3_64bits(all.data(), all.size());
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) out[15 - i] = kHex[(h >> (i * 4)) & 0xF];
  return out;
}

TEST(ContentIdTest, MatchesReferenceAndIsStable) {
  Article a;
  a.source = "ft.com";
  a.url = "https://www.ft.com/content/x";
  a.text = "Putin vowed.";
  EXPECT_EQ(ContentId(a), ReferenceId("ft.com", "https://www.ft.com/content/x", "Putin vowed."));
  EXPECT_EQ(ContentId(a), ContentId(a));
  EXPECT_EQ(ContentId(a).size(), 16u);
  EXPECT_EQ(ContentId(a).find_first_not_of("0123456789abcdef"), std::string::npos);
  // Fields other than source, url and text do not matter.
  Article b = a;
  b.title = "other";
  b.raw = "other";
  b.origin = "elsewhere:1";
  EXPECT_EQ(ContentId(b), ContentId(a));
}

TEST(ContentIdTest, SensitiveToEachPart) {
  Article a;
  a.source = "s";
  a.url = "u";
  a.text = "t";
  const std::string id = ContentId(a);
  Article b = a;
  b.source = "s2";
  EXPECT_NE(ContentId(b), id);
  b = a;
  b.url = "u2";
  EXPECT_NE(ContentId(b), id);
  b = a;
  b.text = "t.";
  EXPECT_NE(ContentId(b), id);
  // The separators keep the parts apart: ("su", "") differs from ("s", "u").
  b = a;
  b.source = "su";
  b.url = "";
  EXPECT_NE(ContentId(b), id);
  // HTML counts when there is no text.
  Article h;
  h.source = "s";
  h.html = "<p>x</p>";
  EXPECT_EQ(ContentId(h), ReferenceId("s", "", "<p>x</p>"));
  h.text = "x";
  EXPECT_EQ(ContentId(h), ReferenceId("s", "", "x"));
}

TEST(HostOfUrlTest, Table) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"https://www.ft.com/content/x", "ft.com"},
      {"HTTP://WWW.Reuters.COM", "reuters.com"},
      {"https://user:pw@news.example.org:8443/a?b#c", "news.example.org"},
      {"//cdn.example.com/x", "cdn.example.com"},
      {"www.bbc.co.uk/news", "bbc.co.uk"},
      {"bbc.co.uk", "bbc.co.uk"},
      {"  https://example.com./x ", "example.com"},
      {"https://www.com/", "www.com"},
      {"https://www2.example.com/", "www2.example.com"},
      {"https://münchen.de/x", "münchen.de"},
      {"https://[2001:db8::1]:80/x", "[2001:db8::1]"},
      {"http://192.168.0.1/", "192.168.0.1"},
      {"", ""},
      {"not a url", ""},
      {"mailto:someone@example.com", ""},
      {"file:///etc/passwd", ""},
      {"https://", ""},
      {"https://exa mple.com/", ""},
      {"https://example.com:80x/", ""},
      {"https://a..b/", ""},
      {"javascript:alert(1)", ""},
      {"v1.2", ""},
      {"3.14", ""},
      {"example.c", ""},
      {"example.com.", ""},
  };
  for (const auto& [url, host] : cases) EXPECT_EQ(HostOfUrl(url), host) << url;
}

TEST(FinishArticleTest, FillsEverythingMissing) {
  Article a;
  a.text = "Caf\x65\xCC\x81 \xFF text\r\n";
  a.url = "https://www.example.com/a";
  a.origin = "in:1";
  a.title = "  A \n title ";
  std::vector<std::string> warnings;
  FinishArticle(&a, "fallback", &warnings);
  EXPECT_EQ(a.text, "Caf\xC3\xA9 \xEF\xBF\xBD text\n");
  EXPECT_EQ(a.title, "A title");
  EXPECT_EQ(a.source, "example.com");
  EXPECT_EQ(a.id, ContentId(a));
  EXPECT_GT(a.word_count, 0u);
  EXPECT_EQ(a.extra_json, "{}");
  EXPECT_THAT(warnings, ElementsAre("in:1: replaced 1 invalid UTF-8 sequence with U+FFFD"));
}

TEST(FinishArticleTest, SourceChainAndGivenId) {
  Article a;
  a.text = "x";
  a.id = "given";
  a.source = "Given Source";
  FinishArticle(&a, "fallback");
  EXPECT_EQ(a.id, "given");
  EXPECT_EQ(a.source, "Given Source");
  Article b;
  b.text = "x";
  FinishArticle(&b, "fallback");
  EXPECT_EQ(b.source, "fallback");
  Article c;
  c.text = "x";
  FinishArticle(&c, "");
  EXPECT_EQ(c.source, "unknown");
}

TEST(FinishArticleTest, SameContentSameIdAfterNormalisation) {
  Article a, b;
  a.text = "Cafe\xCC\x81\r\n";
  b.text = "Caf\xC3\xA9\n";
  FinishArticle(&a, "s");
  FinishArticle(&b, "s");
  EXPECT_EQ(a.id, b.id);
}

TEST(LexicalParentNameTest, Paths) {
  using ingest_internal::LexicalParentName;
  EXPECT_EQ(LexicalParentName("examples/corpus/daily-planet/a.txt"), "daily-planet");
  EXPECT_EQ(LexicalParentName("daily-planet/a.txt"), "daily-planet");
  EXPECT_EQ(LexicalParentName("/abs//daily-planet//a.txt"), "daily-planet");
  EXPECT_EQ(LexicalParentName("a.txt"), "");
  EXPECT_EQ(LexicalParentName("/a.txt"), "");
  EXPECT_EQ(LexicalParentName("./a.txt"), "");
  EXPECT_EQ(LexicalParentName("../a.txt"), "");
  EXPECT_EQ(LexicalParentName("-"), "");
}

TEST(FormatBytesTest, Thousands) {
  using ingest_internal::FormatBytes;
  EXPECT_EQ(FormatBytes(0), "0 bytes");
  EXPECT_EQ(FormatBytes(1), "1 byte");
  EXPECT_EQ(FormatBytes(999), "999 bytes");
  EXPECT_EQ(FormatBytes(1000), "1,000 bytes");
  EXPECT_EQ(FormatBytes(67108864), "67,108,864 bytes");
}

}  // namespace
}  // namespace witness
