"""The name grammar: titles, honorifics, roles and the name itself, from one mention."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import SpeakerKind
from quotekit._names import parse_mention

LEXICON = quotekit.default_lexicon()


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        # The examples: titles and honorifics in front, in any combination.
        ("Samdech Techo Hun Sen", "Hun Sen"),
        ("Cambodian Prime Minister Hun Sen", "Hun Sen"),
        ("Cambodian PM Hun Sen", "Hun Sen"),
        ("Samdech Hun Sen", "Hun Sen"),
        ("Cambodian Defence Minister Tea Banh", "Tea Banh"),
        ("Minister Tea Banh", "Tea Banh"),
        ("President of the Cambodian National Assembly Heng Samrin", "Heng Samrin"),
        ("Samdech Heng Samrin", "Heng Samrin"),
        ("Chairman Heng Samrin", "Heng Samrin"),
        ("Political commissar of Military Zone 7, Lieutenant General Pham Van Dy", "Pham Van Dy"),
        ("Major General, Dr. NGUYEN HOANG NHIEN", "Nguyen Hoang Nhien"),
        # More of the same grammar, on mentions of our own.
        ("Lok Chumteav Men Sam An", "Men Sam An"),
        ("Oknha Ly Yong Phat", "Ly Yong Phat"),
        ("Samdech Pichey Sena Tea Banh", "Tea Banh"),
        ("H.E. Dr. Hang Chuon Naron", "Hang Chuon Naron"),
        ("former Prime Minister Hun Sen", "Hun Sen"),
        ("Vietnam's Defence Minister Phan Van Giang", "Phan Van Giang"),
        ("Minister of Foreign Affairs Prak Sokhonn", "Prak Sokhonn"),
        ("Governor of Kandal province Kong Sophorn", "Kong Sophorn"),
        ("President of the Republic of Korea Moon Jae-in", "Moon Jae-in"),
        ("White House press secretary Josh Earnest", "Josh Earnest"),
        ("U.S. Secretary of State John Kerry", "John Kerry"),
        ("Senior General Min Aung Hlaing", "Min Aung Hlaing"),
        ("Pol. Gen. Prawit Wongsuwan", "Prawit Wongsuwan"),
        ("Datuk Seri Anwar Ibrahim", "Anwar Ibrahim"),
        ("Most Venerable Tep Vong", "Tep Vong"),
        ("historian Chhang Youk", "Chhang Youk"),
        ("Hun Sen's spokesman Phay Siphan", "Phay Siphan"),
        ("H.E. HUN Sen", "Hun Sen"),
        ("Mr. NGUYEN Van Binh", "Nguyen Van Binh"),
        ("Despite Hun Sen's", "Hun Sen"),
    ],
)
def test_titles_and_honorifics_are_stripped(mention: str, name: str) -> None:
    assert parse_mention(mention, LEXICON).name == name


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        (
            "Mr. Chhay Yi Heang, advisor to the Royal Government of Cambodia",
            "Chhay Yi Heang",
            "advisor to the Royal Government of Cambodia",
        ),
        (
            "Political commissar of Military Zone 7, Lieutenant General Pham Van Dy",
            "Pham Van Dy",
            "Political commissar of Military Zone 7",
        ),
        (
            "President of the Cambodian National Assembly Heng Samrin",
            "Heng Samrin",
            "President of the Cambodian National Assembly",
        ),
        (
            "General Neang Phat, Secretary of State at the Cambodian Defence Ministry",
            "Neang Phat",
            "Secretary of State at the Cambodian Defence Ministry",
        ),
        (
            "Sok Chea, one of the villagers who met the delegation",
            "Sok Chea",
            "one of the villagers who met the delegation",
        ),
        ("Hun Sen, Cambodia's prime minister", "Hun Sen", "Cambodia's prime minister"),
        ("Cambodian Prime Minister Hun Sen", "Hun Sen", None),
    ],
)
def test_roles_are_split_from_the_name(mention: str, name: str, role: str | None) -> None:
    parsed = parse_mention(mention, LEXICON)
    assert (parsed.name, parsed.role) == (name, role)


def test_titles_are_kept_in_order_as_written() -> None:
    parsed = parse_mention("Major General, Dr. NGUYEN HOANG NHIEN", LEXICON)
    assert parsed.titles == ("Major General", "Dr.")
    assert parsed.words == ("Nguyen", "Hoang", "Nhien")
    assert parsed.kind is SpeakerKind.PERSON


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Australia's Canberra Times newspaper", "Canberra Times"),
        ("Cambodian Pracheachon (The People) newspaper", "Pracheachon"),
        ("The Nhan Dan (People) Newspaper", "Nhan Dan"),
        ("the Khmer Times", "Khmer Times"),
        ("The People's Army Newspaper", "People's Army Newspaper"),
        ("the Workers' Party of Korea", "Workers' Party of Korea"),
        ("the Cambodian People's Party (CPP)", "Cambodian People's Party"),
    ],
)
def test_organisations_and_outlets(mention: str, name: str) -> None:
    parsed = parse_mention(mention, LEXICON)
    assert parsed.name == name
    assert parsed.kind is SpeakerKind.ORGANISATION


@pytest.mark.parametrize(
    "mention",
    [
        "Tuol Sleng Prison",
        "Anselm College",
        "Race To The Top",
        "Thing Both Sides Want",
        "National Nurses United",
        "Monday Night Baseball",
        "South Carolina Republican",
        "Republicans",
        "Human Rights Watch",
    ],
)
def test_places_institutions_and_headlines_are_not_people(mention: str) -> None:
    assert parse_mention(mention, LEXICON).kind is not SpeakerKind.PERSON


def test_an_acronym_in_parentheses_is_kept_for_later_short_forms() -> None:
    assert parse_mention("the Cambodian People's Party (CPP)", LEXICON).acronym == "CPP"
    assert parse_mention("Pracheachon (The People)", LEXICON).acronym is None


def test_outlets_are_marked_as_media_but_press_secretaries_are_not() -> None:
    assert parse_mention("the Khmer Times", LEXICON).media
    assert parse_mention("Cambodian Pracheachon (The People) newspaper", LEXICON).media
    assert not parse_mention("White House press secretary Josh Earnest", LEXICON).media


@pytest.mark.parametrize(
    ("mention", "gender"),
    [
        ("Ms. Sam", "female"),
        ("Mrs. Nguyen Thi Lan", "female"),
        ("Madam Men Sam An", "female"),
        ("Lok Chumteav Men Sam An", "female"),
        ("Mr. Chhay Yi Heang", "male"),
        # Never from a first name: these carry no gendered title.
        ("Maria Santos", ""),
        ("John Smith", ""),
        ("Dr. Mary Jones", ""),
    ],
)
def test_gender_comes_only_from_titles(mention: str, gender: str) -> None:
    assert parse_mention(mention, LEXICON).gender == gender


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        # Words that are honorifics elsewhere but names here stay in the name.
        ("Ong Ye Kung", "Ong Ye Kung"),
        ("Pak Yong-sik", "Pak Yong-sik"),
        ("Ba Lin", "Ba Lin"),
        # The same family name for two people: the whole name is kept.
        ("Kem Sokha", "Kem Sokha"),
        ("Kem Monovithya", "Kem Monovithya"),
        # A regnal number is not an upper-case byline.
        ("King Norodom Sihanouk II", "Norodom Sihanouk II"),
        # Two names joined by "and" are not one name.
        ("Heng Samrin and Hun Sen", "Heng Samrin"),
        # A family name that is also a title stays a name after a given name.
        ("Paul Farmer", "Paul Farmer"),
        ("John Major", "John Major"),
        ("Farmer Ana Ruiz", "Ana Ruiz"),
        # After Mr. or Dr. comes a name, even one that is also a title.
        ("Mr. King", "King"),
        ("Dr. Major", "Major"),
        # A day closing a run of capitals is not part of the name.
        ("Hun Sen Saturday", "Hun Sen"),
        # A titled person "of" a place: the place is not part of the name.
        ("Sen. Dianne Feinstein of California", "Dianne Feinstein"),
        # A party label before a full name is not part of it.
        ("Republican Donald Trump", "Donald Trump"),
        ("Opposition leader Kem Sokha", "Kem Sokha"),
        ("Republican National Committee", "Republican National Committee"),
        # One spelling of the apostrophe across articles.
        ("The People’s Army Newspaper", "People's Army Newspaper"),
    ],
)
def test_names_that_look_like_titles_or_bylines(mention: str, name: str) -> None:
    assert parse_mention(mention, LEXICON).name == name


def test_title_only_mentions_have_no_name_words() -> None:
    for mention in ("the minister", "Chairman", "the spokeswoman"):
        parsed = parse_mention(mention, LEXICON)
        assert parsed.title_only and parsed.words == ()
        assert parsed.kind is SpeakerKind.UNKNOWN
    assert parse_mention("the spokeswoman", LEXICON).gender == "female"


def test_the_title_table_is_extensible() -> None:
    mention = "Bhante Sujato"
    assert parse_mention(mention, LEXICON).name == "Bhante Sujato"
    extended = LEXICON.extend(titles=[("Bhante", "religious", "male")])
    parsed = parse_mention(mention, extended)
    assert (parsed.name, parsed.titles, parsed.gender) == ("Sujato", ("Bhante",), "male")


def test_bad_title_entries_raise_lexicon_error() -> None:
    with pytest.raises(quotekit.LexiconError):
        LEXICON.extend(titles=[("Bhante", "religious", "monk")])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_string_parses(mention: str) -> None:
    parsed = parse_mention(mention, LEXICON)
    assert isinstance(parsed.name, str)
    if parsed.words:
        assert parsed.name == " ".join(parsed.words)


_WORD = st.sampled_from(
    [
        *("Hun", "Sen", "Samdech", "Minister", "of", "the", "Ministry", "Mr.", "HENG", "Times"),
        *(",", "(CPP)", "newspaper", "'s", "Cambodian", "Lieutenant", "General", "and", "who", "7"),
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORD, max_size=14))
def test_name_words_come_from_the_mention(words: list[str]) -> None:
    mention = " ".join(words)
    parsed = parse_mention(mention, LEXICON)
    lowered = mention.lower()
    for word in parsed.words:
        assert word.lower() in lowered
