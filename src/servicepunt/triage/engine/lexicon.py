"""Word lists for the triage engine: function words (stopwords) and language markers.

Function words carry no meaning for triage and are dropped from vocabulary phrases and from
the resident's text; they double as evidence for language detection. Negations ("geen",
"niet", "no", "yok", "nie", "не", "لا") are deliberately *not* here: "geen huis" matters.
Words are written in their natural spelling; the engine folds them the way it folds text.
"""

from __future__ import annotations

STOPWORDS: dict[str, str] = {
    "nl": """
        de het een en of maar ik je jij u hij zij ze we wij jullie mij me mijn m'n mn jouw jou uw
        zijn haar hun ons onze is ben bent was waren wordt worden werd word heb hebt heeft hebben
        had hadden kan kun kunt kunnen kon konden moet moeten moest wil wilt willen wou zou zouden
        zal zullen mag mogen doe doet doen deed gaat ga gaan ging dat die dit deze daar hier er
        wat wie waar waarom hoe wanneer welke welk van voor met op in aan bij uit naar om over
        onder tot door als dan toen nu ook nog al zo heel erg veel wel toch even eens dus want
        omdat sinds tegen tussen na per te ja nee hoi hallo goedemorgen goedemiddag goedenavond
        dag beste graag misschien eigenlijk gewoon echt soms iets iemand alles elk elke ieder
        zelf zich hem men weet weten denk zegt zeg zei vraag krijg krijgen kreeg kreeg daarom
        meer mee af toe binnen buiten hebt ofzo enzo enz zoals etc heb iets wel wat's utrecht
        gemeente mevrouw meneer alstublieft alsjeblieft bedankt dank
        twee drie vier vijf zes zeven acht negen tien jaar jaren maand maanden week weken dag dagen
        uur uren euro keer weer net kom komt komen gekomen steeds altijd nooit
    """,
    "en": """
        a an the and or but i you he she it we they me my mine your yours his her hers its our
        us their them is am are was were be been being have has had do does did can could will
        would shall should may might must to of in on at by for with from about as into than
        then that this these those there here what who whom which where when why how so very
        too also just really some any all each other such only own same again still even ok
        okay hi hello dear please thanks thank yes get got getting know think say said tell
        if because since while i'm i've it's im ive utrecht
        municipality netherlands holland
        two three four five six seven eight nine ten year years month months week weeks day days
        hour hours euro euros times again always never come comes came
    """,
    "tr": """
        ve bir bu şu o ben sen biz siz onlar da de ki mi mı mu mü ile için gibi çok daha en ama
        ya veya ne nasıl neden niye var bana beni benim bize bizim sana şey her hiç ise diye
        kadar sonra önce artık merhaba selam abi abla lütfen teşekkürler acaba bile şimdi
        olan olarak olur mıyım miyim miyiz mısınız utrecht hollanda
    """,
    "pl": """
        i w we z ze na do się że to jak co jest są mam mój moja moje mojego mojej mnie mi ja ty
        on ona ono my wy oni ale lub czy o od po przez dla tak już jeszcze bardzo tylko ten ta
        te tego tej tym jestem być był była było mogę może który która które żeby bo a u przy
        za dzień dobry proszę dziękuję jakieś jakiś coś teraz także też utrecht holandii holandia
    """,
    "es": """
        el la los las un una unos unas y o pero de del al a en con por para que qué como cómo es
        son soy estoy está están mi mis me yo tu tú su sus se lo le les nos muy más ya también
        hay tengo tiene este esta esto ese esa cuando donde porque hola buenos buenas días
        gracias algo alguna alguien ahora utrecht holanda
    """,
    "uk": """
        і й та в у на до з із зі за від для по про що як це той ця ці я ти він вона воно ми ви
        вони мені мене мій моя моє мої наш наша наші нашого нашої вже ще дуже також але або чи
        бо так тут там є був була було буде можу може будь ласка добрий день привіт вітаю
        яка який яке які куди де коли чому утрехт утрехті
        ya meni mene mii moia tse shcho yak dlia vid ale chy dobryi den pryvit vzhe shche duzhe
        tut mozhu bud laska
    """,
    "pt": """
        o a os as um uma uns umas e ou mas de do da dos das no na nos nas em com por para que
        como é são sou estou está estão meu minha meus minhas me eu tu você voce ele ela nós
        eles elas se lhe muito mais já também há tenho tem este esta isso isto esse essa quando
        onde porque olá ola bom boa dia obrigado obrigada algo alguém agora aqui utrecht holanda
    """,
    "ro": """
        și si sau dar de din la în in pe cu pentru că ca ce cum este e sunt am are avem eu tu el
        ea noi voi ei ele mă ma îmi imi meu mea mei mele foarte mai deja acum aici acolo când
        cand unde bună buna ziua mulțumesc multumesc ceva cineva un o unui unei al ale lui
        utrecht olanda să sa
    """,
    "so": """
        iyo ama laakiin waa ku ka u la ayaa baa waxaan waxay wuxuu ay uu ah oo in si ee kale
        hadda halkan halkaas marka maxaa sidee aniga adiga isaga iyada anaga idinka iyaga waxa
        waxaa haddii hadii salaan mahadsanid fadlan utrecht holland
    """,
    "fr": """
        le la les un une des et ou mais de du d au aux en dans sur avec pour par que qui quoi
        comment est sont suis je j tu il elle nous vous ils elles me mon ma mes moi se très tres
        plus déjà aussi ai a avons ce cette ces quand où parce bonjour merci quelque maintenant
        ici utrecht hollande
    """,
    "de": """
        der die das den dem des ein eine einen einem einer und oder aber von vom zu zum zur in im
        an am auf mit für fur bei aus nach über uber ist sind bin war ich du er sie es wir ihr
        mich mir mein meine meinen sich sehr mehr schon auch habe hat haben dieser diese dieses
        wenn wo weil hallo guten tag danke etwas jemand jetzt hier dort utrecht holland
    """,
    "it": """
        il lo la i gli le un una uno e o ma di del della dei delle a al alla in nel nella con per
        su che come è sono io tu lui lei noi voi loro mi mio mia miei mie si molto più già anche
        ho ha abbiamo questo questa quando dove perché perche ciao buongiorno grazie qualcosa
        adesso ora qui utrecht olanda da
    """,
    "ru": """
        и в во на до с со за от для по про что как это тот эта эти я ты он она оно мы вы они мне
        меня мой моя моё мои наш уже ещё очень также но или ли так тут там есть был была было
        будет могу может пожалуйста здравствуйте привет утрехт
    """,
    "bg": """
        и в във на до с със за от по про че как това този тази тези аз ти той тя то ние вие те
        мен ме мой моя моето мои наш вече още много също но или дали така тук там има беше ще
        мога може моля здравейте утрехт е съм са да ми се си
    """,
    "fa": """
        و در به از که این آن را با برای است هست هستم بود من تو او ما شما آنها خیلی هم یا اما چه
        چطور کجا کی چرا سلام ممنون لطفا یک دیگر اوتریخت
    """,
    "ku": """
        û an lê di de ji bi li ku ev ew ez tu em hûn min te wî wê me we wan jî gelek hîn niha ye
        im in bû dê silav spas
        لە بە بۆ و ئەو ئەم من تۆ ئێمە ئێوە ئەوان یە کە لەگەڵ زۆر
    """,
    "ps": """
        د په له ته دا دې هم او یا چې زه هغه موږ تاسو دوی مې مو یې ده وه ما زما ستا
    """,
    "ar": """
        في من على إلى الى عن مع هذا هذه ذلك التي الذي انا أنا هو هي نحن انت أنت لي لك له لها و
        أو او ثم قد كان كانت يكون ما ماذا كيف هل كل بعض أي اين أين متى لماذا جدا أيضا ان أن إن
        يا مرحبا السلام عليكم شكرا هناك عندي
    """,
    "ary": """
        salam wallah wlah khoya khouya safi wesh daba ana nta ntia hna inshallah hamdoulah
        yallah wakha sahbi sahbti zebi 3afak afak
    """,
}

