#!/usr/bin/env python3
"""Turn entity fixtures (tests/fixtures/entities/*.ann) into ner-dev form (TXT + JSON) so that
scripts/ner-eval.py scores them per type:

    scripts/fixtures-to-dev.py /tmp/wire tests/fixtures/entities/wire-*.ann
    scripts/fixtures-to-dev.py /tmp/wire-tight --tight tests/fixtures/entities/wire-*.ann
    scripts/ner-eval.py --data /tmp/wire

--tight joins the paragraphs (no blank lines: one line a sentence). `other` names become
`misc` (not scored either way)."""
import sys, json, pathlib, re
out = pathlib.Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
args = sys.argv[2:]; tight = '--tight' in args; args = [a for a in args if a != '--tight']
T = {'person': 'PER', 'place': 'LOC', 'org': 'ORG'}
for p in args:
    s = open(p, encoding='utf-8').read()
    if tight: s = re.sub(r'\n\n+', '\n', s)
    text = b''; ents = []; misc = []
    rest = s
    while '[[' in rest:
        i = rest.index('[['); text += rest[:i].encode()
        j = rest.index(']]', i); inner = rest[i+2:j]
        surf, tag = inner.split('|'); k = tag.split(' ')[0]
        st = len(text); text += surf.encode()
        d = {'start': st, 'end': len(text), 'type': T.get(k, 'MISC'), 'text': surf}
        (ents if k in T else misc).append(d)
        rest = rest[j+2:]
    text += rest.encode()
    stem = pathlib.Path(p).name.split('.')[0]
    (out / f'{stem}.txt').write_bytes(text)
    (out / f'{stem}.json').write_text(json.dumps({'entities': ents, 'misc': misc}))
