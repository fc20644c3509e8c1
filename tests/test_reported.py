"""Reported speech: indirect quotes, "according to", and who said them.

The seeds are the first check; every rule they exercise is also covered by sentences of
our own, positive and negative, each with its expected content span and speaker.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from conftest import seed_text
from quotekit import ExtractConfig, QuoteKind


def _indirect(text: str) -> list[quotekit.Quote]:
    return [q for q in quotekit.extract(text) if q.kind is QuoteKind.INDIRECT]


def _one(text: str, start: str) -> quotekit.Quote:
    matches = [q for q in _indirect(text) if text[q.span.start : q.span.end].startswith(start)]
    assert len(matches) == 1, [text[q.span.start : q.span.end][:50] for q in _indirect(text)]
    return matches[0]


# --- the seeds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "start", "end", "speaker", "cue"),
    [
        ("000", "more than three million", "twenty days", "Khmer Times", "according to"),
        ("000", "without the arrival of Vietnamese forces", "never ended", "Khmer Times", "note"),
        ("001", "the historical victory was based", "volunteer troops", "Hun Sen", "emphasize"),
        ("001", "without the combination of the two", "January 7, 1979", "Hun Sen", "affirm"),
        ("001", "Vietnamese volunteer troops entered", "genocide regime", "Neang Phat", "recall"),
        ("001", "the Vietnamese volunteer troops helped", "Cambodian people", "Tea Banh", None),
        ("001", "everyone has to admit", "telling results", "Canberra Times", "write"),
        ("002", "the help of Vietnamese volunteer", "right assistance", "Heng Samrin", "state"),
        ("002", "without the help of Vietnamese", "country that fast", "Hun Sen", "affirm"),
        ("002", "if Cambodia had sought", "would have all died", "Hun Sen", "emphasize"),
        ("004", "Cambodian people are now living", "living in peace", "Heng Samrin", "affirm"),
        ("004", "if the international community", "much worse", "Heng Samrin", "say"),
        ("004", "together with the assistance", "35 years ago", "Heng Samrin", "say"),
        ("004", "she witnessed the presence", "Cambodian people", "Sam Sitha", "say"),
        ("004", "time has proved who", "friend of the Cambodians", "Chum Mey", "say"),
        ("004", "this is Vietnam", "unswerving policy", "People's Army Newspaper", "say"),
    ],
)
def test_seed_reported_speech(
    seed: str, start: str, end: str, speaker: str, cue: str | None
) -> None:
    text = seed_text(seed)
    quote = _one(text, start)
    raw = text[quote.span.start : quote.span.end]
    assert raw.endswith(end)  # no final full stop, nothing of the author's after it
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert quote.cue is not None
    if cue is not None:
        assert quote.cue.lemma == cue


def test_seed_canberra_times_date_between_cue_and_clause() -> None:
    text = seed_text("001")
    quote = _one(text, "everyone has to admit")
    assert quote.cue is not None and quote.cue.text == "wrote"
    assert "March 19, 1989" not in quote.text


def test_seed_partial_quotes_inside_a_reported_clause() -> None:
    """000: "cited Hun Sen in affirming that January 7 is the “second birthday” …": the
    clause is returned around the fragments in marks, which stay partial quotes."""
    text = seed_text("000")
    quotes = quotekit.extract(text)
    clause = _one(text, "January 7 is the")
    assert clause.speaker is not None and clause.speaker.name == "Hun Sen"
    assert clause.via is not None and clause.via.name == "Khmer Times"
    partials = [q for q in quotes if q.kind is QuoteKind.PARTIAL and q.speaker]
    inside = [q for q in partials if clause.span.start <= q.span.start < clause.span.end]
    assert {q.text for q in inside} == {"second birthday", "has been recorded by history."}


def test_seed_direct_quote_not_reported_again() -> None:
    """001: the Pracheachon editorial "… that “During …”" is a quote, not reported speech."""
    text = seed_text("001")
    assert not [q for q in _indirect(text) if "During extremely" in q.text]


def test_seed_clause_stops_at_the_colon_before_a_quote() -> None:
    text = seed_text("004")
    quote = _one(text, "time has proved")
    assert text[quote.span.end] == ":"


def test_seed_the_article_said_is_reported() -> None:
    text = seed_text("004")
    quote = _one(text, "this is Vietnam’s unswerving policy")
    assert quote.speaker is not None and quote.speaker.mention == "The article"


def test_seed_author_belief_is_not_reported() -> None:
    """002 ends "We believe that the time-honoured relationship …": the author's voice."""
    assert not [q for q in _indirect(seed_text("002")) if "time-honoured" in q.text]


