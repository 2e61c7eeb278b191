"""compare(), Comparison outputs, ProfileVectorizer and to_frame."""

from __future__ import annotations

import json
import re
import pickle

import numpy as np
import pytest
from sklearn.base import clone

import framing
from framing.errors import InputTypeError, InputValueError, NotFittedError

A = ("Retired Major General Khalifa Hifter met Fayez al-Sarraj in Cairo. Hifter forces later bombed the port, "
     "killing three civilians, a medical source said.")
B = ("Marshal Khalifa Haftar met Faiz Saraj in Moscow. The Russian Defense Ministry said the talks were useful. "
     "\"We support a settlement,\" the ministry said.")
C = "Officials in Tripoli said the talks would resume. Haftar did not comment."


@pytest.fixture(scope="module")
def profiles(nlp):
    return [
        framing.analyze(A, id="a", outlet="wire", nlp=nlp, analyzers=["readability", "actors", "terminology"]),
        framing.analyze(B, id="b", outlet="ministry", nlp=nlp, analyzers=["readability", "actors", "terminology"]),
        framing.analyze(C, id="c", outlet="wire", nlp=nlp, analyzers=["readability", "actors", "terminology"]),
    ]


def test_compare_aligns_and_keeps_order(profiles):
    comparison = framing.compare(profiles)
    d = comparison.to_dict()
    assert d["articles"] == ["a", "b", "c"]
    haftar = next(a for a in d["actors"] if "a" in a["articles"] and "Hifter" in a["articles"]["a"]["names"])
    assert set(haftar["articles"]) == {"a", "b", "c"}
    assert haftar["articles"]["b"]["names"] == {"Khalifa Haftar": 1}
    assert "Marshal" in haftar["articles"]["b"]["labels"]
    for span in haftar["articles"]["a"]["mentions"]:
        assert A[span["start"]:span["end"]] == span["text"]
    assert set(d["metrics"]) == {"a", "b", "c"}
    json.dumps(d)  # JSON-able


def test_compare_by_outlet_pools_articles(profiles):
    d = framing.compare(profiles, by="outlet").to_dict()
    assert d["units"] == ["wire", "ministry"]
    haftar = next(a for a in d["actors"] if "wire" in a["articles"] and "Hifter" in a["articles"]["wire"]["names"])
    mentions = haftar["articles"]["wire"]["mentions"]
    assert {m["article"] for m in mentions} == {"a", "c"}


def test_distances_name_their_drivers(profiles):
    pairs = framing.compare(profiles).distances["pairs"]
    assert [(p["a"], p["b"]) for p in pairs] == [("a", "b"), ("a", "c"), ("b", "c")]
    for p in pairs:
        assert p["distance"] is None or p["distance"] >= 0
        assert all("feature" in d for d in p["drivers"])


def test_renderings(profiles, tmp_path):
    comparison = framing.compare(profiles)
    md = comparison.to_markdown()
    assert "## Actors" in md and "Readability" in md
    path = tmp_path / "report.html"
    html = comparison.to_html(path)
    assert path.read_text(encoding="utf-8") == html
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "<script" not in html
    frame = comparison.to_frame()
    assert list(frame.columns) == ["unit", "section", "metric", "value"]
    assert set(frame["unit"]) == {"a", "b", "c"}
    assert not comparison.to_frame("actors").empty
    with pytest.raises(InputValueError, match="E084"):
        comparison.to_frame("nope")


def test_compare_bad_input(profiles):
    with pytest.raises(InputValueError, match="E082"):
        framing.compare([])
    with pytest.raises(InputTypeError):
        framing.compare(profiles[0])
    with pytest.raises(InputTypeError):
        framing.compare(["text"])
    with pytest.raises(InputValueError, match="E083"):
        framing.compare([profiles[0], profiles[0]])
    with pytest.raises(InputValueError, match="E081"):
        framing.compare(profiles, by="year")


def test_compare_accepts_dicts_and_error_profiles(profiles, nlp):
    bad = next(framing.analyze_many([None], nlp=nlp, analyzers=["readability"]))
    bad = framing.ArticleProfile.from_dict(dict(bad.to_dict(), article=dict(bad.article, id="bad")))
    d = framing.compare([p.to_dict() for p in profiles] + [bad]).to_dict()
    assert d["articles"] == ["a", "b", "c", "bad"]
    assert "bad" in d["errors"]


