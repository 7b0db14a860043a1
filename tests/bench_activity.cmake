# The activity benchmark (plain C++, no timing asserted): activity rows against
# `form4 tables` on the same inputs in the same run. A smoke test keeps it building and running.
add_executable(form4_bench_activity ${CMAKE_CURRENT_SOURCE_DIR}/bench/bench_activity.cpp)
target_link_libraries(form4_bench_activity PRIVATE form4::form4 form4_warnings)
target_compile_definitions(form4_bench_activity PRIVATE FORM4_SHARED_DIR="${FORM4_SHARED_DIR}")
add_test(NAME bench_activity_smoke COMMAND form4_bench_activity --runs 1 --repeat 1)
