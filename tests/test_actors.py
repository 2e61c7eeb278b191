"""Actors: mention detection, in-article clustering, catalogs and cross-article alignment."""

from __future__ import annotations

import json

import pytest

import framing
from framing.actors import ActorCatalog, align_actors, name_key, skeleton
from framing.errors import CatalogError

LIBYA = {
    "actor": [
        {"id": "gna", "name": "Government of National Accord", "type": "government",
         "aliases": ["GNA", "Al-Wefaq", "Al-Wefaq government", "National Accord government"]},
        {"id": "lna", "name": "Libyan National Army", "type": "armed_group", "aliases": ["LNA", "Haftar forces"]},
    ]
}


def actors_of(text, nlp, catalog=None):
    return framing.analyze(text, nlp=nlp, analyzers=["actors"], catalog=catalog)["actors"]


def by_name(section):
    return {item["name"]: item for item in section["items"]}


@pytest.mark.parametrize(
    ("a", "b"),
    [("Haftar", "Hifter"), ("Haftar", "Hafter"), ("Sarraj", "Saraj"), ("al-Sarraj", "Saraj"), ("Fayez", "Faiz"),
     ("Shoigu", "Shoygu"), ("Sergei", "Sergey")],
)
def test_transliteration_variants_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(("a", "b"), [("Haftar", "Hamdan"), ("Sarraj", "Sisi"), ("Putin", "Pence"), ("China", "Cohen")])
def test_different_names_have_different_skeletons(a, b):
    assert skeleton(a) != skeleton(b)


def test_name_key_ignores_case_articles_and_prefixes():
    assert name_key("the Al-Wefaq Government") == name_key("al wefaq government")


