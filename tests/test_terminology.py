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


# -- labels on hand-built Docs (each rule apart from one model's parse) ---------------------
def hand_doc(blank_nlp, rows, ents=None):
    """A Doc from (word, space, head, dep, pos) rows."""
    from spacy.tokens import Doc

    words, spaces, heads, deps, pos = (list(c) for c in zip(*rows))
    return Doc(blank_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents)


def labels_of(doc, start, end, blocked=(), is_title=False):
    from framing.terminology.labels import mention_labels

    return [(label.kind, doc[label.start:label.end].text)
            for label in mention_labels(doc, doc[start:end], set(blocked), is_title=is_title)]


def test_title_keeps_the_modifier_that_carries_the_word_choice(blank_nlp):
    # "Al-Wefaq Prime Minister Fayez al-Sarraj said" (Al-Wefaq is another actor: still part of the title)
    doc = hand_doc(blank_nlp, [
        ("Al", False, 2, "compound", "PROPN"), ("-", False, 2, "punct", "PUNCT"), ("Wefaq", True, 4, "compound", "PROPN"),
        ("Prime", True, 4, "compound", "PROPN"), ("Minister", True, 6, "compound", "PROPN"),
        ("Fayez", True, 6, "compound", "PROPN"), ("Sarraj", True, 7, "nsubj", "PROPN"), ("said", False, 7, "ROOT", "VERB")])
    assert labels_of(doc, 5, 7) == [("title", "Al-Wefaq Prime Minister")]


def test_title_with_of_phrase_and_rank_splits_in_two(blank_nlp):
    # "The Minister of Defense of the Russian Federation Army General Sergei Shoigu met"
    doc = hand_doc(blank_nlp, [
        ("The", True, 1, "det", "DET"), ("Minister", True, 12, "nsubj", "PROPN"), ("of", True, 1, "prep", "ADP"),
        ("Defense", True, 2, "pobj", "PROPN"), ("of", True, 1, "prep", "ADP"), ("the", True, 11, "det", "DET"),
        ("Russian", True, 7, "compound", "PROPN"), ("Federation", True, 9, "compound", "PROPN"),
        ("Army", True, 9, "compound", "PROPN"), ("General", True, 11, "compound", "PROPN"),
        ("Sergei", True, 11, "compound", "PROPN"), ("Shoigu", True, 4, "pobj", "PROPN"), ("met", False, 12, "ROOT", "VERB")])
    assert labels_of(doc, 10, 12) == [("title", "Minister of Defense of the Russian Federation"), ("title", "Army General")]


def test_title_belongs_to_the_name_it_heads_not_to_a_name_inside_it(blank_nlp):
    # "chief White House correspondent John Roberts reports": nothing for the White House
    doc = hand_doc(blank_nlp, [
        ("chief", True, 3, "amod", "ADJ"), ("White", True, 2, "compound", "PROPN"), ("House", True, 3, "compound", "PROPN"),
        ("correspondent", True, 5, "compound", "NOUN"), ("John", True, 5, "compound", "PROPN"),
        ("Roberts", True, 6, "nsubj", "PROPN"), ("reports", False, 6, "ROOT", "VERB")])
    assert labels_of(doc, 1, 3) == []
    assert labels_of(doc, 4, 6) == [("title", "chief White House correspondent")]


def test_title_never_crosses_a_conjunction_to_the_previous_person(blank_nlp):
    # "Vice President Mike Pence and incoming minority leader Kevin McCarthy met"
    doc = hand_doc(blank_nlp, [
        ("Vice", True, 1, "compound", "PROPN"), ("President", True, 3, "compound", "PROPN"), ("Mike", True, 3, "compound", "PROPN"),
        ("Pence", True, 10, "nsubj", "PROPN"), ("and", True, 3, "cc", "CCONJ"), ("incoming", True, 7, "amod", "ADJ"),
        ("minority", True, 7, "compound", "NOUN"), ("leader", True, 9, "compound", "NOUN"), ("Kevin", True, 9, "compound", "PROPN"),
        ("McCarthy", True, 3, "conj", "PROPN"), ("met", False, 10, "ROOT", "VERB")])
    assert labels_of(doc, 2, 4, blocked={8, 9}) == [("title", "Vice President")]
    assert labels_of(doc, 8, 10, blocked={2, 3}) == [("title", "incoming minority leader")]


def test_courtesy_titles_and_ordinals_are_not_labels(blank_nlp):
    # "the first Mr. Bush did"
    doc = hand_doc(blank_nlp, [
        ("the", True, 3, "det", "DET"), ("first", True, 3, "amod", "ADJ"), ("Mr.", True, 3, "compound", "PROPN"),
        ("Bush", True, 4, "nsubj", "PROPN"), ("did", False, 4, "ROOT", "VERB")])
    assert labels_of(doc, 3, 4) == []


