#!/usr/bin/env python3
"""Builds watch287g's map outlines from the us-atlas 2023 TopoJSON (Census 2023, public domain).

usage: python3 tools/build-maps.py SHARED_MAPS_DIR src/main/resources/maps

Reads SHARED_MAPS_DIR/counties-albers-10m.json: the counties and states of the 50 states and DC,
already projected to Albers USA (Alaska and Hawaii as insets) in a 975 x 610 frame, as TopoJSON
(each border stored once as a delta-encoded, quantized arc; see SHARED_MAPS_DIR/SOURCES.md).

Writes us-albers.bin: every county's and state's rings, stitched from their arcs, so that the bot
reads plain outlines and never parses TopoJSON. Big-endian, gzip-compressed:
  "W287MAP" (7 bytes), version (1 byte, = 1), units per frame pixel (int, = 32)
  then twice (counties, then states):
    count (int); per shape: id (UTF: short length + bytes), name (UTF),
    rings (short); per ring: points (int), then the first point (short x, short y),
    then each next point as a delta from the previous one (short dx, short dy)
Coordinates are in 1/32 of a pixel of the 975 x 610 frame (so they fit in shorts); the y axis
points down, as on screen. Shapes are sorted by id, so the output is reproducible.
The output is committed; the build never runs this script.
"""
import gzip, io, json, os, struct, sys

src, out = sys.argv[1], sys.argv[2]
UNITS = 32

with open(os.path.join(src, 'counties-albers-10m.json'), encoding='utf-8') as f:
    topo = json.load(f)
(sx, sy), (tx, ty) = topo['transform']['scale'], topo['transform']['translate']

arcs = []
for arc in topo['arcs']:
    x = y = 0
    pts = []
    for dx, dy in arc:
        x += dx
        y += dy
        pts.append((round((x * sx + tx) * UNITS), round((y * sy + ty) * UNITS)))
    arcs.append(pts)

def ring(indexes):
    pts = []
    for i in indexes:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    # drop points that repeat the previous one after rounding
    clean = [pts[0]]
    for p in pts[1:]:
        if p != clean[-1]:
            clean.append(p)
    return clean

def rings(geometry):
    kind = geometry.get('type')
    if kind == 'Polygon':
        return [ring(r) for r in geometry['arcs']]
    if kind == 'MultiPolygon':
        return [ring(r) for polygon in geometry['arcs'] for r in polygon]
    return []

def utf(buf, text):
    data = text.encode('utf-8')
    buf.write(struct.pack('>H', len(data)))
    buf.write(data)

def shapes(buf, name):
    geometries = sorted(topo['objects'][name]['geometries'], key=lambda g: g['id'])
    buf.write(struct.pack('>i', len(geometries)))
    points = 0
    for g in geometries:
        utf(buf, g['id'])
        utf(buf, g.get('properties', {}).get('name', ''))
        rs = [r for r in rings(g) if len(r) >= 3]
        buf.write(struct.pack('>h', len(rs)))
        for r in rs:
            buf.write(struct.pack('>i', len(r)))
            px, py = r[0]
            buf.write(struct.pack('>hh', px, py))
            for x, y in r[1:]:
                buf.write(struct.pack('>hh', x - px, y - py))
                px, py = x, y
            points += len(r)
    return len(geometries), points

buf = io.BytesIO()
buf.write(b'W287MAP' + bytes([1]) + struct.pack('>i', UNITS))
counties = shapes(buf, 'counties')
states = shapes(buf, 'states')
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, 'us-albers.bin'), 'wb') as f:
    # mtime=0: the same input gives the same bytes
    f.write(gzip.compress(buf.getvalue(), compresslevel=9, mtime=0))
print('counties %d (%d points), states %d (%d points)' % (counties + states))
