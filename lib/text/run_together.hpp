#pragma once
// A table row whose cells a converter ran together with single spaces (lynx -dump:
// "Common Stock 11/16/2019   J^(1)   676,789 D $ 0 4,060,734 I By Sequoia ^(2)"),
// cut into cells by what each word is: a date, an amount, a "$" price, a one-letter
// code, a footnote mark ("^(1)", "(1)"), or text. Which column each cell fills is
// left to match_collapsed (table_layout.hpp).
#include <vector>

#include "text/layout.hpp"

namespace form4::text {

struct run_together_cells {
    std::vector<span> cells;
    // A one-letter word or a number stood between words of text and was kept in the
    // text ("Class A Common Stock", "Venture 2010 Fund").
    bool ambiguous_letter = false;
};

// The row's cells: the title (the words before the first date, amount or "$"),
// then each value on its own, marks joined to the value before them, runs of text
// words (and the one-letter words between them) as one cell.
run_together_cells cut_run_together(span line);

// Whether the cell ends in a footnote mark standing apart from the value before it
// ("Stock ^(2)", not "J^(1)"): such a mark may have been a cell of its own.
bool ends_in_spaced_mark(span cell);

}  // namespace form4::text
