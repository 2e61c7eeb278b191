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
from dataclasses import dataclass

from ..data import tsv_rows

__all__ = ["TITLES", "PersonName", "acronym_of", "canonical_given", "capital_of", "forms_table", "group_nouns", "leader_nouns", "name_key", "normalize_name",
           "org_core", "org_words", "parse_person", "partial_org", "person_parts", "rule_words", "same_person", "skeleton", "strip_prefix",
           "titles"]

_PREFIX = re.compile(r"^(?:al|el|al|ad|as|ash|at|az|ar|an)[-‐‑’'\s]+(?=\w)", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_VOWELS = set("aeiouy")
_PARTICLES = frozenset({"al", "el"})
#: Letters that mark a transliteration (of Arabic qaf, dhal, kha, ghain), under which an
#: initial G or Q is also read as K: Qaddafi / Gadhafi / Kadafi.
_TRANSLIT_MARK = re.compile(r"q|dh|kh|gh")
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
    if w[0] in "gq" and _TRANSLIT_MARK.search(w):
        w = "k" + w[1:]
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


@functools.lru_cache(maxsize=4)
def forms_table(filename: str) -> dict[str, str]:
    """A shipped ``id<TAB>form|form|...`` table: normalised form -> id."""
    out: dict[str, str] = {}
    for ident, forms in tsv_rows(filename):
        for form in forms.split("|"):
            out[normalize_name(form)] = ident
    return out


def _form_id(filename: str, name: str) -> str | None:
    key = normalize_name(name.replace(".", ""))  # "U.S." is "US"
    return forms_table(filename).get(key) if key else None


def country_of(name: str) -> str | None:
    """The country a name or demonym stands for (``"U.S."``, ``"Americans"`` ->
    ``"united_states"``), from the shipped ``countries.tsv``; ``None`` for anything else."""
    return _form_id("countries.tsv", name)


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {normalize_name(k): v for k, v in _pairs("capitals.tsv").items()}


def capital_of(name: str) -> str | None:
    """The country whose capital a name is (``"Pyongyang"`` -> ``"north_korea"``), from the
    shipped ``capitals.tsv``; ``None`` for anything else. Whether the capital stands for
    its country in a sentence is the caller's call."""
    return _capitals().get(normalize_name(name.replace(".", "")))


def party_of(name: str) -> str | None:
    """The party a name stands for (``"GOP"``, ``"Republicans"`` -> ``"us_republican_party"``),
    from the shipped ``parties.tsv``; ``None`` for anything else."""
    return _form_id("parties.tsv", name)


def _pairs(filename: str) -> dict[str, str]:
    """A shipped two-column TSV as a dict (first column -> second)."""
    return {key: value for key, value in tsv_rows(filename)}


@functools.lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """The shipped titles lexicon: lowercase title -> kind (rank, office, honorific, role)."""
    return _pairs("titles.tsv")


@functools.lru_cache(maxsize=1)
def group_nouns() -> dict[str, str]:
    """The shipped group nouns (``group_nouns.tsv``): singular lemma -> kind of group
    ("official" -> "officials", "civilian" -> "public")."""
    return _pairs("group_nouns.tsv")


@functools.lru_cache(maxsize=1)
def leader_nouns() -> dict[str, str]:
    """The shipped ``leader_nouns.tsv``: nouns for the one person who leads a country
    ("leader", "prime minister", "dictator") -> "head" (an office) or "leader" (a description)."""
    return _pairs("leader_nouns.tsv")


@functools.lru_cache(maxsize=1)
def _rule_table() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for word, rule in tsv_rows("actor_rule_words.tsv"):
        out.setdefault(rule, set()).add(word)
    return {rule: frozenset(words) for rule, words in out.items()}


def rule_words(rule: str) -> frozenset[str]:
    """The words of one rule of the actors analyzer (``actor_rule_words.tsv``: "government",
    "armed_group", "media", "city_thing", "vague_head", "generic_title_modifier",
    "restrictive_title_modifier")."""
    return _rule_table()[rule]


TITLES = titles


# -- the structure of a person's name ---------------------------------------------------
#: Particles that join a surname and are no middle name: "Osama bin Laden", "Ursula von der
#: Leyen", "Charles de Gaulle" ("al-"/"el-" prefixes are stripped from their word).
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "ben", "abu", "van", "von", "der", "den", "de", "da", "di", "du",
                            "le", "la", "dos", "das", "del"})
#: Suffixes that tell a son from his father: on one side only they may still name another man.
_FAMILY_SUFFIXES = frozenset({"jr", "sr"})