def test_profile_vectorizer(profiles):
    vec = framing.ProfileVectorizer()
    X = vec.fit_transform(profiles)
    names = vec.get_feature_names_out().tolist()
    assert names == sorted(names) and X.shape == (3, len(names))
    assert np.allclose(X[0, names.index("readability__flesch_reading_ease")],
                       profiles[0]["readability"]["flesch_reading_ease"])
    # unseen features are ignored; missing ones are NaN
    X2 = vec.transform([{"new__feature": 1.0}])
    assert X2.shape == (1, len(names)) and np.isnan(X2).all()
    only = framing.ProfileVectorizer(include=["readability"]).fit(profiles)
    assert all(n.startswith("readability__") for n in only.feature_names_)
    assert clone(vec).get_params() == vec.get_params()
    again = pickle.loads(pickle.dumps(vec))
    assert np.array_equal(again.transform(profiles), X, equal_nan=True)
    with pytest.raises(NotFittedError):
        framing.ProfileVectorizer().transform(profiles)


def test_vectorizer_in_a_pipeline(profiles):
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    pipe = make_pipeline(framing.ProfileVectorizer(), SimpleImputer(keep_empty_features=True), StandardScaler())
    assert pipe.fit_transform(profiles).shape[0] == 3


def test_to_frame(profiles):
    frame = framing.to_frame(profiles)
    assert list(frame["id"]) == ["a", "b", "c"]
    assert list(frame.columns[:4]) == ["id", "outlet", "title", "error"]
    features = list(frame.columns[4:])
    assert features == sorted(features)


def test_sources_count_one_actor_under_all_its_forms(nlp):
    texts = [
        ("Libyan Prime Minister Fayez al-Sarraj said the talks failed. Al-Sarraj told reporters he would not return. "
         "A source said the port was shelled."),
        "Prime Minister Fayez al-Sarraj said on Monday that the truce held. Officials said nothing.",
    ]
    profiles = [framing.analyze(t, id=str(i), outlet="wire", nlp=nlp) for i, t in enumerate(texts)]
    rows = framing.compare(profiles, by="outlet").sources("wire")
    sarraj = [r for r in rows if "Sarraj" in r["source"]]
    assert len(sarraj) == 1, rows
    (row,) = sarraj
    assert row["n"] == 3 and row["actor"] is not None and row["source_type"] == "person"
    assert sum(row["forms"].values()) == 3 and "Al-Sarraj" in row["forms"]
    assert sum(row["kinds"].values()) == 3
    anonymous = [r for r in rows if r["source_type"] == "anonymous"]
    assert anonymous and all(r["actor"] is None for r in anonymous)
    assert [r["n"] for r in rows] == sorted((r["n"] for r in rows), reverse=True)


# -- hand-built profiles: labels, metadata units, differences, evidence ------------------------
def _hand(aid, *, outlet=None, title=None, meta=None, ease=50.0, haftar_names=None, labels=None, score=None,
          attributions=()):
    """A profile dict built by hand: one actor (Haftar) with names, labels and a sentiment."""
    names = haftar_names or {"Khalifa Haftar": 1}
    text = " ".join(names)
    mentions, pos = [], 0
    for name in names:
        mentions.append({"start": pos, "end": pos + len(name), "text": name, "kind": "name"})
        pos += len(name) + 1
    label_spans = [{"start": 0, "end": len(lab), "text": lab, "kind": "title", "voice": voice}
                   for lab, voice in (labels or [])]
    article = {"id": aid, "outlet": outlet, "title": title, "n_words": 100, "n_sentences": 5}
    if meta is not None:
        article["meta"] = meta
    sentiment = {}
    if score is not None:
        m = mentions[0]
        sentiment = {"haftar": {"score": score, "label": "negative" if score < 0 else "positive", "n": len(mentions),
                                "most_negative": {"score": score, "label": "negative", "mention": {k: m[k] for k in ("start", "end", "text")},
                                                  "context": {"start": 0, "end": len(text), "text": text}},
                                "most_positive": None, "mentions": [[x["start"], x["end"], score] for x in mentions]}}
    return {
        "schema_version": 1, "article": article, "pipeline": {}, "error": None,
        "readability": {"flesch_reading_ease": ease, "flesch_kincaid_grade": 10.0},
        "actors": {"items": [{"id": "haftar", "name": "Khalifa Haftar", "type": "person", "catalog_id": "haftar",
                              "n_mentions": len(mentions), "mentions": mentions}], "metrics": {}},
        "terminology": {"actors": {"haftar": {"names": names, "labels": {t: 1 for t, _ in (labels or [])},
                                              "narrator_labels": {t: 1 for t, v in (labels or []) if v == "narrator"},
                                              "roles": {"agent": {}, "patient": {}}, "label_spans": label_spans}}},
        "attribution": {"items": list(attributions), "metrics": {}},
        "sentiment": {"actors": sentiment, "metrics": {}},
    }


