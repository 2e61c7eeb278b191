"""Target-dependent sentiment: the model, the VADER backend, the batch API, the analyzer."""

from __future__ import annotations

import json

import numpy as np
import pytest

import framing
from framing.errors import InputTypeError, InputValueError
from framing.sentiment import TargetSentiment, score_targets, sentiment_toward_many
from framing.sentiment.features import featurize
from framing.sentiment.model import default_model

BOMB = "Haftar forces bombed the port, killing three civilians."
SUPPORT = "Erdogan said his country will continue to support the legitimate government."


def test_shipped_model_is_plain_arrays():
    from importlib import resources

    folder = resources.files("framing.sentiment").joinpath("data")
    meta = json.loads(folder.joinpath("model.json").read_text(encoding="utf-8"))
    assert meta["classes"] == ["negative", "neutral", "positive"]
    assert "NewsMTSC" in meta["source"] and meta["command"].startswith("python benchmarks/train_sentiment.py")
    with folder.joinpath("model.npz").open("rb") as fh:
        npz = np.load(fh, allow_pickle=False)
        assert npz["coef"].shape == (3, len(meta["features"]))
    model = default_model()
    assert model.proba([{"bias": 1.0}]).shape == (1, 3)


def test_target_dependent_polarity(nlp):
    bomb = framing.sentiment_toward(BOMB, 0, 13, nlp=nlp)
    assert isinstance(bomb, TargetSentiment) and bomb.label == "negative" and -1 <= bomb.score < 0
    gov = SUPPORT.index("legitimate government")
    support = framing.sentiment_toward(SUPPORT, gov, gov + len("legitimate government"), nlp=nlp)
    assert support.label == "positive" and support.score > 0
    assert abs(sum(support.probabilities.values()) - 1) < 1e-6


def test_vader_backend_per_mention(nlp):
    result = framing.sentiment_toward(BOMB, 0, 13, nlp=nlp, backend="vader")
    assert result.backend == "vader" and result.label == "negative" and result.probabilities == {}


def test_same_sentence_different_targets(nlp):
    text = "Police arrested the gunman who had attacked the peaceful protesters."
    doc = nlp(text)
    gunman = text.index("the gunman"), text.index("the gunman") + len("the gunman")
    protesters = text.index("the peaceful protesters"), len(text) - 1
    a, b = score_targets(doc, [gunman, protesters])
    assert a.score < b.score


def test_batch_api_parses_each_text_once(nlp):
    calls = []

    class Counting:
        def pipe(self, texts, batch_size=64):
            texts = list(texts)
            calls.append(len(texts))
            return nlp.pipe(texts, batch_size=batch_size)

    out = sentiment_toward_many([(BOMB, [(0, 13), (0, 6)]), (SUPPORT, [(0, 7)]), (BOMB, [(24, 28)])], nlp=Counting())
    assert calls == [2]
    assert [len(r) for r in out] == [2, 1, 1]


@pytest.mark.parametrize(("start", "end", "error"), [(5, 5, InputValueError), (-1, 3, InputValueError),
                                                      (0, 999, InputValueError), ("0", 3, InputTypeError)])
def test_bad_offsets(nlp, start, end, error):
    with pytest.raises(error):
        framing.sentiment_toward(BOMB, start, end, nlp=nlp)


def test_bad_backend_and_text(nlp):
    with pytest.raises(InputValueError, match="E100"):
        framing.sentiment_toward(BOMB, 0, 3, nlp=nlp, backend="bert")
    with pytest.raises(InputTypeError):
        framing.sentiment_toward(b"bytes", 0, 3, nlp=nlp)


def test_features_mask_the_target(nlp):
    doc = nlp(BOMB)
    feats = featurize(doc, 0, 13)
    assert "b:haftar" not in feats and "b:<T>_bombed" in feats
    assert feats["r:agent"] == 1.0 and "d:agent:bomb" in feats


def test_features_see_sides_syntax_and_the_sentence_mood(nlp):
    doc = nlp("Rebels attacked the peaceful village, and the army defended it bravely.")
    start = doc.text.index("army")
    feats = featurize(doc, start, start + len("army"))
    assert feats["lw:the"] == 1.0 and feats["rw:defended"] == 1.0
    assert feats["x:dep=nsubj"] == 1.0
    assert feats["x:sent_pos"] > 0 or feats["x:sent_neg"] > 0
    # "bravely" and "defended" hang on the army's verb: near in the tree
    assert feats.get("g:1_pos", 0) > 0
    # the sentence's VADER score is computed once per sentence of the Doc
    cache = doc.user_data["framing.sentiment.compound"]
    assert len(cache) == 1
    featurize(doc, 0, len("Rebels"))
    assert len(cache) == 1


