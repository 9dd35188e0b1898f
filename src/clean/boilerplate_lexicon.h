// The keyword tables behind the boilerplate rules. Data only: every entry is lower case ASCII
// (the rules match against a lower-cased, quote-unified form of each block), and each table is
// small and generic (words and phrases sites use everywhere, not one site's sentences).
#ifndef WITNESS_SRC_CLEAN_BOILERPLATE_LEXICON_H_
#define WITNESS_SRC_CLEAN_BOILERPLATE_LEXICON_H_

#include <span>
#include <string_view>

namespace witness::clean::lexicon {

using List = std::span<const std::string_view>;

// Verbs that open a call to action when they start a block ("Subscribe ...", "Join ...").
List CtaVerbs();
// What an outlet runs and a call to action names ("newsletter", "channel", "app", ...).
List CtaPlatforms();
// Softer objects of a call to action ("story", "here", "below", "us").
List CtaObjects();
// Phrases that are calls to action wherever they stand in a short block.
List CtaPhrases();
// Labels that open a related-link line ("also read", "related", "read more", "see also").
List RelatedLabels();
// Suffixes a body paragraph may end with that link elsewhere ("read more").
List LinkSuffixes();
// Markers of copyright, standards and licensing lines.
List CopyrightPhrases();
// Whole-line media placeholders ("advertisement", "remote video url").
List MediaLines();
// Phrases inside a line that mark it as a media/embed placeholder.
List MediaPhrases();
// Labels that open a media line ("watch", "video", "image", "listen").
List MediaLabels();
// Labels that open a photo credit ("photo", "photograph", "image", "credit", "picture").
List CreditLabels();
// Photo agencies and picture desks, as they appear in credits ("reuters", "getty images").
List Agencies();
// Markers of a photo credit inside the tail of a caption ("via reuters", "(ap photo").
List CreditMarkers();
// Words of a share-button row ("facebook", "twitter", "email", "share").
List ShareWords();
// Openers of a staff credit ("reporting by", "editing by", "contributed to this report").
List StaffCreditPhrases();
// Words allowed in a date/time/counter line ("ago", "updated", month and weekday names...).
List TimeWords();
// Month and weekday names and their abbreviations (anchors of a date line).
List CalendarWords();
// Openers of a donation/subscription appeal ("dear reader", "a small favour").
List AppealOpeners();
// Words an appeal's paragraphs are made of ("support", "journalism", "subscription").
List AppealWords();
// Roles that sign off an appeal or letter ("editor", "team", "publisher").
List SignoffRoles();
// Labels that open a tag/section line ("tags", "topics", "filed under").
List TagLabels();

// True when `word` (lower case) is in `list`.
bool Contains(List list, std::string_view word);
// The first entry of `list` that `text` starts with at a word boundary; empty when none.
std::string_view StartsWithAny(std::string_view text, List list);
// The first entry of `list` found in `text` at word boundaries; empty when none.
std::string_view FindAny(std::string_view text, List list);

}  // namespace witness::clean::lexicon

#endif  // WITNESS_SRC_CLEAN_BOILERPLATE_LEXICON_H_