def test_units_are_labelled_by_outlet_then_title_then_id():
    c = framing.compare([_hand("x1", outlet="Wire"), _hand("x2", title="A title"), _hand("x3"),
                         _hand("x4", outlet="Paper", title="One"), _hand("x5", outlet="Paper", title="Two"),
                         _hand("x6", outlet="Daily"), _hand("x7", outlet="Daily")])
    assert c.units == ["x1", "x2", "x3", "x4", "x5", "x6", "x7"]
    assert c.labels == {"x1": "Wire", "x2": "A title", "x3": "x3", "x4": "Paper: One", "x5": "Paper: Two",
                        "x6": "Daily (x6)", "x7": "Daily (x7)"}
    assert len(set(c.labels.values())) == 7
    assert c.to_dict()["labels"] == c.labels


def test_compare_by_any_metadata_field():
    profiles = [_hand(f"p{i}", outlet=f"O{i}", meta={"bias": b}, ease=e)
                for i, (b, e) in enumerate([("left", 40), ("right", 60), ("left", 50), ("left", 45), (None, 1)])]
    c = framing.compare(profiles, by="bias")
    assert c.units == ["left", "right", "(no bias)"]
    assert c.n_articles == {"left": 3, "right": 1, "(no bias)": 1}
    assert c.metrics["left"]["readability__flesch_reading_ease"] == pytest.approx(45.0)
    lo, hi = c.intervals["left"]["readability__flesch_reading_ease"]
    assert 40 <= lo <= 45 <= hi <= 50
    assert "right" not in c.intervals  # one article: no interval
    with pytest.raises(InputValueError, match="E081"):
        framing.compare(profiles, by="topic")


def test_key_differences_name_labels_by_voice_and_carry_evidence():
    a = _hand("a", outlet="Arab outlet", haftar_names={"Khalifa Hifter": 1, "Hifter": 1},
              labels=[("retired Major General", "reported")], score=-0.5)
    b = _hand("b", outlet="Fort Russ", haftar_names={"Khalifa Haftar": 1}, labels=[("Marshal", "narrator")], score=0.2)
    c = framing.compare([a, b])
    kinds = [d["kind"] for d in c.differences]
    assert kinds[:2] == ["names", "labels"] and "sentiment" in kinds
    names, labels = c.differences[0], c.differences[1]
    assert names["summary"] == "Khalifa Haftar is named “Khalifa Hifter”, “Hifter” only in Arab outlet; “Khalifa Haftar” only in Fort Russ."
    assert "“retired Major General” (reported speech) only in Arab outlet" in labels["summary"]
    assert "“Marshal” (the article's voice) only in Fort Russ" in labels["summary"]
    assert {e["text"] for e in labels["evidence"]} == {"retired Major General", "Marshal"}
    sent = next(d for d in c.differences if d["kind"] == "sentiment")
    assert "n=2" in sent["summary"] and "weak evidence" in sent["summary"]
    assert all(e["context"]["text"] for e in sent["evidence"])
    assert c.to_dict()["differences"] == c.differences


HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror="alert(1)">', 'a | b', "two\nlines", "**bold** [x](http://e.vil)"]


def test_markdown_renders_hostile_ids_and_outlets_as_text():
    markdown_it = pytest.importorskip("markdown_it")
    source = {"start": 0, "end": 4, "text": "<b>x</b>|"}
    profiles = [_hand(f"{h}#{i}", outlet=h, haftar_names={f"Haftar {h}": 1}, labels=[(f"<i>{h}</i>", "narrator")], score=-0.5 + i / 2,
                      attributions=[{"kind": "direct", "cue": {"start": 0, "end": 1, "text": "s"}, "source": source,
                                     "content": None, "source_type": "person", "actor": None}])
                for i, h in enumerate(HOSTILE)]
    md = framing.compare(profiles).to_markdown()
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    for tag in ("<script", "<img", "<i>", "<b>", "<a "):
        assert tag not in html, tag
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # every table row keeps its cells: no `|` from the input splits one
    for table in re.findall(r"<table>.*?</table>", html, re.S):
        widths = {len(re.findall(r"<t[hd][ >]", row)) for row in re.findall(r"<tr>.*?</tr>", table, re.S)}
        assert len(widths) == 1, widths
    assert "\ntwo\n" not in md and "lines" in md


