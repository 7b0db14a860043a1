#pragma once
// Rendering a document back as the familiar text form: the layout of a Form 4
// as EDGAR's HTML looks once converted to text (cells split by tabs, filled-in
// values underlined, checked boxes as <input checked .../>, footnote marks as
// ⁽¹⁾). The text front end reads it back to an equal document on every field
// the form shows (CIKs, timeliness codes and the like are not on the form).
#include <string>

#include "form4/model/document.hpp"

namespace form4 {

std::string render_text(const document& doc);

// The layout of the SEC's current stylesheets (4_X09, 5_X09, 3_X07) as text:
// a tab between cells, the Reporting Owners table, the 10b5-1 box ("[X]" or
// "[ ]") and the country line; footnote marks as ⁽¹⁾. Read back like render_text.
std::string render_current_text(const document& doc);

}  // namespace form4
