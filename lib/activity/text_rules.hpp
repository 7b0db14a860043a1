#pragma once
// Internal: what the activity rows read out of free text filers write.
#include <optional>
#include <string>
#include <string_view>

#include "form4/model/document.hpp"

namespace form4::activity::detail {

struct plan_mention {
    std::optional<date> adopted;   // when the text states the plan's adoption date
};

// A mention of Rule 10b5-1 in any way filers write it ("Rule 10b5-1",
// "10b5-1", "10B5-1", "10b-5-1", "10b5 1", "10b5(1)", with dashes of any
// kind), not negated ("not pursuant to a Rule 10b5-1 plan"); empty when none.
std::optional<plan_mention> find_plan_10b5_1(std::string_view text);

// The first date written "September 14, 2021", "Sept. 14, 2021", "9/14/2021",
// "9/14/21" or "2021-09-14" in `text`; empty when none.
std::optional<date> first_date_in(std::string_view text);

// The known roles an officer title names, in a fixed order, ";"-joined:
// "President and COO" -> "COO;President"; "" when it names none of them.
std::string normalize_officer_title(std::string_view title);

}  // namespace form4::activity::detail
