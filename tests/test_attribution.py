"""Attribution: kinds, sources, contents, source types, metrics."""

from __future__ import annotations

import pytest

import framing
from framing.attribution import CueLexicon, default_lexicon


def attributions(text, nlp):
    return framing.analyze(text, nlp=nlp, analyzers=["actors", "attribution"])["attribution"]


def find(section, cue):
    return next(i for i in section["items"] if i["cue"]["text"].lower().startswith(cue))


def test_lexicon_is_learned_and_shipped():
    lex = default_lexicon()
    assert lex.is_cue("say", "VERB") and lex.is_cue("tell", "VERB")
    assert not lex.is_cue("table", "NOUN")
    assert 0 < lex.ratio("say", "VERB") <= 1
    assert isinstance(lex.with_threshold(0.9), CueLexicon)


def test_reported_speech(nlp):
    text = "Prime Minister Fayez al-Sarraj told reporters that the talks were suspended."
    item = find(attributions(text, nlp), "told")
    assert item["kind"] == "indirect"
    assert item["source"]["text"] == "Prime Minister Fayez al-Sarraj"
    assert item["content"]["text"] == "that the talks were suspended"  # PolNeAR includes the complementizer
    assert item["source_type"] == "person" and item["actor"] is not None


def test_direct_quote_with_source_after(nlp):
    text = '"We will not return to the table," the Al-Wefaq government said in a statement.'
    item = find(attributions(text, nlp), "said")
    assert item["kind"] == "direct"
    assert "We will not return to the table" in item["content"]["text"]
    assert item["source"]["text"] == "the Al-Wefaq government"
    assert item["source_type"] == "organization"


def test_according_to_and_media(nlp):
    text = "According to Reuters, the shelling forced the suspension of the talks."
    item = find(attributions(text, nlp), "according")
    assert item["kind"] == "according_to"
    assert item["source"]["text"] == "Reuters"
    assert item["source_type"] == "media"
    assert item["content"]["text"].startswith("the shelling forced")


def test_anonymous_sources(nlp):
    text = "A medical source in the Al-Wefaq government said that three civilians were killed."
    item = find(attributions(text, nlp), "said")
    assert item["source_type"] == "anonymous"
    text = "Officials said the port was closed."
    assert find(attributions(text, nlp), "said")["source_type"] == "anonymous"


def test_named_members_of_a_group_are_people(nlp):
    text = "Two ministers, Sergei Lavrov and Sergei Shoigu, said the talks would continue."
    item = find(attributions(text, nlp), "said")
    assert "Lavrov" in item["source"]["text"]
    assert item["source_type"] == "person"


def test_nested_quoting(nlp):
    text = ("The Russian Information Agency quoted Russian Defense Minister Sergey Shoigu as saying that "
            "he agreed with Haftar on a settlement.")
    section = attributions(text, nlp)
    quoted, saying = find(section, "quoted"), find(section, "saying")
    assert quoted["source"]["text"] == "The Russian Information Agency" and quoted["source_type"] == "media"
    assert saying["source"]["text"] == "Russian Defense Minister Sergey Shoigu"
    assert saying["content"]["text"] == "that he agreed with Haftar on a settlement"


def test_colon_and_mixed_quotes(nlp):
    text = 'The ministry said: the talks will go on. Shoigu said the meeting was "very useful" for both sides.'
    section = attributions(text, nlp)
    assert any(i["content"] and i["content"]["text"].startswith("the talks will go on") for i in section["items"])
    mixed = [i for i in section["items"] if i["cue"]["text"] == "said" and i["source"] and i["source"]["text"] == "Shoigu"]
    assert mixed and mixed[0]["kind"] in ("mixed", "indirect")


def test_colon_headlines_and_named_quotations(nlp):
    text = (
        "Graham: Trump's rhetoric is destroying the Republican Party\n\n"
        'The survey surprised pollster Daron Shaw: "Historically, these numbers never move this fast."\n\n'
        "UPDATE: The vote was moved to Tuesday.\n\nWASHINGTON: The Senate met on Monday."
    )
    colons = [i for i in attributions(text, nlp)["items"] if i["cue"]["text"] == ":"]
    assert [(i["source"]["text"], i["kind"]) for i in colons] == [("Graham", "indirect"), ("Daron Shaw", "direct")]
    assert colons[0]["content"]["text"] == "Trump's rhetoric is destroying the Republican Party"
    assert colons[1]["content"]["text"] == '"Historically, these numbers never move this fast."'


def test_interview_and_transcript_turns(nlp):
    interview = ("Questions and answers have been edited for length.\n\n"
                 "Q: What did you find when you came home?\n\n"
                 "A: My parents were gone, and a neighbour told me they had been taken away.\n\n"
                 "Q: Did anyone take care of you?\n\nA: No one did.")
    turns = [(i["source"]["text"], i["content"]["text"]) for i in attributions(interview, nlp)["items"]
             if i["cue"]["text"] == ":"]
    assert turns == [("Q", "What did you find when you came home?"),
                     ("A", "My parents were gone, and a neighbour told me they had been taken away."),
                     ("Q", "Did anyone take care of you?"), ("A", "No one did.")]
    transcript = ("KATE BOLDUAN: Why not debate?\n\nBENENSON: Senator Sanders does not get to decide when we debate.")
    speakers = [i["source"]["text"] for i in attributions(transcript, nlp)["items"] if i["cue"]["text"] == ":"]
    assert speakers == ["KATE BOLDUAN", "BENENSON"]
    # one capitalised label is a dateline or a heading, not a transcript
    assert not [i for i in attributions("WASHINGTON: The Senate met on Monday.", nlp)["items"] if i["cue"]["text"] == ":"]