def test_notebook_reprs():
    profile = framing.ArticleProfile.from_dict(_hand("<a>", outlet="Wire"))
    assert repr(profile) == "ArticleProfile(id='<a>', outlet='Wire', words=100, actors=1, attributions=0)"
    assert "&lt;a&gt;" in profile._repr_html_() and "<a>" not in profile._repr_html_()
    comparison = framing.compare([profile, _hand("b", outlet="Paper")])
    fragment = comparison._repr_html_()
    assert fragment.startswith('<div class="fr">') and "Key differences" in fragment and "<html" not in fragment


def test_every_builtin_feature_has_a_plain_name(profiles, nlp):
    from framing.report import metric_info

    full = framing.analyze(A, id="full", nlp=nlp)
    missing = sorted(set(full.features()) - set(metric_info()))
    assert missing == [], f"add these to framing/data/metrics.tsv: {missing}"
    assert all(v["name"] and v["explanation"] and v["scale"] for v in metric_info().values())


def test_differences_ignore_case_and_shared_forms_and_rank_weak_sentiment_last():
    a = _hand("a", outlet="A", haftar_names={"Haftar": 3, "HAFTAR": 1}, labels=[("Mr.", "narrator")], score=-0.9)
    b = _hand("b", outlet="B", haftar_names={"haftar": 2}, labels=[("Mr", "narrator")], score=0.9)
    assert framing.compare([a, b]).differences[0]["kind"] == "sentiment"  # no names or labels difference
    pooled = [_hand(f"p{i}", outlet=o, score=s) for i, (o, s) in enumerate([("A", -0.9), ("B", 0.9)])]
    assert framing.compare(pooled, by="outlet").differences == []  # one mention each: too weak for pooled units


def test_reliance_names_linked_sources_not_pronouns():
    he = {"kind": "indirect", "cue": {"start": 3, "end": 7, "text": "said"}, "source": {"start": 0, "end": 2, "text": "he"},
          "content": None, "source_type": "person", "actor": None}
    haftar = dict(he, source={"start": 0, "end": 6, "text": "Haftar"}, actor="haftar")
    c = framing.compare([_hand("a", attributions=[he, he, he, haftar]), _hand("b")])
    r = c.reliance("a")
    assert [s["source"] for s in r["top_sources"]] == ["Khalifa Haftar"] and r["top_share"] == 0.25
    assert r["anonymous_share"] == 0.0 and c.reliance("b")["top_share"] is None


def test_charts_have_fixed_axes_n_and_fading():
    from framing.report import html_report

    a = _hand("a", outlet="A", score=-0.05)                                   # one mention: faded
    b = _hand("b", outlet="B", score=0.04, haftar_names={"Haftar": 1, "Khalifa Haftar": 1, "K. Haftar": 1})  # 3 mentions
    html = html_report(framing.compare([a, b]))
    sentiment = re.search(r'<svg[^>]*aria-label="Sentiment toward Khalifa Haftar".*?</svg>', html, re.S).group(0)
    ticks = re.findall(r'class="tk">([^<]*)<', sentiment)
    assert ticks == ["−1", "−0.5", "0", "+0.5", "+1"]  # the scale does not follow the largest value
    assert "n=1" in sentiment and "n=3" in sentiment
    assert sentiment.count('fill-opacity="0.35"') == 1
    ease = re.search(r'<svg[^>]*aria-label="Flesch reading ease".*?</svg>', html, re.S).group(0)
    assert re.findall(r'class="tk">([^<]*)<', ease) == ["0", "20", "40", "60", "80", "100"]
    assert '<th scope="col">' in html and '<th scope="row">' in html and "<caption>" in html


