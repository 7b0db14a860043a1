# Benchmarks (Google Benchmark), built when the library and pugixml (the DOM
# baseline) are found. Not a test: run scripts/bench.sh for the figures.
find_package(benchmark QUIET)
find_package(pugixml QUIET)
if(benchmark_FOUND AND pugixml_FOUND)
  add_executable(form4_bench ${CMAKE_CURRENT_SOURCE_DIR}/bench/bench_parse.cpp)
  target_link_libraries(form4_bench PRIVATE form4::form4 benchmark::benchmark pugixml::pugixml)
  target_include_directories(form4_bench PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  target_compile_definitions(form4_bench PRIVATE FORM4_SHARED_DIR="${FORM4_SHARED_DIR}")
  # A smoke run so that the benchmark cannot rot: one quick pass, no timing asserted.
  add_test(NAME bench_smoke COMMAND form4_bench --benchmark_min_time=0.01 --benchmark_filter=XmlToModel|PugixmlDom)
else()
  message(STATUS "form4: benchmarks skipped (need libbenchmark-dev and libpugixml-dev)")
endif()