def test_measures_and_verbs_are_not_labels(blank_nlp):
    # "17 percent Smith", "examine" as a bare verb modifier: never labels
    doc = hand_doc(blank_nlp, [
        ("17", True, 1, "nummod", "NUM"), ("percent", True, 2, "compound", "NOUN"), ("Smith", True, 4, "nsubj", "PROPN"),
        ("examine", True, 2, "amod", "VERB"), ("left", False, 4, "ROOT", "VERB")])
    assert labels_of(doc, 2, 3) == []


def test_apposition_must_follow_the_name_directly(blank_nlp):
    # "Mattis and John Bolton, the new adviser, met": the adviser is Bolton, not Mattis
    doc = hand_doc(blank_nlp, [
        ("Mattis", True, 9, "nsubj", "PROPN"), ("and", True, 0, "cc", "CCONJ"), ("John", True, 3, "compound", "PROPN"),
        ("Bolton", False, 0, "conj", "PROPN"), (",", True, 0, "punct", "PUNCT"), ("the", True, 7, "det", "DET"),
        ("new", True, 7, "amod", "ADJ"), ("adviser", False, 0, "appos", "NOUN"), (",", True, 0, "punct", "PUNCT"),
        ("met", False, 9, "ROOT", "VERB")])
    assert labels_of(doc, 0, 1) == []


def test_apposition_and_copula(blank_nlp):
    # "Salama, the UN envoy, said Haftar is a warlord ."
    doc = hand_doc(blank_nlp, [
        ("Salama", False, 6, "nsubj", "PROPN"), (",", True, 0, "punct", "PUNCT"), ("the", True, 4, "det", "DET"),
        ("UN", True, 4, "compound", "PROPN"), ("envoy", False, 0, "appos", "NOUN"), (",", True, 0, "punct", "PUNCT"),
        ("said", True, 6, "ROOT", "VERB"), ("Haftar", True, 8, "nsubj", "PROPN"), ("is", True, 6, "ccomp", "AUX"),
        ("a", True, 10, "det", "DET"), ("warlord", True, 8, "attr", "NOUN"), (".", False, 6, "punct", "PUNCT")])
    doc[8].lemma_ = "be"
    assert labels_of(doc, 0, 1) == [("apposition", "UN envoy")]
    assert labels_of(doc, 7, 8) == [("predicate", "warlord")]


def test_title_mention_is_one_label_not_split(blank_nlp):
    # "the prime minister said": a title mention "prime" widens to "prime minister"
    doc = hand_doc(blank_nlp, [
        ("the", True, 2, "det", "DET"), ("prime", True, 2, "amod", "ADJ"), ("minister", True, 3, "nsubj", "NOUN"),
        ("said", False, 3, "ROOT", "VERB")])
    assert labels_of(doc, 1, 2, is_title=True) == [("title", "prime minister")]


def test_unparsed_doc_reads_title_words_only(blank_nlp):
    doc = blank_nlp("Retired Major General Khalifa Hifter and Mr. Smith spoke.")
    assert labels_of(doc, 3, 5) == [("title", "Retired Major General")]
    assert labels_of(doc, 8, 9) == []


# -- voices, roles, scare quotes -----------------------------------------------------------
def test_voices_three_apart():
    from framing.terminology.voice import Voices

    text = 'A said B, the envoy, left. "C is a thug," D said. E, the minister, confirmed that F won.'

    def span(a, b):  # from the start of a to the end of b
        return {"start": text.index(a), "end": text.index(b) + len(b)}

    items = [{"kind": "indirect", "source": span("A", "A"), "content": span("B, the", "left")},
             {"kind": "indirect", "source": span("E, the", "minister"), "content": span("that F", "won")}]
    quotes = [(text.index("C is"), text.index('," D'))]
    voices = Voices.from_attribution(quotes, items)
    at = {w: text.index(w) for w in ("envoy", "thug", "minister", "won")}
    assert voices.voice(at["envoy"], at["envoy"] + 5) == "reported"
    assert voices.voice(at["thug"], at["thug"] + 4) == "quoted"
    assert voices.voice(at["minister"], at["minister"] + 8) == "narrator"  # the source's own title
    assert voices.voice(at["won"], at["won"] + 3) == "reported"


def test_claims_find_the_innermost_attribution():
    from framing.terminology.roles import Claims

    outer = {"content": {"start": 10, "end": 100}, "actor": "tass"}
    inner = {"content": {"start": 40, "end": 60}, "actor": "ministry", "stance": "neutral"}
    claims = Claims([outer, inner], [(70, 80)])
    assert claims.claim(45, 50) == (True, inner)
    assert claims.claim(20, 25) == (True, outer)
    assert claims.claim(72, 75) == (True, outer)  # quoted words inside the outer content are its source's
    assert claims.claim(0, 5) == (False, None)
    assert Claims([], [(70, 80)]).claim(72, 75) == (True, None)


