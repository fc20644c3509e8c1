"""In-document resolution: short names, pronouns, descriptions and outlets, one name each."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from conftest import seed_text
from quotekit import Resolution, SpeakerKind, _coref
from quotekit._coref import OUTLET_REACH, PRONOUN_REACH, Resolver, background_names
from strategies import news_text

LEXICON = quotekit.default_lexicon()


def _speakers(text: str) -> list[tuple[str, str, Resolution]]:
    """(canonical name, mention, resolution) of each quote's speaker, in order."""
    result = []
    for quote in quotekit.extract(text):
        speaker = quote.speaker
        assert speaker is not None, quote.text
        assert speaker.span is not None
        # Offsets are sacred: the span is the mention as written in the caller's string.
        assert text[speaker.span.start : speaker.span.end] == speaker.mention
        result.append((speaker.name, speaker.mention, speaker.resolution))
    return result


def _resolver(text: str) -> Resolver:
    """A resolver that has read every capitalised name of ``text``."""
    resolver = Resolver(LEXICON)
    for pos, name in background_names(text, [(0, len(text))], LEXICON):
        resolver.observe(pos, name)
    return resolver


# --- short names --------------------------------------------------------------------------


def test_a_short_name_is_any_contiguous_part_of_the_full_name() -> None:
    text = (
        'Ms. Nguyen Thi Lan chairs the rice cooperative in An Giang. "Prices fell by half '
        'this year," Lan said. "The banks will not wait," said Ms. Nguyen.'
    )
    assert _speakers(text) == [
        ("Nguyen Thi Lan", "Lan", Resolution.SHORT_NAME),
        ("Nguyen Thi Lan", "Ms. Nguyen", Resolution.SHORT_NAME),
    ]


def test_the_fuller_name_of_a_short_name_is_the_one_quoted_person_holding_it() -> None:
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "Ruiz")  # a headline's speaker, before any full name
    resolver.resolve_name(40, "Ana Ruiz")
    assert resolver.fuller_name("Ruiz") == "Ana Ruiz"
    assert resolver.fuller_name("Okafor") is None  # nobody of that name
    resolver.resolve_name(90, "Tomas Ruiz")
    assert resolver.fuller_name("Ruiz") is None  # two people: no guess


def test_a_fuller_name_of_the_other_sex_is_no_match() -> None:
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "Mr. Okafor")
    resolver.resolve_name(40, "Ms. Ada Okafor")
    assert resolver.fuller_name("Okafor") is None


def test_a_run_of_three_words_inside_a_longer_name() -> None:
    resolver = Resolver(LEXICON)
    resolver.observe(0, "Jean Claude Van Damme")
    result = resolver.resolve_name(200, "Claude Van Damme")
    assert result is not None
    assert (result.name, result.resolution) == ("Jean Claude Van Damme", Resolution.SHORT_NAME)