def test_analyzer_section(nlp, blank_nlp):
    text = BOMB + " Turkish President Recep Tayyip Erdogan praised Fayez al-Sarraj for his courage."
    section = framing.analyze(text, nlp=nlp, analyzers=["actors", "sentiment"])["sentiment"]
    assert section["metrics"]["n_scored"] >= 2
    for entry in section["actors"].values():
        assert -1 <= entry["score"] <= 1 and entry["n"] == sum(entry["labels"].values())
        ev = entry["most_negative"]
        assert text[ev["context"]["start"]:ev["context"]["end"]] == ev["context"]["text"]
        assert ev["context"]["start"] <= ev["mention"]["start"] < ev["mention"]["end"] <= ev["context"]["end"]
        _check_mentions(text, entry)
    empty = framing.analyze("", nlp=nlp, analyzers=["actors", "sentiment"])["sentiment"]
    assert empty["actors"] == {} and empty["metrics"]["mean_score"] is None
    blank = framing.analyze(text, nlp=blank_nlp, analyzers=["actors", "sentiment"], catalog={"actor": [
        {"id": "lna", "name": "LNA", "aliases": ["Haftar forces"]}]})["sentiment"]
    assert blank["actors"]["lna"]["n"] == 1
    _check_mentions(text, blank["actors"]["lna"])
    assert blank["actors"]["lna"]["mentions"][0]["context"]["text"] == BOMB


def _check_mentions(text, entry):
    """Every mention the score averages is there, inside its sentence, with its label."""
    mentions = entry["mentions"]
    assert len(mentions) == entry["n"]
    assert {k: sum(m["label"] == k for m in mentions) for k in entry["labels"]} == entry["labels"]
    for m in mentions:
        ctx = m["context"]
        assert text[ctx["start"]:ctx["end"]] == ctx["text"] and ctx["text"] == ctx["text"].strip()
        assert ctx["start"] <= m["start"] < m["end"] <= ctx["end"] and -1 <= m["score"] <= 1


def test_seed_haftar_scores(seeds, nlp):
    """The agency-based article (000: bombing, victims) speaks worse of Haftar and of the
    Libyan National Army than the ministry-based one (003: diplomacy)."""
    by_prefix = {name[:3]: text for name, text in seeds.items()}
    haftar, lna = {}, {}
    for key in ("000", "003"):
        profile = framing.analyze(by_prefix[key], nlp=nlp, analyzers=["actors", "sentiment"])
        items = profile["actors"]["items"]
        sentiment = profile["sentiment"]["actors"]
        person = next(i["id"] for i in items if i["type"] == "person" and any(a in i["name"] for a in ("Haftar", "Hifter")))
        army = next(i["id"] for i in items if "Libyan National Army" in i["name"])
        haftar[key], lna[key] = sentiment[person]["score"], sentiment[army]["score"]
    assert haftar["000"] < haftar["003"]
    assert lna["000"] < lna["003"]