def test_full_name_and_surname_are_one_actor(nlp):
    text = "Retired Major General Khalifa Hifter met officials in Cairo. Hifter later left for Moscow."
    section = actors_of(text, nlp)
    person = next(i for i in section["items"] if i["type"] == "person")
    assert [m["text"] for m in person["mentions"]] == ["Khalifa Hifter", "Hifter"]
    for m in person["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]


def test_name_prefixes_and_first_name_alone(nlp):
    text = ("Prime Minister Fayez al-Sarraj spoke in Tripoli. Al-Sarraj said the talks would go on. "
            "Dr. (Ghassan) Salama met both sides. The envoy, Ghassan Salama, was hopeful.")
    section = actors_of(text, nlp)
    people = [i for i in section["items"] if i["type"] == "person"]
    names = {i["name"]: {m["text"] for m in i["mentions"]} for i in people}
    assert {"Fayez al-Sarraj", "Al-Sarraj"} <= names["Fayez al-Sarraj"]
    assert {"Ghassan", "Salama", "Ghassan Salama"} <= names["Ghassan Salama"]


def test_acronym_defined_in_text_joins_its_actor(nlp):
    text = ("The Government of National Accord (GNA) suspended the talks. The GNA said on Tuesday that "
            "it wanted guarantees.")
    section = actors_of(text, nlp)
    gna = next(i for i in section["items"] if any(m["text"] == "GNA" for m in i["mentions"]))
    assert "Government of National Accord" in {m["text"] for m in gna["mentions"]}
    assert sum(m["text"] == "GNA" for m in gna["mentions"]) == 2


def test_scraped_debris_never_becomes_an_actor(nlp):
    text = ("Photo Credit: Russian Ministry of Defense\n\nResume conversations\n\n"
            "Sergei Shoigu met Khalifa Haftar in Moscow on Monday, the ministry said.\n\nvideo 1234567890")
    names = set(by_name(actors_of(text, nlp)))
    assert not any("Photo" in n or "Resume" in n for n in names)
    assert {"Sergei Shoigu", "Khalifa Haftar"} <= names


def test_catalog_aliases_and_attributive_forms(nlp):
    catalog = ActorCatalog.from_dict(LIBYA)
    text = "Haftar forces shelled the port. The Al-Wefaq government condemned the attack, and the GNA asked for help."
    section = actors_of(text, nlp, catalog)
    items = {i["id"]: i for i in section["items"]}
    assert [m["text"] for m in items["lna"]["mentions"]] == ["Haftar forces"]
    assert {m["text"] for m in items["gna"]["mentions"]} == {"Al-Wefaq government", "GNA"}
    assert items["gna"]["catalog_id"] == "gna"


def test_bare_title_resolves_to_the_introduced_person(nlp):
    text = "Marshal Khalifa Haftar arrived in Moscow. The Marshal thanked his hosts for the invitation."
    haftar = next(i for i in actors_of(text, nlp)["items"] if i["type"] == "person")
    assert [m["kind"] for m in haftar["mentions"]] == ["name", "title"]
    assert haftar["mentions"][1]["text"] == "Marshal"


def title_holders(text, nlp):
    """{mention text of each bare title: the name of the actor it resolved to}"""
    return {m["text"]: item["name"] for item in actors_of(text, nlp)["items"] for m in item["mentions"]
            if m["kind"] == "title"}


def test_bare_title_is_not_a_restricted_office(nlp):
    # "the president" is not the vice president, "the deputy director" not the director
    text = ("Vice President Mike Pence visited Ohio on Monday. The president stayed in Washington. "
            "Director James Comey testified. The deputy director declined to comment.")
    assert title_holders(text, nlp) == {}


def test_bare_title_with_a_nationality_skips_other_countries(nlp):
    text = ("U.S. President Donald Trump welcomed French President Emmanuel Macron to Washington on Tuesday. "
            "Mr. Macron praised the American president at a news conference.")
    assert title_holders(text, nlp) == {"American president": "Donald Trump"}
    # nothing in the text ties Trump to the United States: the title stays unresolved
    assert title_holders(text.replace("U.S. President", "President"), nlp) == {}


def test_bare_title_goes_to_the_person_the_article_is_about(nlp):
    # the visitor named last is not "the president" of a story about another president
    text = ("President Donald Trump said on Monday that talks would continue. Trump spoke to reporters. "
            "Trump also called Congress. He met President Moon Jae-in of South Korea. "
            "The president said the meeting went well.")
    assert title_holders(text, nlp) == {"president": "Donald Trump"}


def test_a_surname_coordinated_with_a_full_name_is_another_person(nlp):
    text = ("President Trump and Melania Trump, the first lady, welcomed the guests. "
            "Mr. Trump spoke first. Melania Trump thanked the guests.")
    people = {i["name"]: {m["text"] for m in i["mentions"]} for i in actors_of(text, nlp)["items"]
              if i["type"] == "person"}
    assert people == {"Trump": {"Trump"}, "Melania Trump": {"Melania Trump"}}


def test_a_bare_ambiguous_surname_aligns_with_the_most_mentioned_namesake(nlp):
    a = framing.analyze("President Trump and Melania Trump arrived. Mr. Trump spoke.", id="a",
                        nlp=nlp, analyzers=["actors"])
    b = framing.analyze("Donald Trump spoke on Monday. Trump said the talks went well.", id="b",
                        nlp=nlp, analyzers=["actors"])
    groups = {x["name"]: x["members"] for x in align_actors([a, b])}
    assert set(groups["Donald Trump"]) == {"a", "b"}
    assert set(groups["Melania Trump"]) == {"a"}


def test_generational_suffix_is_not_a_surname(nlp):
    text = ("Donald Trump praised his son. Donald Trump Jr. met Roger J. Stone Jr. in New York. "
            "Trump Jr. later said the meeting was short. Stone declined to comment. Trump left.")
    people = {i["name"]: {m["text"] for m in i["mentions"]} for i in actors_of(text, nlp)["items"]
              if i["type"] == "person"}
    assert people == {"Donald Trump": {"Donald Trump", "Trump"}, "Donald Trump Jr.": {"Donald Trump Jr.", "Trump Jr."},
                      "Roger J. Stone Jr.": {"Roger J. Stone Jr.", "Stone"}}
    other = framing.analyze("Roger Stone spoke to reporters. Stone said he was innocent.", id="b",
                            nlp=nlp, analyzers=["actors"])
    this = framing.analyze(text, id="a", nlp=nlp, analyzers=["actors"])
    groups = {x["name"]: set(x["members"]) for x in align_actors([this, other])}
    assert groups["Roger J. Stone Jr."] == {"a", "b"}
    assert groups["Donald Trump Jr."] == {"a"}


def test_a_family_name_written_first_goes_to_the_most_mentioned_bearer(nlp):
    # Korean names put the family name first: "Kim" alone is not a surname the article has seen
    text = ("Kim Jong Il ruled North Korea until 2011. His son Kim Jong Un now leads the country. "
            "Kim Jong Un met envoys on Monday. Kim Jong Un said talks would go on. Kim smiled.")
    people = {i["name"]: {m["text"] for m in i["mentions"]} for i in actors_of(text, nlp)["items"]
              if i["type"] == "person"}
    assert people["Kim Jong Un"] == {"Kim Jong Un", "Kim"}
    assert people["Kim Jong Il"] == {"Kim Jong Il"}


def test_a_capital_in_an_actor_role_is_its_country(nlp):
    text = ("North Korea tested a missile on Monday. Pyongyang said the test was a success, and "
            "Pyongyang's envoy repeated it. Reporters gathered in Pyongyang.\n\n"
            "Moscow's Jewish Museum reopened on Tuesday.")
    items = actors_of(text, nlp)["items"]
    korea = next(i for i in items if i["type"] == "country" and "North Korea" in {m["text"] for m in i["mentions"]})
    assert [(m["text"], m["kind"]) for m in korea["mentions"]] == [
        ("North Korea", "name"), ("Pyongyang", "capital"), ("Pyongyang", "capital")]
    places = {m["text"] for i in items if i["type"] == "place" for m in i["mentions"]}
    assert places == {"Pyongyang", "Moscow"}  # where reporters gathered; the city's museum


def test_a_country_named_only_by_its_capital_is_named_as_the_country(nlp):
    items = actors_of("Moscow denied the report on Tuesday. Talks were held in Moscow.", nlp)["items"]
    assert [(i["name"], i["type"], [m["kind"] for m in i["mentions"]]) for i in items] == [
        ("Russia", "country", ["capital"]), ("Moscow", "place", ["name"])]


def test_a_dateline_is_not_a_capital_speaking(nlp):
    items = actors_of("New Delhi, India - On the night of February 24, a crowd gathered.", nlp)["items"]
    assert not [m for i in items for m in i["mentions"] if m["kind"] == "capital"]


def test_blank_pipeline_gives_catalog_mentions_only(blank_nlp):
    catalog = ActorCatalog.from_dict(LIBYA)
    section = actors_of("The GNA and Haftar forces met.", blank_nlp, catalog)
    assert {i["id"] for i in section["items"]} == {"gna", "lna"}
    assert actors_of("Nothing to see here.", blank_nlp)["items"] == []


def test_ids_are_unique_and_items_ordered_by_first_mention(nlp):
    text = "Joe Biden met Angela Merkel in Berlin. Biden and Merkel spoke. Another Joe Smith came."
    items = actors_of(text, nlp)["items"]
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    firsts = [i["mentions"][0]["start"] for i in items]
    assert firsts == sorted(firsts)


def test_alignment_across_articles_without_catalog(nlp):
    a = framing.analyze("Retired Major General Khalifa Hifter met Fayez al-Sarraj. Hifter left.", id="a",
                        nlp=nlp, analyzers=["actors"])
    b = framing.analyze("Marshal Khalifa Haftar and Faiz Saraj spoke by phone. Haftar agreed.", id="b",
                        nlp=nlp, analyzers=["actors"])
    aligned = align_actors([a, b])
    multi = {x["id"]: x["members"] for x in aligned if len(x["members"]) == 2}
    assert len(multi) == 2
    assert all(set(members) == {"a", "b"} for members in multi.values())
    # deterministic ids
    assert [x["id"] for x in align_actors([a, b])] == [x["id"] for x in aligned]


def test_catalog_file_formats(tmp_path):
    toml = tmp_path / "c.toml"
    toml.write_text('[[actor]]\nid = "gna"\nname = "GNA"\naliases = ["Al-Wefaq"]\n', encoding="utf-8")
    yaml = tmp_path / "c.yaml"
    yaml.write_text("actor:\n  - id: gna\n    name: GNA\n    aliases: [Al-Wefaq]\n", encoding="utf-8")
    js = tmp_path / "c.json"
    js.write_text(json.dumps({"actors": [{"id": "gna", "name": "GNA", "aliases": ["Al-Wefaq"]}]}), encoding="utf-8")
    for path in (toml, yaml, js):
        assert ActorCatalog.load(path).lookup("al-wefaq").id == "gna"


@pytest.mark.parametrize(
    ("content", "suffix", "code"),
    [("not [valid", ".toml", "E065"), ("actor: 3", ".yaml", "E061"), ('{"actor": [{"name": "x"}]}', ".json", "E062"),
     ("x", ".txt", "E064"), ("!!python/object:os.system ['ls']", ".yaml", "E065"),
     ('[[actor]]\nid="a"\nname="A"\n[[actor]]\nid="a"\nname="B"\n', ".toml", "E060")],
)
def test_malformed_catalogs_raise_clear_errors(tmp_path, content, suffix, code):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogError, match=code):
        ActorCatalog.load(path)


