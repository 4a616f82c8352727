"""Loads an AIF file written by `argmap export --format aif` with arguebuf
and checks that it finds the map's boxes and arrows.

Usage: python check_arguebuf.py MAP.json MAP.aif.json

MAP.json is the same map exported as argmap JSON. Expected counts: one atom
(I-node) per box; one scheme (RA or CA node) per arrow, except that the
premises of a linked argument share one RA; one edge into each scheme per
arrow and one edge out of each scheme.
"""

import json
import logging
import sys

import arguebuf

logging.disable(logging.WARNING)  # arguebuf skips L and YA nodes, warning for each

argmap_json, aif_path = sys.argv[1], sys.argv[2]
with open(argmap_json, encoding="utf-8") as f:
    m = json.load(f)
groups = {e["group"] for e in m["edges"] if e.get("group") is not None}
schemes = sum(1 for e in m["edges"] if e.get("group") is None) + len(groups)
expected = (len(m["nodes"]), schemes, len(m["edges"]) + schemes)

graph = arguebuf.load.file(aif_path)
found = (len(graph.atom_nodes), len(graph.scheme_nodes), len(graph.edges))
if found != expected:
    print(f"{aif_path}: arguebuf read (atoms, schemes, edges) = {found}, expected {expected}")
    sys.exit(1)
texts = sorted(n.plain_text for n in graph.atom_nodes.values())
if texts != sorted(n["text"] for n in m["nodes"]):
    print(f"{aif_path}: arguebuf read other box texts than the map has")
    sys.exit(1)
print(f"{aif_path}: arguebuf read {found[0]} atoms, {found[1]} schemes, {found[2]} edges, every text")