def test_a_name_seen_long_before_is_still_found_by_its_short_form() -> None:
    # Entities far out of pronoun reach leave the recency list; their names stay found.
    resolver = Resolver(LEXICON)
    resolver.observe(0, "Chan Dara")
    syllables = ("ka", "lo", "mi", "ren", "sa", "tor", "vu", "phe")
    for i in range(300):
        first = syllables[i % 8] + syllables[i // 8 % 8] + syllables[i // 64 % 8]
        resolver.observe(100 + 300 * i, f"{first.capitalize()} Okafor")
    result = resolver.resolve_name(200_000, "Dara")
    assert result is not None
    assert (result.name, result.resolution) == ("Chan Dara", Resolution.SHORT_NAME)
    assert len(resolver.entities) < 20  # only the names within pronoun reach


def test_many_namesakes_still_give_the_most_recent() -> None:
    resolver = Resolver(LEXICON)
    syllables = ("ka", "lo", "mi", "ren", "sa", "tor", "vu", "phe")
    names = []
    for i in range(300):
        names.append((syllables[i % 8] + syllables[i // 8 % 8] + syllables[i // 64]).title())
        resolver.observe(10 * i, f"{names[-1]} Okafor")
    result = resolver.resolve_name(10_000, "Okafor")
    assert result is not None
    assert result.name == f"{names[-1]} Okafor"


def _syllable_name(i: int) -> str:
    syllables = ("ka", "lo", "mi", "ren", "sa", "tor", "vu", "phe")
    return (syllables[i % 8] + syllables[i // 8 % 8] + syllables[i // 64 % 8]).title()


def test_a_document_remembers_a_bounded_number_of_entities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A dump of names must not keep every entity alive: past the bound, the one
    # mentioned least recently is forgotten, acronyms and short forms with it.
    monkeypatch.setattr(_coref, "MAX_ENTITIES", 50)
    resolver = Resolver(LEXICON)
    resolver.observe(0, "Cambodian People's Party (CPP)")
    resolver.observe(10, "Chan Dara")
    for i in range(60):
        resolver.observe(100 + 10 * i, f"{_syllable_name(i)} Okafor")
        resolver.observe(105 + 10 * i, "Chan Dara")  # mentioned again: remembered
    dara = resolver.resolve_name(1_000, "Dara")
    assert dara is not None and dara.name == "Chan Dara"
    # Forgotten: each is now a name of its own, not a short form of the old entity.
    cpp = resolver.resolve_name(1_010, "CPP")
    assert cpp is not None and cpp.name == "CPP"
    first = resolver.resolve_name(1_020, _syllable_name(0))
    assert first is not None and first.name == _syllable_name(0)
    latest = resolver.resolve_name(1_030, _syllable_name(59))
    assert latest is not None and latest.name == f"{_syllable_name(59)} Okafor"


@settings(max_examples=60)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=120), st.integers(1, 8))
def test_forgetting_entities_leaves_the_indexes_consistent(picks: list[int], bound: int) -> None:
    original = _coref.MAX_ENTITIES
    _coref.MAX_ENTITIES = bound
    try:
        resolver = Resolver(LEXICON)
        for pos, i in enumerate(picks):
            resolver.observe(10 * pos, f"{_syllable_name(i)} Okafor")
            if i % 5 == 0:
                resolver.observe(10 * pos + 5, f"{_syllable_name(i)} Group (SG{i})")
    finally:
        _coref.MAX_ENTITIES = original
    remembered = {id(e) for e in resolver._remembered.values()}
    assert len(remembered) <= bound
    for namesakes in resolver._by_run.values():
        for entity in namesakes if isinstance(namesakes, list) else [namesakes]:
            assert id(entity) in remembered
    assert all(id(e) in remembered for e in resolver._by_acronym.values())
    assert all(id(e) in remembered for e in resolver.entities)


def test_a_khmer_family_name_comes_first() -> None:
    text = (
        "Chea Sophal, who runs a guesthouse in Kampot, counted the empty rooms. "
        '"The tourists have not come back," Sophal said.'
    )
    assert _speakers(text) == [("Chea Sophal", "Sophal", Resolution.SHORT_NAME)]


def test_a_family_name_that_is_also_a_title() -> None:
    text = 'Paul Farmer, a doctor, visited the clinic. "We need nurses," Farmer said.'
    assert _speakers(text) == [("Paul Farmer", "Farmer", Resolution.SHORT_NAME)]


def test_two_people_with_one_family_name_stay_two_people() -> None:
    text = (
        'Opposition leader Kem Sokha spoke first. "We will take part in the vote," '
        "Kem Sokha said.\n\n"
        "His daughter Kem Monovithya was more cautious. "
        '"Nothing is decided yet," said Kem Monovithya.\n\n'
        '"We will not boycott," Kem Sokha added. "The vote will be fair," Kem said.'
    )
    names = [name for name, _mention, _how in _speakers(text)]
    # Each full name keeps its own entity; the bare family name takes the most recent.
    assert names == ["Kem Sokha", "Kem Monovithya", "Kem Sokha", "Kem Sokha"]


def test_a_gendered_title_picks_between_people_sharing_a_name() -> None:
    resolver = _resolver("Mr. Kem Sokha met Ms. Kem Monovithya and her lawyers.")
    resolved = resolver.resolve_name(200, "Mr. Kem")
    assert resolved is not None and resolved.name == "Kem Sokha"
    resolved = resolver.resolve_name(210, "Ms. Kem")
    assert resolved is not None and resolved.name == "Kem Monovithya"


def test_a_place_is_not_a_short_form_of_an_organisation() -> None:
    resolver = _resolver("the People's Republic of Kampuchea was proclaimed in January.")
    resolved = resolver.resolve_name(100, "Kampuchea")
    assert resolved is not None
    assert (resolved.name, resolved.resolution) == ("Kampuchea", Resolution.NAME)


def test_an_acronym_named_in_parentheses_resolves_later() -> None:
    text = (
        "The Cambodian People's Party (CPP) held its congress on Sunday. "
        '"We are united," the CPP said in a statement.'
    )
    assert _speakers(text) == [
        ("Cambodian People's Party", "the CPP", Resolution.SHORT_NAME),
    ]


# --- pronouns -----------------------------------------------------------------------------


def test_he_and_she_take_the_most_recent_compatible_speaker() -> None:
    text = (
        'Ms. Sok Leakhena teaches in Siem Reap. "The children are hungry," Ms. Sok said. '
        'Her colleague Mr. Chan Dara agreed. "The school has no kitchen," Mr. Chan said. '
        '"We wrote to the ministry twice," she said. "Nobody answered," he added.'
    )
    names = [(name, how) for name, _mention, how in _speakers(text)]
    assert names == [
        ("Sok Leakhena", Resolution.SHORT_NAME),
        ("Chan Dara", Resolution.SHORT_NAME),
        ("Sok Leakhena", Resolution.PRONOUN),
        ("Chan Dara", Resolution.PRONOUN),
    ]


def test_gender_is_never_guessed_from_a_first_name() -> None:
    # "Maria" suggests nothing to quotekit: only titles and earlier pronouns do.
    text = (
        "Maria Santos, a farmer from Battambang, met reporters on Monday. "
        '"The rain came late," Santos said. "We lost a month," he said.'
    )
    assert _speakers(text)[1] == ("Maria Santos", "he", Resolution.PRONOUN)


def test_a_pronoun_teaches_the_gender_to_later_pronouns() -> None:
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "Chea Vanna")
    first = resolver.resolve_pronoun(40, "he")
    assert first is not None and first.name == "Chea Vanna" and first.gender == "male"
    # Now known to be male, Chea Vanna is no antecedent for "she".
    assert resolver.resolve_pronoun(80, "she") is None


def test_a_possessive_right_after_a_name_tells_its_gender() -> None:
    # Without "her", Sok Chea would be a name in passing, no antecedent for "she".
    text = (
        '"The price is fair," said Mr. Hang Vibol, a trader. Sok Chea shook her head '
        'when the price was read out. "Nobody can pay it," she said.'
    )
    assert _speakers(text)[1] == ("Sok Chea", "she", Resolution.PRONOUN)
    without = _resolver("Sok Chea did not move when the price was read out.")
    assert without.resolve_pronoun(60, "she") is None


def test_he_or_she_right_after_a_name_votes_for_its_gender() -> None:
    resolver = Resolver(LEXICON)
    text = "Prak Sovann said he would run. Chea Sophal said she would not."
    for pos, name in background_names(text, [(0, len(text))], LEXICON):
        resolver.observe(pos, name)
    assert {e.name: e.sex for e in resolver.entities} == {
        "Prak Sovann": "male",
        "Chea Sophal": "female",
    }


def test_an_object_her_tells_nothing() -> None:
    resolver = Resolver(LEXICON)
    text = "Hang Vibol met her on Monday."
    for pos, name in background_names(text, [(0, len(text))], LEXICON):
        resolver.observe(pos, name)
    assert [e.gender for e in resolver.entities] == [""]


def test_the_speaker_just_quoted_goes_on_speaking() -> None:
    text = (
        '"Anybody who attacks him will regret it," said Chea Sophal, who has known '
        'Mr. Prak Sovann since the 1990s. "He never forgets a slight," she said.'
    )
    assert _speakers(text)[1] == ("Chea Sophal", "she", Resolution.PRONOUN)


def test_the_speaker_quoted_last_wins_over_one_quoted_long_ago() -> None:
    text = (
        '"The bridge is safe," said Mr. Hun Many.\n\n'
        + "Traffic grew for years after the opening. " * 20
        + '\n\n"We will widen it," said Mr. Chan Dara, who worked with Mr. Hun Many. '
        '"It takes two years," he said.'
    )
    assert _speakers(text)[-1] == ("Chan Dara", "he", Resolution.PRONOUN)


def test_the_subject_of_a_speech_verb_is_a_speaker_even_unquoted() -> None:
    text = (
        "Chairman Heng Samrin once stated that the help was right. Prime Minister Hun Sen "
        'also affirmed that the help was timely. "Without it we would have died," he said.'
    )
    assert _speakers(text)[-1] == ("Hun Sen", "he", Resolution.PRONOUN)


def test_a_name_inside_a_quotation_is_not_the_next_pronoun() -> None:
    text = (
        "Stacey Edwards, 31, came with her son. "
        '"I have been a fan of Mr. Bernard Sanders for 20 years," Edwards said. '
        '"I will write his name in," she said.'
    )
    assert _speakers(text)[-1] == ("Stacey Edwards", "she", Resolution.PRONOUN)


def test_she_with_only_male_speakers_stays_unresolved() -> None:
    text = (
        'Mr. Hun Many opened the bridge on Monday. "It will carry 5,000 trucks a day," '
        'Mr. Hun said. "Maintenance is the next problem," she said.'
    )
    [first, second] = quotekit.extract(text)
    assert first.speaker is not None and first.speaker.name == "Hun Many"
    assert second.speaker is not None
    assert second.speaker.resolution is Resolution.UNRESOLVED
    assert second.speaker.name == "she"


def test_it_takes_an_organisation_and_never_a_person() -> None:
    resolver = _resolver("The Phnom Penh Post printed the figures. Mr. Pen Bona read them.")
    resolver.resolve_name(0, "The Phnom Penh Post")
    resolver.resolve_name(45, "Mr. Pen Bona")
    resolved = resolver.resolve_pronoun(80, "it")
    assert resolved is not None
    assert (resolved.name, resolved.kind) == ("Phnom Penh Post", SpeakerKind.ORGANISATION)
    only_people = Resolver(LEXICON)
    only_people.resolve_name(0, "Mr. Pen Bona")
    assert only_people.resolve_pronoun(30, "it") is None


def test_they_takes_an_organisation_not_a_person() -> None:
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "the Ministry of Health")
    resolver.resolve_name(40, "Dr. Or Vandine")
    resolved = resolver.resolve_pronoun(80, "they")
    assert resolved is not None and resolved.name == "Ministry of Health"


def test_a_place_named_in_passing_is_no_antecedent() -> None:
    resolver = _resolver("Floods reached Kampong Cham and Prey Veng on Monday.")
    assert resolver.resolve_pronoun(60, "he") is None


def test_a_pronoun_does_not_reach_beyond_its_window() -> None:
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "Mr. Chan Dara")
    assert resolver.resolve_pronoun(PRONOUN_REACH + 50, "he") is None
    assert resolver.resolve_pronoun(PRONOUN_REACH - 50, "he") is not None


def test_i_and_we_are_left_to_the_caller() -> None:
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "Mr. Chan Dara")
    assert resolver.resolve_pronoun(20, "we") is None