def _luminance(hex_colour):
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_palette_and_text_contrast():
    from framing.charts import KIND_COLOURS, PALETTE
    from framing.report import _CSS

    assert len(set(PALETTE)) == len(PALETTE) == 20
    assert not set(PALETTE) & {fill for fill, _ in KIND_COLOURS.values()}  # kinds never look like units
    text = set(re.findall(r"(?<![-\w])(?:color|fill):(#[0-9a-f]{6})", _CSS)) - {"#ffffff"}
    assert text
    for colour in text:
        for background in ("#ffffff", "#f2f2f2", "#fff3a8"):
            ratio = (_luminance(background) + 0.05) / (_luminance(colour) + 0.05)
            assert ratio >= 4.5, (colour, background, ratio)
    for fill, ink in KIND_COLOURS.values():  # counts printed inside the attribution segments
        hi, lo = sorted((_luminance(fill), _luminance("#ffffff" if ink == "#fff" else "#000000")), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, fill


def test_evidence_spans_are_offsets_into_their_article(nlp):
    texts = {"a": A, "b": B}
    full = [framing.analyze(t, id=i, outlet=f"Outlet {i}", nlp=nlp) for i, t in texts.items()]
    c = framing.compare(full)
    spans = []
    for d in c.differences:
        for e in d["evidence"]:
            spans += [(e["article"], s) for s in (e, e.get("context"), e.get("source"), e.get("cue"), e.get("content"))
                      if isinstance(s, dict) and "start" in s and "text" in s]
    for actor in c.actors:
        for s in actor["articles"].values():
            for e in s["label_evidence"] + ((s["sentiment"] or {}).get("evidence") or []):
                spans += [(e["article"], x) for x in (e, e.get("context")) if x and "text" in x]
    assert spans
    for aid, span in spans:
        assert texts[aid][span["start"]:span["end"]] == span["text"], (aid, span)


def _ford(aid, outlet, *, cue="alleges", stance="distancing", verb="allege"):
    """“Ford <cue> Kavanaugh groped her.”: Kavanaugh's role is Ford's claim, not the article's."""
    text = f"Ford {cue} Kavanaugh groped her."
    sp = lambda s, e: {"start": s, "end": e, "text": text[s:e]}  # noqa: E731
    k0 = text.index("Kavanaugh")
    ford, kav, groped = sp(0, 4), sp(k0, k0 + 9), sp(k0, text.index("groped") + 6)
    content = sp(k0, len(text) - 1)
    item = {"kind": "indirect", "cue": sp(5, 5 + len(cue)), "source": ford, "content": content, "source_type": "person",
            "actor": "f", "verb": verb, "stance": stance}
    role = {"role": "agent", "verb": "grope", "source_actor": "f", "stance": stance, "cue_verb": verb, "source": ford,
            "span": groped}
    people = [{"id": "f", "name": "Christine Blasey Ford", "type": "person", "catalog_id": None, "n_mentions": 1,
               "mentions": [dict(ford, kind="name")]},
              {"id": "k", "name": "Brett Kavanaugh", "type": "person", "catalog_id": None, "n_mentions": 1,
               "mentions": [dict(kav, kind="name")]}]
    term = {"names": {"Kavanaugh": 1}, "labels": {}, "roles": {"agent": {}, "patient": {}}, "attributed_roles": [role],
            "label_spans": []}
    return {"schema_version": 1, "article": {"id": aid, "outlet": outlet, "n_words": 6, "n_sentences": 1}, "pipeline": {},
            "error": None, "actors": {"items": people, "metrics": {}},
            "terminology": {"actors": {"k": term, "f": dict(term, names={"Ford": 1}, attributed_roles=[],
                                                            roles={"agent": {verb: 1}, "patient": {}},
                                                            role_spans=[dict(sp(0, 5 + len(cue)), role="agent", verb=verb)])}},
            "attribution": {"items": [item], "metrics": {}}, "sentiment": {"actors": {}, "metrics": {}}}


def test_attributed_roles_keep_their_source_and_stance_everywhere():
    pd = pytest.importorskip("pandas")  # noqa: F841
    c = framing.compare([_ford("a", "Left"), _ford("b", "Right", cue="confirmed", stance="endorsing", verb="confirm")])
    kav = next(a for a in c.actors if a["name"] == "Brett Kavanaugh")
    (role,) = kav["articles"]["a"]["attributed_roles"]
    assert role["source"] == "Christine Blasey Ford" and role["source_actor"] is not None
    assert role["text"] == "Kavanaugh groped" and role["context"]["text"] == "Kavanaugh groped her"
    assert kav["articles"]["a"]["roles"] == {"agent": {}, "patient": {}}  # not the narrator's fact
    as_dict = next(a for a in c.to_dict()["actors"] if a["name"] == "Brett Kavanaugh")
    assert as_dict["articles"]["a"]["attributed_roles"][0]["verb"] == "grope"
    frame = c.to_frame("actors").set_index(["name", "unit"])
    assert frame.loc[("Brett Kavanaugh", "a"), "attributed_roles"] == "alleged by Christine Blasey Ford: grope"
    assert frame.loc[("Brett Kavanaugh", "b"), "attributed_roles"] == "confirmed by Christine Blasey Ford: grope"
    md = c.to_markdown()
    assert "alleged by Christine Blasey Ford: grope" in md and "“Kavanaugh groped her”" in md
    assert "confirmed by Christine Blasey Ford: grope" in md
    html = c.to_html()
    assert "alleged by Christine Blasey Ford: grope" in html and "attributed roles in context (1)" in html
    assert "<mark>Kavanaugh groped</mark> her" in html
    ford = next(a for a in c.actors if a["name"] == "Christine Blasey Ford")
    (said,) = ford["articles"]["a"]["role_evidence"]  # the article's own roles have their sentence too
    assert said["text"] == "Ford alleges" and said["verb"] == "allege" and said["article"] == "a"
    assert "(does allege)" in html and "roles in context (1)" in html
    from framing.terminal import terminal_report

    assert "alleged by Christine Blasey Ford: grope" in " ".join(terminal_report(c, 200).split())


def test_attributed_by_words_follow_the_stance():
    from framing.report import attributed_by, attributed_roles_text

    assert attributed_by({"source": "Ford", "stance": "distancing", "cue_verb": "allege"}) == "alleged by Ford"
    assert attributed_by({"source": "Ford", "stance": "distancing", "cue_verb": "claim"}) == "claimed by Ford"
    assert attributed_by({"source": "Ford", "stance": "endorsing"}) == "confirmed by Ford"
    assert attributed_by({"source": "Ford", "stance": "neutral"}) == "according to Ford"
    assert attributed_by({"source": None, "stance": None}) == "according to an unnamed source"
    rows = [{"source": "Ford", "stance": "distancing", "cue_verb": "allege", "verb": v, "role": r}
            for v, r in (("assault", "agent"), ("grope", "agent"), ("assault", "agent"), ("arrest", "patient"))]
    assert attributed_roles_text(rows) == ["alleged by Ford: assault, grope, undergoes arrest"]


def test_sources_group_by_resolved_actor_and_unresolved_by_normalised_text():
    def att(text, actor=None, resolution=None, stype="person", start=0):
        return {"kind": "indirect", "cue": {"start": 0, "end": 1, "text": "s"},
                "source": {"start": start, "end": start + len(text), "text": text} if text else None,
                "content": None, "source_type": stype, "actor": actor, "resolution": resolution}

    a = _hand("a", outlet="Wire", attributions=[att("Haftar", "haftar", "name"), att("he", "haftar", "pronoun"),
                                                 att("the field  marshal", "haftar", "description"),
                                                 att("The statement", stype="unknown"), att(None, stype="anonymous")])
    b = _hand("b", outlet="Wire", attributions=[att("He", "haftar", "pronoun"), att("statement", stype="unknown"),
                                                 att("the Statement", stype="unknown")])
    rows = framing.compare([a, b], by="outlet").sources("Wire")
    assert [(r["source"], r["n"]) for r in rows] == [("Khalifa Haftar", 4), ("The statement", 3), ("(anonymous)", 1)]
    haftar, statement, _ = rows
    assert haftar["actor"] is not None and haftar["forms"] == {"Haftar": 1, "he": 1, "the field marshal": 1, "He": 1}
    assert statement["actor"] is None and sum(statement["forms"].values()) == 3
    assert {e["article"] for e in haftar["evidence"]} == {"a", "b"}
    # of the 7 attributions that have a source, as the analyzer's top_source_share counts
    assert framing.compare([a, b], by="outlet").reliance("Wire")["top_share"] == pytest.approx(4 / 7)


def test_reports_say_which_sections_the_profiles_lack(blank_nlp):
    from framing.terminal import terminal_report

    profiles = list(framing.analyze_many(["The cat sat. It was fine.", "A dog ran far away."],
                                         nlp=blank_nlp, analyzers=["readability"]))
    c = framing.compare(profiles)
    assert not c.has_section("attribution") and c.has_section("readability")
    md = c.to_markdown()
    assert "No attribution section in these profiles." in md and "**0**: none" not in md
    assert "Sources each unit rests on" not in c.to_html() and "no attributions</p>" not in c.to_html()
    assert "no attribution section in these profiles." in terminal_report(c, 100)
    assert "No actors section in these profiles." in md and "No passages section in these profiles." in md
    assert "0 of 0 sentences" not in md and "No passages section in these profiles." in c.to_html()