def test_missing_catalog_file(tmp_path):
    with pytest.raises(CatalogError, match="E063"):
        ActorCatalog.load(tmp_path / "nope.toml")


def test_seed_actors_align(seeds, nlp):
    from pathlib import Path

    texts = list(seeds.values())
    catalog = ActorCatalog.load(Path(__file__).resolve().parents[1] / "examples" / "catalogs" / "libya.toml")
    plain = [framing.analyze(t, id=str(i), nlp=nlp, analyzers=["actors"]) for i, t in enumerate(texts)]
    aligned = {x["name"]: x["members"] for x in align_actors(plain)}
    hifter = next(m for n, m in aligned.items() if "Hifter" in n or "Haftar" in n)
    assert set(hifter) == {"0", "1"}
    sarraj = next(m for n, m in aligned.items() if "Sarraj" in n or "Saraj" in n)
    assert set(sarraj) == {"0", "1"}
    with_catalog = [framing.analyze(t, id=str(i), nlp=nlp, analyzers=["actors"], catalog=catalog) for i, t in enumerate(texts)]
    gna = next(x for x in align_actors(with_catalog, catalog) if x["id"] == "gna")
    assert set(gna["members"]) == {"0", "1"}


def test_streaming_frees_spacy_strings_and_keeps_catalog_matches(nlp, monkeypatch):
    """analyze_many runs chunks of articles in spaCy memory zones: strings it meets are
    freed, and the catalog matcher (built before the first zone) still works after them."""
    import framing.engine

    monkeypatch.setattr(framing.engine, "ZONE_ARTICLES", 2)
    catalog = ActorCatalog.from_dict(LIBYA)
    texts = [f"Haftar forces shelled Zqxv{i}wort while the Al-Wefaq government met Blorptan{i}." for i in range(5)]
    list(framing.analyze_many(["Warm up."], nlp=nlp, analyzers=["actors"], catalog=catalog))
    before = len(nlp.vocab.strings)  # after the first call built the catalog's matcher
    streamed = list(framing.analyze_many(texts, nlp=nlp, analyzers=["actors"], catalog=catalog))
    assert len(nlp.vocab.strings) == before
    assert [p.article["id"] for p in streamed] == ["0", "1", "2", "3", "4"]
    for text, profile in zip(texts, streamed):
        ids = {a["catalog_id"] for a in profile["actors"]["items"]}
        assert {"gna", "lna"} <= ids
        assert profile["actors"] == framing.analyze(text, nlp=nlp, analyzers=["actors"], catalog=catalog)["actors"]


def test_countries_and_their_demonyms_are_one_actor():
    from framing.actors import country_of

    assert country_of("U.S.") == country_of("the United States") == country_of("Americans") == "united_states"
    assert country_of("Russians") == country_of("Russia's") == "russia"
    assert country_of("Georgia") is None and country_of("Macron") is None


