#pragma once
// The XML lexical layer (header-only, no DOM), in four pieces: the scanner,
// character data and entities, tags in bytes, and the X3 element primitives.
#include "form4/grammar/xml/elements.hpp"
