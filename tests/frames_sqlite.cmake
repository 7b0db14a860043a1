# The Python package as data people use it: installed from a wheel into a
# fresh venv, pandas frames from Arrow columns, and SQLite (the form4 command
# and the C interface), each against the TSV tables on the corpus.
find_package(Python3 COMPONENTS Interpreter)
if(NOT TARGET form4_c OR NOT Python3_Interpreter_FOUND)
  return()
endif()

# Frames need pandas, which comes from Debian (python3-pandas): the first
# interpreter on PATH may be another one (a pyenv shim), and its frames tests
# would all be skipped. Use one that has pandas, and then require it.
set(FORM4_PANDAS_PYTHON ${Python3_EXECUTABLE})
set(FORM4_PANDAS_REQUIRED "")
foreach(candidate ${Python3_EXECUTABLE} /usr/bin/python3)
  execute_process(COMMAND ${candidate} -c "import pandas" RESULT_VARIABLE no_pandas OUTPUT_QUIET ERROR_QUIET)
  if(no_pandas EQUAL 0)
    set(FORM4_PANDAS_PYTHON ${candidate})
    set(FORM4_PANDAS_REQUIRED FORM4_REQUIRE_PANDAS=1)
    break()
  endif()
endforeach()

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
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/packaging/install_in_venv.py
          --library $<TARGET_FILE:form4_c>
          --package ${PROJECT_SOURCE_DIR}/capi/python
          --sample ${FORM4_SHARED_DIR}/corpus/xml/form4/0000320193-22-000061.xml)
set_tests_properties(python.install_wheel_in_venv PROPERTIES LABELS "python;install" TIMEOUT 300
                     SKIP_RETURN_CODE 77)