def test_seed_he_emphasised_resolves_to_hun_sen() -> None:
    quote = _one(seed_text("002"), "if Cambodia had sought")
    assert quote.speaker is not None
    assert quote.speaker.mention == "He" and quote.speaker.name == "Hun Sen"


# --- sentences of our own ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Finance Minister Ana Lopez said the budget would be balanced by 2026.",
            "the budget would be balanced by 2026",
            "Ana Lopez",
        ),
        (
            "The mayor told reporters on Tuesday that the bridge will reopen next month.",
            "the bridge will reopen next month",
            "The mayor",
        ),
        (
            "According to the ministry, the dam was completed in March.",
            "the dam was completed in March",
            "the ministry",
        ),
        (
            "Rents rose sharply last year, according to the housing agency.",
            "Rents rose sharply last year",
            "the housing agency",
        ),
        (
            "As the Daily Herald noted, the council has not met since June.",
            "the council has not met since June",
            "Daily Herald",
        ),
        (
            "The strike will continue until the company raises wages, union leader Tom Reyes said.",
            "The strike will continue until the company raises wages",
            "Tom Reyes",
        ),
        (
            "The vote was delayed by two weeks, sources said.",
            "The vote was delayed by two weeks",
            "sources",
        ),
        ("The plan is unworkable, the source added.", "The plan is unworkable", "the source"),
        (
            "Dr. Maria Chen, a virologist at the University of Lyon, explained that the virus "
            "mutates slowly.",
            "the virus mutates slowly",
            "Maria Chen",
        ),
        (
            "The governor's office announced on Friday that schools would reopen.",
            "schools would reopen",
            "The governor's office",
        ),
        (
            "Analysts believe that the central bank will cut rates.",
            "the central bank will cut rates",
            "Analysts",
        ),
        (
            "Senator Ruth Okafor made it clear that she would vote against the bill.",
            "she would vote against the bill",
            "Ruth Okafor",
        ),
        (
            "Lt. Gen. Omar Haddad pointed out that no troops had crossed the border.",
            "no troops had crossed the border",
            "Omar Haddad",
        ),
        (
            "Sixty percent of voters said they would support the measure.",
            "they would support the measure",
            "Sixty percent of voters",
        ),
        (
            "The appeals court overruled the judge and said the state already allowed early "
            "voting.",
            "the state already allowed early voting",
            "The appeals court",
        ),
        (
            "Wealth Corp keeps its finances private but says its orders have doubled.",
            "its orders have doubled",
            "Wealth Corp",
        ),
        (
            "A hospital employee told FBI agents that the files had been moved.",
            "the files had been moved",
            "A hospital employee",
        ),
        (
            "Tenants, Senator Ruth Okafor suggested, need not fear the new landlords.",
            "need not fear the new landlords",
            "Ruth Okafor",
        ),
        (
            "In addition, according to the department, nine million workers will get a raise.",
            "nine million workers will get a raise",
            "the department",
        ),
        (
            "The incumbent leads her rival by 312 votes according to a count by the agency.",
            "The incumbent leads her rival by 312 votes",
            "a count",
        ),
        (
            "According to early results of surveys conducted for the council by a "
            "polling firm, nearly half of the residents were renters.",
            "nearly half of the residents were renters",
            "early results of surveys conducted for the council by a polling firm",
        ),
        (
            "Norvik Textiles has more than 4,200 employees, according to company documents.",
            "Norvik Textiles has more than 4,200 employees",
            "company documents",
        ),
        (
            "The harbour will close for a week, former mayor says.",
            "The harbour will close for a week",
            "former mayor",
        ),
        (
            "Governor Ana Ruiz spoke on Dec. 6 on state radio. Ruiz said Dec. 6 that the curfew "
            "would end.",
            "the curfew would end",
            "Ana Ruiz",
        ),
    ],
)
def test_reported_forms(text: str, content: str, speaker: str) -> None:
    [quote] = _indirect(text)
    assert text[quote.span.start : quote.span.end] == content
    assert quote.speaker is not None
    assert speaker in (quote.speaker.name, quote.speaker.mention)


