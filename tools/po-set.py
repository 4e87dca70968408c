#!/usr/bin/env python3
# po-set.py PO FILE.json — fills msgstr for the msgids in FILE.json (an object
# msgid → msgstr) and clears their fuzzy flag. For maintainers after
# tools/update-po.sh lists new strings.
import json, re, sys

def unquote(lines):
    return ''.join(json.loads(l[l.index('"'):]) for l in lines)

def quote(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'

po, table = sys.argv[1], json.load(open(sys.argv[2], encoding='utf-8'))
blocks = open(po, encoding='utf-8').read().split('\n\n')
done = set()
for i, block in enumerate(blocks):
    lines = block.split('\n')
    try:
        mi = next(k for k, l in enumerate(lines) if l.startswith('msgid '))
        si = next(k for k, l in enumerate(lines) if l.startswith('msgstr '))
    except StopIteration:
        continue
    msgid = unquote(lines[mi:si])
    if msgid not in table or msgid == '':
        continue
    head = []
    for l in lines[:mi]:
        if l.startswith('#,'):
            flags = [f.strip() for f in l[2:].split(',') if f.strip() != 'fuzzy']
            if flags:
                head.append('#, ' + ', '.join(flags))
        elif l.startswith('#|'):
            continue
        else:
            head.append(l)
    blocks[i] = '\n'.join(head + lines[mi:si] + ['msgstr ' + quote(table[msgid])])
    done.add(msgid)
open(po, 'w', encoding='utf-8').write('\n\n'.join(blocks))
missing = set(table) - done
if missing:
    sys.exit('not in %s: %s' % (po, sorted(missing)))
