"""TriageIndex behaviour: ranking, urgency, typos, compounds, errors, pickling (no Django)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicepunt.triage.engine import EmptyQueryError, Match, ProductDoc, TriageIndex
from servicepunt.triage.engine.devtool import cached_index
from servicepunt.triage.engine.safety import SafetyLexicon

URGENT = {"maatschappelijke-opvang", "vrouwenopvang", "veilig-thuis", "zelfmoordpreventie-113"}


def _top(text: str, n: int = 5, **kwargs: object) -> list[str]:
    return [m.product for m in cached_index().search(text, **kwargs).results[:n]]  # type: ignore[arg-type]


def _small_index() -> TriageIndex:
    return TriageIndex.build(_docs())


def _docs() -> list[ProductDoc]:
    return [
        ProductDoc(
            "schulden",
            "Schuldhulpverlening",
            "Debt help",
            ("geld",),
            False,
            {"nl": ("schulden", "deurwaarder", "huurachterstand"), "en": ("debt collector",)},
            {"nl": ("Hulp als u schulden hebt en rekeningen niet kunt betalen.",)},
        ),
        ProductDoc(
            "huur",
            "Huurtoeslag",
            "Rent benefit",
            ("geld", "wonen"),
            False,
            {"nl": ("huurtoeslag", "geld voor de huur", "huur te hoog")},
        ),
        ProductDoc(
            "maatschappelijke-opvang",
            "Nachtopvang",
            "Night shelter",
            ("wonen",),
            True,
            {"nl": ("dakloos", "geen slaapplek", "op straat")},
        ),
    ]


def test_an_urgent_product_comes_first_only_through_a_safety_signal() -> None:
    index = _small_index()
    assert index.search("geen slaapplek vannacht").results[0].product == "maatschappelijke-opvang"
    assert index.search("geen slaapplek vannacht").results[0].urgent
    # The same product's own words without a signal ("een film over daklozen") never put it first.
    without_signal = TriageIndex.build(_docs(), safety=SafetyLexicon(()))
    assert [m.product for m in without_signal.search("geen slaapplek vannacht").results] == []
    assert [m.product for m in without_signal.search("schulden, en dakloos").results] == [
        "schulden",
        "maatschappelijke-opvang",
    ]


# --- basic contract ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_query_is_refused(text: str) -> None:
    with pytest.raises(EmptyQueryError):
        _small_index().search(text)


def test_empty_query_error_is_a_value_error() -> None:
    assert issubclass(EmptyQueryError, ValueError)


def test_scores_are_rounded_between_zero_and_one_and_ranked() -> None:
    answer = cached_index().search("Ik heb schulden en de deurwaarder komt, ook kan ik de huur niet betalen")
    scores = [m.score for m in answer.results]
    assert scores and all(0.0 <= s <= 1.0 and round(s, 3) == s for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert all(isinstance(m, Match) and m.why for m in answer.results)


def test_limit_is_respected() -> None:
    assert len(cached_index().search("schulden huur werk geld", limit=3).results) <= 3
    assert cached_index().search("schulden", limit=0).results == ()


def test_language_override() -> None:
    assert cached_index().search("schulden", language="en-GB").language == "en"


def test_nonsense_gives_few_or_no_results() -> None:
    assert len(cached_index().search("qwxz blorp zzzrk").results) <= 1
    assert cached_index().search("!!! ??? ...").results == ()


def test_pickle_round_trip() -> None:
    index = cached_index()
    copy = pickle.loads(pickle.dumps(index))
    text = "mijn uitkering is gestopt en ik heb geen geld voor eten"
    assert copy.search(text) == index.search(text)


def test_small_index_works_without_catalogue_files() -> None:
    index = _small_index()
    assert index.search("ik heb schulden").results[0].product == "schulden"


# --- words, typos, compounds -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("huurtoeslaag aanvragen", "huurtoeslag"),
        ("schuldhulpverleneng", "schuldhulpverlening"),
        ("ik ben mijn werk kwijt, het kontract is gestopt", "ww-uitkering"),
        ("kwijtscheldng afvalstoffenheffing", "kwijtschelding-gemeentelijke-belastingen"),
        ("gehandicapten parkeerkaart", "gehandicaptenparkeerkaart"),
    ],
)
def test_typos_and_spelling_variants(text: str, product: str) -> None:
    assert product in _top(text, 3)


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("ik heb een energieschuld", "schuldhulpverlening"),
        ("huurachterstandsbrief ontvangen", "schuldhulpverlening"),
        ("mijn moeder heeft een trapliftprobleem", "woningaanpassing"),
    ],
)
def test_dutch_compounds(text: str, product: str) -> None:
    assert product in _top(text, 3)


def test_why_cites_the_residents_own_spelling() -> None:
    answer = cached_index().search("ik ben mijn werk kwijt, het kontract is gestopt")
    ww = next(m for m in answer.results if m.product == "ww-uitkering")
    assert "kontract" in ww.why


def test_why_for_debts_names_the_words_and_the_reason() -> None:
    answer = cached_index().search("Ik kreeg een brief van de deurwaarder")
    debt = next(m for m in answer.results if m.product == "schuldhulpverlening")
    assert "‘" in debt.why and "deurwaarder" in debt.why and "schulden" in debt.why


# --- urgency --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("ik heb vannacht geen slaapplek", "maatschappelijke-opvang"),
        ("ik zit op straat sinds gisteren", "maatschappelijke-opvang"),
        ("I am homeless and have nowhere to sleep tonight", "maatschappelijke-opvang"),
        ("Nie mam gdzie spać dzisiaj", "maatschappelijke-opvang"),
        ("mijn man slaat me en ik ben bang", "veilig-thuis"),
        ("my husband beats me", "veilig-thuis"),
        ("زوجي يضربني كل يوم", "veilig-thuis"),
        ("Kocam beni dövüyor", "veilig-thuis"),
        ("Mi marido me pega", "veilig-thuis"),
        ("Чоловік б'є мене", "veilig-thuis"),
        ("ik wil dood, ik zie het niet meer zitten", "zelfmoordpreventie-113"),
        ("I want to kill myself", "zelfmoordpreventie-113"),
        ("ölmek istiyorum", "zelfmoordpreventie-113"),
        ("Chcę umrzeć", "zelfmoordpreventie-113"),
        ("أريد أن أموت", "zelfmoordpreventie-113"),
        ("хочу померти", "zelfmoordpreventie-113"),
        ("ik heb schulden en soms denk ik aan zelfmoord", "zelfmoordpreventie-113"),
    ],
)
def test_crisis_comes_first(text: str, product: str) -> None:
    answer = cached_index().search(text)
    assert answer.results[0].product == product
    assert answer.results[0].why.startswith("Urgent")


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb een brief van de belasting die ik niet snap",
        "hoe vraag ik huurtoeslag aan",
        "mijn man is vorig jaar overleden en nu moet ik alles zelf regelen",
        "mijn man is weg gegaan en nu heb ik geen geld meer",
        "ik wil verhuizen naar een groter huis",
        "mijn zoon slaapt slecht en is vaak moe",
        "ik ga dood van de stress met al die rekeningen",
        "I want to live in a bigger house",
        "de straat is kapot en er ligt afval",
        "mijn man werkt op straat als stratenmaker",
        "I need help with my tax return, I am scared of making mistakes",
        "geen zin in formulieren invullen",
        "Mijn paspoort is verlopen",
        "Ik kan de huur niet betalen, er komt een deurwaarder",
        "ik ben al jaren zonder werk en wil weer aan de slag",
        "mijn buurman is heel agressief en schreeuwt",
        "mijn huisbaas wil me eruit zetten omdat ik huur achter ben",
    ],
)
def test_ordinary_questions_raise_no_urgent_alarm(text: str) -> None:
    answer = cached_index().search(text)
    assert not answer.results or answer.results[0].product not in URGENT
    assert not any(m.why.startswith("Urgent") for m in answer.results)


# --- robustness ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300).filter(lambda s: s.strip() != ""))
def test_any_text_gives_a_well_formed_answer(text: str) -> None:
    answer = cached_index().search(text)
    assert isinstance(answer.language, str) and answer.language
    scores = [m.score for m in answer.results]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert len({m.product for m in answer.results}) == len(answer.results)
