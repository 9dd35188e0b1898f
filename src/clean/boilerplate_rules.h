// The single-block boilerplate rules. Each looks at one block's features (and where it stands)
// and either says nothing or names its rule and the evidence. CleanText (boilerplate.cc) runs
// them in order, then the rules that need context: title, duplicates, appeal blocks,
// related-link lists and source templates.
#ifndef WITNESS_SRC_CLEAN_BOILERPLATE_RULES_H_
#define WITNESS_SRC_CLEAN_BOILERPLATE_RULES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "clean/boilerplate_features.h"
#include "witness/clean.h"

namespace witness::clean {

struct Verdict {
  BoilerplateRule rule = BoilerplateRule::kNone;
  std::string reason;
  bool matched() const { return rule != BoilerplateRule::kNone; }
};

struct Position {
  size_t index = 0;  // of the block
  size_t count = 1;  // blocks in the text
  double fraction() const { return count <= 1 ? 0.0 : double(index) / double(count - 1); }
};

// Runs every single-block rule that `options` enables, in a fixed order; the first match wins.
Verdict JudgeBlock(const BlockFeatures& f, const Position& pos, const CleanOptions& options);

// The rules one by one (exposed for the unit tests).
Verdict DetectSeparator(const BlockFeatures& f);
Verdict DetectTimestamp(const BlockFeatures& f, const Position& pos);
Verdict DetectCopyright(const BlockFeatures& f);
Verdict DetectByline(const BlockFeatures& f);
Verdict DetectStaffCredit(const BlockFeatures& f);
Verdict DetectCaption(const BlockFeatures& f);
Verdict DetectMedia(const BlockFeatures& f);
Verdict DetectShare(const BlockFeatures& f);
Verdict DetectRelated(const BlockFeatures& f);
Verdict DetectBreadcrumb(const BlockFeatures& f);
Verdict DetectCallToAction(const BlockFeatures& f, const Position& pos);
Verdict DetectStrongAppeal(const BlockFeatures& f);

// A related-link label standing alone ("Related:", "More stories", "BEFORE YOU GO."): the
// headline-like blocks after it are its list.
bool IsRelatedLabelOnly(const BlockFeatures& f);
// A headline-like block (short, title case or no terminal punctuation, no quotes).
bool IsHeadlineLike(const BlockFeatures& f);

// Appeal blocks: the opener ("Dear Reader,"), the paragraphs that belong to one, a sign-off.
bool IsAppealOpener(const BlockFeatures& f);
bool IsAppealContinuation(const BlockFeatures& f);
bool IsSignoff(const BlockFeatures& f);

// The name in a byline block ("By Jane Doe, Reuters" -> "Jane Doe").
std::string BylineName(std::string_view original);

// Where a trailing link suffix ("read more") starts in `original`, when the text before it is
// a complete body sentence; npos otherwise.
size_t LinkSuffixStart(std::string_view original);

// True when every word of `f` is a date/time/counter word (used for dated title lines).
bool IsTimeWord(std::string_view lower_word);

}  // namespace witness::clean

#endif  // WITNESS_SRC_CLEAN_BOILERPLATE_RULES_H_