def test_scare_quotes_short_and_unattributed(blank_nlp):
    from framing.terminology.voice import quote_ranges, scare_quotes

    text = 'The so-called "peace plan" was signed. "We will win this war," he said. The "invasion" began today.'
    doc = blank_nlp(text)
    said = text.index("he said")
    items = [{"kind": "direct", "source": {"start": said, "end": said + 2}, "cue": {"start": said + 3, "end": said + 7},
              "content": {"start": text.index("We"), "end": text.index('," he')}}]
    found = [text[s:e] for s, e in scare_quotes(doc, quote_ranges(text), items)]
    assert found == ["peace plan", "invasion"]


@pytest.mark.model
def test_attributed_roles_are_not_the_narrators(nlp):
    text = "Ford alleges Kavanaugh groped her. Kavanaugh denied the claim."
    catalog = {"actor": [{"id": "kav", "name": "Brett Kavanaugh", "type": "person", "aliases": ["Kavanaugh"]}]}
    section = term_of(text, nlp, analyzers=["actors", "attribution", "terminology"], catalog=catalog)
    kav = section["actors"]["kav"]
    assert "grope" not in kav["roles"]["agent"]
    assert kav["roles"]["agent"].get("deny") == 1
    (denied,) = kav["role_spans"]  # where the narrator's role is: mention to verb
    assert denied == {"role": "agent", "verb": "deny", "start": text.index("Kavanaugh denied"),
                      "end": text.index(" the claim"), "text": "Kavanaugh denied"}
    assert any(r["verb"] == "grope" and r["role"] == "agent" for r in kav["attributed_roles"])
    for r in kav["attributed_roles"]:
        assert text[r["span"]["start"]:r["span"]["end"]] == r["span"]["text"]
    text = "Christine Blasey Ford has said Kavanaugh sexually assaulted her at a party in 1982."
    section = term_of(text, nlp, analyzers=["actors", "attribution", "terminology"], catalog=catalog)
    kav = section["actors"]["kav"]
    assert "assault" not in kav["roles"]["agent"]
    assert [(r["role"], r["verb"]) for r in kav["attributed_roles"]] == [("agent", "assault")]


@pytest.mark.model
def test_speakers_own_title_is_the_narrators(nlp):
    text = ("The Russian Information Agency quoted Russian Defense Minister Sergey Shoigu as saying that he met "
            "with retired Major General Khalifa Hifter and agreed with him that a political settlement is the only "
            "option, while Libyan Prime Minister Fayez Al-Sarraj confirmed that talk of continuing peace "
            "negotiations was overtaken by events.")
    section = term_of(text, nlp, analyzers=["actors", "attribution", "terminology"])
    sarraj = actor_entry(section, "Sarraj")
    assert "Libyan Prime Minister" in sarraj["narrator_labels"]
    assert set(sarraj) >= {"narrator_labels", "reported_labels", "quoted_labels", "attributed_roles"}
    assert "retired Major General" in actor_entry(section, "Hifter")["reported_labels"]


@pytest.mark.model
def test_labels_on_short_sentences(nlp):
    text = ("Vice President Mike Pence and incoming minority leader Kevin McCarthy met Mr. Trump. "
            "Defense Secretary Jim Mattis spoke.")
    section = term_of(text, nlp)
    pence, mccarthy = actor_entry(section, "Pence"), actor_entry(section, "McCarthy")
    assert "incoming minority leader" in mccarthy["labels"] and "incoming minority leader" not in pence["labels"]
    assert "Defense Secretary" in actor_entry(section, "Mattis")["labels"]
    assert not any("Mr." in label for entry in section["actors"].values() for label in entry["labels"])


@pytest.mark.model
def test_scare_quotes_section(nlp):
    text = 'Officials called the plan a "ceasefire" but fighting went on. The so-called "peace talks" collapsed.'
    section = term_of(text, nlp, analyzers=["actors", "attribution", "terminology"])
    for span in section["scare_quotes"]:
        assert text[span["start"]:span["end"]] == span["text"]
    assert "peace talks" in [s["text"] for s in section["scare_quotes"]]
    assert section["metrics"]["scare_quotes_per_100_words"] > 0


