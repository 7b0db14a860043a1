#pragma once
// Cleaning what converters leave in a value: tags (<u>, <b>, <sup>, <input>...),
// HTML entities, Markdown escapes ("\$"), runs of white space.
#include <string>
#include <string_view>
#include <vector>

namespace form4::text {

// The value as text: markup removed, entities decoded, white space squeezed, trimmed.
std::string clean_text(std::string_view raw);
// The same into `out` (cleared first; `raw` must not be in it), to reuse one buffer.
void clean_text_into(std::string_view raw, std::string& out);
// The contents of every <u>...</u> in order, each cleaned ("" for an empty one).
std::vector<std::string> underlined_groups(std::string_view raw);
// Decodes &amp; &lt; &gt; &quot; &apos; &nbsp; &#N; &#xN; (unknown entities are kept).
std::string decode_entities(std::string_view raw);

}  // namespace form4::text
