#!/usr/bin/env python3
"""Accepts the public API of one shipped project into its PublicAPI.Unshipped.txt, generated contracts included.

Usage: python3 eng/accept-public-api.py src/Antom.Contracts/Antom.Contracts.csproj net10.0 net8.0

`dotnet format analyzers --diagnostics RS0016` cannot see the types the source generator emits, so this builds the
project with a SARIF error log and takes each RS0016's exact API line (its APIName property), and drops each line
RS0017 reports as gone. Review the diff: every line is a public API change.
"""
import json, subprocess, sys, os, re
proj = sys.argv[1]; tfms = sys.argv[2:]
d = os.path.dirname(proj); p = os.path.join(d, 'PublicAPI.Unshipped.txt')
for round in range(3):
    add, bad = set(), set()
    for tfm in tfms:
        subprocess.run(['dotnet','build',proj,'-c','Release','-f',tfm,f'-p:ErrorLog=/tmp/pa-{tfm}.sarif%2Cversion=2.1'],capture_output=True)
        for x in json.load(open(f'/tmp/pa-{tfm}.sarif'))['runs'][0]['results']:
            if x['ruleId'] == 'RS0016': add.add(x['properties']['customProperties']['APIName'])
            if x['ruleId'] == 'RS0017': bad.add(re.match(r"Symbol '(.*)' is part of the declared API", x['message']['text']).group(1))
    lines = [l for l in open(p).read().splitlines() if l and l != '#nullable enable' and l not in bad]
    allnames = sorted(set(lines) | add, key=lambda s: s.lower())
    open(p, 'w').write('#nullable enable\n' + '\n'.join(allnames) + '\n')
    print(proj, 'round', round, len(add), 'added', len(bad), 'removed')
    if not add and not bad: break
