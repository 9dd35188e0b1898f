// `--opt name=value` for the stories bench programs: sets one StoryOptions field by name.
#ifndef WITNESS_BENCH_STORIES_OPTIONS_H_
#define WITNESS_BENCH_STORIES_OPTIONS_H_

#include <cstdlib>
#include <map>
#include <string>

#include "witness/stories.h"

namespace witness::stories {

// False for an unknown name or a malformed "name=value".
inline bool SetOption(StoryOptions* o, const std::string& kv) {
  size_t eq = kv.find('=');
  if (eq == std::string::npos) return false;
  std::string k = kv.substr(0, eq);
  double v = std::atof(kv.c_str() + eq + 1);
  std::map<std::string, double*> d = {{"join_threshold", &o->join_threshold},
                                      {"merge_threshold", &o->merge_threshold},
                                      {"name_boost", &o->name_boost},
                                      {"number_boost", &o->number_boost},
                                      {"title_boost", &o->title_boost},
                                      {"idf_prior_articles", &o->idf_prior_articles},
                                      {"idf_prior_df", &o->idf_prior_df},
                                      {"time_grace_hours", &o->time_grace_hours},
                                      {"time_decay_hours", &o->time_decay_hours},
                                      {"max_gap_days", &o->max_gap_days}};
  std::map<std::string, uint32_t*> u = {
      {"article_terms", &o->article_terms},        {"story_terms", &o->story_terms},
      {"posted_terms", &o->posted_terms},          {"query_terms", &o->query_terms},
      {"max_candidates", &o->max_candidates},      {"revisit_window", &o->revisit_window},
      {"max_postings_scan", &o->max_postings_scan}};
  if (d.count(k)) {
    *d[k] = v;
    return true;
  }
  if (u.count(k)) {
    *u[k] = static_cast<uint32_t>(v);
    return true;
  }
  if (k == "clean_text") {
    o->clean_text = v != 0;
    return true;
  }
  return false;
}

}  // namespace witness::stories

#endif  // WITNESS_BENCH_STORIES_OPTIONS_H_
