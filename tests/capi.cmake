# Tests of the C interface (libform4_c): misuse, threads and agreement with
# the C++ API (tests/capi/test_*.cpp), the header as strict C99, the
# exported symbols, the ABI against the committed baseline, and an install
# that a C consumer builds against with find_package and with pkg-config.

set(FORM4_CAPI_TEST_DIR ${CMAKE_CURRENT_LIST_DIR}/capi)

if(NOT TARGET form4_c)
  # Built without the shared library (FORM4_BUILD_CAPI=OFF): the gtest
  # program compiles the shim in, so the C interface is still tested; the
  # checks of the shared library itself have nothing to check.
  if(TARGET form4_tests_capi)
    file(GLOB FORM4_CAPI_SHIM_SOURCES ${PROJECT_SOURCE_DIR}/capi/src/*.cpp)
    list(FILTER FORM4_CAPI_SHIM_SOURCES EXCLUDE REGEX "boost_json\\.cpp$")  # form4 links Boost::json
    target_sources(form4_tests_capi PRIVATE ${FORM4_CAPI_SHIM_SOURCES})
    target_include_directories(form4_tests_capi PRIVATE ${PROJECT_SOURCE_DIR}/capi/include)
  endif()
  return()
endif()

if(TARGET form4_tests_capi)
  target_link_libraries(form4_tests_capi PRIVATE form4::c)
endif()

# form4.h is C99: no C++, no extensions, no warnings.
add_test(NAME capi.header_is_strict_c99
  COMMAND ${CMAKE_C_COMPILER} -std=c99 -pedantic -Werror -Wall -Wextra
          -I${PROJECT_SOURCE_DIR}/capi/include -fsyntax-only ${FORM4_CAPI_TEST_DIR}/header_c99.c)
set_tests_properties(capi.header_is_strict_c99 PROPERTIES LABELS capi)

# The library exports form4_* and nothing else, has the ABI major in its
# SONAME and (with the static runtime) needs no C++ runtime or Boost.
add_test(NAME capi.exports_only_form4_symbols
  COMMAND ${CMAKE_COMMAND}
          -DLIBRARY=$<TARGET_FILE:form4_c>
          -DEXPECTED_SONAME=$<TARGET_SONAME_FILE_NAME:form4_c>
          -DSTATIC_RUNTIME=${FORM4_C_STATIC_RUNTIME}
          -P ${FORM4_CAPI_TEST_DIR}/check_exports.cmake)
set_tests_properties(capi.exports_only_form4_symbols PROPERTIES LABELS capi)

# No incompatible change against capi/abi/libform4_c.abi (additions pass).
find_program(FORM4_ABIDIFF abidiff)
if(FORM4_ABIDIFF)
  add_test(NAME capi.abi_compatible_with_baseline
    COMMAND ${CMAKE_COMMAND}
            -DABIDIFF=${FORM4_ABIDIFF}
            -DBASELINE=${PROJECT_SOURCE_DIR}/capi/abi/libform4_c.abi
            -DLIBRARY=$<TARGET_FILE:form4_c>
            -P ${FORM4_CAPI_TEST_DIR}/check_abi.cmake)
  set_tests_properties(capi.abi_compatible_with_baseline PROPERTIES LABELS capi)
else()
  message(WARNING "form4: abidiff not found (apt-get install abigail-tools); the ABI check is not run")
endif()

# cmake --install, then a C program built against the installed tree only
# (and the Python package, finding the installed library by itself).
find_package(Python3 COMPONENTS Interpreter)
add_test(NAME capi.install_and_consume
  COMMAND ${CMAKE_COMMAND}
          -DBUILD_DIR=${PROJECT_BINARY_DIR}
          -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/capi_install_smoke
          -DCONSUMER_DIR=${FORM4_CAPI_TEST_DIR}/consumer
          -DSAMPLE=${FORM4_SHARED_DIR}/corpus/xml/form4/0000320193-22-000061.xml
          -DC_COMPILER=${CMAKE_C_COMPILER}
          -DGENERATOR=${CMAKE_GENERATOR}
          -DPYTHON=${Python3_EXECUTABLE}
          -P ${FORM4_CAPI_TEST_DIR}/install_smoke.cmake)
set_tests_properties(capi.install_and_consume PROPERTIES LABELS capi TIMEOUT 300)