def test_token_vectors_only_from_the_pipeline_the_model_was_trained_on(nlp, blank_nlp):
    import warnings

    import spacy

    from framing.errors import FramingWarning
    from framing.pipeline import pipeline_name

    model = default_model()
    assert model.dense_coef.shape == (3, model.meta["dense"]["width"]) == (3, len(model.dense_mean))
    if model.dense_pipeline != pipeline_name(nlp):
        pytest.skip(f"the model's token vectors come from {model.dense_pipeline}, the tests run {pipeline_name(nlp)}")
    span = [(0, 13)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        known = score_targets(nlp(BOMB), span)[0]  # a pipeline framing loaded: recognised
        assert score_targets(nlp(BOMB), span, nlp=nlp)[0] == known
        assert score_targets(blank_nlp(BOMB), span)[0].label  # no vectors at all: nothing to warn of
    # the same package loaded by hand: its vectors are used when the caller says which pipeline it is
    own = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    assert score_targets(own(BOMB), span, nlp=own)[0].probabilities == pytest.approx(known.probabilities)
    with pytest.warns(FramingWarning, match="pass nlp="):
        without = score_targets(own(BOMB), span)[0]
    assert without.probabilities != pytest.approx(known.probabilities)


def test_dense_weights_come_together():
    from framing.sentiment.model import LinearModel

    meta = json.dumps({"features_version": default_model().meta["features_version"], "features": ["bias"],
                       "classes": ["negative", "neutral", "positive"]})
    arrays = {"coef": np.zeros((3, 1)), "intercept": np.zeros(3), "dense_mean": np.zeros(2)}
    with pytest.raises(ValueError, match="come together"):
        LinearModel.from_files(meta, arrays)
    plain = LinearModel.from_files(meta, {"coef": np.zeros((3, 1)), "intercept": np.zeros(3)})
    assert plain.dense_pipeline is None
    assert plain.proba([{"bias": 1.0}], [np.ones(2)]).tolist() == [[1 / 3, 1 / 3, 1 / 3]]
    with pytest.raises(ValueError, match="static_mean, static_scale, static_coef come together"):
        LinearModel.from_files(meta, {"coef": np.zeros((3, 1)), "intercept": np.zeros(3), "static_coef": np.zeros((3, 2))})


def test_held_out_scoring_command_reads_newsmtsc_files(nlp, tmp_path, capsys):
    """``eval_sentiment.py --test FILE`` scores the shipped model on a held-out file."""
    import importlib.util
    from pathlib import Path

    rows = [
        {"sentence_normalized": BOMB, "targets": [{"from": 0, "to": 13, "polarity": 2.0}]},
        {"sentence_normalized": SUPPORT, "targets": [
            {"from": 0, "to": 7, "polarity": 4.0},
            {"from": SUPPORT.index("legitimate"), "to": len(SUPPORT) - 1, "polarity": 6.0}]},
    ]
    path = tmp_path / "held_out.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_sentiment.py"
    spec = importlib.util.spec_from_file_location("eval_sentiment", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--test", str(path)]) == 0
    out = capsys.readouterr().out
    assert "held_out.jsonl: 3 targets in 2 sentences" in out
    assert "framing model (shipped):  macro-F1" in out
    assert module.main(["--test", str(tmp_path / "missing.jsonl")]) == 2


def test_mention_context_is_the_line_without_sentence_boundaries():
    import spacy

    from framing.analyzers.sentiment import _sentence_bounds

    text = "  First line about Haftar.  \nSecond line here.\n"
    doc = spacy.blank("en")(text)
    start = text.index("Haftar")
    lo, hi = _sentence_bounds(doc, text, start, start + 6, has_sents=False)
    assert text[lo:hi] == "First line about Haftar."
    start = text.index("Second")
    assert text[slice(*_sentence_bounds(doc, text, start, start + 6, has_sents=False))] == "Second line here."


# -- the per-article aggregation ---------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from framing.sentiment.aggregate import LABEL_THRESHOLD, default_aggregation, from_dict, pronoun_targets  # noqa: E402

_LABELS = ("negative", "neutral", "positive")


def test_shipped_aggregation_names_its_source():
    agg = default_aggregation()
    assert "PerSenT" in agg.meta["source"] and agg.meta["command"].startswith("python benchmarks/eval_persent.py")
    assert -1 < agg.band[0] < agg.band[1] < 1 and agg.pronoun_weight >= 0
    with pytest.raises(ValueError, match="band"):
        from_dict({"pronoun_weight": 0.5, "band": [0.2, 0.1]})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(-1, 1), st.sampled_from(_LABELS), st.booleans()), min_size=1, max_size=12))
def test_aggregate_is_bounded_and_never_contradicts_its_mentions(mentions):
    scores, labels, pronoun = zip(*mentions)
    score, label = default_aggregation()(list(scores), list(labels), list(pronoun))
    assert -1 <= score <= 1
    assert label == "neutral" or label in labels
    assert label == ("negative" if score <= -LABEL_THRESHOLD else "positive" if score >= LABEL_THRESHOLD else "neutral")


@given(st.floats(-1, 1), st.floats(-1, 1))
def test_calibration_is_monotone_and_centred_on_the_band(a, b):
    agg = default_aggregation()
    lo, hi = agg.band
    assert (agg.calibrate(a) - agg.calibrate(b)) * (a - b) >= 0
    assert agg.calibrate(lo) == pytest.approx(-LABEL_THRESHOLD) and agg.calibrate(hi) == pytest.approx(LABEL_THRESHOLD)
    assert agg.calibrate((lo + hi) / 2) == pytest.approx(0) and agg.calibrate(-1) == -1 and agg.calibrate(1) == 1


