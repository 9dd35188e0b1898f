// The digest and comparison hooks of the story page (story_hooks.h).
//
// TODO(lead): wire the digest and story-comparison libraries in here, and nowhere else:
//   #include "witness/digest.h"
//   nlohmann::json DigestJsonFor(const StoryContext& s) {
//     witness::StatusOr<witness::digest::Digest> d = witness::digest::BuildDigest(s.articles);
//     if (!d.ok()) return {{"error", d.status().message()}};
//     return nlohmann::json::parse(witness::digest::DigestToJson(*d), nullptr, false);
//   }
//   #include "witness/compare.h"
//   nlohmann::json ComparisonJsonFor(const StoryContext& s) {
//     return nlohmann::json::parse(
//         witness::compare::ComparisonToJson(witness::compare::CompareStory(s.articles), -1),
//         nullptr, false);
//   }
// Both run once per story and store change: the server caches the whole story response and
// recomputes it only when the story's members or their relations change. A parse failure
// (discarded value) is sent as null.
#include "server/story_hooks.h"

namespace witness::server {

nlohmann::json DigestJsonFor(const StoryContext& story) { return nullptr; }

nlohmann::json ComparisonJsonFor(const StoryContext& story) { return nullptr; }

}  // namespace witness::server
