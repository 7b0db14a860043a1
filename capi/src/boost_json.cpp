// Boost.JSON, compiled into libform4_c itself through its documented
// header-only mode (boost/json/src.hpp, in exactly one source file). The
// library then needs no libboost_json at run time, and this copy is built
// position-independent and hidden like the rest of the library: the static
// archive Debian ships is not PIC, and links into a shared library only by
// luck (it fails once libstdc++ is shared, e.g. under sanitizers).
#include <boost/json/src.hpp>