def test_country_forms_align_within_and_across_articles(nlp):
    texts = {
        "a": "The United States imposed sanctions on Monday. Officials in the U.S. said more would follow.",
        "b": "Americans are divided. Russians, meanwhile, were told that Russia would respond in kind.",
    }
    profiles = [framing.analyze(t, id=i, nlp=nlp, analyzers=["actors"]) for i, t in texts.items()]
    a_ids = {m["text"]: item["id"] for item in profiles[0]["actors"]["items"] for m in item["mentions"]}
    assert a_ids["United States"] == a_ids["U.S."]
    b_ids = {m["text"]: item["id"] for item in profiles[1]["actors"]["items"] for m in item["mentions"]}
    assert b_ids["Russians"] == b_ids["Russia"]
    aligned = {a["id"]: a["members"] for a in align_actors(profiles)}
    us = next(m for m in aligned.values() if a_ids["U.S."] in m.get("a", []))
    assert us.get("b") == [b_ids["Americans"]]


def test_dotted_acronyms_are_acronyms(nlp):
    text = "The Democratic National Committee (DNC) sued on Friday. The D.N.C. said the suit was overdue."
    items = actors_of(text, nlp)["items"]
    dnc = next(i for i in items if any(m["text"] == "DNC" for m in i["mentions"]))
    assert "D.N.C." in {m["text"] for m in dnc["mentions"]}


def test_the_north_after_north_korea(nlp):
    text = "North Korea tested a missile on Sunday. The North has tested six this year, and South Korea protested."
    items = actors_of(text, nlp)["items"]
    owner = {m["text"]: i["id"] for i in items for m in i["mentions"]}
    assert owner["North"] == owner["North Korea"]
    assert owner["South Korea"] != owner["North Korea"]


def test_party_names_and_members_are_one_actor(nlp):
    from framing.actors import party_of

    assert party_of("GOP") == party_of("the Republican Party") == party_of("Republicans") == "us_republican_party"
    assert party_of("Democrats") == "us_democratic_party" and party_of("Trump") is None
    text = "Republicans blocked the bill. The GOP said the Democratic Party had overreached, and Democrats disagreed."
    owner = {m["text"]: i["id"] for i in actors_of(text, nlp)["items"] for m in i["mentions"]}
    assert owner["Republicans"] == owner["GOP"]
    assert owner["Democratic Party"] == owner["Democrats"] != owner["GOP"]


def test_definite_head_noun_resolves_to_the_named_organisation(nlp):
    text = ("The Democratic National Committee filed a lawsuit on Friday. The committee said the "
            "Russian Defense Ministry had hacked its servers; the ministry denied it.")
    items = actors_of(text, nlp)["items"]
    owner = {m["text"]: i["id"] for i in items for m in i["mentions"]}
    assert owner["The committee"] == owner["Democratic National Committee"]
    assert owner["the ministry"] == owner["Russian Defense Ministry"]


def test_unnamed_groups_are_actors(nlp):
    text = ("Russian officials met Libyan officials in Moscow on Monday. Haftar's forces shelled the port, "
            "killing three civilians. The defendants denied it. Officials said civilians fled.")
    items = framing.analyze(text, nlp=nlp, analyzers=["actors"])["actors"]["items"]
    groups = {i["group"]: [m["text"] for m in i["mentions"]] for i in items if "group" in i}
    assert groups == {"official:russia": ["Russian officials"], "official:libya": ["Libyan officials"],
                      "civilian": ["civilians", "civilians"], "defendant": ["defendants"], "official": ["Officials"]}
    assert all(i["type"] == "group" for i in items if "group" in i)
    kinds = {i["group"]: i["group_kind"] for i in items if "group" in i}
    assert kinds == {"official:russia": "officials", "official:libya": "officials", "civilian": "public",
                     "defendant": "legal", "official": "officials"}
    for i in items:  # spans are offsets into the text
        assert all(text[m["start"]:m["end"]] == m["text"] for m in i["mentions"])
    # "Haftar's forces" belongs to Haftar, not to a group
    assert not any("forces" in m["text"] for i in items if "group" in i for m in i["mentions"])


def test_group_of_a_named_country_is_that_country(nlp):
    text = "North Korea fired a missile. North Korean officials said the test was a success."
    items = framing.analyze(text, nlp=nlp, analyzers=["actors"])["actors"]["items"]
    north = next(i for i in items if i["type"] == "country")
    assert [m["text"] for m in north["mentions"]] == ["North Korea", "North Korean officials"]
    assert not any("group" in i for i in items)


def test_groups_align_by_noun_and_country(nlp):
    texts = ["Officials said the talks failed. Russian officials disagreed.",
             "Officials confirmed the report. Libyan officials were absent."]
    profiles = [framing.analyze(t, id=f"a{k}", nlp=nlp, analyzers=["actors"]) for k, t in enumerate(texts)]
    aligned = align_actors(profiles)
    shared = [a for a in aligned if len(a["members"]) == 2]
    assert [a["name"] for a in shared] == ["Officials"]


# -- name structure (framing.actors.names), on hand-built inputs ----------------------------
from framing.actors.names import acronym_of, canonical_given, org_core, parse_person, partial_org, same_person  # noqa: E402


