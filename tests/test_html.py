"""Documents from HTML: visible text, source offsets, furniture, quotes by markup.

``tests/html/`` holds the five seed articles wrapped in news pages of our own making:
menus, analytics scripts, JSON-LD, captions in figures and layout tables, share bars,
related-news lists and sidebars holding quotations that are not the article's, a
``<q>`` and ``<blockquote>``, and entity-encoded quote marks.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from conftest import seed_text
from quotekit import Document, FurnitureKind, QuoteKind, Span
from quotekit.cli import main

PAGES = Path(__file__).resolve().parent / "html"
SEEDS = ("000", "001", "002", "003", "004")
_TAG = re.compile(r"<[^<>]{0,500}>")


def _page(name: str) -> str:
    return (PAGES / f"{name}.html").read_text(encoding="utf-8")


def _key(quotes: list[quotekit.Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.kind.value, q.speaker.name if q.speaker else None) for q in quotes]


def _visible(markup: str) -> str:
    """What a stretch of HTML source reads as: tags dropped, entities decoded, and
    source line breaks collapsed (in HTML they are spaces, not paragraph breaks)."""
    return re.sub(r"[ \t\n\r\f]+", " ", html.unescape(_TAG.sub("", markup)))


# --- the seeds as pages ----------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_pages_give_the_quotes_of_the_plain_text(seed: str) -> None:
    plain = quotekit.extract(seed_text(seed), include_terms=True)
    page = quotekit.extract(Document.from_html(_page(seed)), include_terms=True)
    assert plain
    assert _key(page) == _key(plain)


@pytest.mark.parametrize("seed", SEEDS)
def test_quotes_map_back_to_the_html_source(seed: str) -> None:
    source = _page(seed)
    document = Document.from_html(source, doc_id=seed)
    assert document.source is source
    for quote in quotekit.extract(document, include_terms=True):
        assert quotekit.normalise_quote_text(quote.span.slice(document.text)) == quote.text
        found = document.source_span(quote.span)
        raw = found.slice(source)
        assert quotekit.normalise_quote_text(_visible(raw)) == quote.text
        assert document.source_offset(quote.span.start) == found.start


@pytest.mark.parametrize("seed", SEEDS)
def test_no_page_quote_comes_from_furniture(seed: str) -> None:
    document = Document.from_html(_page(seed))
    for quote in quotekit.extract(document, include_terms=True):
        assert not any(f.span.overlap(quote.span) for f in document.furniture), quote.text


def test_page_metadata() -> None:
    d000 = Document.from_html(_page("000"))
    assert d000.outlet == "People's Army Newspaper"  # og:site_name, entity decoded
    assert d000.byline == "Tran Hoai"
    assert d000.published == dt.datetime(
        2025, 1, 6, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )
    d001 = Document.from_html(_page("001"))
    assert d001.title == "Cultivating solidarity between Vietnam and Cambodia"
    assert d001.outlet == "Vietnam Defence Review"  # JSON-LD publisher
    assert d001.published is not None and d001.published.isoformat() == "2019-06-28T09:15:00+07:00"
    d002 = Document.from_html(_page("002"))
    assert d002.title == (
        "Bright symbol of faithful international solidarity between Vietnam and Cambodia"
    )
    assert d002.published == dt.datetime(2019, 1, 7, 11, 7, 54)  # the dateline in the page
    d003 = Document.from_html(_page("003"))
    assert d003.byline == "Nguyen Hoang Nhien"
    d004 = Document.from_html(_page("004"))
    assert d004.outlet == "VOV World"
    assert d004.published == dt.date(2014, 1, 7)


def test_scripts_styles_and_head_leave_no_text() -> None:
    for seed in SEEDS:
        text = Document.from_html(_page(seed)).text
        for leak in ("dataLayer", "gtag", "font-family", "querySelectorAll", "@context", "<"):
            assert leak not in text, (seed, leak)


def test_page_furniture_is_found() -> None:
    document = Document.from_html(_page("001"))
    rules = {f.rule for f in document.furniture}
    assert {"nav", "figcaption", "class:related", "footer"} <= rules
    text = document.text
    cookie = text.index("This site uses cookies")
    assert any(f.span.start <= cookie < f.span.end for f in document.furniture)
    related = [f for f in document.furniture if f.rule == "class:related"]
    assert "Vietnam helped us survive" in related[0].span.slice(text)


def test_blockquote_block_keeps_its_speaker() -> None:
    document = Document.from_html(_page("004"))
    sam = [
        q
        for q in quotekit.extract(document)
        if q.text.startswith("The January 7th, 1979 victory is")
    ]
    assert len(sam) == 1
    assert sam[0].kind is QuoteKind.BLOCK and sam[0].speaker is not None
    assert sam[0].speaker.name == "Sam Sitha"
    assert "unmarked" in sam[0].flags


# --- markup rules ----------------------------------------------------------------------------


def _doc(body: str, head: str = "") -> Document:
    return Document.from_html(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")


def test_paragraphs_whitespace_and_entities() -> None:
    document = _doc(
        "<p>One   two\n three&nbsp;four &amp; &lt;five&gt; &#8220;six&#x201D; &copy</p>"
        "<div>Seven<br>eight</div><ul><li>nine</li><li>ten</li></ul>"
        "<pre>  keep\n   this</pre>"
    )
    assert document.text == (
        "One two three\xa0four & <five> “six” ©\n\nSeven\neight\n\nnine\n\nten\n\n  keep\n   this"
    )


def test_entity_offsets_cover_the_whole_entity() -> None:
    source = "<p>A &ldquo;quoted&rdquo; word</p>"
    document = Document.from_html(source)
    start = document.text.index("“")
    assert document.source_span(Span(start, start + 1)).slice(source) == "&ldquo;"
    word = document.text.index("quoted")
    assert document.source_span(Span(word, word + 6)).slice(source) == "quoted"
    assert document.source_span(Span(start, start + 8)).slice(source) == "&ldquo;quoted&rdquo;"


def test_q_is_shown_with_marks_and_is_a_quote() -> None:
    source = (
        "<p>The mayor spoke on Monday. <q>We will rebuild the bridge by spring</q>, "
        "said Mayor Ana Lopez. She called it <q>a <q>miracle</q> of engineering</q>.</p>"
    )
    document = Document.from_html(source)
    assert "“We will rebuild the bridge by spring”" in document.text
    assert "“a ‘miracle’ of engineering”" in document.text
    quote, fragment = quotekit.extract(document)
    assert quote.text == "We will rebuild the bridge by spring"
    assert fragment.text == "a 'miracle' of engineering" and fragment.kind is QuoteKind.PARTIAL
    assert quote.speaker is not None and quote.speaker.name == "Ana Lopez"
    found = document.source_span(quote.span)
    assert found.slice(source) == "We will rebuild the bridge by spring"
    # The marks map to the tags they stand for.
    mark = document.text.index("“")
    assert document.source_span(Span(mark, mark + 1)).slice(source) == "<q>"


def test_blockquote_without_marks_is_a_quote() -> None:
    document = _doc(
        "<p>The report was published on Monday.</p>"
        "<blockquote><p>Every village in the valley will have clean water by the end of "
        "next year.</p></blockquote><p>Officials declined to comment further.</p>"
    )
    # (the reported "declined to comment further" is an indirect quote of its own)
    [quote] = [q for q in quotekit.extract(document) if q.kind is not QuoteKind.INDIRECT]
    assert quote.text.startswith("Every village in the valley")
    assert quote.kind is QuoteKind.DIRECT
    assert "unmarked" in quote.flags


def test_blockquote_credit_is_not_quoted() -> None:
    document = _doc(
        "<p>The mayor spoke at the opening on Monday.</p><blockquote><p>We will rebuild the "
        "bridge by the spring of next year.</p><footer>— <cite>Ana Lopez</cite>, mayor"
        "</footer></blockquote>"
    )
    [quote] = quotekit.extract(document)
    assert quote.text == "We will rebuild the bridge by the spring of next year."
    inline = _doc(
        "<blockquote>Every village will have clean water by the end of next year. "
        "<cite>The minister</cite></blockquote>"
    )
    assert [q.text for q in quotekit.extract(inline)] == [
        "Every village will have clean water by the end of next year."
    ]


def test_blockquote_with_marks_is_one_quote() -> None:
    document = _doc(
        "<p>The minister told parliament:</p><blockquote><p>“Every village will have clean "
        "water by the end of next year.”</p></blockquote>"
    )
    quotes = quotekit.extract(document)
    assert [q.text for q in quotes] == [
        "Every village will have clean water by the end of next year."
    ]
    assert "unmarked" not in quotes[0].flags


def test_furniture_elements() -> None:
    document = _doc(
        "<nav>Home | World</nav><header><p>Site name “quoted slogan here today”</p></header>"
        "<main><article><header><h1>Storm hits Hue</h1><p class='byline'>By LE VAN BINH</p>"
        "<time datetime='2020-10-10'>10 October 2020</time></header>"
        "<p>“The water came in the night,” said farmer Tran Thi Mai.</p>"
        "<figure><img src='x.jpg' alt='“alt text quote”'><figcaption>Mai says “it was dark” "
        "(Photo: VNA)</figcaption></figure>"
        "<div class='share-tools'>Share “this”</div>"
        "<aside><p>“A pull quote repeated from the story,” Mai said.</p></aside>"
        "</article></main><footer>“Footer motto”</footer>"
    )
    assert document.title == "Storm hits Hue"
    assert document.byline == "Le Van Binh"
    assert document.published == dt.date(2020, 10, 10)
    assert "alt text quote" not in document.text
    quotes = quotekit.extract(document, include_terms=True)
    assert [q.text for q in quotes] == ["The water came in the night,"]
    kinds = {f.span.slice(document.text): f.kind for f in document.furniture}
    assert kinds["By LE VAN BINH"] is FurnitureKind.BYLINE
    assert kinds["10 October 2020"] is FurnitureKind.DATELINE
    assert kinds["Mai says “it was dark” (Photo: VNA)"] is FurnitureKind.CAPTION


def test_a_classed_container_with_prose_is_the_article() -> None:
    """A share-enabled article body is not furniture: it holds prose paragraphs."""
    sentence = (
        "This sentence is long enough to count as one paragraph of real article prose, "
        "the kind of paragraph a reporter writes about the storm."
    )
    body = "".join(f"<p>{sentence}</p>" for _ in range(3))
    document = _doc(
        f'<div class="article-body share-enabled">{body}'
        "<p>“We are ready for the storm,” said Ana Lopez.</p></div>"
    )
    assert [q.text for q in quotekit.extract(document)] == ["We are ready for the storm,"]
    share_bar = _doc(
        '<div class="share-bar"><p>“We are ready for the storm,” said Ana Lopez.</p></div>'
    )
    assert quotekit.extract(share_bar) == []


def test_hidden_elements_are_not_visible() -> None:
    document = _doc(
        "<p hidden>hidden one</p><p aria-hidden='true'>hidden two</p>"
        "<p style='display: none'>hidden three</p><template><p>hidden four</p></template>"
        "<noscript>hidden five</noscript><svg><title>hidden six</title></svg><p>shown</p>"
    )
    assert document.text == "shown"


def test_metadata_from_json_ld_and_meta() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Not this"},
            {
                "@type": ["NewsArticle"],
                "headline": "Headline from JSON-LD",
                "datePublished": "2021-03-04",
                "author": [{"@type": "Person", "name": "Ana Lopez"}, {"name": "Le Van Binh"}],
                "publisher": {"@type": "Organization", "name": "The Example Times"},
            },
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script><title>Tab title</title>'
    document = _doc("<p>Body text.</p>", head)
    assert document.title == "Headline from JSON-LD"
    assert document.published == dt.date(2021, 3, 4)
    assert document.byline == "Ana Lopez and Le Van Binh"
    assert document.outlet == "The Example Times"
    head = (
        '<meta property="og:title" content="OG title"><meta name="author" content="JANE DOE">'
        '<meta property="article:published_time" content="2021-03-04T05:06:07Z">'
        '<script type="application/ld+json">{not json</script>'
    )
    document = _doc("<p>Body text.</p>", head)
    assert document.title == "OG title"
    assert document.byline == "Jane Doe"
    assert document.published == dt.datetime(2021, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)
    assert _doc("<p>Body.</p>", "<title>Only the tab title</title>").title == "Only the tab title"
    head = (
        "<title>Storm hits Hue | The Times</title>"
        '<meta property="og:site_name" content="The Times">'
    )
    assert _doc("<p>Body.</p>", head).title == "Storm hits Hue"


def test_caller_metadata_wins_over_the_page() -> None:
    document = Document.from_html(
        _page("001"), doc_id="p", title="T", outlet="O", published=dt.date(2000, 1, 1), byline="B"
    )
    assert (document.doc_id, document.title, document.outlet, document.byline) == (
        "p",
        "T",
        "O",
        "B",
    )
    quotes = quotekit.extract(document)
    assert all(q.outlet == "O" and q.published == dt.date(2000, 1, 1) for q in quotes)


def test_malformed_markup() -> None:
    document = _doc("<p>Unclosed <b>bold <i>both</p><p>Next</div></span><p>Last &bogus; &#xZZ;")
    assert document.text == "Unclosed bold both\n\nNext\n\nLast &bogus; &#xZZ;"
    assert Document.from_html("").text == ""
    assert Document.from_html("just text, no tags").text == "just text, no tags"


_SENTENCES = [
    "Rain fell for three days in the central provinces.",
    "“We moved everyone to the school,” said village chief Le Van Binh.",
    "The minister said that the road would reopen on Friday.",
    '"The water came in the night," farmer Tran Thi Mai told reporters.',
    "Officials called it a “once in a century” flood.",
    "According to the weather office, more rain is expected.",
    "Ana Lopez, a doctor, said: “We need clean water and medicine now.”",
    "The army sent 300 soldiers & boats to the area.",
]


def _as_html(paragraphs: list[str], encode: list[bool]) -> str:
    """Paragraphs as a page: marks and apostrophes entity-encoded where ``encode`` says,
    source lines wrapped, with a menu and a script around the article."""
    body = []
    for paragraph, entities in zip(paragraphs, encode, strict=False):
        escaped = html.escape(paragraph, quote=False)
        if entities:
            escaped = escaped.replace("“", "&ldquo;").replace("”", "&#8221;").replace('"', "&quot;")
        body.append("<p>" + escaped.replace(" ", "\n  ", 3) + "</p>")
    return (
        "<html><head><script>var a = '<p>no</p>';</script></head><body>"
        "<nav><a href='/'>Home</a> “Menu quote here now”</nav><article>"
        + "\n".join(body)
        + "</article></body></html>"
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3).map(" ".join),
        min_size=1,
        max_size=6,
    ),
    st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_html_and_plain_text_give_the_same_quotes(
    paragraphs: list[str], encode: list[bool]
) -> None:
    plain = "\n\n".join(paragraphs)
    page = Document.from_html(_as_html(paragraphs, encode))
    assert page.text.endswith(plain)
    assert _key(quotekit.extract(page, include_terms=True)) == _key(
        quotekit.extract(plain, include_terms=True)
    )


def test_deep_nesting_is_read() -> None:
    """Adversarial nesting (no callback walks the whole stack of open elements)."""
    assert Document.from_html("<div>" * 20000 + "x" + "</div>" * 20000).text == "x"
    assert Document.from_html("<span>" * 20000 + "</b>" * 20000 + "y").text == "y"
    nested = Document.from_html("<q>" * 4 + "deep" + "</q>" * 4)
    assert nested.text == "“‘“‘deep’”’”"
    sidebar = '<div class="related">' * 3000 + "<article><p>" + "word " * 30 + "</p>"
    assert Document.from_html(sidebar).furniture == ()


_HTML_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<q>",
        "</q>",
        "<blockquote>",
        "</blockquote>",
        "<br>",
        "<nav>",
        "</nav>",
        "<script>",
        "</script>",
        "<!-- c -->",
        "&amp;",
        "&#8220;",
        "&#x201d;",
        "&bogus",
        '"We will," said Ana Lopez.',
        "<div class='share'>",
        "</div>",
        "<pre>",
        "</pre>",
        "<",
        ">",
        "&",
        "<![CDATA[x]]>",
        "<!DOCTYPE html>",
        "\n",
        " ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_HTML_PIECES, st.text(max_size=12)), max_size=25))
def test_any_markup_is_read_and_maps_back(pieces: list[str]) -> None:
    source = "".join(pieces)
    document = Document.from_html(source)
    assert document.source is source
    text = document.text
    for index, char in enumerate(text):
        found = document.source_span(Span(index, index + 1))
        assert 0 <= found.start < found.end <= len(source)
        if found.end - found.start == 1 and not char.isspace():
            assert source[found.start] == char
    spans = [f.span for f in document.furniture] + list(document.quote_evidence)
    for span in spans + list(document.paragraphs):
        assert 0 <= span.start <= span.end <= len(text)
    for quote in quotekit.extract(document, include_terms=True):
        assert 0 <= quote.span.start <= quote.span.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="ab“”.&;é", min_size=1, max_size=6),
            st.sampled_from([" ", "  ", "\n", " \t ", "\r\n"]),
        ),
        max_size=12,
    )
)
def test_each_visible_space_maps_to_the_white_space_it_stands_for(
    words: list[tuple[str, str]],
) -> None:
    """Words apart by one plain space are written as one stretch of the text; every
    character of it, spaces included, still maps to its own source character, and a
    collapsed run of white space maps to the run's first character."""
    body = "".join(word + space for word, space in words)
    source = f"<p>{body}</p>"
    document = Document.from_html(source)
    for index, char in enumerate(document.text):
        found = document.source_span(Span(index, index + 1))
        if char == " ":
            assert source[found.start] in " \t\r\n" and found.end == found.start + 1
            assert found.start == 3 or not source[found.start - 1].isspace()
        elif found.end == found.start + 1:
            assert source[found.start] == char