def test_a_poll_opening_the_sentence_is_its_source(nlp):
    text = "In a CNN poll released Monday, Clinton led Sanders by five points. In a statement, Smith praised the vote."
    polls = [i for i in attributions(text, nlp)["items"] if i["cue"]["text"] == "In"]
    assert [(i["kind"], i["source"]["text"]) for i in polls] == [("according_to", "a CNN poll")]
    assert polls[0]["content"]["text"].startswith("Clinton led Sanders by five points")


def test_reportedly_is_a_report_with_no_source(nlp):
    text = "The senator is reportedly considering a run for governor. Trump reportedly said he would win."
    items = attributions(text, nlp)["items"]
    report = [i for i in items if i["cue"]["text"] == "reportedly"]
    assert len(report) == 1 and report[0]["source"] is None and report[0]["source_type"] == "unknown"
    assert [text[a:b] for a, b in report[0]["content_parts"]] == ["The senator is", "considering a run for governor."]
    assert any(i["cue"]["text"] == "said" for i in items)  # "reportedly said": the verb is the cue


def test_quotation_runs_on_after_the_cue(nlp):
    text = (
        '"Lumping them all together is insulting," Barkley said. "This is the United States. '
        'Do we have issues? Of course we do." The crowd cheered. "We will win," Smith added.'
    )
    section = attributions(text, nlp)
    barkley = find(section, "said")
    parts = [text[s:e] for s, e in barkley["content_parts"]]
    # a quotation is content with its quotation marks, as PolNeAR's annotators mark it
    assert parts == ['"Lumping them all together is insulting,"', '"This is the United States. Do we have issues? Of course we do."']
    smith = find(section, "added")  # the next quotation has its own cue: not Barkley's
    assert smith["content"]["text"] == '"We will win,"' and "content_parts" not in smith


def test_quotation_runs_on_into_the_next_paragraphs(nlp):
    text = (
        "\u201cI\u2019m in disbelief,\u201d he said. \u201cI wish everyone could read them.\u201d\n\n"
        "\u201cDon\u2019t wait until the election. Start now.\u201d\n\n"
        "\u201cWe will win,\u201d Smith said.\n\nThe mayor left."
    )
    he = find(attributions(text, nlp), "said")
    assert [text[s:e] for s, e in he["content_parts"]] == [
        "\u201cI\u2019m in disbelief,\u201d", "\u201cI wish everyone could read them.\u201d",
        "\u201cDon\u2019t wait until the election. Start now.\u201d"]  # not Smith's quotation


def test_a_quotation_paragraph_continues_the_speaker_of_the_paragraph_before(nlp):
    text = (
        "Richards also spoke about the case before the Supreme Court.\n\n"
        "\u201cRoe v. Wade is the law of the land. But it is not a right if you can\u2019t access it.\u201d\n\n"
        "\u201cYes.\u201d\n\n"
        "The court will rule in June.\n\n"
        "\u201cThe ruling will be close. Nobody expects it soon.\u201d"
    )
    section = attributions(text, nlp)
    spoke = find(section, "spoke")
    assert spoke["source"]["text"] == "Richards" and spoke["kind"] == "mixed"
    assert [text[s:e] for s, e in spoke["content_parts"]][-1] == (
        "\u201cRoe v. Wade is the law of the land. But it is not a right if you can\u2019t access it.\u201d")
    # a one-word quotation is no continuation; a paragraph without a speaker before it is nobody's
    assert all("Yes" not in i["content"]["text"] and "ruling" not in i["content"]["text"]
               for i in section["items"] if i["content"])


def test_double_apostrophe_quotations(nlp):
    text = "''We will not leave,'' the mayor said. ''This is our home.''"
    item = find(attributions(text, nlp), "said")
    assert item["kind"] == "direct"
    assert [text[s:e] for s, e in item["content_parts"]] == ["''We will not leave,''", "''This is our home.''"]


def test_content_after_a_preposition(nlp):
    section = attributions("The senator apologized for the remarks about veterans. "
                           "Warren accused Republicans of placing the gun lobby ahead of children.", nlp)
    assert find(section, "apologized")["content"]["text"] == "the remarks about veterans"
    accused = find(section, "accused")
    assert accused["source"]["text"] == "Warren"
    assert accused["content"]["text"] == "placing the gun lobby ahead of children"


def test_clauses_the_parse_attaches_as_adverbials(nlp):
    # the parse makes these clauses advcl, not ccomp; their complementizer gives them away
    section = attributions("Asked if she believed Putin wanted Trump to win, Clinton said no. "
                           "Hillary Clinton is calling for the United States to step up military efforts.", nlp)
    assert find(section, "asked")["content"]["text"] == "if she believed Putin wanted Trump to win"
    assert find(section, "calling")["content"]["text"] == "the United States to step up military efforts"