# --- descriptions -------------------------------------------------------------------------


def test_the_minister_is_the_minister_not_the_prime_minister() -> None:
    text = (
        "Cambodian Defence Minister Tea Banh and Prime Minister Hun Sen attended the "
        'ceremony. "The border is calm," the minister said. "We thank our neighbours," '
        "the prime minister said."
    )
    assert [(n, how) for n, _m, how in _speakers(text)] == [
        ("Tea Banh", Resolution.DESCRIPTION),
        ("Hun Sen", Resolution.DESCRIPTION),
    ]


def test_the_chairman_and_a_bare_title() -> None:
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "Chairman Heng Samrin")
    resolver.resolve_name(60, "Mr. Chum Mey")
    by_description = resolver.resolve_description(120, "the chairman")
    assert by_description is not None and by_description.name == "Heng Samrin"
    by_title = resolver.resolve_name(180, "Chairman")
    assert by_title is not None and by_title.name == "Heng Samrin"
    assert by_title.resolution is Resolution.DESCRIPTION


def test_the_newspaper_and_the_article_are_the_outlet_named_last() -> None:
    text = (
        "The Phnom Penh Post reported the figures on Tuesday. "
        '"Exports rose by 12 percent," the newspaper said. '
        '"Garments led the rise," it said. '
        'Vietnam\'s Nhan Dan newspaper ran an article on the same day. "Trade doubled," '
        "the article said."
    )
    assert [(n, how) for n, _m, how in _speakers(text)] == [
        ("Phnom Penh Post", Resolution.DESCRIPTION),
        ("Phnom Penh Post", Resolution.PRONOUN),
        ("Nhan Dan", Resolution.DESCRIPTION),
    ]


