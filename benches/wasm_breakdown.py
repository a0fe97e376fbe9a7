"""Where the bytes of a wasm file go: code size per crate, from the name section.

Usage: python3 benches/wasm_breakdown.py target/wasm32-unknown-unknown/release/partnerlens-web.wasm
Run it on the file cargo builds (before wasm-bindgen and wasm-opt strip the names); the
shares carry over to the shipped file, whose total `make bench` prints.
"""
import re
import sys
from collections import Counter


def leb(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def sections(data):
    pos = 8
    while pos < len(data):
        kind = data[pos]
        size, pos = leb(data, pos + 1)
        yield kind, data[pos:pos + size]
        pos += size


def crate_of(name):
    # Legacy mangling (_ZN...) and demangled names both start with the crate path.
    mangled = re.match(r"_ZN(\d+)", name)
    if mangled:
        n = int(mangled.group(1))
        start = mangled.end()
        return name[start:start + n]
    plain = re.match(r"[<&\s]*([A-Za-z_][A-Za-z0-9_]*)", name)
    return plain.group(1) if plain else "?"


def main(path):
    data = open(path, "rb").read()
    imported = 0
    bodies = []
    names = {}
    for kind, body in sections(data):
        if kind == 2:  # imports: function imports shift the index space
            count, pos = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    length, pos = leb(body, pos)
                    pos += length
                desc = body[pos]
                pos += 1
                if desc == 0:
                    imported += 1
                    _, pos = leb(body, pos)
                elif desc == 1:
                    pos += 1
                    flags, pos = leb(body, pos)
                    _, pos = leb(body, pos)
                    if flags & 1:
                        _, pos = leb(body, pos)
                elif desc == 2:
                    flags, pos = leb(body, pos)
                    _, pos = leb(body, pos)
                    if flags & 1:
                        _, pos = leb(body, pos)
                else:
                    pos += 2
        elif kind == 10:
            count, pos = leb(body, 0)
            for _ in range(count):
                size, pos = leb(body, pos)
                bodies.append(size)
                pos += size
        elif kind == 0:
            length, pos = leb(body, 0)
            if body[pos:pos + length] == b"name":
                pos += length
                while pos < len(body):
                    sub = body[pos]
                    size, pos = leb(body, pos + 1)
                    if sub == 1:
                        count, p = leb(body, pos)
                        for _ in range(count):
                            index, p = leb(body, p)
                            n, p = leb(body, p)
                            names[index] = body[p:p + n].decode("utf-8", "replace")
                            p += n
                    pos += size
    per_crate = Counter()
    for i, size in enumerate(bodies):
        per_crate[crate_of(names.get(i + imported, "?"))] += size
    total = sum(bodies)
    print(f"code: {total} bytes in {len(bodies)} functions (file {len(data)} bytes)")
    for crate, size in per_crate.most_common(25):
        print(f"  {crate:<28} {size:>8}  {100 * size / total:5.1f}%")


if __name__ == "__main__":
    main(sys.argv[1])
