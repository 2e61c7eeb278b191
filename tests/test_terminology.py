"""Terminology: labels, voice, roles, contested terms and distinctive terms."""

from __future__ import annotations

import pytest

import framing
from framing.analyzers.terminology import TerminologyAnalyzer
from framing.errors import InputValueError
from framing.terminology import ContestedTerms, distinctive_terms, quote_ranges


def term_of(text, nlp, **kw):
    analyzers = kw.pop("analyzers", ["actors", "terminology"])
    return framing.analyze(text, nlp=nlp, analyzers=analyzers, **kw)["terminology"]


def actor_entry(section, needle):
    return next(v for v in section["actors"].values() if any(needle in n for n in v["names"]))


# -- quotes ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said “we will win” today.", ["we will win"]),
        ('"First part," he said, "second part."', ["First part,", "second part."]),
        ('An unclosed "quote runs to the end of its paragraph\nNext paragraph.', ["quote runs to the end of its paragraph"]),
        ("“Paragraph one\n\n“Paragraph two,” she said.", ["Paragraph one", "Paragraph two,"]),
        ("No quotes at all.", []),
        ("''We will win,'' he said. The team's fans' hopes", ["We will win,"]),
    ],
)
def test_quote_ranges(text, expected):
    assert [text[s:e] for s, e in quote_ranges(text)] == expected


# -- labels ------------------------------------------------------------------------------
def test_title_and_apposition_labels(nlp):
    text = ("Defense Minister Sergei Shoigu met the commander of the Libyan National Army, Marshal Khalifa Haftar, "
            "in Moscow. Retired Major General Khalifa Haftar did not comment.")
    section = term_of(text, nlp)
    haftar = actor_entry(section, "Haftar")
    assert "Marshal" in haftar["labels"]
    assert "retired Major General".lower() in {k.lower() for k in haftar["labels"]}
    assert "commander of the Libyan National Army" in haftar["labels"]
    shoigu = actor_entry(section, "Shoigu")
    assert "Defense Minister" in shoigu["labels"]


def test_label_spans_point_into_the_text(nlp):
    text = "Retired Major General Khalifa Hifter spoke. The UN envoy to Libya, Ghassan Salama, listened."
    section = term_of(text, nlp)
    assert any(entry["label_spans"] for entry in section["actors"].values())
    for entry in section["actors"].values():
        for label in entry["label_spans"]:
            assert text[label["start"]:label["end"]] == label["text"]
            assert label["voice"] in ("narrator", "quoted", "reported")


def test_quoted_labels_are_the_sources_not_the_narrators(nlp):
    text = ('Erdogan said: "We will support the legitimate Prime Minister Fayez al-Sarraj." '
            "Prime Minister Fayez al-Sarraj thanked him.")
    section = term_of(text, nlp)
    sarraj = actor_entry(section, "Sarraj")
    assert sarraj["voices"] == {"narrator": 1, "quoted": 1, "reported": 0}
    assert sarraj["narrator_labels"] and set(sarraj["labels"]) - set(sarraj["narrator_labels"])


def test_roles_agent_and_patient(nlp):
    text = ("Haftar forces bombed the port of Tripoli on Tuesday. The city was shelled by Haftar forces again. "
            "Turkey supported Fayez al-Sarraj.")
    catalog = {"actor": [{"id": "lna", "name": "Libyan National Army", "type": "armed_group", "aliases": ["Haftar forces"]}]}
    section = term_of(text, nlp, catalog=catalog)
    lna = section["actors"]["lna"]
    assert lna["roles"]["agent"].get("bomb") == 1
    assert lna["roles"]["agent"].get("shell") == 1
    sarraj = actor_entry(section, "Sarraj")
    assert sarraj["roles"]["patient"].get("support") == 1


def test_descriptor_and_modifier_labels(nlp):
    catalog = {"actor": [{"id": "gna", "name": "GNA", "type": "government", "aliases": ["Al-Wefaq"]}]}
    section = term_of("The Tripoli-based Al-Wefaq government rejected the offer.", nlp, catalog=catalog)
    labels = section["actors"]["gna"]["labels"]
    assert "government" in labels
    assert any("Tripoli" in label for label in labels)