def test_short_statement_before_a_parenthetical_attribution() -> None:
    text = "Sales were great, the vendor said, waving a folder at the crowd."
    [quote] = _indirect(text)
    assert text[quote.span.start : quote.span.end] == "Sales were great"


def test_title_case_headline() -> None:
    text = "Mayor Says New Bridge Will Open In June\n\nThe city council met on Monday."
    quote = _one(text, "New Bridge")
    assert text[quote.span.start : quote.span.end] == "New Bridge Will Open In June"
    assert quote.speaker is not None and quote.speaker.mention == "Mayor"


def test_capitalised_cue_inside_a_sentence_is_a_name() -> None:
    assert _indirect("The Party, State and people of Vietnam continue to cooperate.") == []


def test_a_sentence_opener_is_no_subject() -> None:
    [quote] = _indirect("Yet he is facing doubts after saying in a debate that he is impartial.")
    assert quote.speaker is not None and quote.speaker.mention == "he"


def test_cue_dense_text_is_read_quickly_and_safely() -> None:
    """Hundreds of cues in one sentence (a linear-time regression case)."""
    text = "He said that she stated that according to " * 400
    for quote in _indirect(text):
        assert text[quote.span.start : quote.span.end].strip() == quote.text


def test_anonymous_sources_are_of_unknown_kind() -> None:
    [quote] = _indirect("The vote was delayed by two weeks, sources said.")
    assert quote.speaker is not None
    assert quote.speaker.kind is quotekit.SpeakerKind.UNKNOWN


def test_pronoun_subject_resolves_to_the_speaker_before() -> None:
    text = (
        "Interior Minister Sara Boateng visited the flooded town on Monday. "
        "She said that the army would stay until the water receded."
    )
    quote = _one(text, "the army would stay")
    assert quote.speaker is not None and quote.speaker.name == "Sara Boateng"


def test_participle_adds_a_second_statement_of_the_same_speaker() -> None:
    text = "Mayor Jan Berg insisted the figures were correct, adding that an audit would prove it."
    first, second = _indirect(text)
    assert text[first.span.start : first.span.end] == "the figures were correct"
    assert text[second.span.start : second.span.end] == "an audit would prove it"
    assert first.speaker is not None and second.speaker is not None
    assert first.speaker.name == second.speaker.name == "Jan Berg"
    assert second.cue is not None and second.cue.text == "adding"