def test_beliefs_are_other(nlp):
    item = find(attributions("Haftar believes that the war can be won.", nlp), "believes")
    assert item["kind"] == "other"


def test_cues_inside_quotes_belong_to_the_quote(nlp):
    text = 'The mission stated that it "expresses its strong condemnation of the bombing."'
    cues = [i["cue"]["text"] for i in attributions(text, nlp)["items"]]
    assert "stated" in cues and "expresses" not in cues


def test_spans_and_metrics(nlp):
    text = ('Shoigu met Haftar on Monday. "The talks were useful," the ministry said. '
            "According to TASS, they agreed on a ceasefire. The weather was cold.")
    section = attributions(text, nlp)
    for item in section["items"]:
        for key in ("cue", "source", "content"):
            span = item[key]
            if span:
                assert text[span["start"]:span["end"]] == span["text"]
    m = section["metrics"]
    assert m["n_attributions"] == len(section["items"]) >= 2
    assert 0 < m["share_words_attributed"] < 1
    assert 0 < m["share_sentences_attributed"] < 1
    assert m["n_sources"] >= 2 and m["source_entropy"] > 0
    assert abs(sum(m["source_types"].values()) - 1) < 1e-9


def test_empty_and_blank_pipeline(nlp, blank_nlp):
    m = attributions("", nlp)["metrics"]
    assert m["attributions_per_100_words"] is None and m["direct_share"] is None and m["source_entropy"] is None
    section = framing.analyze('According to Reuters, the port closed. "It is over," he said.', nlp=blank_nlp,
                              analyzers=["actors", "attribution"])["attribution"]
    kinds = {i["kind"] for i in section["items"]}
    assert {"according_to", "direct"} <= kinds


def test_seed_attributions(seeds, nlp):
    by_prefix = {name[:3]: text for name, text in seeds.items()}
    a = framing.analyze(by_prefix["000"], nlp=nlp, analyzers=["actors", "attribution"])["attribution"]["items"]
    sources = [(i["source"] or {}).get("text", "") for i in a]
    assert any("Russian Information Agency" in s for s in sources)
    assert any("Shoigu" in s for s in sources)
    assert any(i["kind"] == "according_to" and "Reuters" in (i["source"] or {}).get("text", "") for i in a)
    assert any("Sarraj" in s for s in sources)
    assert any(i["source_type"] == "anonymous" and "medical source" in (i["source"] or {}).get("text", "") for i in a)
    assert any("spokesman for the UN Support Mission" in s for s in sources)
    assert any("TASS" in s or "Russian news agency" in s for s in sources)
    assert any(i["source_type"] == "person" and i["source"]["text"] == "he" and i["actor"] == "sergey-shoigu" for i in a)
    section = framing.analyze(by_prefix["003"], nlp=nlp, analyzers=["actors", "attribution"])["attribution"]
    b = section["items"]
    assert any("Russian Defense Ministry" in (i["source"] or {}).get("text", "") for i in b)
    # issue 20: the ministry is the top source, at most 4 sources, no non-attributions
    ministry = [i for i in b if i["actor"] == "russian-defense-ministry"]
    assert len(ministry) >= 3 and section["metrics"]["n_sources"] <= 4
    assert section["metrics"]["top_source_share"] == len(ministry) / sum(1 for i in b if i["source"] or i["actor"])
    texts = [(i["source"] or {}).get("text", "") for i in b]
    assert not any(t.startswith(("the situation in Libya", "Military representatives")) or "formula" in t for t in texts)
    assert not any(i["cue"]["text"] == "conclusion" for i in b)
    assert any(i["source"] and i["source"]["text"] == "Al Arabia" and i["source_type"] == "media" for i in b)


def test_cue_model_is_shipped_as_json_and_decides_candidates(nlp):
    from framing.attribution import CueModel, default_cue_model

    model = default_cue_model()
    assert 0 < model.threshold < 1 and len(model.weights) > 100
    assert model.meta["built_by"] == "python benchmarks/train_attribution.py"
    assert CueModel.from_json(model.to_json()) == model
    # the lemma alone does not decide: "polls show that ..." is a cue, "makes cars" is not
    text = "Polls show that Clinton leads. The company makes cars in Ohio. Sanders supports the bill."
    cues = {i["cue"]["text"] for i in attributions(text, nlp)["items"]}
    assert cues == {"show", "supports"}


def test_cue_model_sees_the_cues_around_a_candidate(nlp):
    """A candidate under a strong cue, or inside another candidate's content, is told apart:
    PolNeAR annotates no attribution inside another's content."""
    from framing.attribution import extract
    from framing.attribution.model import strong_cues
    from framing.terminology.voice import quote_ranges

    text = "Officials said that Haftar told them the port would reopen. Critics fear the talks will fail."
    doc = nlp(text)
    seen = []
    extract(doc, default_lexicon(), quote_ranges(text), text, model=framing.attribution.CueModel({}, 0.0, 0.0, {}),
            collect=seen)
    features = {doc[i].text: f for i, _, f in seen}
    said, told, fear = features["said"], features["told"], features["fear"]
    assert {"say", "tell"} <= {lemma for lemma, _ in strong_cues(doc, default_lexicon()).values()}
    assert said.get("desc_cue=ccomp") == 1.0 and "anc_cue" not in said and "in_content" not in said
    assert told["anc_cue"] == 1.0 and told["anc_cue_lemma=say"] == 1.0 and told["anc_cue_dep=ccomp"] == 1.0
    assert told["in_content"] == 1.0 and told["in_content_before=1"] == 1.0 and told["in_content_ratio"] > 0.5
    assert "anc_cue" not in fear and "in_content" not in fear and fear["sent_n_strong"] == 0.0