def test_apposition_after_a_parenthesis_and_not_a_quoted_fragment(blank_nlp):
    # "Cummings (D-Md.), ranking member, said": the parenthesis does not break the apposition
    doc = hand_doc(blank_nlp, [
        ("Cummings", True, 8, "nsubj", "PROPN"), ("(", False, 0, "punct", "PUNCT"), ("D-Md.", False, 0, "appos", "PROPN"),
        (")", False, 0, "punct", "PUNCT"), (",", True, 0, "punct", "PUNCT"), ("ranking", True, 6, "amod", "ADJ"),
        ("member", False, 0, "appos", "NOUN"), (",", True, 0, "punct", "PUNCT"), ("said", False, 8, "ROOT", "VERB")])
    assert labels_of(doc, 0, 1) == [("apposition", "ranking member")]
    # "'an inspiration' Hillary, Chelsea Clinton": a quotation mark inside is no label
    doc = hand_doc(blank_nlp, [
        ("'", False, 2, "punct", "PUNCT"), ("an", True, 2, "det", "DET"), ("inspiration", False, 5, "nmod", "NOUN"),
        ("'", True, 2, "punct", "PUNCT"), ("Hillary", False, 5, "compound", "PROPN"), (",", True, 5, "punct", "PUNCT"),
        ("Chelsea", True, 7, "compound", "PROPN"), ("Clinton", True, 2, "appos", "PROPN"), ("spoke", False, 8, "ROOT", "VERB")])
    assert labels_of(doc, 6, 8) == []


def test_plural_before_a_name_and_hyphen_fragments_are_not_labels(blank_nlp):
    # "Protesters in Portland, Ore., left": Ore. gets nothing
    doc = hand_doc(blank_nlp, [
        ("Protesters", True, 6, "nsubj", "NOUN"), ("in", True, 0, "prep", "ADP"), ("Portland", False, 1, "pobj", "PROPN"),
        (",", True, 2, "punct", "PUNCT"), ("Ore.", False, 0, "appos", "PROPN"), (",", True, 0, "punct", "PUNCT"),
        ("left", False, 6, "ROOT", "VERB")])
    doc[0].tag_ = "NNS"
    assert labels_of(doc, 4, 5) == []
    # "non-emergency American employees" parsed with "non" on American: a fragment, not a modifier
    doc = hand_doc(blank_nlp, [
        ("non", False, 3, "amod", "ADJ"), ("-", False, 2, "punct", "PUNCT"), ("emergency", True, 4, "amod", "ADJ"),
        ("American", True, 4, "amod", "ADJ"), ("employees", False, 4, "ROOT", "NOUN")])
    assert labels_of(doc, 3, 4) == []


def test_a_quoted_word_given_by_a_subject_is_not_a_scare_quote(blank_nlp):
    from framing.terminology.voice import quote_ranges, scare_quotes

    # 'Trump called the Democrats "obstructionist" on Friday .'
    doc = hand_doc(blank_nlp, [
        ("Trump", True, 1, "nsubj", "PROPN"), ("called", True, 1, "ROOT", "VERB"), ("the", True, 3, "det", "DET"),
        ("Democrats", True, 1, "dobj", "PROPN"), ('"', False, 5, "punct", "PUNCT"), ("obstructionist", False, 1, "oprd", "ADJ"),
        ('"', True, 5, "punct", "PUNCT"), ("on", True, 1, "prep", "ADP"), ("Friday", True, 7, "pobj", "PROPN"),
        (".", False, 1, "punct", "PUNCT")])
    doc[1].lemma_ = "call"
    assert scare_quotes(doc, quote_ranges(doc.text), []) == []
    doc[1].lemma_ = "reach"  # a verb that gives no word to its subject: the quote is the narrator's
    assert [doc.text[s:e] for s, e in scare_quotes(doc, quote_ranges(doc.text), [])] == ["obstructionist"]


def test_roles_climb_to_the_group_noun_but_not_through_a_title(blank_nlp):
    from framing.terminology.roles import role_of

    # "Haftar forces bombed the port": agent of bomb
    doc = hand_doc(blank_nlp, [
        ("Haftar", True, 1, "compound", "PROPN"), ("forces", True, 2, "nsubj", "NOUN"), ("bombed", True, 2, "ROOT", "VERB"),
        ("the", True, 4, "det", "DET"), ("port", False, 2, "dobj", "NOUN")])
    doc[2].lemma_ = "bomb"
    kind, verb = role_of(doc[0:1], frozenset({"envoy"}))
    assert (kind, verb.lemma_) == ("agent", "bomb")
    # "the UN envoy is trying": the UN is not the one trying
    doc = hand_doc(blank_nlp, [
        ("the", True, 2, "det", "DET"), ("UN", True, 2, "compound", "PROPN"), ("envoy", True, 4, "nsubj", "NOUN"),
        ("is", True, 4, "aux", "AUX"), ("trying", False, 4, "ROOT", "VERB")])
    assert role_of(doc[1:2], frozenset({"envoy"})) is None
    assert role_of(doc[2:3], frozenset({"envoy"}))[0] == "agent"
