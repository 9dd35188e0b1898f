// witness/clean.h: removing the site's boilerplate from a plain-text article.
//
// Real news text arrives wrapped in its site: paywall prompts, "Join our Telegram channel",
// donation appeals, photo captions and credits, "ALSO READ" links, copyright lines, bylines,
// "1 week ago" counters. Left in, they poison later stages (a related-link headline would become
// a claim of the article). CleanText() splits a text into blocks (paragraphs, or lines where a
// paragraph is made of separate lines), decides for each whether it is body or boilerplate, and
// says why.
//
// Usage:
//   witness::clean::CleanResult r = witness::clean::CleanText(article.text, {}, nullptr,
//                                                             article.title);
//   article.text = r.text;                       // the body only
//   if (article.author.empty()) article.author = r.byline;
//   for (const auto& b : r.blocks)               // `witness show ID --why`
//     if (!b.keep) std::cout << RuleName(b.rule) << ": " << b.reason << "\n";
//
//   // Per-outlet templates: paragraphs an outlet repeats in many articles.
//   witness::clean::SourceTemplate tmpl;
//   for (const auto& a : articles_of_one_source) tmpl.AddArticle(a.text);
//   auto r2 = witness::clean::CleanText(text, {}, &tmpl);
//   std::string blob = tmpl.Serialize();          // store it; Deserialize(blob) restores it
//
// Rules:
//   - CleanText never fails and never throws; any bytes are accepted (invalid UTF-8 is carried
//     through unchanged; give it Normalize()d text for spans other stages can use).
//   - Every non-blank line of the input is covered by exactly one Block, in input order, with
//     no overlap. A block is a paragraph (blank-line separated) when its lines are a hard-wrapped
//     run of prose, else one line. A body line that ends in a link suffix ("... ongoing. read
//     more") is split into two blocks: the body (kept) and the suffix (removed).
//   - Every removed block carries its rule and a one-line reason naming the evidence
//     ("ends with photo credit 'PHOTO: AFP'"). Kept blocks have rule kNone and no reason.
//   - `text` is the kept blocks: blocks of one input paragraph joined by "\n", paragraphs by
//     "\n\n". Block::out_begin gives each kept block's offset in it.
//   - Rules generalise through features (length, terminal punctuation, second-person pronouns,
//     imperative verbs, capitalisation, position in the document) and small keyword tables
//     (src/clean/boilerplate_lexicon.cc); none lists one site's sentences. They lean towards
//     keeping: a paragraph that reads as a reported sentence (quotes, a speech verb, long
//     prose) is kept unless a strong marker says otherwise.
//   - The same input, options, template and title always give the same result.
#ifndef WITNESS_CLEAN_H_
#define WITNESS_CLEAN_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "witness/status.h"

