"""analyze / analyze_many: bad input, order, ids, errors, long texts, offsets."""

from __future__ import annotations

import pytest

import framing
from framing import Article
from framing.errors import ArticleError, FramingError, InputValueError

R = ["readability"]


class _Boom:
    name, version, requires = "boom", "1", ()

    def analyze(self, doc, context):
        if "boom" in context.text:
            raise RuntimeError("exploded")
        return {"n": len(doc)}


class _Spans:
    """Reports every token as a span, to check offsets into the original text."""

    name, version, requires = "spans", "1", ()

    def analyze(self, doc, context):
        return {"items": [context.span(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]}


@pytest.mark.parametrize("bad", [None, b"bytes", 42, 3.5, ["a list"], object()])
def test_analyze_rejects_non_text_naming_the_type(bad, blank_nlp):
    with pytest.raises(FramingError) as info:
        framing.analyze(bad, nlp=blank_nlp, analyzers=R)
    assert isinstance(info.value, TypeError)
    assert type(bad).__name__ in str(info.value)


def test_dict_without_text():
    with pytest.raises(InputValueError, match="'text'"):
        framing.analyze({"title": "x"}, analyzers=R, nlp=None)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_text_gives_profile_with_nulls(text, blank_nlp):
    p = framing.analyze(text, nlp=blank_nlp, analyzers=R)
    assert p.error is None
    assert p.readability["flesch_reading_ease"] is None
    assert p.to_dict()["readability"]["gunning_fog"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Control\x00chars\x07 and \x1b[31mescapes\x1b[0m.",
        "Mixed scripts: Хафтар, حفتر, 哈夫塔尔 and Haftar met.",
        "<p>An <b>HTML</b> fragment &amp; entity</p><script>x()</script>",
        "\U0001F600 emoji \u200b zero width \ufeff bom \u202e rtl",
    ],
)
def test_odd_text_gives_profile(text, blank_nlp):
    p = framing.analyze(text, nlp=blank_nlp, analyzers=R + [_Spans()])
    assert p.error is None
    for span in p["spans"]["items"]:
        assert text[span["start"] : span["end"]] == span["text"]


def test_lone_surrogates_are_a_clear_error(blank_nlp):
    with pytest.raises(InputValueError, match="surrogate U\\+D83D at character 4"):
        framing.analyze("bad \ud83d text", nlp=blank_nlp, analyzers=R)
    (p,) = framing.analyze_many(["bad \udc00"], nlp=blank_nlp, analyzers=R)
    assert "not valid Unicode" in p.error


def test_overrides_and_article_fields(blank_nlp):
    art = Article("Text here.", id="x", outlet="A", title="T", url="http://e.x/1")
    p = framing.analyze(art, outlet="B", nlp=blank_nlp, analyzers=R)
    assert p.article["id"] == "x" and p.article["outlet"] == "B" and p.article["title"] == "T"
    assert p.article["url"] == "http://e.x/1"
    assert p.article["n_words"] is None and p.article["n_sentences"] is None  # readability alone: no Doc


@pytest.mark.parametrize("n_process", [1, 2])
def test_batch_keeps_order_count_and_ids(blank_nlp, n_process):
    items = [
        "first text.",
        None,
        {"text": "third", "id": "three", "outlet": "O"},
        b"bytes",
        Article("fifth boom", id="five"),
        "",
        {"no_text": 1},
        "eighth.",
    ]
    profiles = list(framing.analyze_many(items, nlp=blank_nlp, analyzers=R + [_Boom()], batch_size=2, n_process=n_process))
    assert [p.id for p in profiles] == ["0", "1", "three", "3", "five", "5", "6", "7"]
    errors = [p.error is not None for p in profiles]
    assert errors == [False, True, False, True, True, False, True, False]
    assert "NoneType" in profiles[1].error and "bytes" in profiles[3].error
    assert "exploded" in profiles[4].error and "boom" in profiles[4].error
    assert profiles[1].to_dict()["readability"] is None
    assert profiles[2].outlet == "O"
    assert profiles[0]["boom"]["n"] == 3


@pytest.mark.parametrize("n_process", [1, 2])
def test_on_error_raise_names_the_article(blank_nlp, n_process):
    with pytest.raises(ArticleError) as info:
        list(framing.analyze_many(["ok.", Article("boom", id="bad-one")], nlp=blank_nlp, analyzers=[_Boom()],
                                  on_error="raise", n_process=n_process))
    assert info.value.article_id == "bad-one" and "bad-one" in str(info.value)
    with pytest.raises(ArticleError, match="article 1"):
        list(framing.analyze_many(["ok.", None], nlp=blank_nlp, analyzers=R, on_error="raise", n_process=n_process))


def test_bad_batch_arguments_fail_eagerly(blank_nlp):
    with pytest.raises(InputValueError, match="on_error"):
        framing.analyze_many([], nlp=blank_nlp, analyzers=R, on_error="ignore")
    with pytest.raises(InputValueError, match="batch_size"):
        framing.analyze_many([], nlp=blank_nlp, analyzers=R, batch_size=0)


@pytest.mark.parametrize("n_process", [1, 2])
def test_generator_input_is_streamed(blank_nlp, n_process):
    read = []

    def gen():
        for i in range(300):
            read.append(i)
            yield f"Article number {i}."

    out = framing.analyze_many(gen(), nlp=blank_nlp, analyzers=R, batch_size=4, n_process=n_process)
    first = next(out)
    assert first.id == "0"
    # read lazily: one memory zone of articles (serial), or two tasks per worker ahead
    from framing.engine import ZONE_ARTICLES

    assert len(read) <= (ZONE_ARTICLES if n_process == 1 else 4 * (2 * n_process + 1))
    assert [p.id for p in out] == [str(i) for i in range(1, 300)]


class _DieInWorker:
    """Kills the worker process that analyzes "die" (as an out-of-memory kill would)."""

    name, version, requires = "die", "1", ()

    def __init__(self) -> None:
        import os

        self.parent = os.getpid()

    def analyze(self, doc, context):
        import os

        if context.text == "die" and os.getpid() != self.parent:
            os._exit(3)
        return {}


def test_a_dead_worker_is_an_error_not_a_hang(blank_nlp):
    with pytest.raises(FramingError, match="E036"):
        list(framing.analyze_many(["ok", "die", "ok"] * 4, nlp=blank_nlp, analyzers=[_DieInWorker()],
                                  n_process=2, batch_size=2))


def test_two_processes_give_the_serial_profiles(nlp):
    texts = [
        "Officials in Tripoli said the port was shelled on Tuesday.",
        "\"We will not negotiate,\" Marshal Khalifa Haftar told reporters in Moscow.",
        "According to Reuters, three civilians were killed.",
    ] * 3
    serial = [p.to_dict() for p in framing.analyze_many(texts, nlp=nlp)]
    assert [p.to_dict() for p in framing.analyze_many(texts, nlp=nlp, n_process=2, batch_size=2)] == serial
    assert [p.to_dict() for p in framing.analyze_many(texts, nlp=nlp, n_process=-1)] == serial


def test_long_text_is_parsed_in_chunks_with_original_offsets():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 200
    text = ("Haftar forces bombed the port. " * 4 + "\n\n") * 12 + "The end"
    assert len(text) > nlp.max_length
    profiles = list(framing.analyze_many(["short one.", text, "after."], nlp=nlp, analyzers=R + [_Spans()]))
    assert [p.error for p in profiles] == [None, None, None]
    spans = profiles[1]["spans"]["items"]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert spans[-1]["text"] == "end"
    single = framing.analyze(text, nlp=nlp, analyzers=R + [_Spans()])
    assert single["spans"] == profiles[1]["spans"]


def test_pipeline_info_recorded(blank_nlp):
    p = framing.analyze("x", nlp=blank_nlp, analyzers=R)
    assert p.pipeline["framing_version"] == framing.__version__
    assert p.pipeline["spacy_model"] == "blank:en"
    assert p.pipeline["analyzers"] == {"readability": "1"}


def test_doc_text_mismatch_is_refused(blank_nlp):
    from framing.engine import Engine

    engine = Engine(blank_nlp, R)
    with pytest.raises(InputValueError, match="differs"):
        engine.profile_doc(blank_nlp("other"), Article("text"))