def test_an_editorial_of_a_named_paper_is_spoken_by_the_paper() -> None:
    resolver = _resolver(
        "The Nhan Dan (People) Newspaper reserved a page for the anniversary. "
        "A story recalled the liberation."
    )
    resolved = resolver.resolve_description(120, "An editorial")
    assert resolved is not None
    assert (resolved.name, resolved.kind) == ("Nhan Dan", SpeakerKind.ORGANISATION)
    follow_up = resolver.resolve_pronoun(160, "It")
    assert follow_up is not None and follow_up.name == "Nhan Dan"


def test_a_description_taken_for_a_name_still_resolves() -> None:
    resolver = _resolver("The People's Army Newspaper ran an article on Monday.")
    resolved = resolver.resolve_name(60, "The article")
    assert resolved is not None and resolved.name == "People's Army Newspaper"
    assert resolved.resolution is Resolution.DESCRIPTION


def test_an_unnamed_newspaper_stays_a_new_unresolved_speaker() -> None:
    resolver = _resolver("The Khmer Times covered the ceremony.")
    long_description = "a newspaper of the Cambodian People's Revolutionary Party"
    assert resolver.resolve_description(60, long_description) is None
    assert resolver.resolve_description(60, "a newspaper") is None


def test_a_description_with_nobody_to_name_stays_unresolved() -> None:
    resolver = _resolver("Floods reached Kampong Cham on Monday.")
    assert resolver.resolve_description(60, "the minister") is None
    assert resolver.resolve_description(60, "the newspaper") is None


