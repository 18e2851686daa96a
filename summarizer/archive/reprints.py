"""Reprints: the same article on another site, under another headline, cut short or in 繁體.

Each article gets a fingerprint: a MinHash signature over character 5-shingles of its
normalized text (width and script folded, spaces and punctuation dropped), the size of
its shingle set, and the numbers it states. Two articles are one story when the
estimated containment of the smaller shingle set in the larger reaches the threshold
and the smaller one's numbers mostly occur in the larger one (the same template with
new figures, e.g. next month's statistics release, is a different story).
Candidates are found by LSH banding over the signature, so a new article is compared
with a handful of stored ones, never with all. REPRINT_THRESHOLD was measured on a
constructed reprint set: bench/reprints.py prints precision and recall.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash

from summarizer.archive.keys import normalize

NUM_PERM = 64
ROWS = 2  # rows per LSH band: a pair with Jaccard 0.3 shares a band with p ≈ 0.95
BANDS = NUM_PERM // ROWS
SHINGLE = 5
SEED = 18
MIN_SHINGLES = 40  # shorter texts (captions, one-liners) never merge into a story
MIN_NUMBERS = 1  # a text without numbers passes the number check
REPRINT_THRESHOLD = 0.5  # measured by bench/reprints.py; see bench/README.md
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SAME_LENGTH = 0.1
_BUCKET_MASK = (1 << 63) - 1  # buckets fit a signed 64-bit column


@dataclass(frozen=True)
class Fingerprint:
    """What the archive keeps of an article's text to find its reprints."""

    shingles: int
    signature: bytes
    numbers: str


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of an article's text."""
    canonical = normalize(text)
    grams = {canonical[i : i + SHINGLE] for i in range(max(1, len(canonical) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch([g.encode("utf-8") for g in grams if g])
    signature = minhash.hashvalues.astype("<u8").tobytes()
    numbers = " ".join(_NUMBER.findall(canonical))
    return Fingerprint(shingles=len(grams), signature=signature, numbers=numbers)


def band_buckets(fp: Fingerprint) -> list[tuple[int, int]]:
    """(band, bucket) pairs: articles sharing one are candidates for the same story."""
    width = ROWS * 8
    return [
        (band, _bucket(fp.signature[band * width : (band + 1) * width])) for band in range(BANDS)
    ]


def _bucket(chunk: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big") & _BUCKET_MASK


def jaccard(a: Fingerprint, b: Fingerprint) -> float:
    """MinHash estimate of the Jaccard similarity of the two shingle sets."""
    left = np.frombuffer(a.signature, dtype="<u8")
    right = np.frombuffer(b.signature, dtype="<u8")
    return float(np.count_nonzero(left == right)) / NUM_PERM


def containment(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated share of the smaller shingle set found in the larger one."""
    j = jaccard(a, b)
    smaller = min(a.shingles, b.shingles)
    if smaller == 0:
        return 0.0
    common = j * (a.shingles + b.shingles) / (1 + j)
    return min(1.0, common / smaller)


def number_overlap(a: Fingerprint, b: Fingerprint) -> float:
    """Share of the smaller list of numbers found in the other (1.0 when too few to tell)."""
    left, right = Counter(a.numbers.split()), Counter(b.numbers.split())
    smaller = min(sum(left.values()), sum(right.values()))
    if smaller < MIN_NUMBERS:
        return 1.0
    return sum((left & right).values()) / smaller


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """How surely b is a reprint of a, in [0, 1]; 0 when either text is too short."""
    if min(a.shingles, b.shingles) < MIN_SHINGLES:
        return 0.0
    return min(containment(a, b), number_overlap(a, b))


def better_lead(shingles: int, day: date | None, lead_shingles: int, lead_day: date | None) -> bool:
    """Does an article lead its story rather than the current lead?

    The clearly longer text leads (a cut-short reprint must not hide items); between texts of
    about one length (within 10 %), the earlier one, so the story keeps the original's date.
    """
    if shingles > lead_shingles * (1 + _SAME_LENGTH):
        return True
    if shingles < lead_shingles * (1 - _SAME_LENGTH):
        return False
    return day is not None and (lead_day is None or day < lead_day)


def is_reprint(a: Fingerprint, b: Fingerprint) -> bool:
    """True when the two articles are one story."""
    return similarity(a, b) >= REPRINT_THRESHOLD
