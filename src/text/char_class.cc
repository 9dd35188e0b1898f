#include "text/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace witness::text::internal {
namespace {

Cls Compute(UChar32 c) {
  switch (c) {
    case '\n':
    case '\r':
    case '\v':
    case '\f':
    case 0x85:
    case 0x2028:
      return Cls::kLineBreak;
    case 0x2029:
      return Cls::kParaBreak;
    case 0x200B:
    case 0xFEFF:
      return Cls::kSpace;
    case '.':
      return Cls::kPeriod;
    case '!':
    case '?':
    case 0x2026:
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:
    case 0xFF01:
    case 0xFF1F:
    case 0x3002:
    case 0xFE56:
    case 0xFE57:
      return Cls::kTerm;
    case ',':
      return Cls::kComma;
    case '-':
    case 0x2010:
    case 0x2011:
      return Cls::kHyphen;
    case '\'':
      return Cls::kApos;
    case 0x2019:
      return Cls::kRsquo;
    case '"':
      return Cls::kDquote;
    case '%':
    case 0x066A:
    case 0x2030:
    case 0x2031:
    case 0xFE6A:
    case 0xFF05:
      return Cls::kSymbol;  // percent and per-mille signs are Po, but symbols here ("3.5" "%")
    default:
      break;
  }
  if (u_isUWhiteSpace(c)) return Cls::kSpace;
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
      return Cls::kUpper;
    case U_LOWERCASE_LETTER:
      return Cls::kLower;
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_LETTER_NUMBER: {
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(c, &status);
      if (U_SUCCESS(status) && (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA)) {
        return Cls::kIdeo;
      }
      return Cls::kLetter;
    }
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return Cls::kMark;
    case U_FORMAT_CHAR:
      return Cls::kFormat;
    case U_DECIMAL_DIGIT_NUMBER:
      return Cls::kDigit;
    case U_START_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
      return Cls::kOpen;
    case U_END_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return Cls::kClose;
    case U_CONNECTOR_PUNCTUATION:
    case U_DASH_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
      return Cls::kPunct;
    default:
      return Cls::kSymbol;
  }
}

}  // namespace

Cls ClassifyCodePoint(char32_t c) {
  if (c > 0x10FFFF) return Cls::kSymbol;
  return Compute(static_cast<UChar32>(c));
}

const Cls* BmpClassTable() {
  static const Cls* const table = [] {
    auto* t = new Cls[0x10000];  // lives for the whole program
    for (UChar32 c = 0; c < 0x10000; ++c) t[c] = Compute(c);
    for (UChar32 c = 0xD800; c < 0xE000; ++c) t[c] = Cls::kSymbol;  // never decoded
    return t;
  }();
  return table;
}

}  // namespace witness::text::internal
