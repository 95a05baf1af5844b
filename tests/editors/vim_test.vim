" The Vim integration, run by headless Neovim: the errorformat of `:compiler policylint` and the
" ALE output handler, both on real policylint output with --column-unit byte.
let s:failures = 0
function! s:Check(ok, what) abort
  echo (a:ok ? 'ok: ' : 'FAILED: ') . a:what
  if !a:ok | let s:failures += 1 | endif
endfunction

execute 'set runtimepath^=' . fnameescape($POLICYLINT_SOURCE_DIR . '/editors/vim')
execute 'edit ' . fnameescape($DRAFT)
compiler policylint
call s:Check(&l:makeprg =~# '--column-unit byte' || &makeprg =~# '--column-unit byte', 'makeprg asks for byte columns')
let s:output = systemlist($POLICYLINT . ' --column-unit byte --quiet ' . shellescape($DRAFT))
call setqflist([], ' ', {'lines': s:output, 'efm': &errorformat})
let s:qf = getqflist()
call s:Check(len(s:qf) == 1, 'one quickfix entry')
if len(s:qf) == 1
  call s:Check(s:qf[0].bufnr == bufnr('%'), 'the entry is in the draft')
  " 𠀀 and 🀄 are four bytes each: the comma starts at byte 24.
  call s:Check(s:qf[0].lnum == 1 && s:qf[0].col == 24, 'line 1, byte column 24 (got ' . s:qf[0].col . ')')
  call s:Check(s:qf[0].type ==# 'w', 'a warning')
  call cursor(s:qf[0].lnum, s:qf[0].col)
  call s:Check(getline('.')[col('.') - 1] ==# ',', 'the cursor lands on the comma')
endif

let s:items = policylint#HandleOutput(bufnr('%'), s:output)
call s:Check(len(s:items) == 1, 'ALE handler: one item')
if len(s:items) == 1
  call s:Check(s:items[0].col == 24 && s:items[0].type ==# 'W', 'ALE handler: byte column and type')
  call s:Check(s:items[0].code ==# 'punctuation/halfwidth-in-cjk', 'ALE handler: the rule id')
endif
execute s:failures ? 'cquit 1' : 'qall!'