def test_rules_without_a_cue_model(nlp):
    from framing.analyzers.attribution import AttributionAnalyzer

    text = "Prime Minister Fayez al-Sarraj told reporters that the talks were suspended."
    section = framing.analyze(text, nlp=nlp, analyzers=["actors", AttributionAnalyzer(cue_model=None)])["attribution"]
    assert [i["cue"]["text"] for i in section["items"]] == ["told"]
    with pytest.raises(framing.FramingError, match="E105"):
        AttributionAnalyzer(cue_model="logistic")


def test_paragraphs_after_a_colon_lead_in(nlp):
    text = ('Partial transcript as follows:\n\n"We will win this race. We will.\n\n"And then we go to Cleveland."\n\n'
            "The crowd cheered.\n\nTrump said:\n\nThe economy is strong.\n\nWatch the video below:\n\nMore.")
    items = attributions(text, nlp)["items"]
    transcript = find({"items": items}, "as follows")
    assert transcript["source"] is None and transcript["kind"] == "direct"
    assert transcript["content"]["text"] == '"We will win this race. We will.\n\n"And then we go to Cleveland."'
    trump = find({"items": items}, "said")
    assert trump["source"]["text"] == "Trump" and trump["content"]["text"] == "The economy is strong."
    assert not any("More" in (i["content"] or {}).get("text", "") for i in items)


def test_parenthetical_cue_takes_the_sentence_around_it(nlp):
    text = "The question of whether to suspend every account, she said, is not so cut and dried."
    item = find(attributions(text, nlp), "said")
    assert item["source"]["text"] == "she"
    assert [text[s:e] for s, e in item["content_parts"]] == [
        "The question of whether to suspend every account", "is not so cut and dried."]


def test_colon_lead_in_with_any_cue_and_credit_lines(nlp):
    text = ("The Times made the same claims in February, and the senator responded:\n\n"
            '"The solution is not to punish millions of law-abiding Americans."\n\n'
            "From Jane Doe writing at The Daily Planet:\n\n"
            '"Rising to the top requires extreme cunning."')
    section = attributions(text, nlp)
    responded = find(section, "responded")
    assert responded["content"]["text"] == '"The solution is not to punish millions of law-abiding Americans."'
    assert responded["kind"] == "direct"
    # a lead-in with no finite verb credits an excerpt: no attribution of what follows
    assert not any(i["content"] and "Rising" in i["content"]["text"] for i in section["items"])


def test_headline_speaker_the_ner_missed_but_the_article_names(nlp):
    text = ("Rubio: I Still Believe Trump Can't Be Trusted with the Nuclear Codes\n\n"
            "Senator Marco Rubio spoke in Miami on Friday.")
    colons = [i for i in attributions(text, nlp)["items"] if i["cue"]["text"] == ":"]
    assert [(i["source"]["text"], i["content"]["text"]) for i in colons] == [
        ("Rubio", "I Still Believe Trump Can't Be Trusted with the Nuclear Codes")]


def test_a_byline_before_a_colon_credits_an_excerpt(nlp):
    text = (
        "The morning's reading list\n\n"
        '—"Ferry service returns to the harbor," by the Courier\'s Dana Whitfield: "The first boat in six years left at dawn."\n\n'
        '—"The musical loses its director," by Times\' Michael Paulson: "The director is withdrawing from the production."\n\n'
        'The vote surprised pollster Daron Shaw: "Historically, these numbers never move this fast."'
    )
    colons = [i for i in attributions(text, nlp)["items"] if i["cue"]["text"] == ":"]
    assert [i["source"]["text"] for i in colons] == ["Daron Shaw"]


def test_a_credit_line_under_a_quotation_paragraph_names_its_speaker(nlp):
    text = (
        "The senator answered questions for an hour.\n\n"
        '"We will not cut the pension fund. Not this year and not next year."\n\n'
        "- Maria Delgado, writing after the vote.\n\n"
        "The budget passed on Friday.\n\n"
        "– Storm season –.\n\n"
        "Ferries stopped running at noon."
    )
    section = attributions(text, nlp)
    credited = [i for i in section["items"] if i["cue"]["text"] in ("-", "–")]
    assert len(credited) == 1
    item = credited[0]
    assert item["cue"]["start"] == text.index("- Maria")
    assert (item["source"]["text"], item["kind"]) == ("Maria Delgado", "direct")
    assert item["content"]["text"] == '"We will not cut the pension fund. Not this year and not next year."'
    # a cue on the credit line gives way to the credit ("writing" would take the quotation)
    assert not [i for i in section["items"] if i["cue"]["text"] == "writing"]


