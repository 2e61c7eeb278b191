"""Emphasis and coverage (issue 21): the passages analyzer, passage alignment, only-here
passages, shared quotations, distinctive terms per unit, the report sections."""

from __future__ import annotations

import json
import re

import pytest

import framing
from framing.analyzers.base import Context
from framing.analyzers.passages import PassagesAnalyzer, number_value, passage_words
from framing.article import Article
from framing.coverage import boilerplate_ranges, html_section, markdown_section, strip_boilerplate
from framing.errors import InputValueError
from framing.terminology.distinctive import distinctive_terms, english_frequencies, log_odds

_STOP = {"the", "of", "and", "in", "a", "to", "that", "with", "on", "for", "by", "will"}


def _passages(text: str) -> dict:
    """A hand-made ``passages`` section: sentences end at a full stop, words are lower case."""
    bounds = [m.start() for m in re.finditer(r"[^ ][^.]*\.", text)]
    items = []
    for i, start in enumerate(bounds):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
        words = [[m.start(), m.end(), m.group().lower()] for m in re.finditer(r"[A-Za-z]+", text[start:end])
                 if m.group().lower() not in _STOP]
        items.append({"start": start, "end": end, "text": text[start:end], "lemmas": " ".join(w for _, _, w in words),
                      "offsets": [x for s, e, _ in words for x in (s, e - s)],
                      "kind": "sentence" if len(words) >= 4 else "fragment", "actors": [],
                      "numbers": re.findall(r"\d+", text[start:end]), "quotes": []})
    return {"items": items, "chunks": {}, "metrics": {"n_passages": len(items)}}


def _profile(aid: str, text: str, actors: dict[str, str] | None = None, attributions: list | None = None) -> dict:
    items = []
    for actor_id, name in (actors or {}).items():
        mentions = [{"start": m.start(), "end": m.end(), "text": m.group(), "kind": "name"}
                    for m in re.finditer(re.escape(name), text)]
        items.append({"id": actor_id, "name": name, "type": "person", "catalog_id": None, "mentions": mentions})
    section = _passages(text)
    for p in section["items"]:
        p["actors"] = sorted({a["id"] for a in items for m in a["mentions"] if p["start"] <= m["start"] < p["end"]})
    out = {"schema_version": 1, "article": {"id": aid}, "pipeline": {}, "error": None,
           "actors": {"items": items}, "passages": section}
    if attributions is not None:
        out["attribution"] = {"items": attributions}
    return out


def _content(text: str, piece: str, source: str) -> dict:
    start = text.index(piece)
    s0 = text.index(source)
    return {"kind": "indirect", "cue": None, "source": {"start": s0, "end": s0 + len(source), "text": source},
            "content": {"start": start, "end": start + len(piece), "text": piece}, "source_type": "institution",
            "actor": None}


A = ("Rockets hit the harbour of Tripoli and killed three civilians. "
     "The ministry said that talks in Geneva continue despite the fighting.")
B = ("The ministry said that talks in Geneva continue despite the fighting. "
     "Lavrov met Shoigu in Rome to discuss arms control issues.")


@pytest.fixture()
def two():
    pa = _profile("a", A, attributions=[_content(A, "talks in Geneva continue despite the fighting", "The ministry")])
    pb = _profile("b", B, actors={"lavrov": "Lavrov", "shoigu": "Shoigu"},
                  attributions=[_content(B, "talks in Geneva continue despite the fighting", "The ministry")])
    return framing.compare([pa, pb])


# -- boilerplate, numbers ------------------------------------------------------------------
def test_boilerplate_ranges_cover_credits_and_signups():
    text = "Photo Credit: Russian Ministry of Defense\n\nShoigu met Haftar.\nSign up for Daily Newsletters Manage Newsletters"
    found = [text[s:e] for s, e in boilerplate_ranges(text)]
    assert found[0] == "Photo Credit: Russian Ministry of Defense"
    assert any("Sign up for Daily Newsletters" in f for f in found)
    stripped = strip_boilerplate(text)
    assert len(stripped) == len(text) and "Shoigu met Haftar." in stripped and "Newsletters" not in stripped


def test_boilerplate_ranges_cover_reporting_credits_only():
    text = ("Shoigu met Haftar. The Associated Press contributed to this report.\nStory Continued Below\n"
            "Michael C. Bender and Jo Smith contributed reporting to this article. Aides contributed ideas. "
            "Ann Lee contributed reporting from Tokyo.")
    found = [text[s:e] for s, e in boilerplate_ranges(text)]
    assert found == ["The Associated Press contributed to this report.", "Story Continued Below",
                     "Bender and Jo Smith contributed reporting to this article.",  # "Michael C." is a fragment
                     "Ann Lee contributed reporting from Tokyo."]


@pytest.mark.parametrize("word, value", [("three", "3"), ("1,000", "1000"), ("19th", "19"), ("2.5", "2.5"), ("port", None)])
def test_number_value(word, value):
    assert number_value(word) == value


