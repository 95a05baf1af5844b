# Tests that drive policylint through real clients: the LSP protocol client, editors, pre-commit
# and the CI output validators. Each is a script; a client that is not installed skips its test
# (exit code 77) instead of failing, and scripts/setup installs them all.
# Debian's python3, which has python3-jsonschema from scripts/setup.
if(EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(POLICYLINT_TEST_CACHE ${CMAKE_BINARY_DIR}/test-cache)

function(policylint_integration_test name)
  add_test(NAME ${name} COMMAND ${ARGN})
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600
    ENVIRONMENT "POLICYLINT=$<TARGET_FILE:policylint_cli>;POLICYLINT_SOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR};POLICYLINT_TEST_CACHE=${POLICYLINT_TEST_CACHE}")
endfunction()

policylint_integration_test(lsp.protocol ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/tests/lsp/protocol_test.py
  $<TARGET_FILE:policylint_cli>)
policylint_integration_test(formats ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/tests/ci/formats_test.py
  $<TARGET_FILE:policylint_cli>)
policylint_integration_test(precommit bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/precommit/precommit_test.sh)
policylint_integration_test(editor.nvim bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/editors/nvim_test.sh)
policylint_integration_test(editor.emacs bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/editors/emacs_test.sh)
policylint_integration_test(editor.vscode bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/editors/vscode_test.sh)
policylint_integration_test(editor.vim bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/editors/vim_test.sh)