# -- source resolution (framing.attribution.resolve), on hand-built Docs ------------------------
def _doc(vocab, rows):
    """A parsed Doc from ``(word, head offset, dep, pos, lemma, ent)`` rows; a word followed
    by no space is written with a trailing "|"."""
    from spacy.tokens import Doc

    words = [r[0].rstrip("|") for r in rows]
    spaces = [not r[0].endswith("|") for r in rows]
    spaces[-1] = False
    heads = [i + r[1] for i, r in enumerate(rows)]
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=[r[2] for r in rows], pos=[r[3] for r in rows],
               lemmas=[r[4] for r in rows], ents=[r[5] for r in rows],
               tags=["NNS" if r[4] != r[0].lower() and r[3] == "NOUN" and r[0].endswith("s") else "XX" for r in rows])


def _actors(doc, spec):
    """An ``actors`` section: ``{id: (type, [(first token, end token), ...])}``."""
    items = []
    for ident, (type_, spans) in spec.items():
        mentions = [{"start": doc[a].idx, "end": doc[b - 1].idx + len(doc[b - 1]), "text": doc[a:b].text, "kind": "name"}
                    for a, b in spans]
        items.append({"id": ident, "type": type_, "name": mentions[0]["text"], "mentions": mentions})
    return {"items": items}


def _resolve(resolver, doc, lo, hi, head):
    return resolver.resolve(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), doc[head])


def _sentence(subject, verb="spoke", head_offset=1):
    """Rows for "<subject words> <verb> ." with the last subject word as the verb's subject."""
    rows = [(w, len(subject) - i - 1 if i < len(subject) - 1 else head_offset, dep, pos, lemma, ent)
            for i, (w, dep, pos, lemma, ent) in enumerate(subject)]
    return rows + [(verb, 0, "ROOT", "VERB", verb, "O"), (".|", -1, "punct", "PUNCT", ".", "O")]


def test_a_pronoun_resolves_to_the_last_subject_of_its_gender(blank_nlp):
    from framing.attribution.resolve import SourceResolver

    rows = (_sentence([("Mr.", "compound", "PROPN", "mr.", "O"), ("Jobs", "nsubj", "PROPN", "Jobs", "B-PERSON")])
            + _sentence([("Ms.", "compound", "PROPN", "ms.", "O"), ("Rice", "nsubj", "PROPN", "Rice", "B-PERSON")])
            + _sentence([("He", "nsubj", "PRON", "he", "O")], "said")
            + _sentence([("She", "nsubj", "PRON", "she", "O")], "said"))
    doc = _doc(blank_nlp.vocab, rows)
    actors = _actors(doc, {"jobs": ("person", [(1, 2)]), "rice": ("person", [(5, 6)])})
    resolver = SourceResolver(doc, doc.text, actors)
    res = _resolve(resolver, doc, 8, 9, 8)
    assert (res.actor, res.how) == ("jobs", "pronoun")  # "Ms. Rice" is nearer but not "he"
    assert _resolve(resolver, doc, 11, 12, 11).actor == "rice"
    # without honorifics the text shows no gender: the most recent subject
    rows = (_sentence([("Jobs", "nsubj", "PROPN", "Jobs", "B-PERSON")]) + _sentence([("Rice", "nsubj", "PROPN", "Rice", "B-PERSON")])
            + _sentence([("He", "nsubj", "PRON", "he", "O")], "said"))
    doc = _doc(blank_nlp.vocab, rows)
    resolver = SourceResolver(doc, doc.text, _actors(doc, {"jobs": ("person", [(0, 1)]), "rice": ("person", [(3, 4)])}))
    res = _resolve(resolver, doc, 6, 7, 6)
    assert (res.actor, res.how) == ("rice", "pronoun")


def test_it_needs_an_organisation_and_an_unresolved_source_blocks(blank_nlp):
    from framing.attribution.resolve import SourceResolver

    rows = (_sentence([("Boeing", "nsubj", "PROPN", "Boeing", "B-ORG")]) + _sentence([("Jobs", "nsubj", "PROPN", "Jobs", "B-PERSON")])
            + _sentence([("It", "nsubj", "PRON", "it", "O")], "said")
            + _sentence([("A", "det", "DET", "a", "O"), ("source", "nsubj", "NOUN", "source", "O")], "said")
            + _sentence([("He", "nsubj", "PRON", "he", "O")], "said"))
    doc = _doc(blank_nlp.vocab, rows)
    resolver = SourceResolver(doc, doc.text, _actors(doc, {"boeing": ("organization", [(0, 1)]), "jobs": ("person", [(3, 4)])}))
    assert _resolve(resolver, doc, 6, 7, 6).actor == "boeing"
    assert _resolve(resolver, doc, 9, 11, 10).actor is None  # "A source": anonymous, unresolved
    assert _resolve(resolver, doc, 13, 14, 13).actor is None  # "he" is the source, not Jobs


