"""The expression evaluator: a rule is a string in a subset of Python's syntax.

An expression is compiled once to a tree of JSON lists that both this package and the
calculator page's script (docs/assets/count-core.js) evaluate: ["+", a, b],
["if", test, then, else], ["var", "d"], ["call", "min", a, b], numbers and booleans.
"""

from __future__ import annotations

import ast
import operator

from count_params.errors import ConfigError

BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.FloorDiv: "//", ast.Div: "/",
          ast.Mod: "%"}
COMPARE = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
           ast.GtE: ">=", ast.Is: "==", ast.IsNot: "!="}
# What the other binary operators compute ("/" is exact division, in evaluate)
OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul,
             "//": operator.floordiv, "%": operator.mod, "==": operator.eq,
             "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt,
             ">=": operator.ge}
FUNCTIONS = ("min", "max", "startswith", "moe_layers", "more_bits", "count", "len",
             "layers_among", "scale", "count_in", "at")


def compile_expr(text: str) -> object:
    """'L * (d + 1)' -> ['*', ['var', 'L'], ['+', ['var', 'd'], 1]]."""

    def tree(node):
        if isinstance(node, ast.Constant) and (
            node.value is None or isinstance(node.value, (bool, int, str))
        ):
            return ["str", node.value] if isinstance(node.value, str) else node.value
        if isinstance(node, ast.Name):
            return ["var", node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in BINARY:
            return [BINARY[type(node.op)], tree(node.left), tree(node.right)]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            op = "not" if isinstance(node.op, ast.Not) else "neg"
            return [op, tree(node.operand)]
        if isinstance(node, ast.BoolOp):
            op = "and" if isinstance(node.op, ast.And) else "or"
            out = tree(node.values[0])
            for value in node.values[1:]:
                out = [op, out, tree(value)]
            return out
        if (isinstance(node, ast.Compare) and len(node.ops) == 1
                and type(node.ops[0]) in COMPARE):
            op = COMPARE[type(node.ops[0])]
            return [op, tree(node.left), tree(node.comparators[0])]
        if isinstance(node, ast.IfExp):
            return ["if", tree(node.test), tree(node.body), tree(node.orelse)]
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in FUNCTIONS and not node.keywords):
            return ["call", node.func.id, *map(tree, node.args)]
        raise SyntaxError(f"not allowed in a rule: {ast.dump(node)} in {text!r}")

    return tree(ast.parse(text, mode="eval").body)


def renamed(text: str, names: dict[str, str]) -> str:
    """A rule with some of its variables renamed: one rule for two models that read the
    same shapes under other names ('Le*d', {'d': 'Da'} -> 'Le * Da')."""

    class Rename(ast.NodeTransformer):
        def visit_Name(self, node):
            name = ast.Name(names.get(node.id, node.id), node.ctx)
            return ast.copy_location(name, node)

    return ast.unparse(Rename().visit(ast.parse(text, mode="eval")))


def _moe_layers(layers: int, step: int, skip: list) -> int:
    """Qwen's MoE layers: every step-th layer (1-based), except those listed in skip."""
    skipped = {i for i in skip if i < layers and (i + 1) % step == 0}
    return layers // step - len(skipped)


def _more_bits(layers: int) -> int:
    """Layers that llama.cpp's use_more_bits(i, n) picks (src/llama-quant.cpp)."""
    n = layers
    return sum(1 for i in range(n) if i < n // 8 or i >= 7 * n // 8
               or (i - n // 8) % 3 == 2)


def evaluate(node, env: dict, keys: dict):
    """Evaluate a compiled expression; ``keys`` maps variables to their config keys, to
    name them when a division is not exact."""
    if not isinstance(node, list):
        return node
    op = node[0]
    if op == "var":  # the commonest node: read before the arguments are sliced out
        return env[node[1]]
    args = node[1:]
    if op == "str":
        return args[0]
    if op == "list":
        return []
    if op == "if":
        return evaluate(args[1] if evaluate(args[0], env, keys) else args[2], env, keys)
    if op == "and":
        return bool(evaluate(args[0], env, keys)) and bool(evaluate(args[1], env, keys))
    if op == "or":
        return bool(evaluate(args[0], env, keys)) or bool(evaluate(args[1], env, keys))
    if op == "call":
        values = [evaluate(a, env, keys) for a in args[1:]]
        if args[0] == "startswith":
            return values[0].startswith(values[1])
        if args[0] == "moe_layers":
            return _moe_layers(*values)
        if args[0] == "more_bits":
            return _more_bits(*values)
        if args[0] == "count":  # entries of a per-layer list (or characters of a
            # pattern string) equal to a value
            want = values[1]
            return sum(1 for v in values[0] if v == want and type(v) is type(want))
        if args[0] == "count_in":  # count(), among the entries start <= i < stop
            items, want, start, stop = values
            return sum(1 for v in items[max(start, 0):max(stop, 0)]
                       if v == want and type(v) is type(want))
        if args[0] == "len":
            return len(values[0])
        if args[0] == "at":  # entry i of a list (Kimi-K2.5's merge kernel: two sizes)
            return values[0][values[1]]
        if args[0] == "scale":  # int(m * n): a width times a float factor, as the
            # config classes compute it (in floating point, then truncated)
            return int(values[0] * values[1])
        if args[0] == "layers_among":  # distinct layer numbers below n in a list
            return len({i for i in values[0] if i < values[1]})
        return {"min": min, "max": max}[args[0]](values)
    values = [evaluate(a, env, keys) for a in args]
    if op == "not":
        return not values[0]
    if op == "neg":
        return -values[0]
    a, b = values
    if op in ("/", "//", "%") and b == 0:
        raise ConfigError(f"division by zero: {_describe(args[1], keys)} is 0",
                          _key_of(args[1], keys))
    if op == "/":  # exact division: an error when the sizes do not divide
        if a % b:
            raise ConfigError(
                f"{_describe(args[0], keys)} = {a} is not divisible by "
                f"{_describe(args[1], keys)} = {b}", _key_of(args[1], keys))
        return a // b
    return OPERATORS[op](a, b)


def _key_of(node, keys: dict) -> str | None:
    return keys.get(node[1]) if isinstance(node, list) and node[0] == "var" else None


def _describe(node, keys: dict) -> str:
    key = _key_of(node, keys)
    return f"'{key}'" if key else "a size"
