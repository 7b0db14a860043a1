# For the install checks (cmake -P scripts): run(STEP COMMAND...) runs a
# command and fails the check with its output when it fails; the output is
# left in `last_output`. (No ';' inside arguments: CMake would split them.)
function(run step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${step} failed (${status}):\n${out}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()
