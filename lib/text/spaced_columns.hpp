#pragma once
// A header drawn in columns aligned with spaces (w3m -dump lays a page's tables
// out so): its cells in reading order, column by column, each cell given to the
// column whose numbered item label ("2. Issuer Name ...") starts at or before it.
// Cutting by the cells' places, not their count in a line, keeps a row of the
// left column (City, State, Zip) apart from the items drawn beside it; a cell
// wrapped over lines in a narrow column is read whole before the cells beside it.
#include <cstddef>
#include <vector>

#include "text/layout.hpp"

namespace form4::text {

std::vector<span> cells_by_position(const std::vector<span>& lines, std::size_t first, std::size_t last);

}  // namespace form4::text