def test_descriptions_resolve_by_name_words_type_and_modifiers(blank_nlp):
    from framing.attribution.resolve import SourceResolver

    ministry = [("The", "det", "DET", "the", "O"), ("Russian", "compound", "PROPN", "Russian", "B-ORG"),
                ("Defense", "compound", "PROPN", "Defense", "I-ORG"), ("Ministry", "nsubj", "PROPN", "Ministry", "I-ORG")]
    rows = (_sentence([("The", "det", "DET", "the", "O"), ("Russian", "amod", "ADJ", "russian", "B-NORP"),
                       ("military", "nsubj", "NOUN", "military", "O")], "claimed")
            + _sentence(ministry)
            + _sentence([("The", "det", "DET", "the", "O"), ("military", "amod", "ADJ", "military", "O"),
                         ("department", "nsubj", "NOUN", "department", "O")], "said")
            + _sentence([("The", "det", "DET", "the", "O"), ("Italian", "amod", "ADJ", "italian", "B-NORP"),
                         ("ministry", "nsubj", "NOUN", "ministry", "O")], "said")
            + _sentence([("The", "det", "DET", "the", "O"), ("company", "nsubj", "NOUN", "company", "O")], "said"))
    doc = _doc(blank_nlp.vocab, rows)
    resolver = SourceResolver(doc, doc.text, _actors(doc, {"mod": ("government", [(6, 9)])}))
    # named only later: the one actor that fits "Russian" and "military"
    res = _resolve(resolver, doc, 0, 3, 2)
    assert (res.actor, res.how) == ("mod", "description")
    assert _resolve(resolver, doc, 11, 14, 13).actor == "mod"  # "military department" -> Defense Ministry
    assert _resolve(resolver, doc, 16, 19, 18).actor is None  # "the Italian ministry": not this one
    assert _resolve(resolver, doc, 21, 23, 22).actor is None  # "the company": no company named


def test_a_name_counts_at_the_head_or_as_its_modifier_not_in_an_attached_phrase(blank_nlp):
    from framing.attribution.resolve import SourceResolver

    rows = ([("The", 1, "det", "DET", "the", "O"), ("situation", 4, "nsubjpass", "NOUN", "situation", "O"),
             ("in", -1, "prep", "ADP", "in", "O"), ("Libya", -1, "pobj", "PROPN", "Libya", "B-GPE"),
             ("discussed", 0, "ROOT", "VERB", "discuss", "O"), (".|", -1, "punct", "PUNCT", ".", "O")]
            + _sentence([("A", "det", "DET", "a", "O"), ("Boeing", "compound", "PROPN", "Boeing", "B-ORG"),
                         ("spokesman", "nsubj", "NOUN", "spokesman", "O")], "said"))
    doc = _doc(blank_nlp.vocab, rows)
    resolver = SourceResolver(doc, doc.text, _actors(doc, {"libya": ("country", [(3, 4)]), "boeing": ("organization", [(7, 8)])}))
    assert _resolve(resolver, doc, 0, 4, 1).actor is None
    res = _resolve(resolver, doc, 6, 9, 8)
    assert (res.actor, res.how) == ("boeing", "name")


def test_the_statement_resolves_to_its_issuer(blank_nlp):
    from framing.attribution.resolve import SourceResolver

    rows = ([("NATO", 1, "nsubj", "PROPN", "NATO", "B-ORG"), ("claimed", 0, "ROOT", "VERB", "claim", "O"),
             ("in", -1, "prep", "ADP", "in", "O"), ("a", 1, "det", "DET", "a", "O"), ("statement", -2, "pobj", "NOUN", "statement", "O"),
             (".|", -4, "punct", "PUNCT", ".", "O")]
            + _sentence([("The", "det", "DET", "the", "O"), ("statement", "nsubj", "NOUN", "statement", "O")], "said"))
    doc = _doc(blank_nlp.vocab, rows)
    resolver = SourceResolver(doc, doc.text, _actors(doc, {"nato": ("organization", [(0, 1)])}))
    res = _resolve(resolver, doc, 6, 8, 7)
    assert (res.actor, res.how) == ("nato", "description")


def test_continuation_keeps_the_previous_speaker():
    from framing.attribution.resolve import Resolution, SourceResolver

    assert SourceResolver.continuation(None, Resolution("jobs", "name")) == Resolution("jobs", "continuation")
    assert SourceResolver.continuation(None, Resolution(None, None)) == Resolution(None, None)


def test_stance_and_media_lexicons_are_shipped():
    from framing.attribution.outlets import media_outlet
    from framing.attribution.stance import stances

    table = stances()
    assert table["say"] == "neutral" and table["confirm"] == "endorsing" and table["claim"] == "distancing"
    assert table["point out"] == "endorsing" and table["allege"] == "distancing"
    assert media_outlet("Reuters news agency") == "reuters" and media_outlet("Al Arabia") == "al_arabiya"
    assert media_outlet("TASS") == "tass" and media_outlet("Boeing") is None


def test_resolved_sources_verbs_stances_and_source_metrics(nlp):
    text = ("Steve Jobs unveiled the phone on Tuesday. He said the device would ship in June. "
            "Apple claimed that sales doubled. The company confirmed that the price would stay the same.")
    section = attributions(text, nlp)
    he = find(section, "said")
    assert he["source"]["text"] == "He" and he["resolution"] == "pronoun" and he["actor"] == "steve-jobs"
    assert he["verb"] == "say" and he["stance"] == "neutral"
    claimed = find(section, "claimed")
    assert claimed["stance"] == "distancing" and claimed["resolution"] == "name"
    company = find(section, "confirmed")
    assert company["stance"] == "endorsing" and company["actor"] == claimed["actor"] and company["resolution"] == "description"
    m = section["metrics"]
    actors = [i["actor"] for i in section["items"] if i["source"] or i["actor"]]
    assert set(actors) == {"steve-jobs", claimed["actor"]} and m["n_sources"] == 2  # "He" and "The company" are no new sources
    assert m["top_source_share"] == pytest.approx(max(actors.count(a) for a in actors) / len(actors))
    assert m["stance_shares"]["distancing"] == pytest.approx(1 / len(section["items"]))


