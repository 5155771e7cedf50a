"""Why-texts: a short Dutch sentence telling the employee which words led to a product."""

from __future__ import annotations

from collections.abc import Sequence

# What the resident's words point to, per product (completes "… wijzen op …").
REASONS: dict[str, str] = {
    "bijstand": "geen of te weinig inkomen om van te leven (bijstand)",
    "bijstand-zelfstandigen": "een eigen bedrijf of zzp-werk dat te weinig oplevert (Bbz)",
    "bijzondere-bijstand": "onverwachte of noodzakelijke kosten die niet te betalen zijn",
    "individuele-inkomenstoeslag": "al lang een laag inkomen",
    "stadspas": "weinig geld om mee te doen (U-pas)",
    "kwijtschelding-gemeentelijke-belastingen": "gemeentelijke belastingen die niet te betalen zijn",
    "schuldhulpverlening": "schulden",
    "schuldsanering": "problematische schulden en schuldsanering (Wsnp)",
    "beschermingsbewind": "hulp nodig bij het beheren van geld (bewind)",
    "voedselbank": "geen geld voor eten",
    "huurtoeslag": "hulp bij de huurkosten (huurtoeslag)",
    "zorgtoeslag": "hulp bij de kosten van de zorgverzekering (zorgtoeslag)",
    "kindgebonden-budget": "extra geld voor kinderen bij een laag inkomen",
    "kinderopvangtoeslag": "kosten van kinderopvang",
    "betalingsregeling-belastingdienst": "een schuld of terugbetaling bij de Belastingdienst",
    "kinderbijslag": "geld voor de kosten van kinderen (kinderbijslag)",
    "aow": "pensioenleeftijd en AOW",
    "aio-aanvulling": "een te lage AOW of een onvolledig AOW-pensioen",
    "anw-uitkering": "het overlijden van een partner",
    "ww-uitkering": "werk kwijt (WW)",
    "ziektewet-uitkering": "ziek zijn zonder (vast) werk",
    "wia-uitkering": "langdurig ziek of arbeidsongeschikt (WIA)",
    "wajong": "een beperking van jongs af en werken of inkomen (Wajong)",
    "studiefinanciering": "geld voor een studie (studiefinanciering)",
    "tegemoetkoming-scholieren": "schoolkosten van een scholier van 18 jaar of ouder",
    "studieschuld-aflossing-verlagen": "een studieschuld bij DUO die te zwaar is",
    "jeugdfonds-sport-cultuur": "sport of cultuur voor kinderen die niet te betalen is",
    "werkzoekend-uwv": "werk zoeken",
    "re-integratie": "hulp bij het vinden van werk",
    "beschut-werk": "werken met extra begeleiding (beschut werk)",
    "begeleiding-schoolverlaters": "een jongere zonder diploma of gestopt met school",
    "leerlingenvervoer": "vervoer naar school",
    "taalhuis": "moeite met lezen, schrijven of Nederlands",
    "inburgering": "inburgering en Nederlands leren als nieuwkomer",
    "urgentie-woning": "dringend een woning nodig (urgentie)",
    "maatschappelijke-opvang": "dakloosheid of geen plek om te slapen",
    "vrouwenopvang": "niet veilig thuis en een veilige plek nodig",
    "briefadres": "geen vast adres",
    "verhuizing-doorgeven": "een verhuizing",
    "huurcommissie": "een probleem met de verhuurder of de huurprijs",
    "woningaanpassing": "een woning die niet meer past bij de beperking",
    "buurtteam": "hulp en steun in de buurt",
    "huishoudelijke-hulp": "hulp nodig in het huishouden",
    "wmo-begeleiding": "begeleiding of dagbesteding",
    "rolstoel-scootmobiel": "moeite met lopen of verplaatsen",
    "gehandicaptenparkeerkaart": "parkeren dichtbij door een beperking",
    "mantelzorgondersteuning": "zware zorg voor een naaste (mantelzorg)",
    "jeugdhulp": "zorgen over een kind of opvoeding",
    "verslavingszorg": "verslaving (alcohol, drugs of gokken)",
    "veilig-thuis": "huiselijk geweld of onveiligheid thuis",
    "zelfmoordpreventie-113": "gedachten aan zelfdoding",
    "informatiepunt-digitale-overheid": "hulp met digitale zaken van de overheid",
    "digid": "DigiD",
    "sociaal-raadslieden": "hulp bij brieven, formulieren en regels",
    "juridisch-loket": "een juridisch probleem",
    "identiteitsbewijs": "een paspoort of identiteitskaart",
    "uittreksel-brp": "een uittreksel uit de BRP",
    "verblijfsvergunning": "een verblijfsvergunning",
    "naturalisatie": "Nederlander worden (naturalisatie)",
}

_MAX_QUOTE = 48


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _MAX_QUOTE:
        text = text[: _MAX_QUOTE - 1].rstrip() + "…"
    return f"‘{text}’"


def _join(quotes: Sequence[str]) -> str:
    if len(quotes) == 1:
        return quotes[0]
    return ", ".join(quotes[:-1]) + " en " + quotes[-1]


def reason_of(code: str, name: str) -> str:
    """What the resident's words point to when they point to this product."""
    return REASONS.get(code, name)


def why_text(
    *,
    code: str,
    name: str,
    quotes: Sequence[str],
    urgent: bool,
    from_description: bool,
    reason: str | None = None,
    tentative: bool = False,
) -> str:
    """E.g. "‘deurwaarder’ en ‘huur niet betalen’ wijzen op schulden"."""
    unique = list(dict.fromkeys(_quote(q) for q in quotes if q.strip()))[:3]
    if not unique:
        return f"Mogelijk passend: {name}"
    if from_description and not reason:
        sentence = f"{_join(unique)} {'past' if len(unique) == 1 else 'passen'} bij de beschrijving van {name}"
    elif tentative:  # only loose words, no whole phrase: say so, so the employee asks before acting
        verb = "past" if len(unique) == 1 else "passen"
        sentence = f"{_join(unique)} {verb} misschien bij {reason or reason_of(code, name)}"
    else:
        verb = "wijst" if len(unique) == 1 else "wijzen"
        sentence = f"{_join(unique)} {verb} op {reason or reason_of(code, name)}"
    if urgent:
        return f"Urgent: {sentence}. Vandaag nog doorverbinden."
    return sentence
