#pragma once
// The parts of a notice: title block, 主送, signatures, 附件说明, attachment pages, citations.
#include "policylint/structure.hpp"

namespace policylint {

class Document;

// Runs after the line roles are assigned; fills the layout fields of `s` and refines roles
// (title lines, 主送机关, continuation lines of the 附件说明).
void parse_layout(const Document& doc, Structure& s);

}  // namespace policylint
