#!/usr/bin/env python3
"""Checks examples/truth.json against examples/corpus.

Every article named exists, every article in the corpus is named, and every quoted text (title,
figure, quote variant, boilerplate line) occurs verbatim in the article it names. For a JSON Lines
record ("feeds/feed.jsonl:N") the text is looked up in the record's decoded "text" or "html" field;
for every other file, in the file's bytes as UTF-8. Exits 1 and lists the failures when any check fails.
Usage: python3 examples/check-truth.py
"""
import collections
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / 'corpus'


def load(path):
    if ':' in path:
        name, line = path.rsplit(':', 1)
        lines = (CORPUS / name).read_text(encoding='utf-8').splitlines()
        rec = json.loads(lines[int(line) - 1])
        return rec.get('text') or rec.get('html') or '', rec
    return (CORPUS / path).read_text(encoding='utf-8'), None


def main():
    truth = json.loads((HERE / 'truth.json').read_text(encoding='utf-8'))
    errors = []
    bodies = {}
    for a in truth['articles']:
        try:
            bodies[a['path']] = load(a['path'])
        except (OSError, IndexError, ValueError) as e:
            errors.append(f"{a['path']}: cannot read: {e}")
    # Completeness: every file (and every feed line) is described.
    named = set(bodies)
    for f in sorted(CORPUS.rglob('*')):
        rel = f.relative_to(CORPUS).as_posix()
        if not f.is_file() or any(part.startswith('.') for part in rel.split('/')):
            continue  # ingest skips hidden files and folders too
        if rel.endswith('.jsonl'):
            n = len(f.read_text(encoding='utf-8').splitlines())
            for i in range(1, n + 1):
                if f'{rel}:{i}' not in named:
                    errors.append(f'{rel}:{i}: not described in truth.json')
        elif rel not in named:
            errors.append(f'{rel}: not described in truth.json')

    def need(path, text, what):
        if path not in bodies:
            errors.append(f'{path}: {what} names an article that is not listed')
            return
        body, rec = bodies[path]
        if text in body or (rec is not None and text == rec.get('title')):
            return
        errors.append(f'{path}: {what} not found verbatim: {text!r}')

    for a in truth['articles']:
        if a.get('title'):
            need(a['path'], a['title'], 'title')
        for key in ('copy_of',):
            if key in a and a[key] not in bodies:
                errors.append(f"{a['path']}: {key} {a[key]} is not listed")
        for m in a.get('merged_from', []):
            if m not in bodies:
                errors.append(f"{a['path']}: merged_from {m} is not listed")
        if a['story'] not in truth['stories'] and a['story'] != 'none':
            errors.append(f"{a['path']}: unknown story {a['story']}")
    for f in truth['figures']:
        need(f['path'], f['text'], f"figure {f['fact']}")
    for q in truth['quotes']:
        for v in q['variants']:
            need(v['path'], v['text'], f"quote of {q['speaker']}")
    for b in truth['boilerplate']:
        need(b['path'], b['line'], 'boilerplate line')

    per_story = collections.Counter(a['story'] for a in truth['articles'])
    print('articles:', len(truth['articles']), dict(sorted(per_story.items())))
    print('figures:', len(truth['figures']), 'quotes:', len(truth['quotes']),
          'variants:', sum(len(q['variants']) for q in truth['quotes']),
          'boilerplate lines:', len(truth['boilerplate']))
    for e in errors:
        print('FAIL', e)
    print('OK' if not errors else f'{len(errors)} failure(s)')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