@pytest.mark.parametrize(
    "text",
    [
        "We believe that the relationship will grow stronger.",  # the author's belief
        "I think the decision was wrong.",
        "The plan that he said would fail was approved.",  # a relative clause
        "The report that officials released on Monday runs to 400 pages.",
        "It is said that the castle is haunted.",  # passive: no source
        "He noted the date in his diary.",  # a bare cue with an object, not a clause
        "She recalled memories of her childhood in Hue.",
        "They agreed to meet again in May.",
        "He said nothing about the deal.",
        "She said so.",
        "The state said nothing.",
        "The reports that track spending were filed late.",
        "Waving a folder, Okonkwo said, “I only need one more signature.”",
        "He was told that the office had closed.",
        "The company welcomed the ruling that the tax was illegal.",
        "Officials knew that the dam was weak.",  # not a reporting verb
        "The senator laughed and said nothing.",
        "She said back in the spring of 2019: “We will run.”",
        "The governor would not say whether the plan was dead.",  # a question, no statement
        "He has a concert planned for Friday, the last show.",  # a noun, not a cue
        "The 1968 contest that Nixon won was famously tough.",
    ],
)
def test_not_reported_speech(text: str) -> None:
    assert _indirect(text) == []


def test_relative_clause_after_an_object_is_not_a_that_clause() -> None:
    # "denied" reports its object (tag act), but "that a parent company would carry"
    # is a relative clause of that object, not a clause of its own
    text = "The firm denied the liability that a parent company would carry."
    assert [text[q.span.start : q.span.end] for q in _indirect(text)] == [
        "the liability that a parent company would carry"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the subject phrase and clause shapes of tests/cases/reported_more.json, negated
        "She told that story to every new recruit.",  # "that" is a determiner here
        "The 2016 notes that she kept were lost.",  # a noun after a number, not a cue
        "He said something about the weather.",  # a quantity word with no verb after it
        "Voters in the county said little.",
        "He said goodbye before leaving the hall.",
        "The plan the president said would fail was passed.",  # a relative clause
        "In the end, the senator said more than he meant to.",
        "The council met on Monday, and the mayor told them nothing new.",
        "The team had a good season, said goodbye to its coach and moved on.",
        "Both sides said little after the meeting.",
        "The women who said goodbye left early.",
        "The man who said nothing was arrested.",
    ],
)
def test_not_reported_speech_subject_and_clause_shapes(text: str) -> None:
    assert _indirect(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # cues whose complement is no clause (tags act, to, question), negated
        "Shares declined 3 percent on Friday.",  # "decline" reports only with "to"
        "Home prices declined in value.",
        "The court refused the appeal.",
        "She asked the crowd, “Who is ready?”",  # the question is a quotation in marks
        "The plan she criticized was approved.",  # a relative clause: no object after
        "Just ask any commuter.",  # an imperative: no subject
        "They praised.",
        "The paper reported the figures on Tuesday.",  # an object that only points back
        "It remains an open question whether the bridge will open.",  # a noun, no cue
        "The storm threatened to flood the valley.",  # "threaten" is no act of speech
        "She told the story to her grandchildren.",  # "told" reports only with "to" + verb
        "When asked, she smiled.",  # a question put, but not written
        "The mayor called on Monday to complain.",  # "called on" asks a person first
        "She called on her neighbor after the storm.",
        "The senator is expected to endorse the mayor next week.",  # an infinitive
        "A self-described socialist won the seat.",
        # "show" and "find" report findings only with a source as their subject
        "He showed his badge to the guard.",
        "She found the keys under the mat.",
        "The company showed a profit in the third quarter.",
        "The coach found a way to win.",
    ],
)
def test_not_reported_complements(text: str) -> None:
    assert _indirect(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The ministry confirmed the dates on Friday.",  # a label naming no speaker
        "EDITOR'S NOTE: This story has been corrected.",
        "Road works\n\nNOTE: Lanes will be closed at night.",
        "SMITH: “We are ready.”",  # the words in marks are a direct quote already
    ],
)
def test_labels_that_are_no_speaker(text: str) -> None:
    assert _indirect(text) == []


def test_question_put_without_an_asker_has_no_speaker() -> None:
    text = "Asked whether she would run again, Mayor Dana Holt smiled."
    quote = _one(text, "whether")
    assert text[quote.span.start : quote.span.end] == "whether she would run again"
    assert quote.speaker is None and quote.cue is None


def test_complement_cue_carries_its_lemma() -> None:
    quote = _one("The union accused the company of hiding safety reports.", "the company")
    assert quote.cue is not None and quote.cue.lemma == "accuse"