def test_non_attributions_are_not_cues(nlp):
    text = ("Shoigu met with Haftar. During the negotiations, the situation in Libya was discussed, the Russian "
            "military claimed in a statement. The ministers also met in Rome with Italian colleagues, discussing "
            "security issues. The talks followed an agreement reached upon the conclusion of the conference to "
            "create a committee, according to the 5 + 5 formula.")
    section = attributions(text, nlp)
    sources = [i["source"]["text"] if i["source"] else None for i in section["items"]]
    cues = [i["cue"]["text"] for i in section["items"]]
    assert "the situation in Libya" not in sources
    assert not {"met", "discussing", "conclusion", "according to"} & set(cues)
    assert find(section, "claimed")["source"]["text"] == "the Russian military"
    assert find(section, "claimed")["verb"] == "claim"


def test_described_people_and_quotations_already_attributed(nlp):
    text = "Sen. John McCain spoke to voters in Phoenix on Monday. The Arizona Republican said the bill would fail."
    item = find(attributions(text, nlp), "said")
    assert (item["actor"], item["resolution"]) == ("john-mccain", "description")  # not the group "Republicans"
    text = "Dick Cheney and his daughters Liz and Mary Cheney attended. The elder Cheney daughter said she would run."
    assert find(attributions(text, nlp), "said")["actor"] is None  # a daughter of a Cheney is not Dick Cheney
    text = 'Obama spoke at the academy. He added, with a reference to Gen. David H. Petraeus: "We will win this war."'
    section = attributions(text, nlp)
    assert [i["cue"]["text"] for i in section["items"]] == ["added"]  # Petraeus is referred to, not quoted
    assert section["items"][0]["actor"] == "obama"


def test_he_added_continues_the_previous_speaker_when_he_fits(blank_nlp):
    from framing.attribution.resolve import SourceResolver

    rows = (_sentence([("Jobs", "nsubj", "PROPN", "Jobs", "B-PERSON")], "said")
            + _sentence([("Gates", "nsubj", "PROPN", "Gates", "B-PERSON")])
            + _sentence([("He", "nsubj", "PRON", "he", "O")], "added"))
    doc = _doc(blank_nlp.vocab, rows)
    spec = {"jobs": ("person", [(0, 1)]), "gates": ("person", [(3, 4)]), "apple": ("organization", [(0, 1)])}
    resolver = SourceResolver(doc, doc.text, _actors(doc, spec))
    assert _resolve(resolver, doc, 6, 7, 6).actor == "gates"  # no speaker given: the last subject
    res = resolver.resolve(doc[6].idx, doc[6].idx + 2, doc[6], speaker="jobs")
    assert (res.actor, res.how) == ("jobs", "pronoun")
    assert resolver.resolve(doc[6].idx, doc[6].idx + 2, doc[6], speaker="apple").actor != "apple"  # "he" is no company


def test_pronoun_mentions_for_other_analyzers(blank_nlp):
    from framing.attribution.resolve import SourceResolver

    rows = (_sentence([("Jobs", "nsubj", "PROPN", "Jobs", "B-PERSON")], "said")
            + _sentence([("He", "nsubj", "PRON", "he", "O")], "left")
            + _sentence([("It", "nsubj", "PRON", "it", "O")], "rained"))
    doc = _doc(blank_nlp.vocab, rows)
    resolver = SourceResolver(doc, doc.text, _actors(doc, {"jobs": ("person", [(0, 1)])}))
    assert resolver.pronoun_mentions() == [(doc[3].idx, doc[3].idx + 2, "jobs")]  # "It" has no organisation to be


def test_pronoun_mentions_respect_gender_and_reach_possessives_and_reflexives(blank_nlp):
    from framing.attribution.resolve import SourceResolver

    rows = (_sentence([("Mr.", "compound", "PROPN", "mr.", "O"), ("Jobs", "nsubj", "PROPN", "Jobs", "B-PERSON")])
            + _sentence([("Ms.", "compound", "PROPN", "ms.", "O"), ("Rice", "nsubj", "PROPN", "Rice", "B-PERSON")])
            + _sentence([("She", "nsubj", "PRON", "she", "O")], "left")
            + _sentence([("His", "poss", "PRON", "his", "O"), ("aide", "nsubj", "NOUN", "aide", "O")], "said")
            + [("He", 1, "nsubj", "PRON", "he", "O"), ("blamed", 0, "ROOT", "VERB", "blame", "O"),
               ("himself", -1, "dobj", "PRON", "himself", "O"), (".|", -2, "punct", "PUNCT", ".", "O")])
    doc = _doc(blank_nlp.vocab, rows)
    resolver = SourceResolver(doc, doc.text, _actors(doc, {"jobs": ("person", [(1, 2)]), "rice": ("person", [(5, 6)])}))
    got = [(doc.text[s:e], actor) for s, e, actor in resolver.pronoun_mentions()]
    # "Ms. Rice" is the nearer subject, but "his", "he" and "himself" are no woman's
    assert got == [("She", "rice"), ("His", "jobs"), ("He", "jobs"), ("himself", "jobs")]