# --- the command line --------------------------------------------------------------------------


def test_cli_reads_html_files_and_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.html").write_text(_page("004"), encoding="utf-8")
    (tmp_path / "b.htm").write_text(_page("001"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(seed_text("002"), encoding="utf-8")
    (tmp_path / "skip.css").write_text("p { color: red }", encoding="utf-8")
    assert main(["extract", str(tmp_path), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["doc"] for r in records} == {"a", "b", "c"}
    source = _page("004")
    for record in records:
        assert {"title", "outlet", "published", "source_start", "source_end"} <= set(record)
        quotekit.Quote.from_dict(record)
        if record["doc"] == "a":
            assert record["outlet"] == "VOV World" and record["published"] == "2014-01-07"
            raw = _visible(source[record["source_start"] : record["source_end"]])
            assert quotekit.normalise_quote_text(raw) == record["text"]
    assert {r["title"] for r in records if r["doc"] == "b"} == {
        "Cultivating solidarity between Vietnam and Cambodia"
    }


def test_cli_sniffs_html_on_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    page = "<!DOCTYPE html><html><body><p>“We are ready,” said Ana Lopez.</p></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.encode("utf-8"))))
    assert main(["extract", "-", "--format", "jsonl"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["text"] == "We are ready,"
    assert page[record["source_start"] : record["source_end"]] == "We are ready,"