# -- contested terms ---------------------------------------------------------------------
def test_contested_terms_counted_with_voice(nlp):
    text = 'The regime sent militias. "These are terrorists," the minister said of the rebels.'
    section = term_of(text, nlp)
    c = section["contested_terms"]
    assert c["government"]["regime"] == {"count": 1, "narrator": 1, "connotation": "negative"}
    assert c["armed_group"]["militia"]["count"] == 1
    assert c["political_violence"]["terrorists"] == {"count": 1, "narrator": 0, "connotation": "negative"}
    assert section["metrics"]["n_contested_terms"] >= 4
    assert 0 < section["metrics"]["negative_contested_share"] <= 1


def test_contested_lexicon_is_extensible(blank_nlp):
    terms = ContestedTerms.default().extend([("leader", "tyrant", "tyrant|tyrants", "negative")])
    profile = framing.analyze("The tyrant spoke.", nlp=blank_nlp, analyzers=[TerminologyAnalyzer(contested=terms)])
    assert profile["terminology"]["contested_terms"]["leader"]["tyrant"]["count"] == 1


def test_multiword_contested_terms(blank_nlp):
    section = term_of("Three illegal immigrants and two refugees lost their lives.", blank_nlp)
    assert section["contested_terms"]["migration"]["illegal immigrants"]["count"] == 1
    assert section["contested_terms"]["death"]["lost their lives"]["count"] == 1


def test_bad_contested_rows():
    with pytest.raises(InputValueError, match="E071"):
        ContestedTerms.from_rows([("set", "term")])
    with pytest.raises(InputValueError, match="E070"):
        ContestedTerms.from_rows([("set", "term", "form", "angry")])


def test_empty_and_blank_pipeline(blank_nlp):
    section = term_of("", blank_nlp)
    assert section["actors"] == {}
    assert section["metrics"]["labels_per_mention"] is None
    assert section["metrics"]["contested_per_100_words"] is None


# -- distinctive terms -------------------------------------------------------------------
def test_distinctive_terms_on_texts():
    texts = ["the regime bombed the city", "the regime fell again", "the government met", "the government said so"]
    out = distinctive_terms(texts, ["left", "left", "right", "right"], min_count=1, top=2)
    assert list(out) == ["left", "right"]
    assert out["left"][0]["term"] == "regime" and out["left"][0]["z"] > 0
    assert out["right"][0]["term"] == "government"


def test_distinctive_terms_on_profiles(blank_nlp):
    texts = ["militia militia attack", "militia attack", "army army parade", "army parade"]
    profiles = [framing.analyze(t, nlp=blank_nlp, analyzers=[TerminologyAnalyzer(keep_terms=True)]) for t in texts]
    out = distinctive_terms(profiles, ["a", "a", "b", "b"], min_count=1, top=1)
    assert out["a"][0]["term"] == "militia" and out["b"][0]["term"] == "army"


def test_distinctive_terms_three_groups_and_errors():
    out = distinctive_terms(["x y", "y z", "z x"], [1, 2, 3], min_count=1)
    assert list(out) == [1, 2, 3]
    with pytest.raises(InputValueError, match="E074"):
        distinctive_terms(["a"], [1, 2])
    with pytest.raises(InputValueError, match="E075"):
        distinctive_terms(["a", "b"], [1, 1])


def test_seed_labels(seeds, nlp):
    from pathlib import Path

    catalog = framing.ActorCatalog.load(Path(__file__).resolve().parents[1] / "examples" / "catalogs" / "libya.toml")
    texts = dict(sorted(seeds.items()))
    profiles = [framing.analyze(t, id=k[:3], nlp=nlp, analyzers=["actors", "terminology"], catalog=catalog)
                for k, t in texts.items()]
    comparison = framing.compare(profiles, catalog=catalog)
    haftar = next(a for a in comparison.actors if a["id"] == "haftar")
    assert "retired Major General" in haftar["articles"]["000"]["labels"]
    assert "Marshal" in haftar["articles"]["003"]["labels"]
    assert "commander of the Libyan National Army" in haftar["articles"]["003"]["labels"]