def test_pronoun_mentions_leave_out_pronouns_of_no_compatible_actor_and_inside_a_mention(blank_nlp):
    from framing.attribution.resolve import SourceResolver

    rows = (_sentence([("Mr.", "compound", "PROPN", "mr.", "O"), ("Jobs", "nsubj", "PROPN", "Jobs", "B-PERSON")])
            + _sentence([("She", "nsubj", "PRON", "she", "O")], "left")
            + _sentence([("His", "poss", "PRON", "his", "O"), ("counterpart", "nsubj", "NOUN", "counterpart", "O")]))
    doc = _doc(blank_nlp.vocab, rows)
    actors = _actors(doc, {"jobs": ("person", [(1, 2)]), "gates": ("person", [(7, 9)])})  # "His counterpart" names Gates
    assert SourceResolver(doc, doc.text, actors).pronoun_mentions() == []  # no woman named; "His" is part of a mention
    assert SourceResolver(doc, doc.text, {"items": []}).pronoun_mentions() == []
    assert SourceResolver(doc, doc.text, None).pronoun_mentions() == []


def test_an_outlet_credited_at_the_end_of_a_sentence_is_a_media_source(nlp):
    text = "The government announced that it would suspend its participation in the talks in Geneva, Al Arabia."
    item = find(attributions(text, nlp), ",")
    assert item["kind"] == "according_to" and item["source"]["text"] == "Al Arabia" and item["source_type"] == "media"
    assert item["content"]["text"].startswith("The government announced")
    text = "The talks were held in the capital, Geneva."
    assert not [i for i in attributions(text, nlp)["items"] if i["cue"]["text"] == ","]


# -- the extraction passes (framing.attribution.extract), on hand-built Docs ---------------------
def test_text_layout_paragraphs_and_sentences(blank_nlp):
    from framing.attribution.layout import TextLayout

    text = "First line.\nSecond line here.\n\nThird."
    doc = blank_nlp(text)
    layout = TextLayout(doc, text, [])
    assert layout.line_bounds(0) == (0, 11) and layout.line_bounds(14) == (12, 29)
    assert layout.line_bounds(29) == (12, 29) and layout.line_bounds(31) == (31, 37)
    assert all(text.rfind("\n", 0, i) + 1 == layout.line_bounds(i)[0] for i in range(len(text)))


def test_passes_are_pure_and_run_quotations_on(blank_nlp):
    from framing.attribution.extract import PASSES
    from framing.attribution.layout import TextLayout
    from framing.attribution.quotations import continue_quotations
    from framing.attribution.record import Attribution
    from framing.terminology.voice import quote_ranges

    text = '"It is insulting," Barkley said. "This is the United States of America."'
    doc = blank_nlp(text)
    doc[0].is_sent_start = True
    said = text.index("said")
    first = quote_ranges(text)[0]
    att = Attribution("direct", (said, said + 4), (said - 8, said - 1), first, [first])
    layout = TextLayout(doc, text, quote_ranges(text))
    out = continue_quotations(layout, [att])
    assert att.content_parts == [first]  # the input is unchanged
    assert out[0].content_parts == quote_ranges(text) and text[out[0].content[0]:out[0].content[1]].endswith("America.")
    found = [att]
    for step in PASSES:
        found = step(layout, found)
    assert att.content == first and len(found) == 1


def test_outlet_credit_pass_on_a_hand_built_doc(blank_nlp):
    from framing.attribution.layout import TextLayout
    from framing.attribution.quotations import outlet_credits

    text = "The government said it would leave the talks in Geneva, Al Arabia."
    doc = blank_nlp(text)
    out = outlet_credits(TextLayout(doc, text, []), [])
    assert [(text[slice(*a.source)], text[slice(*a.cue)], a.kind) for a in out] == [("Al Arabia", ",", "according_to")]
    other = "The government said it would leave the talks in the Swiss city, Geneva."
    assert outlet_credits(TextLayout(blank_nlp(other), other, []), []) == []  # a place, not an outlet


def test_analyzer_keeps_its_constructor_arguments(nlp):
    """Resolving the default cue model and the lexicon at ``min_ratio`` leaves the public
    attributes as passed, so ``get_params()`` reproduces the analyzer (issue 23)."""
    from framing.analyzers.attribution import AttributionAnalyzer
    from framing.attribution import default_cue_model

    analyzer = AttributionAnalyzer(min_ratio=0.4)
    before = analyzer.get_params()
    assert before == {"min_ratio": 0.4, "lexicon": None, "cue_model": "default"}
    first = framing.analyze("Haftar said the port was shelled.", nlp=nlp, analyzers=["actors", analyzer])["attribution"]
    assert analyzer.get_params() == before and analyzer.cue_model == "default" and analyzer.lexicon is None
    assert analyzer._cue_model() is default_cue_model() and analyzer._lexicon().min_ratio == 0.4
    assert analyzer._lexicon() is analyzer._lexicon()  # built once
    again = framing.analyze("Haftar said the port was shelled.", nlp=nlp,
                            analyzers=["actors", AttributionAnalyzer(**analyzer.get_params())])["attribution"]
    assert again["items"] == first["items"]
    analyzer.min_ratio = 0.3
    assert analyzer._lexicon().min_ratio == 0.3  # a changed argument is not served from the cache
