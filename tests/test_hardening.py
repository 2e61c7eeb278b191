"""Batches never lose, reorder or rename an article; process-wide state stays bounded.

Each test here failed before the fix it guards (issue 23, "Articles renamed or lost" and
"Process-wide state").
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing import Article
from framing.engine import ENGINE_CACHE_SIZE, Engine, _engines

_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

_ids = st.one_of(st.none(), st.text(max_size=6), st.integers(0, 12).map(str))
_garbage = st.one_of(
    st.none(), st.integers(), st.binary(max_size=5), st.lists(st.integers(), max_size=2),
    st.just({"no text": 1}),
)
_record = st.one_of(
    st.text(max_size=30),
    st.builds(lambda t, i: {"text": t, "id": i} if i is not None else {"text": t}, st.text(max_size=30), _ids),
    st.builds(lambda i: {"id": i, "text": b"bytes"}, _ids),
    st.builds(lambda i, m: {"id": i, "text": "x", "meta": m}, _ids, st.one_of(st.text(max_size=3), st.integers(), st.lists(st.integers(), max_size=2))),
    st.builds(lambda t, i: Article(text=t, id=i), st.text(max_size=30), _ids),
    _garbage,
)


def _given_id(item):
    if isinstance(item, Article):
        return item.id
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return item["id"]
    return None


@_settings
@given(st.lists(_record, max_size=12))
def test_any_mix_gives_one_profile_per_input_with_caller_ids_kept(blank_nlp, items):
    profiles = list(framing.analyze_many(items, nlp=blank_nlp, analyzers=["readability"]))
    assert len(profiles) == len(items)
    for item, profile in zip(items, profiles):
        given_id = _given_id(item)
        if given_id is not None:
            assert profile.id == given_id  # kept exactly, also when the article failed
        assert isinstance(profile.id, str)
    made_up = [p.id for item, p in zip(items, profiles) if _given_id(item) is None]
    earlier_given: set[str] = set()
    for item, profile in zip(items, profiles):  # a made-up id never repeats an earlier caller id
        if _given_id(item) is None:
            assert profile.id not in earlier_given
        else:
            earlier_given.add(profile.id)
    assert len(set(made_up)) == len(made_up)


def test_a_failed_article_keeps_its_id(blank_nlp):
    items = [{"id": "a", "text": "One."}, {"id": "d-bytes", "text": b"x"}, {"id": "m", "text": "x", "meta": "oops"}]
    profiles = list(framing.analyze_many(items, nlp=blank_nlp, analyzers=["readability"]))
    assert [p.id for p in profiles] == ["a", "d-bytes", "m"]
    assert profiles[0].ok and "E001" in profiles[1].error and "E005" in profiles[2].error


def test_a_position_id_does_not_repeat_an_earlier_caller_id(blank_nlp):
    profiles = list(framing.analyze_many([{"id": "1", "text": "A."}, "B."], nlp=blank_nlp, analyzers=["readability"]))
    assert [p.id for p in profiles] == ["1", "1#2"]
    framing.compare(profiles)  # ids are unique: no E083


def test_raise_names_the_callers_id(blank_nlp):
    with pytest.raises(framing.ArticleError, match="article d-bytes:"):
        list(framing.analyze_many([{"id": "d-bytes", "text": b"x"}], nlp=blank_nlp, on_error="raise"))


@pytest.mark.parametrize("meta", ["oops", 5, [1, 2]])
@pytest.mark.parametrize("n_process", [1, 2])
def test_bad_meta_is_recorded_and_the_batch_goes_on(blank_nlp, meta, n_process):
    items = ["Good one.", {"id": "bad", "text": "x", "meta": meta}, "Good two."]
    profiles = list(framing.analyze_many(items, nlp=blank_nlp, analyzers=["readability"], n_process=n_process))
    assert [p.id for p in profiles] == ["0", "bad", "2"]
    assert profiles[0].ok and profiles[2].ok and "[E005]" in profiles[1].error


@pytest.mark.parametrize("single", ["a string", {"text": "x"}, Article("x"), b"bytes", 5])
def test_analyze_many_refuses_a_single_article(blank_nlp, single):
    with pytest.raises(framing.InputTypeError, match="E038"):
        framing.analyze_many(single, nlp=blank_nlp)


def test_a_file_path_is_not_taken_for_text(blank_nlp, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Text of the article.", encoding="utf-8")
    with pytest.raises(framing.InputValueError, match="E006"):
        framing.analyze(str(path), nlp=blank_nlp)
    with pytest.raises(framing.InputTypeError, match="read_text"):
        framing.analyze(path, nlp=blank_nlp)
    assert framing.analyze("article.txt", nlp=blank_nlp).ok  # no such file: it is text


def test_profiles_keep_the_articles_metadata(blank_nlp):
    import datetime

    item = {"id": "a", "text": "Text.", "bias": "left", "topic": "x", "meta": {"date": datetime.date(2020, 2, 1)}}
    profile = framing.analyze(item, nlp=blank_nlp, analyzers=["readability"])
    assert profile.article["meta"] == {"bias": "left", "topic": "x", "date": "2020-02-01"}
    assert framing.ArticleProfile.from_json(profile.to_json()) == profile


def test_nlp_may_be_a_pipeline_name(nlp):
    name = nlp.meta["lang"] + "_" + nlp.meta["name"]  # the installed package the fixture loaded
    profile = framing.analyze("Hi there.", nlp=name, analyzers=["readability"])
    assert profile.ok
    with pytest.raises(framing.InputTypeError, match="E037"):
        framing.analyze("Hi.", nlp=42)


def test_default_pipeline_and_its_name_are_one_object(nlp):
    default = framing.load_pipeline()
    assert default is framing.load_pipeline(default.meta["lang"] + "_" + default.meta["name"])


def test_engine_cache_is_bounded_and_skips_instances(blank_nlp):
    from framing.analyzers.readability import ReadabilityAnalyzer

    for _ in range(3 * ENGINE_CACHE_SIZE):
        framing.analyze("Hi.", nlp=blank_nlp, analyzers=[ReadabilityAnalyzer()])
    assert len(_engines) <= ENGINE_CACHE_SIZE
    first = framing.engine.get_engine(blank_nlp, ["readability"])
    assert framing.engine.get_engine(blank_nlp, ("readability",)) is first


def test_a_catalog_file_is_read_once_until_it_changes(blank_nlp, tmp_path):
    path = tmp_path / "cat.toml"
    path.write_text('[[actor]]\nid = "gna"\nname = "GNA"\naliases = ["Al-Wefaq"]\n', encoding="utf-8")
    one = framing.engine.get_engine(blank_nlp, ["readability"], str(path))
    assert framing.engine.get_engine(blank_nlp, ["readability"], str(path)) is one
    path.write_text('[[actor]]\nid = "gna"\nname = "GNA"\naliases = ["Al-Wefaq", "Wefaq"]\n', encoding="utf-8")
    assert framing.engine.get_engine(blank_nlp, ["readability"], str(path)) is not one


@pytest.fixture
def probe_name():
    from framing import registry

    yield "probe_reregistered"
    with registry._lock:
        registry._factories.pop("probe_reregistered", None)
        registry._feature_instances.pop("probe_reregistered", None)


def test_registering_a_name_again_replaces_every_cached_use(blank_nlp, probe_name):
    def make(value):
        class Probe:
            name, version, requires = "probe_reregistered", "1", ()

            def analyze(self, doc, context):
                return {"metrics": {"value": value}}

            def features(self, section):
                return {"probe_reregistered__value": float(value)}

        return Probe

    framing.register_analyzer("probe_reregistered", make(1))
    first = framing.analyze("Hi.", nlp=blank_nlp, analyzers=["probe_reregistered"])
    assert first.features()["probe_reregistered__value"] == 1.0
    framing.register_analyzer("probe_reregistered", make(2))
    second = framing.analyze("Hi.", nlp=blank_nlp, analyzers=["probe_reregistered"])
    assert second.probe_reregistered == {"metrics": {"value": 2}}
    assert first.features()["probe_reregistered__value"] == 2.0  # the registered one now


def test_readability_alone_makes_no_doc(nlp):
    text = "The minister spoke. He left at noon.\n\nThe talks failed."
    engine = Engine(nlp, ["readability"])
    assert engine.needs_parse is False and engine.needs_doc is False
    assert engine.make_doc(text) is None
    light = engine.analyze(Article(text, id="a"))
    assert light.pipeline["parsed"] is False
    full = Engine(nlp, ["readability", "actors"]).analyze(Article(text, id="a"))
    assert full.pipeline["parsed"] is True
    assert light.readability == full.readability
    # nothing counted tokens: null, not a count by other rules
    assert light.article["n_words"] is None and light.article["n_sentences"] is None
    assert full.article["n_words"] == 10 and full.article["n_sentences"] == 3
    batch = list(engine.analyze_many([text, {"id": "b", "text": text}]))
    assert [p.id for p in batch] == ["0", "b"] and [p.readability for p in batch] == [light.readability] * 2


def test_profile_doc_takes_what_make_doc_gives(nlp):
    text = "The minister spoke."
    engine = Engine(nlp, ["readability"])
    profile = engine.profile_doc(engine.make_doc(text), Article(text, id="a"))
    assert profile.ok and profile.article["n_words"] is None
    with pytest.raises(framing.InputTypeError, match="E039"):
        Engine(nlp, ["readability", "actors"]).profile_doc(None, Article(text, id="a"))


class _TextOnly(framing.BaseAnalyzer):
    """Reads only the text; keeps the default ``needs_parse``."""

    name = "probe_text_only"
    needs_doc = False

    def analyze(self, doc, context):
        return {"metrics": {"characters": len(context.text)}}


def test_a_text_only_analyzer_asks_for_no_parse(nlp):
    assert Engine(nlp, [_TextOnly(), _TokenCounter()]).needs_parse is False
    assert Engine(nlp, [_TextOnly()]).needs_doc is False


class _TokenCounter(framing.BaseAnalyzer):
    """Reads tokens and sentences but no parse."""

    name = "probe_token_counter"
    needs_parse = False

    def analyze(self, doc, context):
        return {"metrics": {"tokens": len(doc), "sentences": sum(1 for _ in doc.sents)}}


def test_tokens_without_a_parse_get_the_light_doc(nlp):
    text = "The minister spoke. He left at noon.\n\nThe talks failed."
    engine = Engine(nlp, [_TokenCounter(), "readability"])
    assert engine.needs_doc is True and engine.needs_parse is False
    doc = engine.make_doc(text)
    assert not doc.has_annotation("DEP") and doc.has_annotation("SENT_START")
    profile = engine.analyze(Article(text, id="a"))
    assert profile.sections["probe_token_counter"] == {"metrics": {"tokens": 14, "sentences": 3}}
    assert profile.article["n_words"] == 10 and profile.article["n_sentences"] == 3


def test_progress_shows_a_total_for_sized_input(blank_nlp, capsys):
    pytest.importorskip("tqdm")
    list(framing.analyze_many(["A.", "B.", "C."], nlp=blank_nlp, analyzers=["readability"], progress=True))
    assert "/3" in capsys.readouterr().err


@_settings
@given(st.lists(st.sampled_from(["Hi", ".", "!", "?", "...", '"', ")", "ok", "\n", " ", "U.S.", "a"]), max_size=40).map("".join))
def test_light_sentences_are_the_sentencizers(blank_nlp, text):
    from spacy.pipeline import Sentencizer

    from framing.lightdoc import light_doc, n_words

    ours = light_doc(blank_nlp, text)
    theirs = Sentencizer()(blank_nlp.make_doc(text))
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]
    assert n_words(ours) == sum(1 for t in ours if not (t.is_punct or t.is_space))


def test_progress_takes_the_total_of_a_stream(blank_nlp, capsys):
    pytest.importorskip("tqdm")
    engine = Engine(blank_nlp, ["readability"])
    list(engine.analyze_many((t for t in ["A.", "B."]), progress=True, total=2))
    assert "/2" in capsys.readouterr().err


def test_the_light_doc_tokenizes_long_runs_in_pieces(blank_nlp):
    text = "Fine words. " + "!?" * 3000 + " End."
    engine = Engine(blank_nlp, [_TokenCounter(), "readability"])
    doc = engine.make_doc(text)
    assert doc.text == text and all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    assert engine.analyze(Article(text, id="a")).ok


def test_a_mapping_that_raises_is_recorded_and_the_batch_goes_on(blank_nlp):
    from collections.abc import Mapping

    class Broken(Mapping):
        def __getitem__(self, key):
            raise RuntimeError("broken record")

        def __iter__(self):
            return iter(["text"])

        def __len__(self):
            return 1

    profiles = list(framing.analyze_many(["One.", Broken(), "Two."], nlp=blank_nlp, analyzers=["readability"]))
    assert [p.id for p in profiles] == ["0", "1", "2"]
    assert profiles[0].ok and profiles[2].ok and "broken record" in profiles[1].error