def test_pronouns_weigh_less_and_a_blocked_label_folds_into_the_band():
    agg = from_dict({"pronoun_weight": 0.5, "band": [-0.4, -0.2]})
    assert agg.weighted_mean([0.0, -0.6], [False, True]) == pytest.approx(-0.2)
    # mean 0.0 lies above the band: positive if a mention says so, else neutral near the edge
    assert agg([0.0, 0.0], ["positive", "neutral"], [False, False])[1] == "positive"
    score, label = agg([0.0, 0.0], ["neutral", "neutral"], [False, False])
    assert label == "neutral" and LABEL_THRESHOLD / 2 <= score < LABEL_THRESHOLD


def test_pronoun_targets_go_to_the_person_named_last():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["He", "met", "Smith", ".", "She", "thanked", "him", "and", "Jones", "praised", "her", "."]
    doc = Doc(Vocab(), words=words, spaces=[True, True, False, True, True, True, True, True, True, True, False, False])
    text = doc.text
    smith, jones = text.index("Smith"), text.index("Jones")
    people = [("smith", smith, smith + 5), ("jones", jones, jones + 5)]
    words = {"he", "him", "she", "her"}
    got = [(actor, text[s:e]) for actor, s, e in pronoun_targets(doc, people, words)]
    assert got == [("smith", "She"), ("smith", "him"), ("jones", "her")]  # "He" precedes every name
    assert pronoun_targets(doc, [], words) == []


