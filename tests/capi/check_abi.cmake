# cmake -DABIDIFF=... -DBASELINE=... -DLIBRARY=... -P check_abi.cmake
# Compares libform4_c with the committed baseline (capi/abi/libform4_c.abi).
# abidiff's exit status is a bit set: 1 error, 2 usage error, 4 ABI changed,
# 8 incompatible change (a symbol removed). A changed type (a struct member,
# a parameter) only sets 4, so anything but 0 fails; added functions are
# left out of the comparison (--no-added-syms) and pass.
if(NOT EXISTS ${BASELINE})
  message(FATAL_ERROR "no ABI baseline at ${BASELINE}: build the target form4_c_abi_baseline")
endif()
execute_process(
  # No --headers-dir2 here: the baseline is written without source locations
  # (stable across edits), and abidiff would then count every type of the
  # baseline as private and hide changes to them. The baseline holds only the
  # exported interface anyway.
  COMMAND ${ABIDIFF} --exported-interfaces-only --no-added-syms ${BASELINE} ${LIBRARY}
  RESULT_VARIABLE status OUTPUT_VARIABLE report ERROR_VARIABLE report)
if(NOT status MATCHES "^[0-9]+$")
  message(FATAL_ERROR "abidiff did not run: ${status}\n${report}")
endif()
if(NOT status EQUAL 0)
  message(FATAL_ERROR "libform4_c differs from the ABI of ${BASELINE} (abidiff status ${status}):\n${report}\n"
          "A change that breaks callers needs a new FORM4_ABI_VERSION (and so SONAME). "
          "A change that keeps them working (a new, versioned options struct) still "
          "needs the baseline regenerated on purpose: build the target form4_c_abi_baseline.")
endif()
# Without debug information (a Release build) abidiff can compare only the
# symbol lists; say so rather than pass silently on less.
find_program(READELF readelf)
set(depth "types and symbols")
if(READELF)
  execute_process(COMMAND ${READELF} -S ${LIBRARY} OUTPUT_VARIABLE sections)
  if(NOT sections MATCHES "\\.debug_info")
    set(depth "symbols only: the library has no debug information (build RelWithDebInfo or Debug to compare types)")
  endif()
endif()
message(STATUS "ABI matches the baseline (functions may have been added); compared ${depth}")
