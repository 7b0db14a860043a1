# cmake -DBUILD_DIR=... -DWORK_DIR=... -DCONSUMER_DIR=... -DSAMPLE=... -DC_COMPILER=... -DGENERATOR=...
#       [-DPYTHON=...] -P install_smoke.cmake
# Installs libform4_c (component form4_c) into a fresh prefix, then builds
# the C program in CONSUMER_DIR against that prefix only: once with CMake's
# find_package(form4_c) and once with pkg-config, and runs both on SAMPLE.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

include(${CMAKE_CURRENT_LIST_DIR}/../support/run_step.cmake)

run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --component form4_c)
file(GLOB_RECURSE installed RELATIVE ${prefix} ${prefix}/*)
message(STATUS "installed:\n  ${installed}")
foreach(expected "include/form4/form4.h" "include/form4/activity.h" "include/form4/columns.h"
                 "include/form4/lint.h" "include/form4/pickle.h" "form4_cConfig.cmake" "form4.pc" "libform4_c.so.1")
  string(FIND "${installed}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the install has no ${expected}")
  endif()
endforeach()

# 1. CMake package.
run("configure the consumer" ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${WORK_DIR}/cmake-build -G "${GENERATOR}"
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_BUILD_TYPE=Release)
run("build the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/cmake-build)
find_program(consumer NAMES form4_consumer PATHS ${WORK_DIR}/cmake-build NO_DEFAULT_PATH REQUIRED)
run("run the consumer" ${consumer} ${SAMPLE})
if(NOT last_output MATCHES "issuer: Apple Inc\\.")
  message(FATAL_ERROR "unexpected consumer output:\n${last_output}")
endif()
message(STATUS "find_package consumer:\n${last_output}")

# 2. pkg-config, with nothing but the compiler and the .pc file.
find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  file(GLOB_RECURSE pc_files ${prefix}/*/form4.pc)
  list(GET pc_files 0 pc_file)
  get_filename_component(pc_dir ${pc_file} DIRECTORY)
  run("pkg-config" ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${pc_dir} ${PKG_CONFIG} --cflags --libs form4)
  string(STRIP "${last_output}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run("pkg-config libdir" ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${pc_dir} ${PKG_CONFIG} --variable=libdir form4)
  string(STRIP "${last_output}" libdir)
  run("compile with pkg-config flags" ${C_COMPILER} -std=c99 -Wall -Wextra -Werror ${CONSUMER_DIR}/consumer.c
      ${flags} -Wl,-rpath,${libdir} -o ${WORK_DIR}/pkg_config_consumer)
  run("run the pkg-config consumer" ${WORK_DIR}/pkg_config_consumer ${SAMPLE})
  if(NOT last_output MATCHES "issuer: Apple Inc\\.")
    message(FATAL_ERROR "unexpected pkg-config consumer output:\n${last_output}")
  endif()
  message(STATUS "pkg-config consumer: ok (${flags})")
else()
  message(STATUS "pkg-config not found: that half of the check is skipped")
endif()

# 3. The installed Python package.
if(PYTHON)
  run("install the Python package" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --component form4_python)
  file(GLOB_RECURSE init_files ${prefix}/*/form4/__init__.py)
  list(GET init_files 0 init_file)
  get_filename_component(package_dir ${init_file} DIRECTORY)
  get_filename_component(python_path ${package_dir} DIRECTORY)
  run("import the installed package" ${CMAKE_COMMAND} -E env --unset=FORM4_LIBRARY PYTHONPATH=${python_path}
      PYTHONDONTWRITEBYTECODE=1 ${PYTHON} -c
      "import form4, sys\nprint(form4.library_path)\nprint('issuer: ' + form4.parse(sys.argv[1]).issuer.name)"
      ${SAMPLE})
  if(NOT last_output MATCHES "^${prefix}/[^\n]*libform4_c\\.so\\.1\nissuer: Apple Inc\\.")
    message(FATAL_ERROR "the installed Python package did not use the installed library:\n${last_output}")
  endif()
  message(STATUS "installed Python package: ok")
endif()