def test_direct_quote_in_the_clause_is_not_repeated() -> None:
    text = 'The company said that "profits will double this year."'
    kinds = [q.kind for q in quotekit.extract(text)]
    assert QuoteKind.INDIRECT not in kinds


def test_clause_is_cut_before_a_direct_quote() -> None:
    text = 'Mayor Ana Lopez said the works were late: "We will finish in June."'
    quote = _one(text, "the works")
    assert text[quote.span.start : quote.span.end] == "the works were late"


def test_clause_ends_before_the_attribution_of_a_following_quote() -> None:
    text = (
        "She said she had not read the memo, and when asked whether she was worried "
        'by it, she said, "Not yet."'
    )
    quote = _one(text, "she had not read")
    assert text[quote.span.start : quote.span.end] == "she had not read the memo"


def test_participle_before_a_colon_ends_the_clause() -> None:
    text = 'Mayor Ana Lopez said the works were late, adding: "We will finish in June."'
    quote = _one(text, "the works")
    assert text[quote.span.start : quote.span.end] == "the works were late"


def test_fragment_in_marks_inside_a_clause() -> None:
    text = 'The minister said the plan was "a disaster for the country" and should be dropped.'
    quotes = quotekit.extract(text)
    assert [q.kind for q in quotes] == [QuoteKind.INDIRECT, QuoteKind.PARTIAL]
    clause = quotes[0]
    assert text[clause.span.start : clause.span.end] == (
        'the plan was "a disaster for the country" and should be dropped'
    )


def test_indirect_can_be_switched_off() -> None:
    text = "Finance Minister Ana Lopez said the budget would be balanced by 2026."
    assert quotekit.extract(text, config=ExtractConfig(include_indirect=False)) == []


def test_cue_inside_a_quotation_is_part_of_it() -> None:
    text = '"My father said that we would never leave," Ana Lopez said.'
    assert _indirect(text) == []


# --- invariants ---------------------------------------------------------------------------

_PIECES = [
    "Minister Ana Lopez said that the plan would work",
    "He added the vote was close",
    "According to the agency, prices rose",
    "Prices rose, officials said",
    "“It is over,” she said",
    "The plan that he said would fail was approved",
    "Mr. Lee told reporters on Jan. 7 that the U.S. would help",
    "said that",
    "according to",
    ", he said,",
    "that",
]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.sampled_from([". ", " ", "\n", ": "]))
def test_indirect_spans_are_exact_and_trimmed(pieces: list[str], joiner: str) -> None:
    text = joiner.join(pieces)
    for quote in _indirect(text):
        raw = text[quote.span.start : quote.span.end]
        assert raw and raw == raw.strip()
        assert not raw.endswith((".", ",", ";", ":"))
        assert quotekit.normalise_quote_text(raw) == quote.text
        assert quote.speaker is not None and quote.cue is not None


def test_a_number_with_a_thousands_comma_stays_in_the_subject() -> None:
    # Regression: the comma of "1,250" opened a new clause, so the speaker was "250 nurses".
    text = "At the meeting, 1,250 nurses said the hospital was understaffed."
    quote = _one(text, "the hospital")
    assert quote.speaker is not None and quote.speaker.mention == "1,250 nurses"


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        (
            "Environmental groups, after reading new studies, said the river was polluted.",
            "the river",
            "Environmental groups",
        ),
        (
            "Residents of the tower, citing the heat, said the building was unsafe.",
            "the building",
            "Residents of the tower",
        ),
        ("Ana Lopez, after the meeting, said the pool will close.", "the pool", "Ana Lopez"),
    ],
)
def test_a_phrase_subject_before_an_aside(text: str, start: str, speaker: str) -> None:
    # Regression: a plain phrase before an adverbial or participial aside ("…, citing
    # the heat, said") found no speaker, so the statement was lost.
    quote = _one(text, start)
    assert quote.speaker is not None and quote.speaker.mention == speaker


