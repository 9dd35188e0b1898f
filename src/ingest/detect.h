// What an input is: its format (by name, then by content), its text encoding (byte-order
// marks, UTF-16), and whether it is text at all.
#ifndef WITNESS_INGEST_DETECT_H_
#define WITNESS_INGEST_DETECT_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "witness/ingest.h"
#include "witness/status.h"

namespace witness::ingest_internal {

class PeekStream;

// How many leading bytes the content checks look at.
inline constexpr size_t kSniffBytes = 8192;

enum class Format { kPlainText, kHtml, kJson, kWarc };
std::string_view FormatName(Format f);

// The format a file name announces, looking through a compression suffix (".jsonl.gz",
// ".warc.zst"); nullopt when the name says nothing (".txt" included: plain text is the
// default, so content may still say JSON or HTML).
std::optional<Format> FormatByName(std::string_view name);

// The format the first bytes of UTF-8 text announce (a leading BOM and whitespace are
// skipped): '{' or '[' + '{' -> JSON; "<!doctype" or "<html" in any case, also after an XML
// declaration or comments -> HTML; "WARC/1." -> WARC; else plain text.
Format FormatByContent(std::string_view head);

enum class Bom { kNone, kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };
Bom SniffBom(std::string_view head);
size_t BomSize(Bom bom);

// InvalidArgument ("name: binary file (...)") when `head` (the first bytes of UTF-8 text) holds
// a NUL byte or more than `max_control_fraction` control bytes (C0 controls other than tab,
// newline, carriage return, vertical tab and form feed, and DEL).
Status CheckNotBinary(std::string_view head, std::string_view name, double max_control_fraction);

// UTF-16 to UTF-8 (no BOM expected; unpaired surrogates and a dangling odd byte become U+FFFD).
std::string Utf16ToUtf8(std::string_view bytes, bool big_endian);

// The bytes of a whole input as UTF-8: a UTF-8 BOM is removed, UTF-16 with a BOM converted;
// UTF-32 is kUnsupported. `*bom` (optional) receives what was found.
StatusOr<std::string> DecodeToUtf8(std::string bytes, std::string_view name, Bom* bom = nullptr);

// A stream of the UTF-8 text in `source`: BOM removed, UTF-16 converted on the fly; UTF-32 is
// kUnsupported. `source` is not owned.
StatusOr<std::unique_ptr<ByteStream>> OpenUtf8(PeekStream* source, std::string_view name);

// Legacy single-byte text: true when `bytes` is not UTF-8 at all (it has bytes >= 0x80 but not
// one valid multi-byte UTF-8 sequence) and every such byte is a Windows-1252 character.
bool LooksLikeWindows1252(std::string_view bytes);
std::string Windows1252ToUtf8(std::string_view bytes);

}  // namespace witness::ingest_internal

#endif  // WITNESS_INGEST_DETECT_H_
