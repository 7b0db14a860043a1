# form4_bulk_memory: converts 1,000 and then 10,000 documents (the corpus
# repeated, from generated .tar.gz archives) through the bulk API, each run in
# its own process, and fails when peak RSS grows with the input count (the
# ratio, not an absolute figure, is checked). It also prints throughput and
# the speedup from 1 to 2 threads; timings never gate the test.
add_executable(form4_bulk_memory ${CMAKE_CURRENT_SOURCE_DIR}/bulk/bulk_memory.cpp)
target_link_libraries(form4_bulk_memory PRIVATE form4::form4 form4_warnings)
target_include_directories(form4_bulk_memory PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_definitions(form4_bulk_memory PRIVATE FORM4_SHARED_DIR="${FORM4_SHARED_DIR}")
add_test(NAME form4_bulk_memory
         COMMAND form4_bulk_memory --small 1000 --large 10000 --max-ratio 1.5)
set_tests_properties(form4_bulk_memory PROPERTIES LABELS bulk TIMEOUT 900)
