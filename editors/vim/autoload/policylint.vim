" Parses policylint's output (--column-unit byte) into ALE's loclist items.
function! policylint#HandleOutput(buffer, lines) abort
  let l:pattern = '\v^.{-}:(\d+):(\d+): (error|warning|info): (.*) \[([a-z0-9-]+/[a-z0-9-]+)\]( \[\*\])?$'
  let l:types = {'error': 'E', 'warning': 'W', 'info': 'I'}
  let l:items = []
  for l:line in a:lines
    let l:match = matchlist(l:line, l:pattern)
    if !empty(l:match)
      call add(l:items, {'lnum': str2nr(l:match[1]), 'col': str2nr(l:match[2]),
            \ 'type': l:types[l:match[3]], 'text': l:match[4], 'code': l:match[5]})
    endif
  endfor
  return l:items
endfunction