# -- the passages analyzer on a hand-built Doc ------------------------------------------------
def test_passages_analyzer_tiles_the_text_and_keeps_content_words(blank_nlp):
    from spacy.tokens import Doc

    words = ["Photo", "Credit", ":", "AP", "\n\n", "Haftar", "forces", "bombed", "the", "port", ".",
             "Three", "civilians", "were", "killed", "in", "the", "old", "city", "."]
    spaces = [True, False, True, False, False, True, True, True, True, False, True,
              True, True, True, True, True, True, True, False, False]
    pos = ["NOUN", "NOUN", "PUNCT", "PROPN", "SPACE", "PROPN", "NOUN", "VERB", "DET", "NOUN", "PUNCT",
           "NUM", "NOUN", "AUX", "VERB", "ADP", "DET", "ADJ", "NOUN", "PUNCT"]
    lemmas = ["photo", "credit", ":", "AP", "\n\n", "Haftar", "force", "bomb", "the", "port", ".",
              "three", "civilian", "be", "kill", "in", "the", "old", "city", "."]
    starts = [True] + [False] * 4 + [True] + [False] * 5 + [True] + [False] * 8
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces, pos=pos, lemmas=lemmas, sent_starts=starts)
    text = doc.text
    h = text.index("Haftar")
    actors = {"items": [{"id": "haftar", "mentions": [{"start": h, "end": h + 6, "text": "Haftar"}]}]}
    section = PassagesAnalyzer().analyze(doc, Context(text=text, article=Article(text), results={"actors": actors}))
    items = section["items"]
    assert [p["kind"] for p in items] == ["boilerplate", "sentence", "sentence"]
    for p, q in zip(items, items[1:]):
        assert p["end"] == q["start"]  # passages tile the article
    words = [passage_words(p) for p in items]
    for p, ws in zip(items, words):
        assert text[p["start"]:p["end"]] == p["text"]
        assert all(text[s:e] == text[s:e].strip() and s >= p["start"] and e <= p["end"] for s, e, _ in ws)
    assert words[0] == [] and "lemmas" not in items[0] and "actors" not in items[0]
    assert [w[2] for w in words[1]] == ["haftar", "force", "bomb", "port"]
    assert text[words[1][2][0]:words[1][2][1]] == "bombed"
    assert items[1]["actors"] == ["haftar"]
    assert items[2]["numbers"] == ["3"] and [w[2] for w in words[2]] == ["civilian", "kill", "old", "city"]
    assert json.loads(json.dumps(section)) == section


def test_passages_is_a_default_analyzer():
    from framing.analyzers import BUILTINS, DEFAULT_ANALYZERS

    assert "passages" in DEFAULT_ANALYZERS and "passages" in BUILTINS


# -- coverage ------------------------------------------------------------------------------
def test_only_here_and_shared_passages(two):
    cov = two.coverage
    assert [p["text"] for p in cov["a"]["only_here"]] == [A.split(". ")[0] + "."]
    assert [p["text"] for p in cov["b"]["only_here"]] == [B.split(". ")[1]]
    (shared,) = cov["a"]["shared"]
    assert shared["with"]["b"]["text"].startswith("The ministry said") and shared["with"]["b"]["score"] == pytest.approx(1.0)
    assert cov["a"]["covered_by"] == {"b": 0.5} and cov["b"]["covered_by"] == {"a": 0.5}
    for unit in ("a", "b"):
        text = A if unit == "a" else B
        for p in cov[unit]["only_here"]:
            assert text[p["start"]:p["end"]] == p["text"] and p["article"] == unit


def test_coverage_without_passages_sections_is_empty():
    bare = [{"article": {"id": i}, "pipeline": {}} for i in ("x", "y")]
    comparison = framing.compare(bare)
    assert comparison.coverage["x"] == {"n_passages": 0, "only_here": [], "shared": [], "share_only_here": None,
                                        "covered_by": {"y": None}}
    assert comparison.distinctive_terms == {"x": [], "y": []}
    assert comparison.shared_quotes == []


# -- shared quotations ---------------------------------------------------------------------
def test_shared_quote_spans_and_words_only_one_carries():
    a = "The ministry said that talks in Geneva will continue without delay."
    b = "The ministry said that talks in Geneva continue despite the fighting."
    pa = _profile("a", a, attributions=[_content(a, "talks in Geneva will continue without delay", "The ministry")])
    pb = _profile("b", b, attributions=[_content(b, "talks in Geneva continue despite the fighting", "The ministry")])
    (quote,) = framing.compare([pa, pb]).shared_quotes
    assert quote["source"] == "The ministry"
    assert set(quote["units"]) == {"a", "b"}
    assert {"talks", "geneva", "continue"} <= set(quote["shared_words"])
    for unit, text in (("a", a), ("b", b)):
        span = quote["units"][unit]
        assert text[span["start"]:span["end"]] == span["text"]
        assert all(text[w["start"]:w["end"]] == w["text"] for w in span["only"])
    assert {w["text"] for w in quote["units"]["a"]["only"]} == {"without", "delay"}
    assert {w["text"] for w in quote["units"]["b"]["only"]} == {"despite", "fighting"}


