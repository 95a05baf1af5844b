" The executable ALE runs; override with `let g:policylint_executable = '/path/to/policylint'`.
let g:policylint_executable = get(g:, 'policylint_executable', 'policylint')
