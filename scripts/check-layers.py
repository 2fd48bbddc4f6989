#!/usr/bin/env python3
"""The engine's layering, checked: every `crate::` path in `src/` must point down.

    scripts/check-layers.py            check; exit 1 on a cycle or an upward edge
    scripts/check-layers.py --edges    also print every module-to-module edge

A module is a top-level item of the crate (`src/NAME.rs` or `src/NAME/`). An edge A -> B
is any `crate::B` path (`use crate::B::…`, `use crate::{B, …}`, `$crate::B`, a `crate::X`
re-exported from `src/lib.rs`) in code of module A. Comments, string literals and test
code (`#[cfg(test)]` items, and the files such an item names with `mod x;`) are not read:
a test may drive the whole engine. `src/lib.rs` (the crate root) and `src/main.rs` (the
binary) sit above everything.

The declared order is LAYERS below, lowest first: a module may use only modules of a
strictly lower layer. Modules on one layer are peers and use each other not at all. A
module missing from LAYERS is an error, so a new module must be placed.
"""

import os
import re
import sys

# Lowest first. Keep in step with ARCHITECTURE.md ("Layers").
LAYERS = [
    ["span"],
    ["text", "gazetteer", "words"],
    ["finding"],
    ["article"],
    ["entities"],
    ["config", "prose"],
    ["rules", "outline"],
    ["sheets"],
    ["analysis", "settings"],
    ["workspace"],
    ["hover", "catalogue", "fix", "complete", "hints", "lens", "facts", "snippets"],
    ["cli", "lsp"],
]

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def strip(src):
    """The code of `src` without comments, string and char literals (kept as spaces so
    offsets and line numbers stay)."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif c == "r" and re.match(r'r#*"', src[i:]) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            hashes = re.match(r'r(#*)"', src[i:]).group(1)
            end = src.find('"' + hashes, i + 2 + len(hashes))
            j = n if end < 0 else end + 1 + len(hashes)
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            j += 1
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif c == "'":
            m = re.match(r"'(\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^\\'])'", src[i:])
            if m:
                out.append(" " * len(m.group(0)))
                i += len(m.group(0))
            else:  # a lifetime
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def skip_item(code, i):
    """The end of the item starting at `i`: after its `;` or its balanced `{…}`."""
    n = len(code)
    while i < n and code[i] not in ";{":
        i += 1
    if i < n and code[i] == ";":
        return i + 1
    depth = 0
    while i < n:
        if code[i] == "{":
            depth += 1
        elif code[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


CFG_TEST = re.compile(r"#\[cfg\((test|all\(test[^)]*\))\)\]")
MOD_DECL = re.compile(r"\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;")


def without_tests(code):
    """`code` with every `#[cfg(test)]` item blanked; and the names of `mod x;` test files."""
    test_mods = []
    out = code
    for m in reversed(list(CFG_TEST.finditer(code))):
        decl = MOD_DECL.match(code, m.end())
        if decl:
            test_mods.append(decl.group(1))
        end = skip_item(code, m.end())
        out = out[: m.start()] + re.sub(r"[^\n]", " ", out[m.start() : end]) + out[end:]
    return out, test_mods


def root_reexports(lib_code):
    """`pub use analysis::{analyze, …}` in lib.rs: name -> module."""
    names = {}
    for m in re.finditer(r"pub\s+use\s+(\w+)::(\{[^}]*\}|\w+)\s*;", lib_code):
        module, items = m.group(1), m.group(2)
        for item in re.findall(r"\w+", items):
            names[item] = module
    return names


def module_files():
    """(module, path, test_only) for every .rs file under src/."""
    files = []
    for dirpath, _, names in os.walk(ROOT):
        for name in sorted(names):
            if not name.endswith(".rs"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, ROOT)
            if rel in ("lib.rs", "main.rs"):
                continue
            module = rel.split(os.sep)[0]
            if module.endswith(".rs"):
                module = module[:-3]
            files.append((module, path))
    return files


def edges():
    with open(os.path.join(ROOT, "lib.rs"), encoding="utf-8") as f:
        reexports = root_reexports(strip(f.read()))
    files = module_files()
    modules = {m for m, _ in files}
    test_files = set()
    code_of = {}
    for module, path in files:
        with open(path, encoding="utf-8") as f:
            code, test_mods = without_tests(strip(f.read()))
        code_of[path] = code
        base = os.path.dirname(path)
        stem = os.path.basename(path)[:-3]
        # `mod x;` in foo/mod.rs or lib-level foo.rs is foo/x.rs; in foo/bar.rs it is foo/bar/x.rs.
        own_dir = base if stem == "mod" else os.path.join(base, stem)
        for t in test_mods:
            test_files.add(os.path.join(own_dir, t + ".rs"))
            test_files.add(os.path.join(own_dir, t, "mod.rs"))
    found = {}  # (from, to) -> first "path:line"
    for module, path in files:
        if path in test_files:
            continue
        code = code_of[path]
        for m in re.finditer(r"(?<![\w$])\$?crate::(\{|\w+)", code):
            if m.group(1) == "{":
                end = code.find("}", m.end())
                group = code[m.end() : end]
                # Only the first segment of each top-level item of the group.
                depth, items, cur = 0, [], ""
                for ch in group:
                    if ch == "{":
                        depth += 1
                    elif ch == "}":
                        depth -= 1
                    elif ch == "," and depth == 0:
                        items.append(cur)
                        cur = ""
                        continue
                    cur += ch
                items.append(cur)
                targets = [re.match(r"\s*(\w*)", it).group(1) for it in items]
            else:
                targets = [m.group(1)]
            for t in targets:
                if not t or t == "self":
                    continue
                if t not in modules:
                    t = reexports.get(t, t)
                if t not in modules:
                    continue  # a macro exported at the root (`crate::declare_rule`)
                if t != module:
                    line = code.count("\n", 0, m.start()) + 1
                    found.setdefault((module, t), f"{os.path.relpath(path, os.path.join(ROOT, '..'))}:{line}")
    return modules, found


def cycles(modules, found):
    graph = {m: sorted({b for (a, b) in found if a == m}) for m in modules}
    index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    for v in sorted(modules):
        if v not in index:
            visit(v)
    return comps


def main():
    modules, found = edges()
    layer = {m: i for i, names in enumerate(LAYERS) for m in names}
    problems = []
    for m in sorted(modules - set(layer)):
        problems.append(f"module `{m}` is not placed in LAYERS (scripts/check-layers.py)")
    for comp in cycles(modules, found):
        problems.append("import cycle among modules: " + " <-> ".join(comp))
    for (a, b), where in sorted(found.items()):
        if a in layer and b in layer and layer[b] >= layer[a]:
            how = "a peer on the same layer" if layer[b] == layer[a] else "a higher layer"
            problems.append(f"{where}: `{a}` uses `{b}`, {how}")
    if "--edges" in sys.argv:
        for (a, b), where in sorted(found.items()):
            print(f"{a} -> {b}  ({where})")
    for p in problems:
        print(f"check-layers: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"check-layers: {len(modules)} modules, {len(found)} edges, all pointing down")
    return 0


if __name__ == "__main__":
    sys.exit(main())
