# The C++ package as an embedding application uses it: install, then
# find_package(form4) from another project that builds examples/cpp, and
# from one that uses the header-only form4::grammar alone.
add_test(NAME install.cpp_find_package
  COMMAND ${CMAKE_COMMAND}
          -DBUILD_DIR=${PROJECT_BINARY_DIR}
          -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/cpp_install_smoke
          -DCONSUMER_DIR=${CMAKE_CURRENT_SOURCE_DIR}/install/consumer
          -DGRAMMAR_CONSUMER_DIR=${CMAKE_CURRENT_SOURCE_DIR}/install/grammar_consumer
          -DCORPUS_DIR=${FORM4_SHARED_DIR}/corpus
          -DSOURCE=${PROJECT_SOURCE_DIR}/examples/cpp/summary.cpp
          -DSAMPLE=${FORM4_SHARED_DIR}/corpus/xml/form4/0000320193-22-000061.xml
          -DCXX_COMPILER=${CMAKE_CXX_COMPILER}
          -DGENERATOR=${CMAKE_GENERATOR}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/install/install_smoke.cmake)
set_tests_properties(install.cpp_find_package PROPERTIES LABELS install TIMEOUT 600)
