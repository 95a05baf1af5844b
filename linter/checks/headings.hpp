#pragma once
// The heading checks of kind = "structure" (see checks/structure.hpp).
#include "policylint/check.hpp"

namespace policylint {

// Ordinals of one level out of sequence, judged against the document's own style: numbering
// that restarts under each higher heading, or runs on across them (（一）…（二十五）).
void check_heading_sequence(const Document& doc, Reporter& out);
// A level used directly under a parent two or more levels up, e.g. （1） right under 一、.
void check_heading_level_order(const Document& doc, Reporter& out);

}  // namespace policylint