def test_an_abbreviated_title_and_a_loose_modifier_still_match() -> None:
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "Sen. Marco Rubio")
    resolver.resolve_name(40, "President Barack Obama")
    senator = resolver.resolve_description(90, "the Florida senator")
    assert senator is not None and senator.name == "Marco Rubio"
    president = resolver.resolve_description(140, "the former president")
    assert president is not None and president.name == "Barack Obama"
    assert resolver.resolve_description(190, "the vice president") is None


def test_a_person_noun_with_no_title_behind_it_stays_unresolved() -> None:
    # "the candidate", "the man": measured mostly wrong when guessed, so not guessed.
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "Donald Trump")
    assert resolver.resolve_description(40, "the candidate") is None
    assert resolver.resolve_description(60, "the man") is None


def test_the_newspaper_looks_back_about_a_paragraph() -> None:
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "the Khmer Times")
    assert resolver.resolve_description(OUTLET_REACH - 10, "the newspaper") is not None
    far = Resolver(LEXICON)
    far.resolve_name(0, "the Khmer Times")
    assert far.resolve_description(OUTLET_REACH + 10, "the newspaper") is None


def test_a_day_before_a_descriptor_is_no_outlet() -> None:
    resolver = _resolver("The editors aimed their Friday editorial at the governor.")
    assert resolver.resolve_description(80, "the newspaper") is None


def test_the_ministry_is_the_ministry_named_before() -> None:
    resolver = Resolver(LEXICON)
    resolver.resolve_name(0, "the Ministry of Health")
    resolved = resolver.resolve_description(50, "the ministry")
    assert resolved is not None and resolved.name == "Ministry of Health"


# --- the seeds ----------------------------------------------------------------------------