def test_sentiment_reads_the_person_pronouns_of_the_one_pronoun_list():
    """One pronoun list (framing/data/pronouns.tsv) for source resolution and sentiment: its
    person pronouns are the words the sentiment analyzer gives to the person named last."""
    from importlib import resources

    from framing.attribution.resolve import pronouns

    words = {w for w, (_, types) in pronouns()[0].items() if "person" in types}
    assert words == {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
    assert not resources.files("framing.sentiment").joinpath("data", "pronouns.tsv").is_file()


def test_analyzer_scores_pronouns_of_a_named_person(nlp):
    text = "Maria Lopez opened a clinic in the village. She treated hundreds of patients for free."
    entry = framing.analyze(text, nlp=nlp, analyzers=["actors", "sentiment"])["sentiment"]["actors"]
    lopez = next(e for e in entry.values() if any(m.get("kind") == "pronoun" for m in e["mentions"]))
    pronoun = next(m for m in lopez["mentions"] if m.get("kind") == "pronoun")
    assert text[pronoun["start"]:pronoun["end"]] == "She"
    assert pronoun["context"]["text"] == "She treated hundreds of patients for free."
    raw = framing.analyze(text, nlp=nlp, analyzers=["actors", ("sentiment", {"calibrate": False})])
    assert all(m.get("kind") != "pronoun" for e in raw["sentiment"]["actors"].values() for m in e["mentions"])


def _eval_persent():
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_persent.py"
    spec = importlib.util.spec_from_file_location("eval_persent", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_persent_target_matching_and_scoring():
    """eval_persent.py: TARGET_ENTITY goes to the actor named by its surname; macro-F1 as
    scikit-learn computes it; labels held to the mentions."""
    from sklearn.metrics import f1_score

    module = _eval_persent()
    actors = [{"name": "Howard Dean", "type": "person", "mentions": [1, 2, 3]},
              {"name": "Schmidt", "type": "person", "mentions": [1]},
              {"name": "Howard University", "type": "organization", "mentions": [1, 2, 3, 4]}]
    assert module.match_target("Howard A. Schmidt", actors)["name"] == "Schmidt"
    assert module.match_target("Nobody Else", actors) is None
    y = np.array([0, 1, 2, 2, 1, 0, 2])
    pred = np.array([0, 2, 2, 1, 1, 1, 2])
    assert module.macro_f1(y, pred) == pytest.approx(f1_score(y, pred, average="macro"))
    values = np.array([-0.5, -0.2, 0.1])
    blocked = (np.array([False, True, True]), np.array([True, True, False]))
    assert module.label(values, -0.3, 0.0, blocked).tolist() == [1, 1, 1]
    assert module.label(values, -0.3, 0.0, (np.ones(3, bool), np.ones(3, bool))).tolist() == [0, 1, 2]


def test_sentences_match_token_sent():
    """Sentence bounds read once per Doc are what ``Token.sent`` gives for every token."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from framing.sentiment.sentences import sentences

    words = ["He", "left", ".", "She", "stayed", "here", ".", "Then", "rain"]
    doc = Doc(Vocab(), words=words, sent_starts=[True, False, False, True, False, False, False, True, False])
    sents = sentences(doc)
    for token in doc:
        sent = token.sent
        assert sents.bounds(token.i) == (sent.start, sent.end)
        assert sents.char_bounds(token.i) == (sent.start_char, sent.end_char)
    assert sentences(Doc(Vocab(), words=["No", "boundaries"])) is None


def test_features_read_the_own_clause_the_ancestors_and_the_subtree(nlp):
    doc = nlp("Critics angrily claimed that the mayor, who cut taxes, had helped the poor families.")
    start = doc.text.index("the mayor")
    feats = featurize(doc, start, start + len("the mayor"))
    # "helped" sits in the mayor's own clause, "angrily" outside it
    assert feats["c:in_pos"] > 0 and feats["c:out_neg"] > 0 and feats["c:out_pos"] == 0
    assert feats["a:nsubj:help"] == 1.0 and feats["a:ccomp:claim"] == 1.0
    assert feats["s:taxes"] == 1.0 and "s:families" not in feats


def test_without_a_parse_the_sentence_stands_for_the_clause(blank_nlp):
    doc = blank_nlp("Critics angrily attacked the mayor.")
    start = doc.text.index("the mayor")
    feats = featurize(doc, start, start + len("the mayor"))
    assert feats["c:in_neg"] > 0 and feats["c:out_pos"] == feats["c:out_neg"] == 0
    assert not any(k.startswith(("a:", "s:")) for k in feats)


def test_static_features_weigh_the_words_near_the_target(blank_nlp):
    from framing.sentiment.features import TokenTable
    from framing.sentiment.static import StaticVectors, static_features

    vectors = StaticVectors({"good": 0, "bad": 1, "very": 2}, np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]))
    doc = blank_nlp("very bad Smith good !")
    table = TokenTable(doc)
    out = static_features(doc, doc[2:3], (0, len(doc)), table, vectors)
    assert out.shape == (8,)
    # left: "bad" at distance 1 (weight 1), "very" at distance 2 (weight 1/2)
    assert out[0:2].tolist() == pytest.approx([0.5 / 1.5, 1.5 / 1.5])
    assert out[2:4].tolist() == [1.0, 0.0]  # right: "good"; "!" counts for nothing
    assert out[4:6].tolist() == out[6:8].tolist()  # no parse: the clause is the sentence
    assert out[6:8].tolist() == pytest.approx([2 / 3, 2 / 3])
    nothing = static_features(doc, doc[4:5], (4, 5), table, vectors)
    assert nothing.tolist() == [0.0] * 8


def test_static_vectors_load_from_npz_and_count_only_in_a_model_trained_with_them(tmp_path):
    from framing.sentiment.model import LinearModel
    from framing.sentiment.static import load_vectors

    path = tmp_path / "v.npz"
    np.savez(path, words=np.array(["bad", "good"]), vectors=np.array([[0.0, 1.0], [1.0, 0.0]], dtype=np.float16))
    vectors = load_vectors(path)
    assert vectors.index == {"bad": 0, "good": 1} and vectors.vectors.dtype == np.float32
    assert default_model().static_coef is None and default_model().meta["static"] is None  # the shipped model
    meta = json.dumps({"features_version": default_model().meta["features_version"], "features": ["bias"],
                       "classes": ["negative", "neutral", "positive"]})
    arrays = {"coef": np.zeros((3, 1)), "intercept": np.zeros(3), "static_mean": np.zeros(2),
              "static_scale": np.ones(2), "static_coef": np.array([[0.0, 1.0], [0.0, 0.0], [1.0, 0.0]])}
    model = LinearModel.from_files(meta, arrays)
    good, bad = model.proba([{}, {}], static=[np.array([1.0, 0.0]), np.array([0.0, 1.0])])
    assert good.argmax() == 2 and bad.argmax() == 0
