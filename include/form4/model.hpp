#pragma once
#include "form4/model/codes.hpp"
#include "form4/model/decimal.hpp"
#include "form4/model/diagnostic.hpp"
#include "form4/model/document.hpp"
#include "form4/model/footnoted.hpp"