@functools.lru_cache(maxsize=1)
def _nicknames() -> dict[str, str]:
    """short form -> formal given name, from the shipped ``nicknames.tsv``."""
    return {short: formal for formal, shorts in _pairs("nicknames.tsv").items() for short in shorts.split("|")}


def canonical_given(word: str) -> str:
    """The formal given name a short form stands for ("liz" -> "elizabeth"); others unchanged."""
    return _nicknames().get(word, word)


@dataclass(frozen=True)
class PersonName:
    """A person's name as parts: ``given`` (skeleton of the formal given name, "" when the
    name has none or only an initial), ``initial`` (first letter of the formal given name),
    ``middles`` (initials of the middle names), ``surname`` (skeleton) and ``suffix``."""

    given: str
    initial: str
    middles: str
    surname: str
    suffix: str


def parse_person(name: str) -> PersonName | None:
    """The parts of a person's name, titles already removed: "Robert S. Mueller III" ->
    given "rbrt", middles "s", surname "mlr", suffix "iii". ``None`` for an empty name."""
    words = [strip_prefix(w) for w in normalize_name(name).split()]
    words, suffix = person_parts(words)
    words = [w for w in words if w not in NAME_PARTICLES] or words
    if not words:
        return None
    surname = skeleton(words[-1])
    if len(words) == 1:
        return PersonName("", "", "", surname, suffix)
    formal = canonical_given(words[0])
    given = skeleton(formal) if len(formal) > 1 else ""
    return PersonName(given, formal[0], "".join(w[0] for w in words[1:-1]), surname, suffix)


def same_person(a: PersonName, b: PersonName, family: bool = True) -> bool:
    """Whether two names can name one person: one surname; given names equal up to
    spelling and short forms (Liz = Elizabeth), or one side only an initial or nothing;
    middle initials and suffixes may be given on one side only (Robert S. Mueller III =
    Robert Mueller), never differ (George H. W. Bush is not George W. Bush). "Jr." or "Sr."
    on one side only: another man (Donald Trump Jr. is not Donald Trump), unless ``family``
    is false (where no father is named: "Roger J. Stone Jr." is "Roger Stone")."""
    if a.surname != b.surname:
        return False
    if a.given and b.given and a.given != b.given or a.initial and b.initial and a.initial != b.initial:
        return False
    if a.middles and b.middles and a.middles != b.middles:
        return False
    if a.suffix != b.suffix and (a.suffix and b.suffix or family and {a.suffix, b.suffix} & _FAMILY_SUFFIXES):
        return False
    return True


# -- the structure of an organisation's name --------------------------------------------
_CONNECTORS = frozenset({"of", "the", "for", "and", "on", "in", "de", "&"})


@functools.lru_cache(maxsize=1)
def org_words() -> dict[str, str]:
    """The shipped ``org_words.tsv``: word -> "legal" (designators such as "inc", "plc") or
    "head" (nouns that end organisation names: "airlines", "committee")."""
    return _pairs("org_words.tsv")


def org_core(name: str) -> str:
    """An organisation's name without "the", periods and legal designators: "Apple Inc." ->
    "apple", "Bank of America Corporation" -> "bank of america", "EADS N.V." -> "eads"."""
    words = normalize_name(name.replace(".", "")).split()
    table = org_words()
    while len(words) > 1 and table.get(words[-1]) == "legal":
        words.pop()
    return " ".join(words)


def acronym_of(name: str) -> str:
    """Initials of an organisation's core name, connectors left out: "General Motors" -> "GM",
    "Government of National Accord" -> "GNA"."""
    return "".join(w[0] for w in org_core(name).split() if w not in _CONNECTORS).upper()


def _generic(word: str) -> bool:
    return word in org_words() or word in _CONNECTORS or country_of(word) is not None or len(word) < 3


def partial_org(short: str, long: str) -> bool:
    """Whether ``short`` is a partial name of ``long``: its core words are a proper prefix or
    suffix of the longer core ("Northrop" of "Northrop Grumman", "Judiciary Committee" of
    "Senate Judiciary Committee", "America Rising" of "America Rising PAC", "Times" of "The
    New York Times"). A one-word part must not be generic ("Airlines", "Bank", "America");
    a part must not begin or end with a connector ("Bank of")."""
    s, lw = org_core(short).split(), org_core(long).split()
    if not s or len(s) >= len(lw) or s[0] in _CONNECTORS or s[-1] in _CONNECTORS:
        return False
    if len(s) == 1 and _generic(s[0]):
        return False
    return lw[: len(s)] == s or lw[-len(s):] == s
