" Vim compiler file for policylint: `:compiler policylint`, then `:make` lints the current file
" and fills the quickfix list. Columns are bytes, which is what Vim's %c counts.
if exists('current_compiler')
  finish
endif
let current_compiler = 'policylint'

CompilerSet makeprg=policylint\ --column-unit\ byte\ --quiet\ %:S
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tnfo:\ %m,%f:%l:%c:\ note:\ %m
