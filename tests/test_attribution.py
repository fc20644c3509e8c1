"""Speaker attribution of quotes in marks: where the speaker is found and how surely."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import Attribution, QuoteKind
from quotekit._attribution import (
    agent_after,
    attribute_after,
    attribute_before,
    find_cues,
    sentence_subject,
    subject_aside,
    subject_before,
)
from quotekit._lexicon import default_lexicon
from quotekit._tokens import tokenize

LEXICON = default_lexicon()


def tokens(text: str) -> list:  # type: ignore[type-arg]
    return tokenize(text, 0, len(text), LEXICON)


def marked(text: str) -> list[quotekit.Quote]:
    return [q for q in quotekit.extract(text) if q.kind is not QuoteKind.INDIRECT]


def speaker_of(text: str) -> str | None:
    quotes = marked(text)
    assert quotes, text
    return quotes[0].speaker.name if quotes[0].speaker else None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Minister Lucia Ferreira said: “Our door is open.”", "Lucia Ferreira"),
        ("“Our door is open,” Minister Lucia Ferreira said.", "Lucia Ferreira"),
        ("“Our door is open,” said Minister Lucia Ferreira.", "Lucia Ferreira"),
        ("Hugh Hill, a doctor, said: “The clinic needs nurses.”", "Hugh Hill"),
        (
            "Mr. Samuel Adeyemi, adviser to the water agency, wrote: “The dams are low.”",
            "Samuel Adeyemi",
        ),
        (
            "“A city is only as strong as its weakest street.” — Mayor Ines Carvalho",
            "Ines Carvalho",
        ),
        ("According to union leader Rafael Gomez, “the strike goes on.”", "Rafael Gomez"),
        ("It is what Senator Nora Blake described as a “reckless gamble.”", "Nora Blake"),
        ("“We need a stadium,” Jane Okoro, chair of the sports council, said.", "Jane Okoro"),
        ("“The numbers do not add up,” said election lawyer Tom Becker.", "Tom Becker"),
        ("“We expect rain,” Senator Ann Lee (D-Ore.) said on Monday.", "Ann Lee"),
        ("“We expect rain,” Senator Ann Lee, D-Ore., said on Monday.", "Ann Lee"),
        (
            "“The talks failed,” the union's secretary, Ahmed Salim, said on Monday.",
            "Ahmed Salim",
        ),
        ("Oil minister Farid Rahimi: ‘Prices Will Fall Before Winter’", "Farid Rahimi"),
        ("Critics rejected Governor Lina Park's claim that it was “under control.”", "Lina Park"),
        (
            "Governor Maria Santos criticised the plan, saying it was “a blow to farmers.”",
            "Maria Santos",
        ),
        ("Stated Mayor Ines Carvalho: “We will not close the library.”", "Ines Carvalho"),
    ],
)
def test_speaker(text: str, speaker: str) -> None:
    assert speaker_of(text) == speaker


def test_description_speaker() -> None:
    text = "“We cannot rule out more cuts,” the company's chief executive said on Tuesday."
    [quote] = marked(text)
    assert quote.speaker is not None
    assert quote.speaker.mention == "the company's chief executive"


def test_pronoun_speaker_resolves_to_the_name_before() -> None:
    text = "Finance Minister Ruth Abara spoke on Monday. “Nobody will pay more tax,” she said."
    [quote] = marked(text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Ruth Abara" and quote.speaker.mention == "she"


def test_reporting_chain_has_a_via() -> None:
    text = (
        "The Harbour Gazette has repeatedly cited Admiral Jonas Falk in affirming that "
        "the base is “ready for any storm.”"
    )
    [quote] = marked(text)
    assert quote.speaker is not None and quote.speaker.name == "Jonas Falk"
    assert quote.via is not None and quote.via.name == "Harbour Gazette"


def test_participle_after_a_quote_is_not_an_inverted_attribution() -> None:
    text = "Ana Ruiz said: “We will win,” referring to Mayor Tom Hale."
    assert speaker_of(text) == "Ana Ruiz"


def test_a_new_sentence_after_a_quote_is_not_its_attribution() -> None:
    text = (
        "Mayor Tomas Reyes said the accounts were ready. “The budget is balanced.” "
        "He warns that the reserves are low and asks the council for patience this year."
    )
    quote = marked(text)[0]
    assert quote.attribution is Attribution.PREVIOUS_SENTENCE
    assert quote.speaker is not None and quote.speaker.name == "Tomas Reyes"


def test_words_inside_quotes_never_attribute() -> None:
    # "I said" inside the first quote must not make "I" the speaker of the second.
    text = "“I said no to them,” Mayor Ana Ruiz recalled. “Then the phone rang.”"
    quotes = marked(text)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Ana Ruiz", "Ana Ruiz"]


def test_confidence_reflects_how_the_speaker_was_found() -> None:
    text = (
        "“We will rebuild the school,” said headmistress Aiko Tanaka.\n\n"
        "“The children deserve nothing less.”\n\n"
        "“Nobody told us anything,” a parent complained."
    )
    adjacent, continued, described = marked(text)
    assert adjacent.attribution is Attribution.ADJACENT
    assert continued.attribution is Attribution.CONTINUATION
    assert adjacent.confidence > continued.confidence
    assert described.speaker is not None and adjacent.confidence > described.confidence
    orphan = marked("Nothing else happened. “The bridge is closed.”")
    assert orphan[0].speaker is None and orphan[0].confidence < continued.confidence


def test_each_quote_carries_its_cue_and_lemma() -> None:
    [quote] = marked("“We will win,” Mayor Ana Ruiz emphasised.")
    assert quote.cue is not None
    assert quote.cue.text == "emphasised" and quote.cue.lemma == "emphasize"


# --- the helpers other stages reuse ------------------------------------------------------


def test_find_cues_prefers_the_longest_phrase_and_skips_nouns() -> None:
    toks = tokens("He made it clear that Trump's remarks were wrong, she pointed out")
    found = [(c.entry.lemma, c.length) for c in find_cues(toks, LEXICON)]
    assert ("make it clear", 3) in found and ("point out", 2) in found
    assert all(lemma != "remark" for lemma, _ in found)  # "Trump's remarks" is a noun


def test_subject_before_and_agent_after() -> None:
    toks = tokens("Later Samdech Hun Sen recalled")
    subject = subject_before(toks, len(toks) - 1, LEXICON)
    assert subject is not None and subject.form == "name"
    assert "Hun Sen" in "Later Samdech Hun Sen recalled"[subject.start : subject.end]
    toks = tokens("said a longtime adviser to the mayor")
    agent = agent_after(toks, 1, LEXICON)
    assert agent is not None and agent.form == "description"
    assert "said a longtime adviser to the mayor"[agent.start : agent.end] == "a longtime adviser"


def test_attribute_after_and_before_return_nothing_without_a_cue() -> None:
    assert not attribute_after(tokens(", and the crowd cheered loudly"), LEXICON).found
    assert not attribute_before(tokens("The weather was fine and"), LEXICON).found


def test_lexicon_extension_adds_a_cue() -> None:
    text = "“We will appeal,” Mayor Ana Ruiz harrumphed."
    assert speaker_of(text) is None
    lexicon = LEXICON.extend(cues=[("harrumph", ["harrumph", "harrumphed"], [])])
    config = quotekit.ExtractConfig(lexicon=lexicon)
    [quote] = [q for q in quotekit.extract(text, config=config) if q.kind is QuoteKind.DIRECT]
    assert quote.speaker is not None and quote.speaker.name == "Ana Ruiz"


_WORDS = st.sampled_from(
    ["said", "Ana", "Ruiz", "the", "minister", ",", ".", ":", "“", "”", "he", "according", "to"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_speaker_spans_point_at_their_mention(text: str) -> None:
    for quote in quotekit.extract(text, include_terms=True):
        if quote.speaker is not None and quote.speaker.span is not None:
            span = quote.speaker.span
            assert quotekit.normalise_quote_text(text[span.start : span.end]) == (
                quote.speaker.mention
            )


# --- regressions found on real news (sentences of our own showing each pattern) ----------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a cue form after "of" is a noun, so the whole description is the subject
        ("At the fair, the county treasurer said she was “only here to listen.”", None),
        # "continue to" is not speech: the speaker is the one who said it
        (
            "Mayor Ana Ruiz said she is sure Tom Hale will continue to be “a good partner.”",
            "Ana Ruiz",
        ),
        # the audience of "told" is not the speaker of a later participle
        ("Ana Ruiz told the AP on Monday after hinting that “changes” could come.", "Ana Ruiz"),
        # a time adverbial between subject and cue
        ("Mayor Ana Ruiz on Friday described the plan as “a gamble with our savings.”", "Ana Ruiz"),
        # a bare plural subject
        ("“The damage is beyond repair,” federal auditors wrote in the report.", None),
        # the subject before a relative clause
        (
            "A city official who spoke on condition of anonymity said, “The bridge is unsafe.”",
            None,
        ),
        # a description with a prepositional phrase
        ("A spokesman for the port said there was “no risk to the public.”", None),
        # a subject followed by a prepositional phrase, then a participle cue
        (
            "Lawyers for Ana Ruiz appeared in court, saying the charge “has no basis in law.”",
            None,
        ),
        # "according to" after a quote is not a participle
        ("“The talks are over,” according to union leader Rafael Gomez.", "Rafael Gomez"),
        # an introduction ending in a colon gives its subject
        ("Governor Lina Park was blunt in her reply: “We will not pay.”", "Lina Park"),
    ],
)
def test_regression_speaker(text: str, speaker: str | None) -> None:
    quotes = marked(text)
    assert quotes, text
    quote = quotes[0]
    assert quote.speaker is not None, text
    if speaker is not None:
        assert quote.speaker.name == speaker
    else:
        # a description: its mention covers the describing words, not the clause
        assert quote.speaker.mention.split()[0].lower() in {"the", "a", "federal", "lawyers"}


@pytest.mark.parametrize(
    "text",
    [
        # a new sentence after a sentence-ending quote is not its attribution
        "Ana Ruiz called Tom Hale “a liar.” Carla Diaz said Ted Cruz was right.",
        # a naming verb after a quote names a thing
        "One banner read “anyone else,” a blog run by a group called Clean Vote.",
        # an adverb opening the sentence is not a name
        "Hastily, the board approved what it described as an “emergency” budget.",
    ],
)
def test_regression_no_wrong_speaker(text: str) -> None:
    for quote in marked(text):
        if quote.speaker is not None:
            assert quote.speaker.name not in {
                "Carla Diaz",
                "Hastily",
                "a blog run by a group",
            }


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Ana Lopez, citing the heat, said the building was unsafe.", None),
        ("Ana Lopez, after the meeting, said the pool will close.", None),
        (
            "Ben Okafor, a lawyer for the tenants, said the rent is too high.",
            "a lawyer for the tenants",
        ),
        ("Ben Okafor, of the tenants union, said the rent is too high.", "of the tenants union"),
    ],
)
def test_an_aside_between_name_and_cue_is_no_role(text: str, role: str | None) -> None:
    # Regression: "citing the heat" and "after the meeting" became the speaker's role.
    [quote] = quotekit.extract(text)
    assert quote.speaker is not None and quote.speaker.role == role


def _cues_word_by_word(toks: list) -> list:  # type: ignore[type-arg]
    """find_cues written as a plain walk over every position (the reference)."""
    from quotekit._attribution import CueMatch, _is_noun_context

    words = [t.lower for t in toks]
    found = []
    i = 0
    while i < len(words):
        entry = LEXICON.match_cue(words, i)
        if entry is not None and i > 0:
            after_name = toks[i].is_cap and toks[i - 1].is_word
            after_noun_marker = _is_noun_context(toks[i - 1], LEXICON)
            after_adjective = (
                words[i] == entry.lemma
                and i > 1
                and not toks[i - 1].is_cap
                and _is_noun_context(toks[i - 2], LEXICON)
            )
            if after_name or after_noun_marker or after_adjective:
                entry = None
        if entry is None:
            i += 1
            continue
        n = len(entry.words)
        if (
            i + n < len(words)
            and words[i + n] == "to"
            and LEXICON.is_a("not_before_to", entry.lemma)
        ):
            i += n
            continue
        found.append(CueMatch(toks[i].start, toks[i + n - 1].end, i, n, entry))
        i += n
    return found


# Single words, and multi-word cues whose later words start cues of their own ("say").
_SINGLE_WORDS = "said Said says made it clear pointed out continue to the her Trump's of caustic"
_MORE_WORDS = "chant call told reporters that Ana Lopez , . according added state State say report"
_CUE_WORDS = (
    *_SINGLE_WORDS.split(),
    *_MORE_WORDS.split(),
    "saying",
    "goes on to say",
    "is quoted as saying",
    "issued a report",
    "made the point",
)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=25))
def test_find_cues_visits_only_cue_words_and_finds_what_a_full_walk_finds(
    words: list[str],
) -> None:
    toks = tokens(" ".join(words))
    assert find_cues(toks, LEXICON) == _cues_word_by_word(toks)


def _subject(text: str, cue_word: str) -> str | None:
    """The sentence subject found before ``cue_word`` (the way a participle cue or a
    sentence with no cue reads it), as written."""
    toks = tokens(text)
    end = next(i for i, t in enumerate(toks) if t.text == cue_word)
    mention = sentence_subject(toks, end, LEXICON)
    return None if mention is None else text[mention.start : mention.end]


@pytest.mark.parametrize(
    ("text", "cue_word", "subject"),
    [
        # a capitalised adjective opening the sentence, then a plural noun and a verb
        ("Environmental groups were blunt in their findings:", ":", "Environmental groups"),
        ("Local officials responded angrily, saying the plan was rushed.", ",", "Local officials"),
        # a plural noun before a comma is no clause's subject: nothing to credit
        ("Environmental groups, citing new studies, said the river was polluted.", ",", None),
        # a name and its verb stay as they were
        ("Ortega resigned, citing health reasons.", ",", "Ortega"),
        ("Ortega says, in effect, that the plan is dead.", ",", "Ortega"),
        ("Ortega always said the plan was dead.", "the", "Ortega"),
        ("Ortega has said the plan was dead.", "the", "Ortega"),
        ("Ortega wants more money for the clinics.", "for", "Ortega"),
        ("Ortega seems pleased, saying the vote was fair.", ",", "Ortega"),
        ("Trump supporters cheered, saying the vote was fair.", ",", "Trump supporters"),
    ],
)
def test_sentence_subject_tells_an_adjective_from_a_name(
    text: str, cue_word: str, subject: str | None
) -> None:
    # Regression: "Environmental" was read as a name and "groups" as its verb, so a
    # participle in the aside after it was credited to "Environmental".
    assert _subject(text, cue_word) == subject


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        ("Environmental groups, citing new studies, said the river was polluted.", True),
        ("The unions, citing the report, warned that jobs would go.", True),
        ("Farm groups, citing the drought, have asked for aid.", True),
        ("Farm groups, citing the drought, also said the harvest was lost.", True),
        ("The mayor resigned, citing health reasons.", False),  # no verb after the aside
        ("The mayor resigned, citing health reasons, and left the city.", False),
        ("Ortega quit, citing the budget, remarks that angered the council.", False),
        ("He quit, citing the budget, distracted by the feud.", False),
        ("He quit, citing the budget, saying the cuts were unfair.", False),
    ],
)
def test_subject_aside(text: str, aside: bool) -> None:
    toks = tokens(text)
    cues = [c for c in find_cues(toks, LEXICON) if c.entry.lemma == "cite"]
    assert subject_aside(toks, cues[0], LEXICON) is aside


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Conservation groups, citing new surveys, said: “The marsh is dying.”",
            "Conservation groups",
        ),
        ("Local officials were blunt: “The bridge cannot be saved.”", "Local officials"),
        ("Farmers, citing the drought, said: “The harvest is lost.”", "Farmers"),
    ],
)
def test_plural_subject_opening_the_sentence(text: str, speaker: str) -> None:
    # Regression: the capitalised first word alone ("Conservation", "Local") was the speaker.
    assert speaker_of(text) == speaker


def test_cue_match_and_mention_read_like_the_frozen_classes_they_replace() -> None:
    # CueMatch is a slotted class and Mention a named tuple (cheaper to make than frozen
    # attrs classes): equality, hashing and repr follow their fields as before.
    import attrs

    from quotekit._attribution import CueMatch, Mention

    @attrs.frozen
    class PlainCue:
        start: int
        end: int
        index: int
        length: int
        entry: object

    entry = default_lexicon().cues["said"][0]
    cue = CueMatch(3, 7, 1, 1, entry)
    plain = PlainCue(3, 7, 1, 1, entry)
    assert repr(cue) == repr(plain).replace("PlainCue", "CueMatch", 1)
    assert cue == CueMatch(3, 7, 1, 1, entry) and hash(cue) == hash(CueMatch(3, 7, 1, 1, entry))
    assert cue != CueMatch(3, 7, 2, 1, entry) and cue != plain
    mention = Mention(0, 3, "name")
    assert repr(mention) == "Mention(start=0, end=3, form='name', role=None)"
    assert mention._replace(role=(4, 9)) == Mention(0, 3, "name", (4, 9))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="aAbBeEİıßSsTt'’. -,", max_size=60))
def test_word_class_lookup_on_lower_forms_agrees_with_is_a(text: str) -> None:
    # The rules look a token's ``lower`` up directly (_is) instead of lower-casing its
    # text again in Lexicon.is_a: the same answer for every word class.
    from quotekit._lexicon import in_word_class as _is

    lexicon = default_lexicon()
    for tok in tokenize(text, 0, len(text), lexicon):
        for word_class in lexicon.function_words:
            assert _is(lexicon, word_class, tok.lower) == lexicon.is_a(word_class, tok.text)
