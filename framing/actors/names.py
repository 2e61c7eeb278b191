"""Name normalisation and transliteration-tolerant keys.

Transliterations of one Arabic or Russian name differ mostly in vowels and doubled
consonants: Haftar / Hifter / Hafter, Sarraj / Saraj, Fayez / Faiz, Shoigu / Shoygu,
Sergei / Sergey. :func:`skeleton` keeps the first letter and the consonants (``y`` counts
as a vowel after the first letter), collapses doubled letters and folds a few digraphs, so
all of these meet on one key ("hftr", "srj", "fz", "shg", "srg").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

__all__ = ["TITLES", "capital_of", "group_nouns", "name_key", "normalize_name", "person_parts", "skeleton", "strip_prefix",
           "titles"]

_PREFIX = re.compile(r"^(?:al|el|al|ad|as|ash|at|az|ar|an)[-‐‑’'\s]+(?=\w)", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_VOWELS = set("aeiouy")
_PARTICLES = frozenset({"al", "el"})
_DIGRAPHS = (("ph", "f"), ("kh", "k"), ("ck", "k"), ("q", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("w", "v"), ("j", "j"), ("dj", "j"), ("dzh", "j"), ("zh", "j"), ("ts", "z"), ("c", "k"), ("x", "ks"))


def _ascii(text: str) -> str:
    if text.isascii():  # most names: nothing to decompose
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def strip_prefix(word: str) -> str:
    """``"al-Sarraj"`` -> ``"Sarraj"``; other words unchanged."""
    stripped = _PREFIX.sub("", word)
    return stripped if stripped else word


@functools.lru_cache(maxsize=1 << 14)
def normalize_name(name: str) -> str:
    """Lowercase, accent-free, without a leading "the", possessive or punctuation."""
    text = _ascii(name).strip()
    text = _ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text.replace("-", " ").replace("‐", " "))
    return _SPACES.sub(" ", text).strip().lower()


def skeleton(word: str) -> str:
    """Consonant skeleton of one word: first letter kept, vowels dropped, doubles collapsed,
    and a mark when the word ends in a vowel (so "China" is not "Cohen", while "Sergei" is
    still "Sergey")."""
    w = _ascii(strip_prefix(word)).lower()
    w = "".join(c for c in w if c.isalpha())
    if not w:
        return ""
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    out = [w[0]]
    for c in w[1:]:
        if c in _VOWELS:
            continue
        if out[-1] != c:
            out.append(c)
    if len(w) > 1 and w[-1] in _VOWELS:
        out.append("~")
    return "".join(out)


#: Generational suffixes, which are not surnames: "Donald Trump Jr.", "Robert S. Mueller III".
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def person_parts(words: list[str]) -> tuple[list[str], str]:
    """A person's normalised name words without a generational suffix, and the suffix:
    ``["donald", "trump", "jr"]`` -> ``(["donald", "trump"], "jr")``."""
    if len(words) > 1 and words[-1] in SUFFIXES:
        return words[:-1], words[-1]
    return words, ""


def name_key(name: str) -> str:
    """Key of a whole name: skeletons of its words without name prefixes (al-, el-)."""
    words = normalize_name(name).split()
    kept = [w for w in words if w not in _PARTICLES] or words
    return " ".join(s for s in (skeleton(w) for w in kept) if s)


@functools.lru_cache(maxsize=2)
def _forms(filename: str) -> dict[str, str]:
    """A shipped ``id<TAB>form|form|...`` table: normalised form -> id."""
    out: dict[str, str] = {}
    text = resources.files("framing.data").joinpath(filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("id\t"):
            continue
        ident, forms = line.split("\t")
        for form in forms.split("|"):
            out[normalize_name(form)] = ident
    return out


def _form_id(filename: str, name: str) -> str | None:
    key = normalize_name(name.replace(".", ""))  # "U.S." is "US"
    return _forms(filename).get(key) if key else None


def country_of(name: str) -> str | None:
    """The country a name or demonym stands for (``"U.S."``, ``"Americans"`` ->
    ``"united_states"``), from the shipped ``countries.tsv``; ``None`` for anything else."""
    return _form_id("countries.tsv", name)


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {normalize_name(k): v for k, v in _pairs("capitals.tsv", "capital").items()}


def capital_of(name: str) -> str | None:
    """The country whose capital a name is (``"Pyongyang"`` -> ``"north_korea"``), from the
    shipped ``capitals.tsv``; ``None`` for anything else. Whether the capital stands for
    its country in a sentence is the caller's call."""
    return _capitals().get(normalize_name(name.replace(".", "")))


def party_of(name: str) -> str | None:
    """The party a name stands for (``"GOP"``, ``"Republicans"`` -> ``"us_republican_party"``),
    from the shipped ``parties.tsv``; ``None`` for anything else."""
    return _form_id("parties.tsv", name)


def _pairs(filename: str, header: str) -> dict[str, str]:
    """A shipped two-column TSV (``#`` comments, a header line starting with ``header``)."""
    out: dict[str, str] = {}
    text = resources.files("framing.data").joinpath(filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith(header + "\t"):
            continue
        key, value = line.split("\t")
        out[key] = value
    return out


@functools.lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """The shipped titles lexicon: lowercase title -> kind (rank, office, honorific, role)."""
    return _pairs("titles.tsv", "title")


@functools.lru_cache(maxsize=1)
def group_nouns() -> dict[str, str]:
    """The shipped group nouns (``group_nouns.tsv``): singular lemma -> kind of group
    ("official" -> "officials", "civilian" -> "public")."""
    return _pairs("group_nouns.tsv", "lemma")


TITLES = titles
