"""Documents from plain text: metadata, page furniture and captions, and extraction."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from conftest import seed_text
from quotekit import Document, Furniture, FurnitureKind, InputTypeError, LexiconError, Span
from quotekit._document import read_text, view_offset
from quotekit._furniture import (
    MAX_LINE,
    default_rules,
    find_byline,
    find_furniture,
    load_rules,
    parse_date,
    text_lines,
)
from quotekit._text import make_view
from quotekit.cli import main

SEEDS = ("000", "001", "002", "003", "004")


def _furniture_lines(text: str) -> dict[str, str]:
    """Each furniture line of ``text`` (as written) and the rule that recognised it."""
    document = Document.from_text(text)
    return {f.span.slice(text): f.rule for f in document.furniture}


# --- the seeds ---------------------------------------------------------------------------


def test_seed_002_title_and_date() -> None:
    document = Document.from_text(seed_text("002"))
    assert document.title == (
        "Bright symbol of faithful international solidarity between Vietnam and Cambodia"
    )
    assert isinstance(document.published, dt.datetime)
    assert document.published.date() == dt.date(2019, 1, 7)
    assert document.published == dt.datetime(2019, 1, 7, 11, 7, 54)
    assert document.outlet == "NDO"


def test_seed_004_outlet() -> None:
    document = Document.from_text(seed_text("004"))
    assert document.outlet == "VOVworld"
    assert document.title == (
        "Victory over Pol Pot regime represents justice, Vietnam-Cambodia friendship"
    )


def test_seed_003_byline_in_capitals() -> None:
    document = Document.from_text(seed_text("003"))
    assert document.byline == "Nguyen Hoang Nhien"
    [line] = [f for f in document.furniture if f.kind is FurnitureKind.BYLINE]
    assert line.span.slice(seed_text("003")).startswith("Major General, Dr. NGUYEN HOANG NHIEN")


def test_seed_000_translator_and_no_title() -> None:
    document = Document.from_text(seed_text("000"))
    assert document.byline == "Tran Hoai"
    assert document.title is None  # the first line is a paragraph, not a headline


def test_seed_001_title_and_repeated_caption() -> None:
    text = seed_text("001")
    document = Document.from_text(text)
    assert document.title == "Cultivating solidarity between Vietnam and Cambodia"
    captions = [f for f in document.furniture if f.kind is FurnitureKind.CAPTION]
    assert [f.rule for f in captions] == ["repeated-caption", "repeated-caption"]
    assert all(f.span.slice(text).startswith("A parade in Cambodia") for f in captions)


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_text_is_untouched_and_spans_are_lines(seed: str) -> None:
    text = seed_text(seed)
    document = Document.from_text(text)
    assert document.text is text
    for item in document.furniture:
        raw = item.span.slice(text)
        assert raw == raw.strip() and raw
        assert "\n" not in raw
    for paragraph in document.paragraphs:
        raw = paragraph.slice(text)
        assert raw == raw.strip() and raw
        assert not any(f.span.overlap(paragraph) for f in document.furniture)


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000", {"|": "pipes"}),
        ("002", {"• Facebook": "share-buttons", "• IN": "share-buttons"}),
        ("003", {"|": "pipes"}),
        (
            "004",
            {
                "Related News": "related",
                "Cambodians greeting Vietnamese volunteer soldiers": ("photo-number-caption"),
            },
        ),
    ],
)
def test_seed_furniture_rules(seed: str, expected: dict[str, str]) -> None:
    found = _furniture_lines(seed_text(seed))
    for line, rule in expected.items():
        assert found[line] == rule


@pytest.mark.parametrize("seed", SEEDS)
def test_no_seed_quote_comes_from_furniture(seed: str) -> None:
    text = seed_text(seed)
    document = Document.from_text(text)
    quotes = quotekit.extract(document, include_terms=True)
    assert quotes
    for quote in quotes:
        assert not any(f.span.overlap(quote.span) for f in document.furniture), quote.text


def test_seed_captions_are_furniture() -> None:
    """Every photo caption of the seeds is recognised (the table in seeds/README.md)."""
    captions = {
        "000": ["Residents of Phnom Penh bid", "Cambodian revolutionary armed forces together"],
        "002": ["Cambodian people bid farewell to Vietnamese volunteer soldiers. (Photo: VNA)"],
        "003": ["Cambodian people eagerly welcome Vietnamese voluntary troops"],
        "004": [
            "Vietnamese volunteer soldiers entering Cambodia in 1979",
            "Vietnamese volunteer soldiers stay close to the Cambodians. (Photo:",
            "The Cambodians say farewell to Vietnamese volunteer soldiers",
        ],
    }
    for seed, starts in captions.items():
        text = seed_text(seed)
        kinds = {f.span.slice(text): f.kind for f in Document.from_text(text).furniture}
        for start in starts:
            [kind] = [k for line, k in kinds.items() if line.startswith(start)]
            assert kind is FurnitureKind.CAPTION


# --- extraction ----------------------------------------------------------------------------


def test_a_quote_in_a_caption_is_not_extracted() -> None:
    body = 'The minister spoke on Monday. "We will reopen the bridge soon," said Ana Lopez.'
    caption = 'Ana Lopez holds a sign reading "We will reopen the bridge soon" (Photo: AFP)'
    quotes = quotekit.extract(f"Bridge to reopen\n{caption}\n{body}\n")
    assert [q.text for q in quotes] == ["We will reopen the bridge soon,"]
    # Without its photo credit the same line is prose, and its quote counts.
    plain = quotekit.extract(
        'Bridge to reopen\nAna Lopez said "We will reopen the bridge soon" on Monday\n'
    )
    assert [q.text for q in plain] == ["We will reopen the bridge soon"]


def test_related_news_headlines_are_furniture() -> None:
    text = (
        "Floods hit the north\n"
        '"The water rose overnight," said farmer Le Van Binh.\n'
        "Related News\n"
        'Minister: "We are ready for the next storm"\n'
        "Rescue teams reach isolated villages\n"
    )
    quotes = quotekit.extract(text)
    assert [q.text for q in quotes] == ["The water rose overnight,"]
    lines = _furniture_lines(text)
    assert lines['Minister: "We are ready for the next storm"'] == "section-list"


def test_a_link_list_ends_at_prose() -> None:
    text = (
        "Floods hit the north\n"
        "Rain fell all week in the mountains.\n"
        "Read more\n"
        "Rescue teams reach isolated villages\n"
        'The governor said: "Everyone is safe."\n'
    )
    assert [q.text for q in quotekit.extract(text)] == ["Everyone is safe."]
    assert _furniture_lines(text)["Rescue teams reach isolated villages"] == "section-list"


def test_extract_str_reads_like_from_text() -> None:
    for seed in SEEDS:
        text = seed_text(seed)
        assert quotekit.extract(text, include_terms=True) == quotekit.extract(
            Document.from_text(text), include_terms=True
        )


def test_quotes_carry_document_metadata() -> None:
    text = seed_text("004")
    document = Document.from_text(text, doc_id="vov-2014")
    quotes = quotekit.extract(document)
    assert quotes and all(q.doc_id == "vov-2014" and q.outlet == "VOVworld" for q in quotes)
    assert all(q.published is None for q in quotes)
    given_date = dt.date(2014, 1, 7)
    dated = Document.from_text(text, doc_id="x", outlet="VOV", published=given_date)
    quotes = quotekit.extract(dated, doc_id="override")
    assert all(q.doc_id == "override" for q in quotes)
    assert all(q.outlet == "VOV" and q.published == given_date for q in quotes)
    record = quotes[0].to_dict()
    assert record["outlet"] == "VOV" and record["published"] == "2014-01-07"
    assert quotekit.Quote.from_dict(record) == quotes[0]


def test_caller_metadata_wins() -> None:
    document = Document.from_text(
        seed_text("002"),
        title="My title",
        outlet="Nhan Dan",
        published=dt.date(2020, 2, 2),
        byline="Someone",
    )
    assert (document.title, document.outlet, document.byline) == ("My title", "Nhan Dan", "Someone")
    assert document.published == dt.date(2020, 2, 2)
    # Furniture is still found when metadata is given.
    assert any(f.kind is FurnitureKind.DATELINE for f in document.furniture)


def test_furniture_given_by_the_caller_may_nest() -> None:
    """Regression: a span inside another hid the outer one from the exclusion lookup."""
    text = 'Intro line here.\n"We will win," said Ana Lopez.\nThe end.'
    inner = Furniture(Span(1, 5), "furniture", "mine")
    outer = Furniture(Span(0, len(text)), "furniture", "mine")
    document = Document(text, furniture=(outer, inner))
    assert quotekit.extract(document) == []
    assert len(quotekit.extract(Document(text, furniture=(inner,)))) == 1


def test_plain_documents_map_spans_to_themselves() -> None:
    document = Document.from_text("Hello world")
    assert document.source is None
    assert document.source_span(Span(0, 5)) == Span(0, 5)
    assert document.source_offset(3) == 3


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n\r\u00a0\u200b\u00ad\ufeff", max_size=30), st.integers(-3, 40))
def test_view_offset_inverts_the_view(text: str, index: int) -> None:
    """view_offset answers at once when the view removed nothing; either way it is the
    first view offset whose original offset is not before ``index``."""
    view = make_view(text)
    positions = range(len(view.text) + 1)
    expected = next((p for p in positions if view.to_original(p) >= index), len(positions))
    assert view_offset(view, index) == expected


@pytest.mark.parametrize(
    ("call", "what"),
    [
        (lambda: Document.from_text(b"bytes"), "text"),  # type: ignore[arg-type]
        (lambda: Document.from_text("x", doc_id=3), "doc_id"),  # type: ignore[arg-type]
        (lambda: Document.from_text("x", published="2019-01-07"), "published"),  # type: ignore[arg-type]
        (lambda: Document.from_html(None), "html"),  # type: ignore[arg-type]
        (lambda: Document("x", published=7), "published"),  # type: ignore[arg-type]
        (lambda: quotekit.extract(["x"]), "text"),  # type: ignore[arg-type]
        (lambda: Document.from_text("x").source_span((0, 1)), "span"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_input_type_error(call: object, what: str) -> None:
    with pytest.raises(InputTypeError) as info:
        call()  # type: ignore[operator]
    assert info.value.what == what
    assert isinstance(info.value, TypeError)


def test_document_fields_are_validated() -> None:
    with pytest.raises(TypeError):
        Document("x", paragraphs=[(0, 1)])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        Document("x", furniture=[Span(0, 1)])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        Document("x", doc_id=5)  # type: ignore[arg-type]
    assert Document("x", paragraphs=[Span(0, 1)]).paragraphs == (Span(0, 1),)


def test_furniture_is_a_value() -> None:
    item = Furniture(Span(0, 3), "caption", "photo-credit")
    assert item.kind is FurnitureKind.CAPTION
    with pytest.raises(ValueError):
        Furniture(Span(0, 3), "banner", "x")


# --- the rules, one by one -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "rule"),
    [
        ("Font Size:     |        Print", "furniture", "font-size"),
        ("| | |", "furniture", "pipes"),
        ("-----", "furniture", "rule"),
        ("Tags: floods, Hanoi, weather", "furniture", "tags"),
        ("Advertisement", "furniture", "advertisement"),
        ("© 2024 The Daily Example", "furniture", "copyright"),
        ("Share this article", "furniture", "share-this"),
        ("Facebook | Twitter | Email | Print", "furniture", "share-buttons"),
        ("Share 12 Tweet 3", "furniture", "share-buttons"),
        ("Home > World > Asia", "furniture", "breadcrumbs"),
        ("Read more: Floods hit the north again", "furniture", "read-more-link"),
        ("(Source: VNA)", "furniture", "source"),
        ("Rescue workers search the river bank. (Photo: AFP)", "caption", "photo-credit"),
        ("Farmers in Nam Dinh (A file photo)", "caption", "photo-credit"),
        ("Photo: Nguyen Van Minh", "caption", "photo-line"),
        ("File photo", "caption", "file-photo"),
        ("Workers repair the dyke on Monday. |", "caption", "pipe-cell-right"),
        ("Floods in the north - ảnh 2", "caption", "photo-number"),
        ("Photo 3 of 12", "caption", "gallery"),
        ("Related articles", "furniture", "related"),
        ("You may also like", "furniture", "related"),
    ],
)
def test_line_rules(line: str, kind: str, rule: str) -> None:
    text = f"Headline of the day\n{line}\nThe body of the article goes on for a while here.\n"
    found = _furniture_lines(text)
    assert found.get(line) == rule
    [item] = [f for f in Document.from_text(text).furniture if f.span.slice(text) == line]
    assert item.kind.value == kind


@pytest.mark.parametrize(
    "line",
    [
        "The minister shared photos of the flood with reporters on Monday.",
        "Prices rose by 3 percent (Credit Suisse estimates) in the year to May.",
        "He said the pictures (pictured below) were taken in 1979 by a soldier.",
        "Home is where the heart is, she said.",
        "Like many others, he came back.",
        "A line with a pipe | in the middle of a sentence.",
    ],
)
def test_prose_is_not_furniture(line: str) -> None:
    text = f"Headline of the day\nA first paragraph of the article.\n{line}\nMore text.\n"
    assert line not in _furniture_lines(text)


def test_short_repeated_lines_are_not_captions() -> None:
    """Regression: any line equal to the next one was a caption, so a chant ("Yes!"
    twice) or a column of "a" lines all became furniture."""
    text = 'Rally in Hue\n"Yes!" they shouted.\n"Yes!" they shouted.\na\na\n'
    assert _furniture_lines(text) == {}
    assert len(quotekit.extract(text, include_terms=True)) == 2


def test_marker_caption_needs_an_adjacent_short_line() -> None:
    text = (
        "Headline\nFirst paragraph of prose.\n"
        "Storm damage - ảnh 1\nA fallen tree in Hue\n\nThe storm moved west on Tuesday.\n"
        "Storm damage - ảnh 2\n\nThe next paragraph is prose and stays.\n"
    )
    found = _furniture_lines(text)
    assert found["A fallen tree in Hue"] == "photo-number-caption"
    assert "The next paragraph is prose and stays." not in found
    assert "The storm moved west on Tuesday." not in found


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Monday, 2019-01-07 11:07:54", dt.datetime(2019, 1, 7, 11, 7, 54)),
        ("January 7, 2019", dt.date(2019, 1, 7)),
        ("7 January 2019", dt.date(2019, 1, 7)),
        ("Tuesday, 07 January 2014 (GMT+7)", dt.date(2014, 1, 7)),
        ("Posted: 07/01/2019 11:07", dt.datetime(2019, 1, 7, 11, 7)),
        ("Published: 12/25/2019", dt.date(2019, 12, 25)),
        ("Updated on Jan. 7, 2019 at 10:30 PM", dt.datetime(2019, 1, 7, 22, 30)),
        ("10:30 AM, January 7, 2019", dt.datetime(2019, 1, 7, 10, 30)),
        (
            "Thứ Hai, 07/01/2019 11:07 (GMT+7)",
            dt.datetime(2019, 1, 7, 11, 7, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        ),
        (
            "Mon, 07 Jan 2019 11:07:54 +0700",
            dt.datetime(2019, 1, 7, 11, 7, 54, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        ),
        ("2019-01-07T11:07:54Z", dt.datetime(2019, 1, 7, 11, 7, 54, tzinfo=dt.timezone.utc)),
        ("January was cold.", None),
        ("In 2019-01-07 we met", None),
        ("2019-02-30", None),
        ("31/31/2019", None),
    ],
)
def test_datelines(line: str, expected: dt.date | None) -> None:
    assert parse_date(line, default_rules()) == expected


def test_dateline_at_the_end_of_the_text() -> None:
    text = 'Headline\n"We are ready," said Ana Lopez.\nPosted: January 7, 2019\n'
    document = Document.from_text(text)
    assert document.published == dt.date(2019, 1, 7)
    assert [q.text for q in quotekit.extract(document)] == ["We are ready,"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By John Smith", "John Smith"),
        ("BY JOHN SMITH", "John Smith"),
        ("By Jane Doe and Le Van Binh", "Jane Doe and Le Van Binh"),
        ("Translated by Tran Hoai", "Tran Hoai"),
        ("Reporting by Ana Lopez; Editing by Tom Reed", "Ana Lopez"),
        (
            "Major General, Dr. NGUYEN HOANG NHIEN, Director of the Military History Institute",
            "Nguyen Hoang Nhien",
        ),
        ("Colonel PHAM O'BRIEN-LE, Hanoi", "Pham O'Brien-Le"),
    ],
)
def test_bylines(line: str, name: str) -> None:
    found = find_byline(line, default_rules())
    assert found is not None and found[0] == name


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices had doubled.",
        'NATO SAID "no" on Monday',
        "The UN and ASEAN met in Hanoi on a day of talks that ran long into the night and beyond.",
        "by all means",
    ],
)
def test_not_bylines(line: str) -> None:
    assert find_byline(line, default_rules()) is None


@pytest.mark.parametrize(
    ("opening", "outlet"),
    [
        ("NDO - Today the country celebrates.", "NDO"),
        ("(VOVworld) – On Tuesday, people celebrated.", "VOVworld"),
        ("HANOI, Jan 7 (VNA) - The ceremony opened.", "VNA"),
        ("WASHINGTON (AP) — The Senate voted on Monday.", "AP"),
        ("Reuters - Markets fell on Monday.", "Reuters"),
        ("HANOI — The ceremony opened on Monday.", None),
        ("ASEAN - China relations improved this year.", None),
        ("Today the country celebrates - and remembers.", None),
    ],
)
def test_outlet_tags(opening: str, outlet: str | None) -> None:
    document = Document.from_text(f"A headline\n\n{opening}\n\nMore prose follows here.\n")
    assert document.outlet == outlet


def test_title_needs_a_headline_and_more_lines() -> None:
    assert Document.from_text("Just one line of text").title is None
    assert Document.from_text("A sentence ends here.\nAnother one.").title is None
    assert Document.from_text("Storm hits Hue\nThe storm hit Hue.").title == "Storm hits Hue"
    # Some archives end headlines with a full stop: kept when alone and in title case.
    stored = "Clinton Says Russians Hacked Party Servers.\n\nThe former secretary said so."
    assert Document.from_text(stored).title == "Clinton Says Russians Hacked Party Servers."
    assert Document.from_text(stored.replace("\n\n", "\n")).title is None
    sentence = "The storm hit the town on Monday.\n\nIt rained for days."
    assert Document.from_text(sentence).title is None
    two = "Storms Hit Hue. Towns Flood Again.\n\nIt rained for days."
    assert Document.from_text(two).title is None


def test_outlet_tag_after_an_unrecognised_headline() -> None:
    text = "Mayor to shift staff to the north.\n\nDALLAS (AP) — The mayor moved staff.\n"
    document = Document.from_text(text)
    assert document.title is None and document.outlet == "AP"


# --- the rules file ------------------------------------------------------------------------


def test_shipped_rules_load() -> None:
    rules = default_rules()
    assert "facebook" in rules.share and rules.months["sept"] == 9


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("caption\tbad\t(unclosed", "bad regex"),
        ("banner\tx\tfoo", "unknown kind"),
        ("caption\tonly-two", "3 tab-separated"),
        ("byline\tx\tby (\\w+)", "group named 'name'"),
        ("month\t13\tsmarch", "month"),
        ("caption\tfloating\tphoto", "start with"),
    ],
)
def test_bad_rule_rows_raise_lexicon_error(row: str, problem: str) -> None:
    base = "month\t1\tjanuary\nweekday\t-\tmonday\ndate_word\t-\tposted\n"
    with pytest.raises(LexiconError) as info:
        load_rules(base + row + "\n", "custom.tsv")
    assert problem in str(info.value)
    assert info.value.source == "custom.tsv:4"


# --- properties ----------------------------------------------------------------------------

_LINES = st.sampled_from(
    [
        "Font Size: | Print",
        "|",
        " | ",
        "Related News",
        "Facebook",
        "Twitter",
        "(Photo: VNA)",
        "A caption under a photo - ảnh 1",
        "By John Smith",
        "Monday, 2019-01-07 11:07:54",
        '"We will win," said Ana Lopez.',
        "The minister said the plan was ready.",
        "",
        "NDO - ",
        "“Unclosed quote",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=12),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_from_text_never_raises_and_spans_are_in_bounds(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    document = Document.from_text(text)
    assert document.text is text
    for span in [f.span for f in document.furniture] + list(document.paragraphs):
        assert 0 <= span.start <= span.end <= len(text)
    starts = [f.span.start for f in document.furniture]
    assert starts == sorted(starts)
    quotes = quotekit.extract(document, include_terms=True)
    for quote in quotes:
        assert 0 <= quote.span.start <= quote.span.end <= len(text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=12),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_read_text_holds_what_from_text_holds(lines: list[str], sep: str) -> None:
    """extract() reads a str with read_text(), which skips making the Document: the
    fields it reads are those of Document.from_text()."""
    text = sep.join(lines)
    document = Document.from_text(text)
    source = read_text(text)
    assert source.text is text
    assert source == (
        document.text,
        document.doc_id,
        document.outlet,
        document.published,
        document.furniture,
        document.quote_evidence,
    )
    assert quotekit.extract(text, include_terms=True) == quotekit.extract(
        document, include_terms=True
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Font Size: | Print",
                "Facebook | Twitter | Email",
                "|",
                "Storm damage in Hue (Photo: VNA)",
                "Tags: storm, Hue",
            ]
        ),
        min_size=1,
        max_size=4,
    ),
    st.integers(min_value=0, max_value=3),
)
def test_furniture_between_paragraphs_changes_no_quote(furniture: list[str], at: int) -> None:
    paragraphs = [
        "Storm hits the centre",
        "Rain fell for three days in the central provinces.",
        '"We moved everyone to the school," said village chief Le Van Binh.',
        "He added that the road would reopen on Friday.",
    ]
    plain = "\n".join(paragraphs)
    mixed = "\n".join(paragraphs[: at + 1] + furniture + paragraphs[at + 1 :])

    def key(text: str) -> list[tuple[str, str, str | None]]:
        return [
            (q.text, q.kind.value, q.speaker.name if q.speaker else None)
            for q in quotekit.extract(text)
        ]

    assert key(mixed) == key(plain)


def test_adversarial_lines_finish() -> None:
    """Each rule meets long lines built to make a backtracking pattern stall; they must
    simply finish (the pattern rules forbid nested unbounded repeats)."""
    rules = default_rules()
    pieces = ["(photo ", "| ", "A ", "By ", "- ảnh ", "Jan 7, ", "2019-", "((((", "NGUYEN "]
    for piece in pieces:
        line = (piece * (MAX_LINE // len(piece) + 1))[:MAX_LINE]
        text = f"{line}\n{line}\n{line[:-1]}x\n"
        find_furniture(text, text_lines(text), rules)
        parse_date(line[:100], rules)
        find_byline(line, rules)
        Document.from_text(text)


# --- the command line ----------------------------------------------------------------------


def test_cli_records_carry_title_outlet_and_date(capsys: pytest.CaptureFixture[str]) -> None:
    path = next((seed_text.__globals__["SEEDS"]).glob("002_*.txt"))
    assert main(["extract", str(path), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records
    for record in records:
        assert record["title"].startswith("Bright symbol of faithful")
        assert record["outlet"] == "NDO"
        assert record["published"] == "2019-01-07T11:07:54"
        assert (record["source_start"], record["source_end"]) == (record["start"], record["end"])


@pytest.mark.parametrize("value", [123, b"bytes", None, ["a"]])
def test_a_text_that_is_not_a_str_fails_as_the_attrs_validator_does(value: object) -> None:
    with pytest.raises(TypeError) as ours:
        Document(text=value)  # type: ignore[arg-type]
    field = attrs.fields(Document).text
    with pytest.raises(TypeError) as theirs:
        attrs.validators.instance_of(str)(None, field, value)
    assert ours.value.args == theirs.value.args
