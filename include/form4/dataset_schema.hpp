#pragma once
// The SEC data-set tables (dataset.hpp) as typed tables (tabular.hpp): which
// columns are dates, exact numbers, flags and row numbers, and their keys.
//
// Keys. SUBMISSION is keyed by ACCESSION_NUMBER; every other table by
// ACCESSION_NUMBER and the row's number within its filing, which a re-read of
// the filing gives again (the TSV's *_SK count rows across one run, so they
// change with the inputs and cannot key rows kept across runs). The four
// tables with a *_SK column use it for that number, as the SEC keys them.
// REPORTINGOWNER, FOOTNOTES and OWNER_SIGNATURE have none: the SEC keys them
// by RPTOWNERCIK, FOOTNOTE_ID and OWNERSIGNATURENAME, which a real filing can
// leave out (a paper filing has no CIK) or repeat (one attorney-in-fact signing
// for two owners in the same words), so stored_schema adds ROW_NUMBER to them.
#include "form4/dataset.hpp"
#include "form4/tabular.hpp"

namespace form4::dataset {

// The columns of `columns(t)`, typed; primary key ACCESSION_NUMBER (and the
// *_SK where there is one); the child tables' foreign key to SUBMISSION.
const tabular::schema& schema(table t);
// schema(t) as a database keeps it: REPORTINGOWNER, FOOTNOTES and
// OWNER_SIGNATURE end with ROW_NUMBER and are keyed by it; indexes on the
// issuer's CIK, the owner's CIK and transaction dates.
const tabular::schema& stored_schema(table t);

// The data-set tables as typed columns: one tabular::table of schema(t) per
// table, filled straight from the model by `append` (the same reading of a
// document as the text rows, with no text on the way: dates as day numbers,
// numbers as exact decimals without trailing zeros, as the text cells read
// back would be).
class typed_tables {
public:
    typed_tables();
    tabular::table& operator[](table t) { return tables_[static_cast<std::size_t>(t)]; }
    const tabular::table& operator[](table t) const { return tables_[static_cast<std::size_t>(t)]; }

private:
    std::vector<tabular::table> tables_;
};

void append(typed_tables& out, const document& doc, std::string_view accession_fallback, const options& opts,
            key_counters& keys);

}  // namespace form4::dataset