@pytest.mark.parametrize(
    ("a", "b"),
    [("Robert S. Mueller III", "Robert Mueller"), ("Liz Cheney", "Elizabeth Cheney"), ("Bill Clinton", "William J. Clinton"),
     ("Chuck Schumer", "Charles Schumer"), ("Jim Mattis", "James Mattis"), ("George W. Bush", "George Walker Bush"),
     ("Muammar Qaddafi", "Moammar Gadhafi"), ("Muammar Qaddafi", "Kadafi"), ("Khalifa Hifter", "Khalifa Haftar"),
     ("Fayez al-Sarraj", "Fayez Saraj"), ("Osama bin Laden", "Osama Laden"), ("R. Mueller", "Robert Mueller"),
     ("Mueller", "Robert S. Mueller III")],
)
def test_one_person_under_two_names(a, b):
    assert same_person(parse_person(a), parse_person(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [("George H. W. Bush", "George W. Bush"), ("Dick Cheney", "Liz Cheney"), ("Anthony Mann", "Martin Mann"),
     ("Donald Trump Jr.", "Donald Trump"), ("J. Smith", "K. Smith"), ("Pope John Paul II", "Pope John Paul III"),
     ("Khalifa Haftar", "Khalifa Hamdan")],
)
def test_two_people_under_like_names(a, b):
    assert not same_person(parse_person(a), parse_person(b))


def test_a_family_suffix_on_one_side_is_one_man_where_no_father_is_named():
    assert same_person(parse_person("Roger J. Stone Jr."), parse_person("Roger Stone"), family=False)
    assert not same_person(parse_person("Roger J. Stone Jr."), parse_person("Roger Stone"))


def test_person_parts_leave_particles_and_suffixes_out():
    mueller = parse_person("Robert S. Mueller III")
    assert (mueller.initial, mueller.middles, mueller.suffix) == ("r", "s", "iii")
    assert parse_person("Ursula von der Leyen").middles == ""
    assert canonical_given("liz") == "elizabeth" and canonical_given("fayez") == "fayez"
    assert parse_person("") is None


@pytest.mark.parametrize(
    ("short", "long"),
    [("Judiciary Committee", "Senate Judiciary Committee"), ("America Rising", "America Rising PAC"),
     ("the Times", "The New York Times"), ("Northrop", "Northrop Grumman"), ("Air Force", "U.S. Air Force"),
     ("Apple", "Apple Computer")],
)
def test_partial_organisation_names(short, long):
    assert partial_org(short, long)


@pytest.mark.parametrize(
    ("short", "long"),
    [("Airlines", "Singapore Airlines"), ("Bank", "Bank of America"), ("America", "Bank of America"),
     ("Bank of", "Bank of America"), ("New York Times", "The New York Times")],
)
def test_not_partial_organisation_names(short, long):
    assert not partial_org(short, long)


def test_legal_designators_and_acronyms():
    assert org_core("Apple Inc.") == "apple" and org_core("EADS N.V.") == "eads"
    assert org_core("Bank of America Corporation") == "bank of america"
    assert org_core("Inc.") == "inc"  # a designator alone stays
    assert acronym_of("General Motors") == "GM" and acronym_of("the Government of National Accord") == "GNA"


def _hand_doc(blank_nlp, text, ents):
    """A Doc of ``text`` split on spaces, with entities given as (first word, end word, label)."""
    from spacy.tokens import Doc, Span

    words = text.split(" ")
    doc = Doc(blank_nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _run(doc):
    from framing.analyzers.actors import ActorsAnalyzer
    from framing.analyzers.base import Context
    from framing.article import Article

    return ActorsAnalyzer().analyze(doc, Context(text=doc.text, article=Article(text=doc.text)))["items"]


def test_partial_organisation_name_joins_its_one_owner(blank_nlp):
    doc = _hand_doc(blank_nlp, "Northrop Grumman Corp won . Northrop said so .", [(0, 3, "ORG"), (5, 6, "ORG")])
    items = _run(doc)
    assert [(i["name"], i["aliases"], i["n_mentions"]) for i in items] == [("Northrop Grumman Corp", ["Northrop"], 2)]


def test_a_partial_name_two_organisations_share_stays_apart(blank_nlp):
    doc = _hand_doc(blank_nlp, "Apple Corps sued Apple Computer . Apple said no .",
                    [(0, 2, "ORG"), (3, 5, "ORG"), (6, 7, "ORG")])
    assert len(_run(doc)) == 3


def test_a_person_label_ending_in_an_organisation_word_is_an_organisation(blank_nlp):
    doc = _hand_doc(blank_nlp, "General Motors lost . General Motors Co fell .", [(0, 2, "PERSON"), (4, 7, "ORG")])
    items = _run(doc)
    assert [(i["type"], i["n_mentions"]) for i in items] == [("organization", 2)]


def test_names_in_one_article_follow_name_structure(blank_nlp):
    doc = _hand_doc(blank_nlp, "George H. W. Bush met George W. Bush . Liz Cheney met Elizabeth Cheney .",
                    [(0, 4, "PERSON"), (5, 8, "PERSON"), (9, 11, "PERSON"), (12, 14, "PERSON")])
    items = _run(doc)
    assert sorted((i["name"], i["n_mentions"]) for i in items) == [
        ("Elizabeth Cheney", 2), ("George H. W. Bush", 1), ("George W. Bush", 1)]
    assert next(i for i in items if i["name"] == "Elizabeth Cheney")["aliases"] == ["Liz Cheney"]


def _item(name, aliases=(), n=1, type_="person"):
    return {"id": name.lower().replace(" ", "-"), "name": name, "type": type_, "aliases": list(aliases),
            "mentions": [], "n_mentions": n}


def _aligned(*articles):
    profiles = [{"article": {"id": str(k)}, "actors": {"items": items}} for k, items in enumerate(articles)]
    return sorted(sorted(a["members"]) for a in align_actors(profiles))


def test_alignment_keeps_people_with_other_initials_apart_and_joins_the_bare_name():
    groups = _aligned([_item("George H. W. Bush", n=3)], [_item("George W. Bush", n=5)], [_item("George Bush", n=1)])
    assert groups == [["0"], ["1", "2"]]


def test_alignment_joins_nicknames_and_suffixes_on_one_side():
    assert _aligned([_item("Robert S. Mueller III")], [_item("Robert Mueller")]) == [["0", "1"]]
    assert _aligned([_item("Dick Cheney")], [_item("Liz Cheney")], [_item("Elizabeth Cheney")]) == [["0"], ["1", "2"]]


def test_alignment_reads_the_aliases_an_article_gives():
    groups = _aligned([_item("Singapore Airlines", ["SIA"], type_="organization")], [_item("SIA", type_="organization")])
    assert groups == [["0", "1"]]


def test_headline_words_the_body_never_uses_are_no_part_of_names(blank_nlp):
    from spacy.tokens import Doc, Span

    words = ["Cheney", "Tells", "Republicans", "Blow", "Us", "\n\n", "Cheney", "spoke", "."]
    spaces = [True, True, True, True, False, False, True, False, False]
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="ORG"), Span(doc, 6, 7, label="PERSON")]
    items = _run(doc)
    assert [(i["name"], [m["text"] for m in i["mentions"]]) for i in items] == [("Cheney", ["Cheney", "Cheney"])]


