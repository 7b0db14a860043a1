# The Python package as data people use it: installed from a wheel into a
# fresh venv, pandas frames from Arrow columns, and SQLite (the form4 command
# and the C interface), each against the TSV tables on the corpus.
find_package(Python3 COMPONENTS Interpreter)
if(NOT TARGET form4_c OR NOT Python3_Interpreter_FOUND)
  return()
endif()

# Frames need pandas and the wheel needs setuptools and wheel, which come from
# Debian (python3-pandas, python3-setuptools, python3-wheel): the first
# interpreter on PATH may be another one (a pyenv shim), whose tests would be
# skipped or fail for want of them. Each test takes an interpreter that has
# what it needs, and then requires it.
function(form4_python_with out_var)
  set(${out_var} ${Python3_EXECUTABLE} PARENT_SCOPE)
  string(REPLACE ";" ", " modules "${ARGN}")
  foreach(candidate ${Python3_EXECUTABLE} /usr/bin/python3)
    execute_process(COMMAND ${candidate} -c "import ${modules}" RESULT_VARIABLE missing OUTPUT_QUIET ERROR_QUIET)
    if(missing EQUAL 0)
      set(${out_var} ${candidate} PARENT_SCOPE)
      set(${out_var}_FOUND TRUE PARENT_SCOPE)
      return()
    endif()
  endforeach()
endfunction()
form4_python_with(FORM4_PANDAS_PYTHON pandas)
set(FORM4_PANDAS_REQUIRED "")
if(FORM4_PANDAS_PYTHON_FOUND)
  set(FORM4_PANDAS_REQUIRED FORM4_REQUIRE_PANDAS=1)
endif()
form4_python_with(FORM4_PACKAGING_PYTHON setuptools wheel)

set(FORM4_PYTHON_TEST_ENV
    FORM4_LIBRARY=$<TARGET_FILE:form4_c>
    FORM4_CORPUS_DIR=${FORM4_SHARED_DIR}/corpus
    PYTHONPATH=${PROJECT_SOURCE_DIR}/capi/python
    PYTHONDONTWRITEBYTECODE=1)

add_test(NAME python.frames
  COMMAND ${CMAKE_COMMAND} -E env ${FORM4_PYTHON_TEST_ENV} ${FORM4_PANDAS_REQUIRED}
          ${FORM4_PANDAS_PYTHON} -m unittest discover -v -s ${CMAKE_CURRENT_LIST_DIR}/frames -p "test_*.py")
set_tests_properties(python.frames PROPERTIES LABELS python TIMEOUT 300)

if(TARGET form4_command)
  add_test(NAME python.sqlite
    COMMAND ${CMAKE_COMMAND} -E env ${FORM4_PYTHON_TEST_ENV} FORM4_COMMAND=$<TARGET_FILE:form4_command>
            ${Python3_EXECUTABLE} -m unittest discover -v -s ${CMAKE_CURRENT_LIST_DIR}/sqlite -p "test_*.py")
  set_tests_properties(python.sqlite PROPERTIES LABELS python TIMEOUT 300)
endif()

add_test(NAME python.install_wheel_in_venv
  COMMAND ${FORM4_PACKAGING_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/packaging/install_in_venv.py
          --library $<TARGET_FILE:form4_c>
          --package ${PROJECT_SOURCE_DIR}/capi/python
          --sample ${FORM4_SHARED_DIR}/corpus/xml/form4/0000320193-22-000061.xml)
set_tests_properties(python.install_wheel_in_venv PROPERTIES LABELS "python;install" TIMEOUT 300
                     SKIP_RETURN_CODE 77)
