#pragma once
// Umbrella header: the model and parse().
#include "form4/model.hpp"
#include "form4/parse.hpp"
