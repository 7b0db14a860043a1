// A table row read from its cells, turned into a transaction or a holding of the model.
#include "text/form_reader.hpp"

namespace form4::text::reading {

void reader::add_row(const row_fields& row, bool derivative, span line,
                     const std::vector<std::pair<column_kind, span>>& read_from) {

    auto title = footnoted_value<std::string>(row.title.text.empty() ? std::nullopt
                                                                     : std::optional(clean_text(row.title.text)),
                                              row.title.notes);
    auto date_of = [&](const ast::date_field& f) {
        footnoted<date> out;
        if (f.value) out.value = to_date(*f.value, line.begin);
        out.footnote_ids = footnote_ids(f.notes);
        return out;
    };
    auto number_of = [&](const ast::number_field& f) {
        return footnoted_value<decimal>(to_decimal(f.text, line.begin), f.notes);
    };
    auto letter_of = [&](const auto& f, auto tag) {
        using Enum = decltype(tag);
        footnoted<coded<Enum>> out;
        if (!f.letter.empty()) out.value = make_coded<Enum>(f.letter);
        out.footnote_ids = footnote_ids(f.notes);
        return out;
    };
    auto text_of = [&](const ast::text_field& f) {
        return footnoted_value<std::string>(f.text.empty() ? std::nullopt : std::optional(clean_text(f.text)),
                                            f.notes);
    };
    auto post = [&](const ast::number_field& f) {
        post_transaction_amounts amounts;
        if (is_value(f)) amounts.value_owned = number_of(f);
        else amounts.shares_owned = number_of(f);
        return amounts;
    };
    auto ownership_of = [&]() {
        ownership_nature nature;
        nature.direct_or_indirect = letter_of(row.ownership, ownership_form{});
        nature.nature = text_of(row.nature);
        return nature;
    };
    auto coding_of = [&]() {
        transaction_coding coding;
        if (!row.voluntary.letter.empty()) coding.form_type = make_coded<form_type>("5");
        coding.code = make_coded<transaction_code>(row.code.code);
        coding.equity_swap_involved = row.code.equity_swap;
        coding.footnote_ids = footnote_ids(row.code.notes);
        return coding;
    };
    bool transaction = has_content(row.date) || has_content(row.code) || has_content(row.deemed) ||
                       has_content(row.acquired_disposed) || has_content(row.acquired) || has_content(row.disposed);
    // Once the row is added: where it and each of its cells were read.
    auto mark_added = [&](std::string_view table, std::size_t rows) {
        if (options_.record_positions)
            mark_row(indexed(table, rows - 1), line, read_from, row, derivative, transaction);
    };

    if (!derivative) {
        if (transaction) {
            non_derivative_transaction t;
            t.security_title = title;
            t.transaction_date = date_of(row.date);
            t.deemed_execution_date = date_of(row.deemed);
            t.coding = coding_of();
            t.timeliness.footnote_ids = footnote_ids(row.voluntary.notes);
            t.shares = number_of(row.shares);
            t.price_per_share = number_of(row.price);
            t.acquired_disposed = letter_of(row.acquired_disposed, acquired_disposed{});
            t.post_transaction = post(row.owned);
            t.ownership = ownership_of();
            doc_.non_derivative_transactions.push_back(std::move(t));
            mark_added("non_derivative_transactions", doc_.non_derivative_transactions.size());
        } else {
            non_derivative_holding h;
            h.security_title = title;
            h.post_transaction = post(row.owned);
            h.ownership = ownership_of();
            doc_.non_derivative_holdings.push_back(std::move(h));
            mark_added("non_derivative_holdings", doc_.non_derivative_holdings.size());
        }
        return;
    }
    underlying_security underlying;
    underlying.title = text_of(row.underlying_title);
    if (is_value(row.underlying_amount)) underlying.value = number_of(row.underlying_amount);
    else underlying.shares = number_of(row.underlying_amount);
    if (transaction) {
        derivative_transaction t;
        t.security_title = title;
        t.conversion_or_exercise_price = number_of(row.exercise_price);
        t.transaction_date = date_of(row.date);
        t.deemed_execution_date = date_of(row.deemed);
        t.coding = coding_of();
        t.timeliness.footnote_ids = footnote_ids(row.voluntary.notes);
        // The amount stands in the (A) or the (D) column; "$" marks a total value.
        const ast::number_field* amount = nullptr;
        // Without tabs the two columns cannot be told apart: which it was stays unknown.
        if (has_content(row.acquired)) {
            amount = &row.acquired;
            if (!row.ambiguous_amount) t.acquired_disposed.value = make_coded<acquired_disposed>("A");
        } else if (has_content(row.disposed)) {
            amount = &row.disposed;
            if (!row.ambiguous_amount) t.acquired_disposed.value = make_coded<acquired_disposed>("D");
        } else if (has_content(row.shares)) {
            // Paper forms: one amount column and an (A)/(D) column beside it.
            amount = &row.shares;
            t.acquired_disposed = letter_of(row.acquired_disposed, acquired_disposed{});
        }
        if (amount) {
            if (is_value(*amount)) t.total_value = number_of(*amount);
            else t.shares = number_of(*amount);
        }
        t.price_per_share = number_of(row.price);
        t.exercise_date = date_of(row.exercisable);
        t.expiration_date = date_of(row.expiration);
        t.underlying = underlying;
        t.post_transaction = post(row.owned);
        t.ownership = ownership_of();
        doc_.derivative_transactions.push_back(std::move(t));
        mark_added("derivative_transactions", doc_.derivative_transactions.size());
    } else {
        derivative_holding h;
        h.security_title = title;
        h.conversion_or_exercise_price = number_of(row.exercise_price);
        h.exercise_date = date_of(row.exercisable);
        h.expiration_date = date_of(row.expiration);
        h.underlying = underlying;
        h.post_transaction = post(row.owned);
        h.ownership = ownership_of();
        doc_.derivative_holdings.push_back(std::move(h));
        mark_added("derivative_holdings", doc_.derivative_holdings.size());
    }
}

}  // namespace form4::text::reading
