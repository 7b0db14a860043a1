# cmake -DBUILD_DIR=... -DWORK_DIR=... -DCONSUMER_DIR=... -DSOURCE=... -DSAMPLE=... -DCXX_COMPILER=...
#       -DGENERATOR=... -P install_smoke.cmake
# Installs the C++ library (headers, libform4.a, the form4 CMake package)
# into a fresh prefix, then builds SOURCE against that prefix only with
# find_package(form4) and runs it on SAMPLE.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

include(${CMAKE_CURRENT_LIST_DIR}/../support/run_step.cmake)

run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --component Unspecified)
file(GLOB_RECURSE installed RELATIVE ${prefix} ${prefix}/*)
foreach(expected "include/form4/form4.hpp" "include/form4/grammar/xml/ownership_document_def.hpp"
                 "cmake/form4/form4Config.cmake" "cmake/form4/form4Targets.cmake" "libform4.a")
  string(FIND "${installed}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the install has no ${expected}:\n  ${installed}")
  endif()
endforeach()

run("configure the consumer" ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${WORK_DIR}/build -G "${GENERATOR}"
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=Release
    -DSOURCE=${SOURCE})
run("build the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
find_program(consumer NAMES form4_cpp_consumer PATHS ${WORK_DIR}/build NO_DEFAULT_PATH REQUIRED)
run("run the consumer" ${consumer} ${SAMPLE})
if(NOT last_output MATCHES "issuer: Apple Inc\\. \\[AAPL\\]\n.*trade: 2022-05-04 S 9136 @ 159\\.94")
  message(FATAL_ERROR "unexpected consumer output:\n${last_output}")
endif()
message(STATUS "find_package(form4) consumer:\n${last_output}")