def test_a_headline_is_a_short_first_paragraph_that_is_not_prose():
    from framing.analyzers.actors import headline_range

    assert headline_range("Trump Says He Will Go\n\nThe president said.") == (0, 21)
    assert headline_range("The president spoke to reporters on Monday.\n\nHe said more.") is None
    assert headline_range("One paragraph only.") is None


def _tagged_doc(blank_nlp, tagged, ents):
    """A Doc from "word/POS" pairs split on spaces (POS optional), entities as (first word,
    end word, label)."""
    from spacy.tokens import Doc, Span

    pairs = [w.rsplit("/", 1) if "/" in w[1:] else (w, "X") for w in tagged.split(" ")]
    words = [w for w, _ in pairs]
    doc = Doc(blank_nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False], pos=[p for _, p in pairs])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _titles_of(items):
    return {m["text"]: i["name"] for i in items for m in i["mentions"] if m["kind"] == "title"}


def test_a_title_with_a_country_goes_only_to_a_person_of_that_country(blank_nlp):
    # the British prime minister is no "Israeli prime minister"; nobody is tied to Israel
    doc = _tagged_doc(blank_nlp, "Prime Minister Theresa/PROPN May/PROPN met Benjamin/PROPN Netanyahu/PROPN . "
                      "The Israeli/ADJ prime minister/NOUN spoke/VERB .", [(2, 4, "PERSON"), (5, 7, "PERSON"), (9, 10, "NORP")])
    assert _titles_of(_run(doc)) == {}


def test_a_title_with_a_country_in_any_form_finds_the_person_of_that_country(blank_nlp):
    doc = _tagged_doc(
        blank_nlp,
        "Israeli/ADJ Prime/PROPN Minister/PROPN Benjamin/PROPN Netanyahu/PROPN met Prime/PROPN Minister/PROPN "
        "Theresa/PROPN May/PROPN . The Israeli/ADJ prime minister/NOUN spoke/VERB . Israel/PROPN 's/PART prime "
        "minister/NOUN left/VERB . The prime minister/NOUN of Israel/PROPN smiled/VERB .",
        [(0, 1, "NORP"), (3, 5, "PERSON"), (8, 10, "PERSON"), (12, 13, "NORP"), (17, 18, "GPE"), (27, 28, "GPE")])
    titles = [(m["text"], i["name"]) for i in _run(doc) for m in i["mentions"] if m["kind"] == "title"]
    assert titles == [("prime minister", "Benjamin Netanyahu")] * 3


def test_a_bare_surname_goes_to_the_namesake_holding_its_title(blank_nlp):
    # Liz Cheney is mentioned more, but only Dick Cheney was introduced as vice president
    doc = _tagged_doc(blank_nlp, "Vice President Dick/PROPN Cheney/PROPN met Rep. Liz/PROPN Cheney/PROPN . Liz/PROPN "
                      "Cheney/PROPN spoke/VERB . Cheney/PROPN spoke/VERB . Former Vice President Cheney/PROPN left/VERB .",
                      [(2, 4, "PERSON"), (6, 8, "PERSON"), (9, 11, "PERSON"), (13, 14, "PERSON"), (19, 20, "PERSON")])
    mentions = {i["name"]: [m["text"] for m in i["mentions"]] for i in _run(doc)}
    assert mentions == {"Dick Cheney": ["Dick Cheney", "Cheney"], "Liz Cheney": ["Liz Cheney", "Liz Cheney", "Cheney"]}
    last = next(m for i in _run(doc) for m in i["mentions"] if m["start"] == doc.text.rindex("Cheney"))
    assert doc.text[last["start"] - 15 : last["start"]] == "Vice President "


def test_a_two_letter_acronym_aligns_with_its_one_expansion():
    org = "organization"
    assert _aligned([_item("General Motors", type_=org)], [_item("GM", type_=org)], [_item("G.M.", type_=org)]) == [
        ["0", "1", "2"]]
    # two expansions in the comparison: "GM" could be either
    assert _aligned([_item("General Motors", type_=org)], [_item("General Mills", type_=org)],
                    [_item("GM", type_=org)]) == [["0"], ["1"], ["2"]]
    # never two actors of one article
    assert _aligned([_item("General Motors", type_=org), _item("GM", type_=org)]) == [["0"], ["0"]]


