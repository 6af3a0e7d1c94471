"""The quantization page's numpy quantizer gives exactly the integers torch's own quantizer gives, ties and
float32 rounding corner cases included."""

from __future__ import annotations

import contextlib
import io
import runpy
import warnings

import numpy as np
import pytest
import torch

from tests.support import ROOT

QUANTIZER = ROOT / "snippets" / "quantization" / "affine_int8_numpy.py"
TORCH_DTYPE = {"qint8": torch.qint8, "quint8": torch.quint8}


@pytest.fixture(scope="module")
def quantizer() -> dict:
    """The functions defined by the page's numpy snippet (it runs as a whole program; its prints are dropped)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(QUANTIZER), run_name="quantizer_under_test")


def torch_per_tensor(x: np.ndarray, scale: float, zero_point: int, dtype: str) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantized dtypes are deprecated in torch 2.13; they still work
        q = torch.quantize_per_tensor(torch.from_numpy(x), scale, zero_point, TORCH_DTYPE[dtype])
    return q.int_repr().numpy().astype(np.int64)


def torch_per_channel(x: np.ndarray, scales: np.ndarray, zero_points: np.ndarray, axis: int, dtype: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = torch.quantize_per_channel(
            torch.from_numpy(x), torch.from_numpy(scales), torch.from_numpy(zero_points), axis, TORCH_DTYPE[dtype]
        )
    return q.int_repr().numpy().astype(np.int64)


def with_ties(rng: np.random.Generator, x: np.ndarray, scale, zero_point) -> np.ndarray:
    """Overwrite about half the entries with values whose x/scale is exactly or nearly halfway between codes."""
    x = x.copy()
    scale32 = np.broadcast_to(np.asarray(scale, dtype=np.float32), x.shape)
    zp = np.broadcast_to(np.asarray(zero_point), x.shape)
    pick = rng.random(x.shape) < 0.5
    k = rng.integers(-140, 140, size=x.shape) - zp + 0.5  # halfway points, also outside the int8 range
    halfway = (k * scale32).astype(np.float32)
    nudge = rng.integers(-1, 2, size=x.shape)  # one float32 step below, at, or above
    halfway = np.where(nudge < 0, np.nextafter(halfway, np.float32(-np.inf)), halfway)
    halfway = np.where(nudge > 0, np.nextafter(halfway, np.float32(np.inf)), halfway)
    return np.where(pick, halfway, x).astype(np.float32)


@pytest.mark.parametrize("dtype", ["qint8", "quint8"])
def test_per_tensor_matches_torch_on_200_random_tensors(quantizer, dtype):
    rng = np.random.default_rng(2026)
    lo, hi = (-128, 127) if dtype == "qint8" else (0, 255)
    for trial in range(200):
        shape = tuple(int(n) for n in rng.integers(1, 40, size=int(rng.integers(1, 4))))
        x = (rng.normal(size=shape) * rng.uniform(0.01, 20)).astype(np.float32)
        scale = float(rng.uniform(1e-3, 0.3))
        zero_point = int(rng.integers(lo, hi + 1))
        x = with_ties(rng, x, scale, zero_point)
        ours = quantizer["quantize_per_tensor"](x, scale, zero_point, dtype)
        theirs = torch_per_tensor(x, scale, zero_point, dtype)
        assert ours.shape == theirs.shape
        bad = np.flatnonzero(ours != theirs)
        assert bad.size == 0, (
            f"trial {trial}: x={x.ravel()[bad[:3]]} ours={ours.ravel()[bad[:3]]} torch={theirs.ravel()[bad[:3]]}"
        )


@pytest.mark.parametrize("dtype", ["qint8", "quint8"])
def test_per_channel_matches_torch_on_200_random_tensors(quantizer, dtype):
    rng = np.random.default_rng(7)
    lo, hi = (-128, 127) if dtype == "qint8" else (0, 255)
    for trial in range(200):
        ndim = int(rng.integers(1, 4))
        shape = tuple(int(n) for n in rng.integers(1, 12, size=ndim))
        axis = int(rng.integers(0, ndim))
        x = (rng.normal(size=shape) * rng.uniform(0.01, 20)).astype(np.float32)
        scales = rng.uniform(1e-3, 0.3, size=shape[axis])
        zero_points = rng.integers(lo, hi + 1, size=shape[axis])
        bshape = [1] * ndim
        bshape[axis] = -1
        x = with_ties(rng, x, scales.reshape(bshape), zero_points.reshape(bshape))
        ours = quantizer["quantize_per_channel"](x, scales, zero_points, axis, dtype)
        theirs = torch_per_channel(x, scales, zero_points, axis, dtype)
        assert np.array_equal(ours, theirs), f"trial {trial}: {np.flatnonzero(ours != theirs)[:5]}"


def test_documented_ties_round_half_to_even(quantizer):
    """The tie cases printed on the page: x/scale = -2.5 ... 2.5 go to the even integer in both quantizers."""
    ties = np.array([-1.25, -0.75, -0.25, 0.25, 0.75, 1.25], dtype=np.float32)
    expected = [-2, -2, 0, 0, 2, 2]
    assert quantizer["quantize_per_tensor"](ties, 0.5, 0).tolist() == expected
    assert torch_per_tensor(ties, 0.5, 0, "qint8").tolist() == expected
    ties3 = np.stack([ties, ties, ties])
    assert torch_per_channel(ties3, np.full(3, 0.5), np.zeros(3, dtype=np.int64), 0, "qint8").tolist() == [expected] * 3
    # not "round half away from zero", which would give -3, -2, -1, 1, 2, 3
    assert expected != [int(np.sign(v) * np.floor(abs(v) + 0.5)) for v in ties / np.float32(0.5)]
    # with a zero-point the tie is broken after adding it: 0.5 + 3 = 3.5 goes to 4, not to 0 + 3
    assert torch_per_tensor(np.array([0.25], np.float32), 0.5, 3, "qint8").tolist() == [4]
    assert quantizer["quantize_per_tensor"](np.array([0.25], np.float32), 0.5, 3).tolist() == [4]


# x, scale, zero_point where x * (1/scale) + zero_point is within 2**-48 of a float32 halfway point:
# computed in float64 and then rounded to float32 it lands exactly halfway and goes to 130, but torch's
# single-rounding fused multiply-add gives 129. Found by factoring the needed product into two float32s.
FMA_CASES = [
    (0.8857303261756897, 1.7714876831083006, 129),
    (0.5073109865188599, 1.0146374551766375, 129),
    (0.6858139634132385, 1.3716488565270661, 129),
]


@pytest.mark.parametrize(("x", "scale", "zero_point"), FMA_CASES)
def test_double_rounding_corner_cases(quantizer, x, scale, zero_point):
    xs = np.array([x], dtype=np.float32)
    inv = np.float32(1) / np.float32(scale)
    naive = int(np.rint(np.float32(float(xs[0]) * float(inv) + zero_point)))
    theirs = torch_per_tensor(xs, scale, zero_point, "quint8").tolist()
    assert naive == 130 and theirs == [129]
    assert quantizer["quantize_per_tensor"](xs, scale, zero_point, "quint8").tolist() == theirs


def test_fma_float32_is_exactly_rounded(quantizer):
    """Against exact rational arithmetic: fma_float32(a, b, c) is the float32 nearest to a*b + c."""
    from fractions import Fraction

    rng = np.random.default_rng(3)
    a = rng.normal(size=300).astype(np.float32)
    b = rng.uniform(1, 400, size=300).astype(np.float32)
    c = rng.integers(-128, 256, size=300).astype(np.float32)
    got = quantizer["fma_float32"](a, b, c)
    for ai, bi, ci, gi in zip(a, b, c, got, strict=True):
        exact = Fraction(float(ai)) * Fraction(float(bi)) + Fraction(float(ci))
        below = np.float32(float(exact))  # within one float32 step of the exact value
        candidates = [np.nextafter(below, np.float32(-np.inf)), below, np.nextafter(below, np.float32(np.inf))]
        errors = [abs(Fraction(float(v)) - exact) for v in candidates]
        best = min(errors)
        assert abs(Fraction(float(gi)) - exact) == best
