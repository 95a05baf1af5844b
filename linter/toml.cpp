// toml++'s implementation, compiled once here (every other file sees TOML_HEADER_ONLY=0), so that
// the executables do not depend on its shared library.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