def test_a_surname_the_article_writes_alone_is_found_for_that_person(blank_nlp):
    # "Trump" alone is the president's, though Melania Trump's name also ends in it
    doc = _hand_doc(blank_nlp, "President Trump and Melania Trump met . Later Trump left .",
                    [(1, 2, "PERSON"), (3, 5, "PERSON")])
    assert {i["name"]: [m["start"] for m in i["mentions"]] for i in _run(doc)} == {
        "Trump": [10, doc.text.rindex("Trump")], "Melania Trump": [20]}


def test_a_scraped_escape_is_no_part_of_a_name(blank_nlp):
    doc = _hand_doc(blank_nlp, "Emmanuel Macron spoke . \\n Macron said so .", [(0, 2, "PERSON"), (4, 6, "PERSON")])
    assert [(i["name"], [m["text"] for m in i["mentions"]]) for i in _run(doc)] == [
        ("Emmanuel Macron", ["Emmanuel Macron", "Macron"])]


def test_a_country_leader_under_another_leader_noun(blank_nlp):
    doc = _tagged_doc(blank_nlp, "North/ADJ Korean/ADJ dictator/NOUN Kim/PROPN Jong/PROPN Un/PROPN spoke/VERB . "
                      "The North/ADJ Korean/ADJ leader/NOUN left/VERB . The North/ADJ Korean/ADJ envoy/NOUN stayed/VERB .",
                      [(0, 2, "NORP"), (3, 6, "PERSON"), (9, 11, "NORP"), (16, 18, "NORP")])
    assert [(m["text"], i["name"]) for i in _run(doc) for m in i["mentions"] if m["kind"] == "title"] == [
        ("leader", "Kim Jong Un")]


def test_a_country_leader_stays_unresolved_among_two(blank_nlp):
    doc = _tagged_doc(blank_nlp, "Russian/ADJ President/PROPN Vladimir/PROPN Putin/PROPN met/VERB Russian/ADJ "
                      "Prime/PROPN Minister/PROPN Dmitry/PROPN Medvedev/PROPN . The Russian/ADJ leader/NOUN left/VERB .",
                      [(0, 1, "NORP"), (2, 4, "PERSON"), (5, 6, "NORP"), (8, 10, "PERSON"), (12, 13, "NORP")])
    assert _titles_of(_run(doc)) == {}


def test_a_given_name_alone_aligns_with_the_one_person_of_that_given_name():
    # "Donald, you have shown courage" in an article that otherwise writes "Trump"
    profiles = [{"article": {"id": "0"}, "actors": {"items": [_item("Trump", n=5), _item("Donald")]}},
                {"article": {"id": "1"}, "actors": {"items": [_item("Donald Trump")]}}]
    assert [a["members"] for a in align_actors(profiles)] == [{"0": ["trump", "donald"], "1": ["donald-trump"]}]
    assert _aligned([_item("Jim")], [_item("James Roche")]) == [["0", "1"]]  # a short form
    # two people with that given name, or a word that is someone's surname: apart
    assert _aligned([_item("Donald")], [_item("Donald Trump")], [_item("Donald Tusk")]) == [["0"], ["1"], ["2"]]
    assert _aligned([_item("Stone")], [_item("Stone Phillips")], [_item("Roger Stone")]) == [["0", "2"], ["1"]]


def test_his_counterpart_of_a_country_is_its_leader_and_its_counterpart_is_not(blank_nlp):
    doc = _tagged_doc(blank_nlp, "Japanese/ADJ Prime/PROPN Minister/PROPN Shinzo/PROPN Abe/PROPN arrived/VERB . "
                      "Trump/PROPN met/VERB his Japanese/ADJ counterpart/NOUN . The CIA/PROPN met/VERB its "
                      "Japanese/ADJ counterpart/NOUN .",
                      [(0, 1, "NORP"), (3, 5, "PERSON"), (7, 8, "PERSON"), (10, 11, "NORP"), (14, 15, "ORG"),
                       (17, 18, "NORP")])
    assert [(m["start"], m["text"], i["name"]) for i in _run(doc) for m in i["mentions"] if m["kind"] == "title"] == [
        (doc.text.index("counterpart"), "counterpart", "Shinzo Abe")]


def test_a_country_leader_named_later_and_never_a_deputy(blank_nlp):
    # a lead writes "his French counterpart" a sentence before it names him
    doc = _tagged_doc(blank_nlp, "Trump/PROPN met/VERB his French/ADJ counterpart/NOUN . French/ADJ President/PROPN "
                      "Emmanuel/PROPN Macron/PROPN spoke/VERB .",
                      [(0, 1, "PERSON"), (3, 4, "NORP"), (6, 7, "NORP"), (8, 10, "PERSON")])
    assert _titles_of(_run(doc)) == {"counterpart": "Emmanuel Macron"}
    doc = _tagged_doc(blank_nlp, "Russian/ADJ Deputy/PROPN Prime/PROPN Minister/PROPN Dmitry/PROPN Kozak/PROPN spoke/VERB . "
                      "The Russian/ADJ president/NOUN left/VERB .", [(0, 1, "NORP"), (4, 6, "PERSON"), (9, 10, "NORP")])
    assert _titles_of(_run(doc)) == {}


def test_actor_rule_word_files_name_their_source_and_load():
    from importlib import resources

    from framing.actors.names import leader_nouns, rule_words

    for name in ("actor_rule_words.tsv", "leader_nouns.tsv"):
        header = resources.files("framing.data").joinpath(name).read_text(encoding="utf-8").splitlines()[:12]
        assert any(line.startswith("# Source:") for line in header) and any("License" in line for line in header)
    assert "army" in rule_words("armed_group") and "deputy" in rule_words("restrictive_title_modifier")
    assert leader_nouns()["prime minister"] == "head" and leader_nouns()["counterpart"] == "counterpart"


