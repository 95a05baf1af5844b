" ALE linter: policylint reads the buffer on stdin; --stdin-filename finds the nearest policylint.toml.
call ale#linter#Define('text', {
\   'name': 'policylint',
\   'executable': {b -> ale#Var(b, 'policylint_executable')},
\   'command': '%e --column-unit byte --quiet --stdin-filename %s -',
\   'callback': 'policylint#HandleOutput',
\})
