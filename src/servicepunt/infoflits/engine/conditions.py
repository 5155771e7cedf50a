"""The condition language of the rules: a small, safe tree of YAML mappings, never eval'd.

    {all: [C, ...]}  {any: [C, ...]}  {not: C}
    {field: PATH, OP: VALUE}              OP in is, is_not, in, not_in, lt, lte, gt, gte,
                                          contains, contains_any, subset_of, len_gte, known
    {any_child: {FIELD: {OP: VALUE, ...}, ...}}  some child living at home passes every test
    VALUE is a literal or {param: NAME, by: PATH | [PATH, ...], times: VALUE}

Evaluation is three-valued (Kleene): True, False or None (unknown). A leaf whose field is absent
or null is unknown and names that field; `all` is False as soon as one part is False, `any` is
True as soon as one part is True. An Outcome carries the unknown fields (to ask about) and the
facts that decided it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from servicepunt.infoflits.engine.facts import Possible

# value, unknown field paths, facts ((path, value), ...)
Outcome = tuple[bool | None, tuple[str, ...], tuple[tuple[str, Any], ...]]


class ConditionError(ValueError):
    """A condition in a rule file is malformed; the message says where."""


@dataclass(frozen=True)
class Env:
    facts: Mapping[str, Any]
    params: Any  # parameters.ParamView: .get(name)


def _safe(fn: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    def op(a: Any, b: Any) -> bool:
        try:
            return bool(fn(a, b))
        except TypeError:
            return False

    return op


OPS: dict[str, Callable[[Any, Any], bool]] = {
    "is": _safe(lambda a, b: a == b),
    "is_not": _safe(lambda a, b: a != b),
    "in": _safe(lambda a, b: a in b),
    "not_in": _safe(lambda a, b: a not in b),
    "lt": _safe(lambda a, b: a < b),
    "lte": _safe(lambda a, b: a <= b),
    "gt": _safe(lambda a, b: a > b),
    "gte": _safe(lambda a, b: a >= b),
    "contains": _safe(lambda a, b: b in a),
    "contains_any": _safe(lambda a, b: bool(set(a) & set(b))),
    "subset_of": _safe(lambda a, b: bool(a) and set(a) <= set(b)),
    "len_gte": _safe(lambda a, b: len(a) >= b),
}


class Ref:
    """The right-hand side of a test: a literal or a dated parameter (optionally keyed, scaled)."""

    def __init__(self, raw: Any, where: str, known_fields: frozenset[str]) -> None:
        self.literal: Any = raw
        self.param: str | None = None
        self.by: tuple[str, ...] = ()
        self.times: Ref | None = None
        if isinstance(raw, Mapping):
            extra = set(raw) - {"param", "by", "times"}
            if "param" not in raw or extra:
                raise ConditionError(f"{where}: a value mapping needs 'param' (and optionally 'by', 'times')")
            self.param = str(raw["param"])
            by = raw.get("by") or ()
            self.by = (by,) if isinstance(by, str) else tuple(by)
            for path in self.by:
                if path not in known_fields:
                    raise ConditionError(f"{where}: unknown field '{path}' in 'by'")
            if "times" in raw:
                self.times = Ref(raw["times"], where, known_fields)

    def params_used(self) -> set[str]:
        found = {self.param} if self.param else set()
        return found | (self.times.params_used() if self.times else set())

    def resolve(self, env: Env) -> tuple[tuple[Any, ...], str | None, tuple[str, ...]]:
        """The possible values, the unknown 'by' field (if any) and the 'by' fields still open."""
        if self.param is None:
            return (self.literal,), None, ()
        options: list[Any] = [env.params.get(self.param)]
        ambiguous: tuple[str, ...] = ()
        for path in self.by:
            key = env.facts.get(path)
            if key is None:
                return (), path, ()
            if isinstance(key, Possible):
                keys, ambiguous = key.options, ambiguous + (path,)
            else:
                keys = (key,)
            options = [v.get(k) if isinstance(v, Mapping) else v for v in options for k in keys]
        if self.times is not None:
            factors, missing, more = self.times.resolve(env)
            if missing:
                return (), missing, ()
            options, ambiguous = [v * f for v in options for f in factors], ambiguous + more
        return tuple(options), None, ambiguous


class Cond:
    def evaluate(self, env: Env) -> Outcome:
        raise NotImplementedError

    def params_used(self) -> set[str]:
        raise NotImplementedError


class Leaf(Cond):
    def __init__(self, path: str, op: str, ref: Ref) -> None:
        self.path, self.op, self.ref, self.fn = path, op, ref, OPS.get(op)

    def params_used(self) -> set[str]:
        return self.ref.params_used()

    def evaluate(self, env: Env) -> Outcome:
        value = env.facts.get(self.path)
        if self.op == "known":
            return (value is not None) == bool(self.ref.literal), (), ((self.path, value),)
        if value is None:
            return None, (self.path,), ()
        rhs, missing, ambiguous = self.ref.resolve(env)
        if missing:
            return None, (missing,), ()
        lhs = value.options if isinstance(value, Possible) else (value,)
        results = {self.fn(a, b) for a in lhs for b in rhs}  # type: ignore[misc]
        if len(results) != 1:
            return None, ((self.path,) if isinstance(value, Possible) else ()) + ambiguous, ()
        shown = sorted(value.options, key=str) if isinstance(value, Possible) else value
        return results.pop(), (), ((self.path, shown),)


class Combine(Cond):
    def __init__(self, kind: str, parts: list[Cond]) -> None:
        self.kind, self.parts = kind, parts

    def params_used(self) -> set[str]:
        return set().union(*(p.params_used() for p in self.parts))

    def evaluate(self, env: Env) -> Outcome:
        decisive = self.kind == "any"  # the value that settles the combination at once
        unknown: tuple[str, ...] = ()
        facts: tuple[tuple[str, Any], ...] = ()
        open_ = False
        for part in self.parts:
            value, part_unknown, part_facts = part.evaluate(env)
            if value is decisive:
                return decisive, (), part_facts
            if value is None:
                open_ = True
                unknown += part_unknown
            else:
                facts += part_facts
        return (None, unknown, facts) if open_ else (not decisive, (), facts)


class Not(Cond):
    def __init__(self, part: Cond) -> None:
        self.part = part

    def params_used(self) -> set[str]:
        return self.part.params_used()

    def evaluate(self, env: Env) -> Outcome:
        value, unknown, facts = self.part.evaluate(env)
        return (None if value is None else not value), unknown, facts


class AnyChild(Cond):
    """Some child living at home passes every test; `children` absent is unknown, [] is False."""

    def __init__(self, tests: list[tuple[str, str, Ref]]) -> None:
        self.tests = tests

    def params_used(self) -> set[str]:
        return set().union(*(ref.params_used() for _, _, ref in self.tests))

    def evaluate(self, env: Env) -> Outcome:
        children = env.facts.get("children")
        if children is None:
            return None, ("children",), ()
        unknown: tuple[str, ...] = ()
        for index, child in enumerate(children):
            state: bool | None = True
            child_unknown: tuple[str, ...] = ()
            facts: tuple[tuple[str, Any], ...] = ()
            for name, op, ref in self.tests:
                value = child.get(name)
                if value is None:
                    state = None
                    child_unknown += (f"children.{name}",)
                    continue
                rhs = ref.resolve(env)[0]
                if not rhs or not all(OPS[op](value, r) for r in rhs):
                    state = False
                    break
                facts += ((f"children[{index}].{name}", value),)
            if state:
                return True, (), facts
            if state is None:
                unknown += child_unknown
        return (None, tuple(dict.fromkeys(unknown)), ()) if unknown else (False, (), ())


def compile_condition(node: Any, where: str, fields: frozenset[str], child_fields: frozenset[str]) -> Cond:
    """Turn a YAML condition into a Cond, or raise ConditionError naming `where`."""
    if not isinstance(node, Mapping) or not node:
        raise ConditionError(f"{where}: a condition must be a non-empty mapping, got {node!r}")
    if len(node) == 1 and next(iter(node)) in ("all", "any"):
        kind = next(iter(node))
        parts = node[kind]
        if not isinstance(parts, list) or not parts:
            raise ConditionError(f"{where}: '{kind}' needs a non-empty list")
        return Combine(
            kind, [compile_condition(p, f"{where}.{kind}[{i}]", fields, child_fields) for i, p in enumerate(parts)]
        )
    if len(node) == 1 and "not" in node:
        return Not(compile_condition(node["not"], f"{where}.not", fields, child_fields))
    if len(node) == 1 and "any_child" in node:
        tests = node["any_child"]
        if not isinstance(tests, Mapping) or not tests:
            raise ConditionError(f"{where}: 'any_child' needs a mapping of child field tests")
        compiled: list[tuple[str, str, Ref]] = []
        for name, test in tests.items():
            if name not in child_fields:
                raise ConditionError(f"{where}: unknown child field '{name}'")
            if not isinstance(test, Mapping) or not test or any(op not in OPS for op in test):
                raise ConditionError(
                    f"{where}: child test for '{name}' must be {{op: value, ...}} with ops {sorted(OPS)}"
                )
            compiled.extend((str(name), str(op), Ref(raw, where, fields)) for op, raw in test.items())
        return AnyChild(compiled)
    if "field" in node:
        path = node["field"]
        if path not in fields:
            raise ConditionError(f"{where}: unknown field '{path}'")
        ops = [k for k in node if k != "field"]
        if len(ops) != 1 or (ops[0] not in OPS and ops[0] != "known"):
            raise ConditionError(
                f"{where}: a field test needs exactly one operator of {sorted([*OPS, 'known'])}, got {ops}"
            )
        return Leaf(str(path), ops[0], Ref(node[ops[0]], where, fields))
    raise ConditionError(f"{where}: expected all/any/not/any_child/field, got keys {sorted(node)}")
