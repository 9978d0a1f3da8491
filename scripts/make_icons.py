#!/usr/bin/env python3
"""Draws the extension's icons (extension/icons/N.png) with the standard library only.

The mark: a rounded square with three lines of text, the last one folded away
into a short dashed line, which is what Dossier does to repeats.
Run: python3 scripts/make_icons.py
"""
import os, struct, zlib

SIZES = (16, 32, 48, 96, 128)
BG = (36, 70, 107)
FG = (255, 255, 255)
DIM = (150, 180, 210)


def inside_round_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def pixel(u, v):
    """Colour at (u, v) in the unit square, or None for transparent."""
    if not inside_round_rect(u, v, 0.02, 0.02, 0.98, 0.98, 0.2):
        return None
    bars = [(0.24, 0.78, 0.25), (0.24, 0.78, 0.42), (0.24, 0.62, 0.59)]
    for x0, x1, y in bars:
        if inside_round_rect(u, v, x0, y - 0.055, x1, y + 0.055, 0.05):
            return FG
    # the folded repeat: a dashed line
    y = 0.76
    for k in range(3):
        x0 = 0.24 + k * 0.19
        if inside_round_rect(u, v, x0, y - 0.04, x0 + 0.12, y + 0.04, 0.035):
            return DIM
    return BG


def render(n, ss=4):
    rows = []
    for py in range(n):
        row = bytearray([0])
        for px in range(n):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    c = pixel((px + (sx + 0.5) / ss) / n, (py + (sy + 0.5) / ss) / n)
                    if c:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            cov = acc[3] / 255
            if cov:
                row += bytes([round(acc[0] / cov), round(acc[1] / cov), round(acc[2] / cov), round(acc[3] / ss / ss)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


out = os.path.join(os.path.dirname(__file__), "..", "extension", "icons")
os.makedirs(out, exist_ok=True)
for n in SIZES:
    with open(os.path.join(out, f"{n}.png"), "wb") as f:
        f.write(render(n))
print("icons written to", os.path.normpath(out))