_CANONICAL = ("Hun Sen", "Heng Samrin", "Tea Banh", "Chum Mey")


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_speakers_carry_one_canonical_name(seed: str) -> None:
    text = seed_text(seed)
    for quote in quotekit.extract(text, include_terms=True):
        speaker = quote.speaker
        if speaker is None:
            continue
        assert speaker.span is not None and speaker.mention
        written = text[speaker.span.start : speaker.span.end]
        assert quotekit.normalise_quote_text(written) == speaker.mention
        for name in _CANONICAL:
            given = name.split()[-1]
            if name in written or given in written.split():
                assert speaker.name == name, (quote.text[:40], speaker)


def test_the_four_leaders_are_named_alike_in_every_seed() -> None:
    names: dict[str, set[str]] = {}
    for seed in ("000", "001", "002", "003", "004"):
        for quote in quotekit.extract(seed_text(seed)):
            if quote.speaker is not None:
                names.setdefault(quote.speaker.name, set()).add(seed)
    assert {"Hun Sen", "Tea Banh", "Heng Samrin", "Chum Mey"} <= set(names)
    assert names["Hun Sen"] >= {"000", "003"}


@pytest.mark.parametrize(
    ("seed", "start", "speaker"),
    [
        ("002", "without the help of Vietnamese volunteer soldiers", "Hun Sen"),
        ("002", "if Cambodia had sought to liberate itself", "Hun Sen"),
        ("002", "the help of Vietnamese volunteer soldiers was", "Heng Samrin"),
        ("004", "together with the assistance of the Vietnamese people", "Heng Samrin"),
        ("004", "if the international community had not stepped in", "Heng Samrin"),
        ("004", "this is Vietnam", "People's Army Newspaper"),
        ("001", "the Vietnamese volunteer troops helped to liberate", "Tea Banh"),
    ],
)
def test_seed_reported_speech_resolves_its_speaker(seed: str, start: str, speaker: str) -> None:
    """Reported speech ("He emphasised that ...") resolves through the same stage."""
    quotes = [q for q in quotekit.extract(seed_text(seed)) if q.text.startswith(start)]
    if not quotes:
        pytest.skip("reported speech is not extracted by this version")
    assert quotes[0].speaker is not None and quotes[0].speaker.name == speaker


# --- invariants -----------------------------------------------------------------------------

_NAME_WORDS = st.sampled_from(
    ["Hun", "Sen", "Kem", "Sokha", "Mey", "Chum", "Nguyen", "Thi", "Lan", "Times", "Party"]
)
_OPERATION = st.tuples(
    st.sampled_from(["observe", "name", "pronoun", "description"]),
    st.integers(min_value=1, max_value=400),
    st.lists(_NAME_WORDS, min_size=1, max_size=3).map(" ".join),
    st.sampled_from(["Mr.", "Ms.", "Minister", "the", ""]),
    st.sampled_from(["he", "she", "it", "they", "we"]),
    st.sampled_from(["the minister", "the newspaper", "an editorial", "a newspaper"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_OPERATION, max_size=30))
def test_resolution_only_ever_names_what_the_text_named(
    operations: list[tuple[str, int, str, str, str, str]],
) -> None:
    resolver = Resolver(LEXICON)
    seen: set[str] = set()
    pos = 0
    for op, step, name, title, pronoun, description in operations:
        pos += step
        mention = f"{title} {name}".strip()
        seen.update(name.split())
        if op == "observe":
            resolver.observe(pos, mention)
            continue
        if op == "name":
            resolved = resolver.resolve_name(pos, mention)
        elif op == "pronoun":
            resolved = resolver.resolve_pronoun(pos, pronoun)
        else:
            resolved = resolver.resolve_description(pos, description)
        if resolved is not None:
            assert resolved.name
            assert set(resolved.name.split()) <= seen, (resolved, seen)


@settings(max_examples=60, deadline=None)
@given(news_text())
def test_every_speaker_of_generated_news_points_at_its_mention(text: str) -> None:
    for quote in quotekit.extract(text):
        speaker = quote.speaker
        if speaker is None or speaker.span is None:
            continue
        written = text[speaker.span.start : speaker.span.end]
        assert quotekit.normalise_quote_text(written) == speaker.mention
        assert speaker.name
