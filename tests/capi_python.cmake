# The Python package over libform4_c: unit tests and the whole XML corpus
# compared with the C++ side (tests/python, standard library unittest).
find_package(Python3 COMPONENTS Interpreter)
if(NOT TARGET form4_c OR NOT Python3_Interpreter_FOUND)
  return()
endif()

add_test(NAME python.form4
  COMMAND ${CMAKE_COMMAND} -E env
          FORM4_LIBRARY=$<TARGET_FILE:form4_c>
          FORM4_CORPUS_DIR=${FORM4_SHARED_DIR}/corpus
          FORM4_SOURCE_DIR=${PROJECT_SOURCE_DIR}
          PYTHONPATH=${PROJECT_SOURCE_DIR}/capi/python
          PYTHONDONTWRITEBYTECODE=1
          ${Python3_EXECUTABLE} -m unittest discover -v -s ${CMAKE_CURRENT_LIST_DIR}/python -p "test_*.py")
set_tests_properties(python.form4 PROPERTIES LABELS python TIMEOUT 600)