def test_a_trailing_participle_of_an_act_cue_ends_the_clause() -> None:
    # Regression: ", citing the budget" was read as part of what the mayor said.
    text = "The mayor said the pool will close, citing the budget."
    assert text[_one(text, "the pool").span.start : _one(text, "the pool").span.end] == (
        "the pool will close"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle aside between a subject and its verb names what the subject points
        # to, not a statement of its own; the main verb's complement stays
        (
            "Environmental groups, citing new studies, urged the state to act.",
            ["the state to act"],
        ),
        ("Veteran lawmakers, citing the budget gap, voted against the plan.", []),
        # a noun ("reports", "claims") before a relative clause, then the sentence's verb
        ("The election reports that analysts publish were ignored.", []),
        ("The weather reports that we read were wrong.", []),
        ("The news claims that circulate online are false.", []),
        ("The election reports that analysts published were ignored.", []),
        ("The minister's claims that he made were false.", []),
    ],
)
def test_not_reported_nouns_and_asides(text: str, expected: list[str]) -> None:
    # Regression: "new studies" was credited to "Environmental", "analysts publish were
    # ignored" to "The election".
    assert [text[q.span.start : q.span.end] for q in _indirect(text)] == expected


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Environmental groups, citing new studies, said the river was polluted.",
            "the river was polluted",
            "Environmental groups",
        ),
        (
            "Farmers, citing drought, said the harvest would be small.",
            "the harvest would be small",
            "Farmers",
        ),
        (
            "The unions, quoting the report, warned that jobs would go.",
            "jobs would go",
            "The unions",
        ),
        ("The mayor resigned on Friday, citing health reasons.", "health reasons", "The mayor"),
        ("The agency reports that sales fell.", "sales fell", "The agency"),
        ("Reuters reports that the talks collapsed.", "the talks collapsed", "Reuters"),
        ("She reports that the talks collapsed.", "the talks collapsed", "She"),
        ("The agency reports that sales were down.", "sales were down", "The agency"),
        (
            "The union claims that farm incomes were falling.",
            "farm incomes were falling",
            "The union",
        ),
        (
            "The ministry reports that 40 percent were unemployed.",
            "40 percent were unemployed",
            "The ministry",
        ),
        ("The bureau reports that they both were injured.", "they both were injured", "The bureau"),
        (
            "The agency reports that efforts to bring it back are misguided.",
            "efforts to bring it back are misguided",
            "The agency",
        ),
        (
            "The agency reports that the minister made a mistake.",
            "the minister made a mistake",
            "The agency",
        ),
        (
            "The police report that the men arrested were released.",
            "the men arrested were released",
            "The police",
        ),
    ],
)
def test_reports_that_and_asides_still_reported(text: str, content: str, speaker: str) -> None:
    [quote] = _indirect(text)
    assert text[quote.span.start : quote.span.end] == content
    assert quote.speaker is not None and quote.speaker.mention == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside between the cue and "that" is skipped only after a verb form
        (
            "The minister said, as the crowd cheered, that the bridge would be rebuilt.",
            ["the bridge would be rebuilt"],
        ),
        (
            "He rejected a recent claim, first made by a rival, that he had skipped the vote.",
            ["a recent claim"],  # "claim" is a noun: its "that" clause is no statement
        ),
        # "that" after a comma opens a clause, not a source after it
        ("Aides told the paper, however, that she did chime in.", ["she did chime in"]),
        ("The plan is dead, that official said.", ["The plan is dead"]),
    ],
)
def test_aside_between_cue_and_that(text: str, expected: list[str]) -> None:
    # Regression: "said, however, that …" gave nothing, and "…, however, that she did
    # chime in" was read as "CLAUSE, she did chime in" with the words before as content.
    assert [text[q.span.start : q.span.end] for q in _indirect(text)] == expected
