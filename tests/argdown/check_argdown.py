"""Checks the JSON the Argdown CLI made of `argmap export --format argdown`
against the map it came from.

Usage: python check_argdown.py MAP.json ARGDOWN.json

Every box must be a statement; every attack and undercut a relation of its
kind; every support a support relation, except that an argument's support
of its own conclusion is its premise-conclusion structure.
"""

import json
import sys
from collections import Counter

argmap_json, argdown_json = sys.argv[1], sys.argv[2]
with open(argmap_json, encoding="utf-8") as f:
    m = json.load(f)
with open(argdown_json, encoding="utf-8") as f:
    a = json.load(f)

kinds = Counter(e["kind"] for e in m["edges"])
relations = Counter(r["relationType"] for r in a["relations"])
problems = []
if len(a["statements"]) != len(m["nodes"]):
    problems.append(f"{len(a['statements'])} statements for {len(m['nodes'])} boxes")
if relations["attack"] != kinds["attacks"]:
    problems.append(f"{relations['attack']} attacks for {kinds['attacks']}")
if relations["undercut"] != kinds["undercuts"]:
    problems.append(f"{relations['undercut']} undercuts for {kinds['undercuts']}")
if relations["support"] > kinds["supports"] or relations["support"] < kinds["supports"] - len(a["arguments"]) * 2:
    problems.append(f"{relations['support']} supports for {kinds['supports']}")
title = (a.get("frontMatter") or {}).get("title")
if title is not None and title.split() != m["title"].split():
    problems.append(f"title {title!r} for {m['title']!r}")
if problems:
    print(f"{argdown_json}: " + "; ".join(problems))
    sys.exit(1)
print(f"{argdown_json}: Argdown read {len(a['statements'])} statements, {len(a['arguments'])} arguments, {dict(relations)}")
