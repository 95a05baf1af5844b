-- Headless Neovim as a real LSP client: open a draft, receive policylint's diagnostic, ask for a
-- code action at the cursor as `vim.lsp.buf.code_action` does, apply it, and check the buffer.
-- Run: nvim --headless -u NONE -c "luafile nvim_test.lua" (POLICYLINT, POLICYLINT_SOURCE_DIR, DRAFT set)
local function fail(message)
  io.stderr:write('FAILED: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function check(condition, message)
  if not condition then
    fail(message)
  end
  io.stdout:write('ok: ' .. message .. '\n')
end

local ok, err = pcall(function()
  vim.opt.runtimepath:prepend(os.getenv('POLICYLINT_SOURCE_DIR') .. '/editors/nvim')
  vim.cmd('filetype on')
  require('policylint').setup({ cmd = { os.getenv('POLICYLINT'), 'lsp' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('DRAFT')))

  local got = vim.wait(10000, function()
    return #vim.diagnostic.get(0) > 0
  end, 50)
  check(got, 'diagnostics arrive')
  local d = vim.diagnostic.get(0)[1]
  check(d.source == 'policylint', 'source is policylint')
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  check(code == 'punctuation/halfwidth-in-cjk', 'code is the rule id')
  check(d.lnum == 0 and d.col == 23, 'the column is right after 𠀀🀄 (byte 23, got ' .. d.col .. ')')

  -- The cursor on the diagnostic, then the request vim.lsp.buf.code_action() sends.
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0), only = { 'quickfix' } }
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000)
  local action
  for _, response in pairs(responses or {}) do
    for _, a in ipairs(response.result or {}) do
      action = action or a
    end
  end
  check(action ~= nil, 'a quick fix is offered')
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local line = vim.api.nvim_buf_get_lines(0, 0, 1, false)[1]
  check(line == '𠀀🀄各有关单位，请于月底前报送。', 'the buffer is fixed: ' .. line)

  -- The server re-lints the edited buffer: the diagnostic goes away.
  local cleared = vim.wait(10000, function()
    return #vim.diagnostic.get(0) == 0
  end, 50)
  check(cleared, 'the diagnostic clears after the fix')

  -- Two more mistakes typed into the buffer, then "fix all" (source.fixAll.policylint).
  vim.api.nvim_buf_set_lines(0, 1, 1, false, { '𠀀甲乙;丙丁:戊己。' })
  local both = vim.wait(10000, function()
    return #vim.diagnostic.get(0) == 2
  end, 50)
  check(both, 'the edit is re-linted: two diagnostics')
  local fix_all_params = vim.lsp.util.make_range_params()
  fix_all_params.context = { diagnostics = {}, only = { 'source.fixAll' } }
  local fix_all
  for _, response in pairs(vim.lsp.buf_request_sync(0, 'textDocument/codeAction', fix_all_params, 10000) or {}) do
    for _, a in ipairs(response.result or {}) do
      fix_all = fix_all or a
    end
  end
  check(fix_all ~= nil and fix_all.kind == 'source.fixAll.policylint', 'fix all is offered')
  vim.lsp.util.apply_workspace_edit(fix_all.edit, 'utf-16')
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  check(lines[2] == '𠀀甲乙；丙丁：戊己。', 'fix all fixes the buffer: ' .. lines[2])
  check(lines[1] == '𠀀🀄各有关单位，请于月底前报送。', 'and leaves the first line alone')
end)
if not ok then
  fail(tostring(err))
end
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.wait(2000, function()
  return #vim.lsp.get_active_clients() == 0
end, 50)
vim.cmd('qall!')