def test_candidates_split_an_entity_at_a_possessive_and_cut_titles(blank_nlp):
    from framing.actors.candidates import candidates

    doc = _hand_doc(blank_nlp, "Obama 's State Department met Marshal Khalifa Haftar .",
                    [(0, 4, "ORG"), (5, 8, "PERSON")])
    assert [(s.text, label) for s, label in candidates(doc, ("ORG", "PERSON"))] == [
        ("Obama", "POSSESSOR"), ("State Department", "ORG"), ("Khalifa Haftar", "PERSON")]


def test_the_people_step_fills_the_shared_indexes(blank_nlp):
    from framing.actors.clusters import MentionClusters, name_words
    from framing.actors.people import add_person

    doc = _hand_doc(blank_nlp, "Khalifa Hifter spoke . Haftar left .", [(0, 2, "PERSON"), (4, 5, "PERSON")])
    mc = MentionClusters(doc, doc.text)
    for ent in doc.ents:
        add_person(mc, ent, name_words(ent.text), heading=False)
    assert len(mc.clusters) == 1 and mc.taken == {0, 1, 4}
    person = mc.clusters[0]
    assert mc.by_surname == {skeleton("Haftar"): [person]} and person.first == skeleton("Khalifa")
    assert [m["kind"] for m in person.mentions] == ["name", "surname"]


def test_a_verb_the_parser_took_for_a_modifier_is_no_part_of_a_group(blank_nlp):
    # "Mr. Trump's praise for the North Korean leader rankled critics": the parse made
    # "rankled" an amod of "critics"; the group is "critics", not "leader rankled critics"
    from spacy.tokens import Doc

    words = ["praise", "for", "the", "North", "Korean", "leader", "rankled", "critics", ",", "and",
             "elected", "officials", "."]
    tags = ["NN", "IN", "DT", "JJ", "JJ", "NN", "VBD", "NNS", ",", "CC", "VBN", "NNS", "."]
    heads = [0, 0, 5, 5, 5, 7, 7, 1, 0, 0, 11, 0, 0]
    deps = ["ROOT", "prep", "det", "amod", "amod", "nmod", "amod", "pobj", "punct", "cc", "amod", "conj", "punct"]
    lemmas = ["praise", "for", "the", "north", "korean", "leader", "rankle", "critic", ",", "and", "elect",
              "official", "."]
    doc = Doc(blank_nlp.vocab, words=words, tags=tags, heads=heads, deps=deps, lemmas=lemmas)
    groups = sorted(m["text"] for i in _run(doc) if i["type"] == "group" for m in i["mentions"])
    assert groups == ["critics", "elected officials"]


@pytest.mark.parametrize(("name", "acr", "defines"), [
    ("Government of National Accord", "GNA", True), ("Bank of America", "BoA", True),
    ("Alternative für Deutschland", "AfD", True), ("Mujahedin-e-Khalq", "MeK", True),
    ("Mark Zuckerberg", "YouTube", False), ("Bank of America", "Bo", False), ("Bank of America", "boa", False)])
def test_a_mixed_case_acronym_is_defined_only_by_the_initials_of_the_name(name, acr, defines):
    from framing.actors.organisations import _defines_acronym

    assert _defines_acronym(name, acr) is defines


def test_a_mixed_case_acronym_defined_in_brackets_joins_its_organisation(blank_nlp):
    doc = _hand_doc(blank_nlp, "Bank of America ( BoA ) left . BoA said no .",
                    [(0, 3, "ORG"), (4, 5, "ORG"), (8, 9, "ORG")])
    items = _run(doc)
    assert [({i["name"], *i["aliases"]}, i["n_mentions"]) for i in items] == [({"Bank of America", "BoA"}, 3)]


def test_its_leader_after_a_country_ties_the_person_to_that_country(blank_nlp):
    # "North Korea and its leader, Kim Jong-un": "the North Korean leader" is then Kim
    from spacy.tokens import Doc, Span

    words = ["Trump", "met", "North", "Korea", "and", "its", "leader", ",", "Kim", "Jong-un", ".",
             "The", "North", "Korean", "leader", "smiled", "."]
    heads = [1, 1, 3, 1, 3, 6, 3, 6, 9, 6, 1, 14, 13, 14, 15, 15, 15]
    deps = ["nsubj", "ROOT", "compound", "dobj", "cc", "poss", "conj", "punct", "compound", "appos", "punct",
            "det", "compound", "amod", "nsubj", "ROOT", "punct"]
    doc = Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 2, 4, label="GPE"), Span(doc, 8, 10, label="PERSON"),
                Span(doc, 12, 14, label="NORP")]
    assert _titles_of(_run(doc)) == {"North Korean leader": "Kim Jong-un"}


def test_its_at_a_sentence_start_ties_no_country(nlp):
    """"Its" opening a sentence does not reach back into the sentence before for a country."""
    text = ("Apple sells many phones in North Korea. Its leader, Tim Cook, smiled at reporters. "
            "The North Korean leader left early.")
    items = framing.analyze(text, nlp=nlp, analyzers=["actors"])["actors"]["items"]
    cook = next(i for i in items if i["name"] == "Tim Cook")
    assert all("North Korean leader" not in m["text"] for m in cook["mentions"])