# Extra words that are typical of a language without being function words of the others
# (only used to recognise the language).
MARKERS: dict[str, str] = {
    "nl": "niet geen ook heel wordt hoe moet kan wij jullie eigenlijk gewoon huis geld brief werk",
    "en": "the and you my i'm don't can't got need help money house work letter",
    "tr": "değil yok lazım istiyorum ediyorum yapabilirim param evim işim çocuğum mıyım",
    "pl": "nie jestem mam mogę chcę pieniądze praca mieszkanie gdzie dziecko przez",
    "es": "tengo necesito quiero dinero trabajo casa ayuda hijo señor señora",
    "uk": "nemaie maiu potribno hroshi robota dytyna syn dochka zhytlo dopomoha diakuiu",
    "ar": "لا ليس عندي أريد مال بيت عمل مساعدة",
    "pt": "não tenho preciso quero dinheiro trabalho casa ajuda filho filha você obrigado",
    "ro": "nu am vreau trebuie bani muncă lucru casă ajutor copil copilul copiii pentru",
    "so": "waxaan ma haysto lacag shaqo guri caawimaad ilmaha carruurta waa iyo aniga",
    "fr": "je ne pas j'ai besoin argent travail maison aide enfant mon ma",
    "de": "ich nicht kein keine habe brauche geld arbeit wohnung hilfe kind",
    "it": "non ho bisogno soldi lavoro casa aiuto figlio figlia",
    "ku": "ez min ne nikarim pere kar mal alîkarî zarok dixwazim heye",
    "ary": "wallah ma3ndich flouss flous walo makaynch bghit khdma bezaf bzaf dyal dial zwin hshouma",
}

# Characters that point to one language in Latin script (weight per token that contains one).
CHAR_HINTS: dict[str, tuple[str, float]] = {
    "ı": ("tr", 2.0),
    "ğ": ("tr", 2.0),
    "ş": ("tr", 2.0),
    "ç": ("tr", 0.7),
    "ö": ("tr", 0.5),
    "ü": ("tr", 0.5),
    "ą": ("pl", 2.0),
    "ę": ("pl", 2.0),
    "ł": ("pl", 2.0),
    "ń": ("pl", 2.0),
    "ś": ("pl", 2.0),
    "ź": ("pl", 2.0),
    "ż": ("pl", 2.0),
    "ć": ("pl", 2.0),
    "ó": ("pl", 0.6),
    "ñ": ("es", 2.0),
    "¿": ("es", 2.0),
    "¡": ("es", 2.0),
    "á": ("es", 0.6),
    "í": ("es", 0.6),
    "ú": ("es", 0.5),
}
