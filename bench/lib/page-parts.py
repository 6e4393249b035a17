#!/usr/bin/env python3
"""Bytes per page part over every index.html of a build output: python3 bench/lib/page-parts.py OUT_DIR"""
import os, re, sys, collections
out = sys.argv[1]
parts = collections.Counter(); pages = 0
PATTERNS = {
    "json-ld itemListElement": re.compile(rb'"itemListElement":\[\{"@type":"ListItem","position":\d+,"name":[^\]]*?"url":[^\]]*\]'),
    "json-ld breadcrumb": re.compile(rb'"breadcrumb":\{.*?\]\}'),
    "json-ld (all)": re.compile(rb'<script type="application/ld\+json"[^>]*>.*?</script>', re.S),
    "meta description": re.compile(rb'<meta name="description"[^>]*>'),
    "og:title + og:description": re.compile(rb'<meta property="og:(?:title|description)"[^>]*>'),
    "other og/twitter meta": re.compile(rb'<meta (?:property="og:(?!title|description)|name="twitter:)[^>]*>'),
    "feed links": re.compile(rb'<link rel="alternate"[^>]*>'),
    "head (all)": re.compile(rb'<head>.*?</head>', re.S),
    "cards (article.dg-item)": re.compile(rb'<article class="dg-item">.*?</article>', re.S),
    "card summaries": re.compile(rb'<div class="dg-summary">.*?</div>', re.S),
    "card time/published": re.compile(rb'<time [^>]*title="Published[^>]*>.*?</time>', re.S),
    "site header+crumbs+footer": re.compile(rb'<header class="dg-head">.*?</header>|<nav class="dg-crumbs".*?</nav>|<footer.*?</footer>', re.S),
}
for root, _, files in os.walk(out):
    for f in files:
        if f != "index.html": continue
        b = open(os.path.join(root, f), "rb").read(); pages += 1
        parts["page (all)"] += len(b)
        for k, p in PATTERNS.items(): parts[k] += sum(len(m) for m in p.findall(b))
print(f"{pages} pages")
for k, v in parts.most_common():
    print(f"{k:28} {v/1e6:8.2f} MB  {v/pages:8.0f} B/page  {100*v/parts['page (all)']:5.1f}%")