namespace witness::clean {

// Why a block was removed. The numeric values are stable (they may be stored).
enum class BoilerplateRule : uint8_t {
  kNone = 0,               // kept: body text
  kCaption = 1,            // a photo description ending in a credit ("... PHOTO: AFP")
  kCredit = 2,             // a photo/agency credit alone ("Getty Images", "Photo: Reuters")
  kCallToAction = 3,       // subscribe, sign up, join our channel, read more, click here ...
  kRelatedLink = 4,        // "ALSO READ: ...", "Related:", "READ MORE: ...", a trailing "read more"
  kCopyright = 5,          // copyright, "All rights reserved", standards and trust-principle lines
  kByline = 6,             // "By Jane Doe" (kept in CleanResult::byline)
  kStaffCredit = 7,        // "Reporting by ...; editing by ..." (kept in CleanResult::credits)
  kTimestamp = 8,          // "1 week ago 25", "Updated 3 hours ago", "5 min read", a date line
  kRepeatedTitle = 9,      // the title again, or the same short line twice
  kDuplicate = 10,         // a longer paragraph repeated verbatim earlier in the text
  kMediaPlaceholder = 11,  // "Remote video URL", "Advertisement", "Watch: ...", "Image: ..."
  kBreadcrumb = 12,        // section trails and tags: "Russia | Vladimir Putin", "Home > World"
  kAppeal = 13,          // a donation/subscription appeal block ("Dear Reader, ... Digital Editor")
  kShareWidget = 14,     // share buttons: "Facebook Twitter Email", "Share this article"
  kSeparator = 15,       // decoration without words: "___", "* * *"
  kSourceTemplate = 16,  // a paragraph this outlet repeats across its articles (SourceTemplate)
};
inline constexpr int kBoilerplateRuleCount = 17;

// "caption", "call_to_action", ...: stable snake_case names (for storage and the CLI).
const char* RuleName(BoilerplateRule rule);
// One line saying what the rule removes.
const char* RuleDescription(BoilerplateRule rule);
// The inverse of RuleName(); nullopt for an unknown name.
std::optional<BoilerplateRule> RuleFromName(std::string_view name);

struct Block {
  uint32_t begin = 0;  // byte offset into the input, inclusive (trimmed of surrounding spaces)
  uint32_t end = 0;    // byte offset, exclusive
  bool keep = true;
  BoilerplateRule rule = BoilerplateRule::kNone;
  std::string reason;  // why it was removed; empty when kept
  // Offset of this block's text in CleanResult::text when kept; kNotInOutput when removed.
  uint32_t out_begin = kNotInOutput;
  static constexpr uint32_t kNotInOutput = UINT32_MAX;
  std::string_view in(std::string_view input) const { return input.substr(begin, end - begin); }
};

struct CleanOptions {
  // Rules to leave off (their blocks are kept). Bit i is BoilerplateRule(i): use Disable().
  uint32_t disabled_rules = 0;
  CleanOptions& Disable(BoilerplateRule r) {
    disabled_rules |= 1u << static_cast<unsigned>(r);
    return *this;
  }
  bool Enabled(BoilerplateRule r) const {
    return (disabled_rules & (1u << static_cast<unsigned>(r))) == 0;
  }
  // An appeal ("Dear Reader," ...) is taken as the start of an appeal block only in the last
  // part of the text: at or after this fraction of its blocks. Default 0.5. A strong appeal
  // paragraph (support + subscribe/donate + journalism, addressed to "you") is removed anywhere.
  double appeal_start_fraction = 0.5;
  // Blocks longer than this many words are never boilerplate by feature rules (only by an exact
  // title/duplicate/template match or inside an appeal block). Default 120.
  uint32_t max_boilerplate_words = 120;
};

struct CleanResult {
  std::string text;                  // the kept blocks (see Rules)
  std::vector<Block> blocks;         // every block of the input, in order
  std::string byline;                // "Jane Doe" from "By Jane Doe, Reuters"; "" when none
  std::vector<std::string> credits;  // staff credit lines as written ("Reporting by ...")
  uint32_t removed_blocks() const;
};

class SourceTemplate;

// Cleans one article. `tmpl` (may be null) is the article's outlet's template; `title` (may be
// empty) its headline, so a repeated title line is recognised.
CleanResult CleanText(std::string_view text, const CleanOptions& options = {},
                      const SourceTemplate* tmpl = nullptr, std::string_view title = "");

// ---- Per-source templates ----------------------------------------------------------------
//
// An outlet repeats some paragraphs in article after article: its newsletter prompt, footer,
// disclaimer, "Listen to this story". A SourceTemplate learns them from the outlet's articles:
//   - Each block (as CleanText splits it) is normalised (casefolded, every digit -> '0',
//     whitespace runs -> one space, trimmed) and hashed (XXH3-64). Blocks with fewer than
//     `min_chars` characters after normalisation are ignored ("Yes.", "Watch:").
//   - A hash is counted at most once per article.
//   - A paragraph is template boilerplate when it was seen in at least `min_articles` articles
//     (default 3) AND in at least `min_fraction` (default 0.3) of the articles added since it
//     first appeared, that span being counted as at least min(articles so far, `min_span`)
//     (default 20). So a footer present from the start is found after 3 articles; one the site
//     added late is found a few articles after it appears; a background paragraph an outlet
//     reuses in 3 follow-up stories out of 100 is not.
//   - Memory is bounded: when more than `max_entries` hashes are held, hashes seen in only one
//     article and not within the last `recent_articles` articles are dropped (a paragraph that
//     recurs in 30% of articles is always recent). Then, if still over, the least-seen go.
class SourceTemplate {
 public:
  struct Options {
    uint32_t min_articles = 3;
    double min_fraction = 0.3;
    uint32_t min_span = 20;
    uint32_t min_chars = 12;
    uint32_t max_entries = 200000;
    uint32_t recent_articles = 500;
  };
  SourceTemplate();
  explicit SourceTemplate(const Options& options);
  ~SourceTemplate();
  SourceTemplate(const SourceTemplate&);
  SourceTemplate& operator=(const SourceTemplate&);
  SourceTemplate(SourceTemplate&&) noexcept;
  SourceTemplate& operator=(SourceTemplate&&) noexcept;

  // Adds one article of this source (its body text, before or after cleaning).
  void AddArticle(std::string_view text);
  // Adds one article given as its blocks' texts.
  void AddArticleBlocks(const std::vector<std::string_view>& blocks);

  // True when `paragraph` is this source's boilerplate (see the rules above).
  bool IsTemplate(std::string_view paragraph) const;
  // In how many articles `paragraph` (normalised) was seen; 0 when never or too short.
  uint32_t SeenIn(std::string_view paragraph) const;
  // A one-line explanation ("seen in 12 of 14 articles of this source since it first
  // appeared"); empty when not template.
  std::string Explain(std::string_view paragraph) const;

  uint32_t articles() const;  // articles added
  size_t entries() const;     // distinct hashes held
  const Options& options() const;

  // A compact binary blob (versioned, checksummed) holding the options, counts and hashes;
  // Deserialize() restores an equal template. Corruption for a damaged or foreign blob.
  std::string Serialize() const;
  static StatusOr<SourceTemplate> Deserialize(std::string_view blob);

  // The normalised form and hash used for counting (public for tests and the store).
  static std::string NormalizeParagraph(std::string_view paragraph);
  static uint64_t HashParagraph(std::string_view paragraph);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The blocks CleanText would judge, without judging them: byte spans of the input. Shared with
// SourceTemplate so both see the same units.
struct BlockSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t paragraph = 0;  // index of the blank-line separated paragraph it belongs to
};
std::vector<BlockSpan> SplitBlocks(std::string_view text);

}  // namespace witness::clean

#endif  // WITNESS_CLEAN_H_
