// src/text/stopwords.h: the English stopword list (function words), as matching keys.
#ifndef WITNESS_SRC_TEXT_STOPWORDS_H_
#define WITNESS_SRC_TEXT_STOPWORDS_H_

#include <cstddef>
#include <string_view>

namespace witness::text::internal {

// True when `key` (a matching key: lower case, ASCII apostrophe) is an English stopword.
bool IsEnglishStopword(std::string_view key);

// The list itself, for tests and documentation.
const std::string_view* EnglishStopwords(size_t* size);

}  // namespace witness::text::internal

#endif  // WITNESS_SRC_TEXT_STOPWORDS_H_