# -- distinctive terms ---------------------------------------------------------------------
def test_english_prior_prefers_rare_words_to_common_ones():
    counts = {"a": {"port": 3, "people": 3}, "b": {"statement": 3}}
    out = log_odds(counts, top=2, min_count=1, prior=500, background="english")
    assert out["a"][0]["term"] == "port"  # as frequent here as "people", far rarer in English
    assert english_frequencies(["the"])["the"] > english_frequencies(["port"])["port"]
    assert english_frequencies(["zzqxv"])["zzqxv"] == pytest.approx(1e-8)


def test_distinctive_terms_english_background_and_boilerplate():
    texts = ["Getty Images. The port was bombed and civilians were killed.", "Getty Images. The statement noted dialogue."]
    out = distinctive_terms(texts, ["x", "y"], min_count=1, top=3, background="english")
    assert "getty" not in {t["term"] for terms in out.values() for t in terms}
    kept = distinctive_terms(texts, ["x", "y"], min_count=1, top=50, background="english", boilerplate=False)
    assert "getty" in {t["term"] for terms in kept.values() for t in terms}


def test_distinctive_terms_rejects_unknown_background():
    with pytest.raises(InputValueError, match="E078"):
        distinctive_terms(["a b", "c d"], ["x", "y"], background="french")


def test_unit_distinctive_terms(two):
    terms = two.distinctive_terms
    assert {"harbour", "civilians"} & {t["term"] for t in terms["a"]}
    assert all(set(t) >= {"term", "z", "count"} for ts in terms.values() for t in ts)


# -- outputs -------------------------------------------------------------------------------
def test_to_dict_and_to_frame(two):
    d = two.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert set(d) >= {"distinctive_terms", "coverage", "shared_quotes"}
    pytest.importorskip("pandas")
    cov = two.to_frame("coverage")
    assert set(cov["status"]) == {"only_here", "shared"}
    assert list(two.to_frame("shared_quotes").columns)[:3] == ["quote", "source", "unit"]
    assert len(two.to_frame("distinctive_terms")) > 0
    with pytest.raises(InputValueError, match="E084"):
        two.to_frame("nope")


def test_report_sections_escape_text():
    a = "Rockets hit <script>alert(1)</script> the harbour and killed three civilians. The ministry said talks continue here."
    b = "The ministry said talks continue here. Lavrov met Shoigu in Rome to discuss arms control."
    comparison = framing.compare([_profile("a", a), _profile("b", b)])
    html = html_section(comparison)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.startswith('<section class="coverage">') and html.rstrip().endswith("</section>")
    md = markdown_section(comparison)
    assert "## Emphasis and coverage" in md and "Lavrov met Shoigu in Rome" in md


# -- the seeds (issue 21's "done when") ------------------------------------------------------------
@pytest.mark.model
def test_seeds_coverage_terms_and_the_ministry_statement(nlp, seeds):
    texts = dict(zip(("000", "003"), (seeds[k] for k in sorted(seeds))))
    engine = framing.Engine(nlp)
    comparison = framing.compare(list(engine.analyze_many([{"text": t, "id": k} for k, t in texts.items()])))
    only = {u: " ".join(p["text"] for p in e["only_here"]) for u, e in comparison.coverage.items()}
    assert "bombed the Tripoli sea port" in only["000"] and "killed three civilians" in only["000"]
    assert "Lavrov" in only["003"] and "Rome" in only["003"] and "5 + 5" in only["003"]
    terms = {t["term"] for t in comparison.distinctive_terms["000"]}
    assert len(terms & {"bomb", "civilian", "port", "kill"}) >= 2
    ministry = [q for q in comparison.shared_quotes if "territorial" in q["shared_words"]]
    assert len(ministry) == 1
    for unit, span in ministry[0]["units"].items():
        assert texts[unit][span["start"]:span["end"]] == span["text"]
    assert "firm commitment" in ministry[0]["units"]["000"]["text"]
    assert "During the dialogue, the situation in Libya was discussed" in ministry[0]["units"]["003"]["text"]


def test_passages_without_a_tagger_keep_words(blank_nlp):
    text = "Haftar forces bombed the port of Tripoli.\nThe ministry said talks continue."
    doc = blank_nlp(text)
    section = PassagesAnalyzer().analyze(doc, Context(text=text, article=Article(text), results={}))
    first = section["items"][0]
    assert first["kind"] == "sentence" and passage_words(first)[0][2] == "haftar"
    assert [text[s:e] for s, e, _ in passage_words(first)] == ["Haftar", "forces", "bombed", "port", "Tripoli"]


def test_markdown_marks_keep_the_spaces_around_them():
    from framing.coverage.render import _marked
    from framing.report import md_piece

    span = {"text": "the big | dog", "start": 10, "only": [{"start": 14, "end": 17}]}
    assert _marked(span, ("**", "**"), md_piece) == "the **big** \\| dog"
