"""Safety: risk of suicide or self-harm in what they said or in the reply, the five moves
that keep someone safe, and a request to keep it secret.

#BeThe1To, QPR and Mental Health First Aid agree on the moves: ask directly about
suicide (asking does not plant the idea), find out how urgent it is (a plan, the means,
the timing, whether they have already done something), put distance between them and
the means, connect them with help (best together), and stay with them. They also agree
that a risk is never kept secret.

The moves are findings like the skills, each with the phrase that shows it. They count
only in a risk exchange: "ring your GP about that knee" is advice, not a safety move.
Help is recognised by the names and numbers in ``data/resources.toml`` (every covered
country's lines), plus the generic forms (a crisis line, the GP, A&E, an ambulance, a
trusted person), so the engine never falls behind the directory.

Word patterns (phrases.py), parsed on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ally.content.directory import load_directory
from ally.practice.feedback.findings import Finding, _rule
from ally.practice.feedback.phrases import Phrases, _word_set, _words
from ally.practice.feedback.sentences import _STRAIGHTEN, _clause_end, _Sentence, _sentences
from ally.practice.feedback.words import _CLAUSE_MARKS, _MARKS, Words, words_of

_SELVES = "myself|himself|herself|themselves|themself|yourself|yourselves"
_MEANS = (
    "pills|tablets|meds|medication|medications|medicine|medicines|painkillers|"
    "antidepressants|blades|blade|razor|razors|knives|knife|gun|guns|rope|car+keys|keys|"
    "stash|tin|bottle|bottles|packet|packets"
)
# What a means-safety offer is about: the means by name, or "them", "it", "everything".
_OBJECT = f"them|it|those|these|everything|anything|whatever|the+stuff|things+you+use|{_MEANS}"

# ------------------------------------------------------------------ risk cues

_RISK = Phrases(
    "safety.risk",
    f"""
    # naming it: "suicide", "suicidal", "self-harm", "overdose"
    suicide|suicidal|suicidally
    self harm|harming
    selfharm|selfharming
    overdose|overdosed|overdosing
    # taking too much: "I took the rest of my pills", "took everything I had."
    took|taken|swallowed the+rest+of|every+one+of|the+whole+box+of|the+whole+bottle+of my|
        the? pills|tablets|meds|medication|painkillers|antidepressants
    took|taken|swallowed everything i+had|i+could+find .|!|,
    took|taken|swallowed everything i+had|i+could+find $
    # killing or hurting oneself: "kill myself", "hurt myself", "harm myself"
    kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving {_SELVES}
    # ending one's life: "end it all", "end my life", "take my own life", "going to end it"
    end|ending|ended it+all|my+life|my+own+life|everything|it+for+good
    take|taking|took my own? life
    going+to|want+to|wanted+to|ready+to|planning+to|decided+to|about+to end it !with|for
    thinking+about|thinking+of|think+about|think+of ending it|things|everything !with
    # wishing not to exist: "want to die", "better off without me", "wish I were dead"
    want|wanted|ready|planning|plan to die
    feel|feeling like dying
    want|wanted everything|it+all to end|stop
    just want|wanted it|this|everything to end
    not wanting to live|be+here|be+alive
    going+to do it tonight|today|this+weekend|soon|tomorrow
    think|thinking|thought about|of dying|not+being+alive|death
    # (not "not being around for Christmas")
    think|thinking|thought about|of not+being+here|not+being+around !for|at|on|when|this|next|
        tomorrow|today|with|to
    wish|wished i was|were dead
    wish|wished i was|were not here|alive|born
    wish|wished i could just? disappear|die|sleep+forever
    wish|wished i would never been born
    better off dead|gone|without+me
    better|happier off? if i was|were not+here|not+around|dead|gone
    better|happier|easier off? if i just? disappeared|was+not+here|was+not+around|was+gone|
        were+gone|was+dead|died|left|was+not
    do not want to be+here|be+alive|live|exist|wake+up|go+on|carry+on|keep+going
    not sure if? i want to be+here|be+alive|live|go+on
    do+not+think|do+not+know+if|not+sure+if i want to be+here|be+alive|live|go+on
    tired of being+alive|living|life
    no|not+any|is+not+any|the point|reason in|of? going+on|living|to+live|carrying+on|being+here|
        being+alive|staying|trying+anymore|trying+any+more|to+keep+going|to+go+on|anything|
        it+all|anymore|any+more
    do+not|can+not see the|much|any point|way+forward|way+out|future anymore|any+more|of+anything|
        in+anything|of+living|in+living|in+going+on|of+it+all|of+life|in+life|in+carrying+on|
        of+carrying+on|in+trying|of+trying|.|,
    do+not|can+not see the|much|any point|way+forward|way+out|future $
    what is the point
    life is|'s not|not+really worth living
    my life is pointless|worthless|not+worth+it
    everything is pointless
    nothing left to live for
    can not go+on|keep+going|do+this+anymore|do+this+any+more|take+it+anymore|take+it+any+more|
        carry+on
    do+not+think|do+not+know+if|not+sure+i i can go+on|keep+going|carry+on|keep+myself+safe
    keep myself safe
    having|had|have thoughts about|of ending+it|dying|suicide|not+being+here|killing+myself
    how easy it would be
    just not be here|around|exist|wake+up
    sorted everything|it+all out
    look after _3 for me
    if anything happens to me
    lie down and never get up
    been nice knowing
    this is my last message|post|goodbye
    can not do it|life|this anymore|any+more|much+longer
    can not keep doing life|this|it
    written|wrote letters|goodbye+letters .
    written|wrote letters|goodbye+letters $
    do not read it yet|until
    will not let myself end up
    lined up|ready|counted+out|in+my+hand|here _1 .|$
    pills|tablets|meds _2 lined+up|counted+out|in+my+hand|in+front+of+me
    written|wrote to everyone|everybody i need+to
    i am not coming back|home $
    i am never coming back|home
    do not look for me
    point to|in anything|living|it+all|life
    had a good run
    what i am here|for for anymore|any+more
    given|gave _3 cat|dog|pets|toolbox|bike|guitar|things|stuff|books to
    the urge|urges is|are|to|tonight|again
    do not think i will be around|here
    would anyone|anybody even? notice|miss|care
    brought|got everything i need
    my cuts|marks|scars
    about the cuts|marks|scars
    hide the? marks|cuts|scars
    on my own terms
    something _2 stupid|silly|daft|drastic
    stop|stopped being a bother|burden
    do not care what happens to me
    deleting|deleted all? my accounts
    easier life if i
    done with everything|life|living|this+life
    nobody|no+one|noone would|will even? miss|notice|care+if|care+when me|i
    easier|better for everyone|everybody if+i|when+i|without
    i+have+had|had enough of life|living|everything|it+all|this+world
    will+not be a problem|burden much+longer|for+long|anymore|any+more
    wanted|want|just+wanted to say goodbye
    goodbye everyone|all|everybody|forever
    sorry for everything
    look after my dog|cat|kids|children|plants|pets for+me
    will+not|do+not|would+not need _2 anymore|any+more|where+i+am+going
    where i am going
    can+not|do+not+want+to live like this|without|with+this|anymore|any+more
    will not be here|around much+longer|for+long|tomorrow|anymore|any+more
    no way out
    rather be dead
    never|not wake up
    sleep forever
    waiting to die
    waiting for the right day|time|moment
    disappear forever|for+good|and+never+come+back
    and just? not|never come|coming back|home
    say|saying goodbye forever
    # said plainly in other words: "nobody'd notice if I didn't", "no reason to get up",
    # "pray not to wake up", "everyone would cope fine without me", "when I'm not around"
    nobody|no+one|noone would|will even? notice|miss|care if i was+not|were+not|disappeared|
        died|was+gone|vanished|never+woke|did+not+wake|did+not+exist|did+not+get+up
    nobody|no+one|noone would|will even? notice|miss|care if i did+not .|,
    nobody|no+one|noone would|will even? notice|miss|care if i did+not $
    no reason to get+up|wake+up
    not|never to wake up
    everyone|everybody|they|the+kids|my+family|you+all would|will be? cope|manage|fine|okay|
        better _2 without me .|,
    everyone|everybody|they|the+kids|my+family|you+all would|will be? cope|manage|fine|okay|
        better _2 without me $
    better off with someone+else|somebody+else
    if i was|were dead|gone
    when|after|once i am not+around|not+here
    when|after|once i am gone .|,
    when|after|once i am gone $
    think ill be around|here
    will not be needing them|it|those|my|any
    looking|looked|been+looking|searching|googling up? ways .|,
    looking|looked|been+looking|searching|googling up? ways $
    i have a plan for tonight|tomorrow|friday|saturday|sunday|monday|tuesday|wednesday|
        thursday|the+weekend|this+weekend|next+week
    if something happened|happens to me
    will not stop bleeding
    stuff|marks|cuts on my arms|arm|wrists|wrist|legs|thighs
    see the point in|of any+of+it|it+all anymore|any+more
    # what people do before: goodbyes, giving things away, a note, affairs in order
    goodbye letter|letters|note|message|messages
    writing|wrote|written letters|a+letter|a+note|notes to everyone|everybody|people|the+people
    the note 's|is written|done
    logging off for good
    giving|given|gave my+things|my+stuff|things|stuff|everything|some+stuff|it+all away
    giving|gave|given away my
    i have given my _3 to
    sorted|sorting out? my will|affairs
    affairs in order
    i have made my decision
    i have decided .
    i have decided $
    since i decided|made+my+decision
    # being a burden: "I'm a burden", "everyone would be better off"
    i+am|feel+like|feel+such|such a|such burden
    a burden to|on everyone|everybody|my+family|you
    waste of space
    # the means and a plan: "pills saved up", "I've thought about how", "tonight's the night"
    pills|tablets|meds saved|ready|stashed
    pills|tablets i saved|have+saved|kept|have+kept|stashed
    hiding _3 from myself
    thinking|think about the|my pills|tablets|blades|gun|rope|knives
    saved|saving|stockpiling|stockpiled|hoarding|keeping|kept my|the|all|all+of|up? _3 pills|
        tablets|meds|medication|antidepressants|painkillers
    stash of _1 pills|tablets|meds|painkillers
    enough pills|tablets
    got|have the pills|tablets|rope|blades|gun here|ready|with+me|in+my+room|.
    got|have the pills|tablets|rope|blades|gun $
    the rope
    gun _10 think|thinking|thoughts
    blades|blade|razor in|under|hidden|i+use|in+my
    keep|keeps looking at my|the pills|tablets|blades|knives
    keep thinking about taking all|the my? pills|tablets
    going+to|want+to|will take all my pills|tablets|meds
    thought|worked|decided|figured about? how i+would|i+will|i+could|to do+it|end+it|kill+myself
    thought|worked|decided|figured about? how .
    thought|worked|decided|figured about? how $
    i have a plan .
    i have a plan $
    ways|how to do+it|end+it|kill+myself
    everything i need to do it
    so i can do it
    thinking+about|thinking+of doing it
    # having done it: "I've taken a load of pills", "I took something"
    took|taken|swallowed a+load+of|loads+of|a+bunch+of|a+heap+of|a+lot+of|lots+of|all|some|
        too+many|a+handful+of? of? my|mum+'s|the|those|these|them? sleeping? pills|tablets|meds|
        painkillers
    took|taken _3 something|stuff|my+medication|medication|pills
    i have done something
    did something stupid|bad
    # not safe: "I don't trust myself tonight", "scared of what I might do"
    do not trust myself
    not safe on|with|around|tonight|right+now|at|.
    not safe $
    can not keep myself safe
    scared|afraid|frightened of what i+might|i+will|ill|i+could|i+would|id do
    scared|afraid i will|might do something
    going to do something
    doing something tonight
    # self-harm: "cutting again", "I cut last night", not "cutting back"
    started|been|stop|stopped|keep|kept|still|am|was cutting !back|down|out|off|corners|the|it|
        class|classes|carbs|sugar|ties|costs|hair|in|up|through|across|my+hair|him|her|them|
        people|everyone|contact
    cutting again
    the cutting
    i cut last|again|myself|my+arm|my+arms|my+wrist|my+wrists|my+legs|my+leg
    cutting my arm|arms|wrist|wrists|leg|legs|skin|thigh|thighs
    # other ways of hurting oneself: "I burned myself on purpose", "scratching my arms till
    # they're raw", "I hit myself when I make mistakes", "punch walls till my knuckles bleed"
    burned|burnt|scratch|scratching|scratched|starved|choke|choking|strangle|strangling {_SELVES}
    hit|hitting|punch|punching|punched|bite|biting|slap|slapping {_SELVES} when|because|if|every|
        till|until|so|again|to|.|$
    on purpose _2 hurt|cut|burn|burned|burnt
    hurt|cut|burned|burnt|scratched|hit|harmed {_SELVES} on purpose
    scratching|scratched|scratch|picking|picked my arms|arm|skin|legs|wrists _3 raw|bleed|bled|
        bleeding|again|when
    knuckles _3 bleed|bled|bleeding
    # the marks, and hiding them: "scars forever", "you saw my wrist", "full sleeves in May"
    scar|scars fade|forever|will+show|show|obvious|for+life
    healing cuts|marks
    saw|seen|see|looking+at|look+at|check|checking|checks|hide|hiding|cover|covering|
        because+of my arm|arms|wrist|wrists|thighs|legs !in+the|at+the|while
    found|took|threw|thrown|hid|hide|hidden|hiding|need|get|got|use|used my|the blades|razors|
        razor|blade .|,|$|out|again|back|away
    doing|done|did it on my arms|arm|legs|leg|wrists|thighs|stomach
    long|full sleeves _3 because|so|in+may|in+summer|hide
    # the end said other ways: "this is goodbye", "I don't deserve to live", "tired of
    # existing", "if I went in my sleep tonight", "nothing matters anymore"
    this is goodbye
    do+not deserve to live|be+alive|be+here|exist
    deserve to die
    tired of existing|being+here
    lived long enough
    had a good long? life|innings .|,|and|$
    went|go|going in my sleep
    nothing matters anymore|any+more|.|$
    do not want to be anywhere
    about|of|like not|never waking+up|wake+up|being+here|existing
    not wanting to wake+up|exist
    wish|easier|better _3 i would|had have? died|not+survived|never+woken
    pretending|pretend i want to be+here|be+alive|live
    do+not+know+if|do+not+think|not+sure+if|not+sure i want|can to? keep+going|carry+on|
        keep+doing+life|keep+doing+this|do+this+anymore|keep+living
    can not do any+of+it|any+of+this|another+day anymore|any+more|.|$
    thought+about|thought+of ending it|everything|things !with
    make it|everything|this|the+pain stop|end|go+away for+good|forever|permanently
    will+not be troubling|bothering|bother|in+your+way _2 much+longer|for+long|anymore|any+more
    anymore|any+more after tonight
    wonder|wondering what the point is .|,|$|anymore|any+more
    took|taken|swallowed everything|all _3 cabinet|drawer|cupboard|bottle|box|packet|packets
    got|have the pills|tablets|blades out
    rather be with _4 than here|alive
    thoughts about|of ending+it|ending+my+life|dying|suicide|killing+myself|not+being+here
    putting|put|setting|set|keeping|kept some? of? my|the pills|tablets|meds|medication aside|
        by|away+for
    """,
)
# Negations that undo a cue: "I'm not suicidal", "I'd never hurt myself".
_NOT_RISK = Phrases(
    "safety.not_risk",
    f"""
    not|never|is+not|was+not feeling? suicidal
    would|will|could never|not ever? kill|hurt|harm|cut {_SELVES}
    never kill|hurt|harm|cut {_SELVES}
    do not want to kill|hurt|harm|cut {_SELVES}
    not going|planning to kill|hurt|harm|cut {_SELVES}
    no thoughts|plan|plans|intention of|about|to suicide|killing|hurting|harming|ending
    not thinking about|of suicide|killing|hurting|harming|ending
    do not want to die
    # someone else's death, or a time long past: not a risk now
    died|dies|death|deaths|lost|killed by|to|from suicide
    suicide of|prevention|awareness|statistics|rates
    bereaved|bereavement|loss|losses|survivors|support by|after|from suicide
    ^ was it|that|this suicide
    used to self+harm|cut|hurt|be+suicidal|harm
    # said for effect: "if I have to redo this once more I'll kill myself"
    if _12 i+will|i+am+going+to|i+would literally|actually? kill|die
    # a burden of favours, or pills for a headache
    burden asking|for+asking|since|on+the+team|with+the
    took|taken|take something|pills|tablets|painkillers for my|this|the|a
    # the daily dose, taken as prescribed: "I took my pills this morning"
    took|taken|take my|the usual|normal|daily|morning|evening? pills|tablets|meds|medication|
        medicine this+morning|today|with+breakfast|at+breakfast|on+time|as+prescribed|
        like+i+am+supposed+to|like+i+should|every+day|every+morning
    going to die of|if|alone|laughing
    want|wanted to die of|from
    # a risk of surgery, or being told to: not their own wish
    chance|risk i will+not|might+not|would+not|may+not wake up
    said|says|told+me|saying|telling+me i should kill|hurt {_SELVES}
    # someone else's self-harm, with no sign about them: "my son has been self-harming",
    # "my friend told me she's been cutting" (codebook 6)
    friend|son|daughter|brother|sister|cousin|granddaughter|grandson|teenager|teen|kid|child|
        niece|nephew|student|he|she|they _3 been|is|was|started|keeps|has|had|of self+harming|
        self+harm|cutting|suicidal|overdosed|overdosing
    """,
)
# A sentence about the past ("years ago", "when I was fifteen") carries no risk now.
_PAST = Phrases(
    "safety.past",
    """
    years ago
    when i was _2 @num|teenager|kid|younger|at+school|in+school
    as a teenager|kid
    a long time ago
    from years|long ago
    old scars
    stopped|stopped+hurting|quit|stopped+cutting _3 years
    i have not in|for _2 years|months
    """,
)
# Said for a laugh: "I'll kill myself if I hear that song again lol". A marker in the same
# sentence undoes the cue, unless they say it is no joke.
_JOKING = frozenset(
    {"lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "jk", "😂", "🤣", "😭", "😅"}
)
_NOT_JOKING = Phrases("safety.not_joking", "not joking|kidding\nno joke\nfor real\nactually")


def _tokens(text: str) -> Words:
    return words_of(text.translate(_STRAIGHTEN))


def mentions_risk(text: str) -> bool:
    """True if ``text`` carries a cue of suicide or self-harm, said directly or not.

    Everyday idioms ("this commute is killing me", "I'm dying to see it"), jokes marked
    as jokes, and plain denials ("I'd never hurt myself") are not cues.
    """
    return risk_in(_sentences(text))


def risk_in(sentences: list[_Sentence]) -> bool:
    """``mentions_risk`` for text already split into sentences."""
    return any(_risk_in(s.w) for s in sentences)


# Words that soften or stress a cue without changing it: "I don't really want to be here",
# "thinking about just ending it", "I kind of want to die". The cues are also read with
# them left out.
_SOFTENERS = frozenset(
    {
        "really",
        "just",
        "even",
        "honestly",
        "actually",
        "truly",
        "literally",
        "totally",
        "seriously",
        "genuinely",
        "properly",
        "sometimes",
        "almost",
        "basically",
    }
)
_SOFTENER_PAIRS = frozenset({("kind", "of"), ("sort", "of")})


def _without_softeners(words: Words) -> Words | None:
    """``words`` with the softeners left out, or None when there are none."""
    w = words.words
    keep: list[int] = []
    i = 0
    while i < len(w):
        if (w[i], w[i + 1] if i + 1 < len(w) else "") in _SOFTENER_PAIRS:
            i += 2
            continue
        if w[i] not in _SOFTENERS:
            keep.append(i)
        i += 1
    if len(keep) == len(w):
        return None
    return Words(
        tuple(w[i] for i in keep),
        tuple(words.starts[i] for i in keep),
        tuple(words.ends[i] for i in keep),
        0,
    )


def _risk_in(words: Words, set_aside: Phrases | None = None) -> bool:
    if _risk_in_words(words, set_aside):
        return True
    plain = _without_softeners(words)
    return plain is not None and _risk_in_words(plain, set_aside)


def _risk_in_words(words: Words, set_aside: Phrases | None) -> bool:
    cues = _RISK.spans(words)
    if set_aside is not None:
        starts = {i for i, _ in set_aside.spans(words)}
        cues = [(c0, c1) for c0, c1 in cues if c0 not in starts]
    if not cues:
        return False
    if _JOKING.intersection(words.words) and not _NOT_JOKING(words):
        return False
    if _PAST(words):
        return False
    denials = _NOT_RISK.spans(words)
    return any(not any(d0 <= c0 < d1 for d0, d1 in denials) for c0, _ in cues)


# ---------------------------------------------------- asking directly about suicide

# What a direct question asks about: suicide, killing oneself, ending one's life, not
# wanting to be alive. (Hurting oneself is self-harm: worth asking, but not this move.)
_SUICIDE_TOPIC = Phrases(
    "safety.suicide_topic",
    """
    suicide|suicidal
    kill|killing yourself
    end|ending|take|taking your own? life
    end|ending it all?
    end|ending things !with
    want|wanting|wanted to die|be+dead
    want|wanting|wanted to be+here|be+alive|live|stay+alive any+more|anymore
    not want to be+here|be+alive|live|exist|wake+up
    not wanting to be+here|be+alive|live|exist
    want|wanting your life to stop|end|be+over
    # "have you thought about not being here any more?"
    not being here|alive|around !for|at|on|when|tomorrow|next|this|today|with
    not being here|alive|around at all
    # "do you mean stop living?", "do you think about dying?", "you don't want to be around?"
    stop|stopping living|existing
    think|thinking|thought about|of dying
    not want|wanting to be around !them|him|her|people|us|me|anyone|anybody|for|at|when
    """,
)
# What the question asks about them: thoughts, feelings, wishes, plans, a decision.
_INNER = Phrases(
    "safety.inner",
    """
    think|thinking|thought|thoughts|feel|feeling|feelings|want|wanting|wanted|mean|meant|
        plan|planning|planned|plans|consider|considering|intend|intending|going+to|suicidal|
        urge|urges|wish|wishing|decided|deciding|ready|tried|trying|try|saying|talking+about
    """,
)
# A question that invites "no" or talks round it: "You're not going to do anything stupid,
# are you?", "You'd never kill yourself, would you?", "not suicidal or anything, right?".
_LEADING = Phrases(
    "safety.leading",
    """
    you are|were not _6 are|were you ?
    you are|were not _6 right|yeah|eh|okay|is+it|yes ?
    you would|will|could never|not _6 would|will|could you ?
    you would|will|could never|not _6 right|yeah|eh|okay ?
    you are|were not _4 or anything
    you are not suicidal|going+to|planning|thinking
    you would never|not do|kill|hurt
    do|doing|try|trying anything|something stupid|silly|daft|drastic|rash|dumb
    """,
)
# The question's own opening, after any lead-in: "are you ...", "do you ...", "have you ...".
_LEAD_IN = Phrases(
    "safety.lead_in",
    """
    so|and|but|okay|look|honestly|directly|like|literally|please|love|mate|sweetheart
    i need|want|have to ask you?
    can|may i ask you?
    i am going to ask you?
    i have to ask
    """,
)
_ASKING = Phrases(
    "safety.asking",
    """
    are|were|do|did|have|had|would|will|could|is|has
    when you say
    if you
    whether you
    you mean
    what|how about
    """,
)
_ASKED_BACK = frozenset({"not", "like", "literally", "really", "want", "wanting", "suicidal"})


def _asks_at(words: Words, i: int) -> bool:
    while i < len(words.words):
        if words.words[i] in _CLAUSE_MARKS:
            i += 1
            continue
        end = _LEAD_IN.at(words, i)
        if end < 0:
            break
        i = end
    return _ASKING.at(words, i) >= 0


# Naming it to ask whether that is what they mean: "Is it suicide?", "Are we talking about
# suicide?", "is that suicidal thoughts?".
_NAMES_IT = Phrases(
    "safety.names_it",
    """
    ^ is|are it|that|this|those|these suicide|suicidal ?
    ^ is|are it|that|this|those|these suicide|suicidal $
    ^ are|is we|this talking about suicide|killing+yourself|ending+your+life
    """,
)


# A question about how their low mood goes, with no "you" in it: "Does it ever go as far
# as ...?", "Has that ever turned into ...?" (not "Was it suicide?", about a death).
_ABOUT_IT = Phrases("safety.about_it", "does|has|is|do|have it|that|this|they|those")


def _asks_directly(s: _Sentence) -> int:
    """Word index where ``s`` asks directly about suicide, or -1."""
    w = s.w
    topic = _SUICIDE_TOPIC.search(w)
    if topic is None or _LEADING(w):
        return -1
    if s.asks and _NAMES_IT(w):
        return 0
    if not _INNER(w):
        return -1
    if not any(word.startswith(("you", "ur")) for word in w.words):
        # "Does it ever go as far as thoughts of suicide?": their low mood, asked about
        clauses = [s.core] + [k + 1 for k, word in enumerate(w.words) if word in _CLAUSE_MARKS]
        if s.asks and any(_ABOUT_IT.at(w, i) >= 0 for i in clauses):
            return 0
        # "Not want to be alive?", "like literally want to die?": their words asked back
        return 0 if s.asks and s.word(s.core) in _ASKED_BACK else -1
    # the question may follow a lead-in: "I care about you, so I'll ask: are you ...?"
    starts = [0] + [k + 1 for k, word in enumerate(w.words) if word in _CLAUSE_MARKS]
    if any(_asks_at(w, i) for i in starts):
        return starts[0] if s.asks else next(i for i in starts if _asks_at(w, i))
    # a question said as a statement: "You mean ways to kill yourself?", "Not want to be
    # alive?"
    return 0 if s.asks else -1


# Named in one sentence, asked about in the next: "Sometimes people who feel this low
# think about ending their life. Have you been having thoughts like that?"
_TOPIC_NAMED = Phrases(
    "safety.topic_named",
    f"""
    suicide|suicidal
    end|ending|take|taking their|his|her|your own? life|lives
    kill|killing {_SELVES}
    want|wanting to die
    not want|wanting to be+alive|live|be+here
    end|ending things|it+all !with
    """,
)
_ASKED_ABOUT_THAT = Phrases(
    "safety.asked_about_that",
    """
    like that|this|those
    that|this way
    those|these|such thoughts|feelings
    the same
    that too|as+well
    where you are
    # "Have you had any of those?", "Has that been happening for you?", a bare "Are you?"
    any of those|these|them|that
    that been? happening
    ^ are|have|do|were|did|is|would you|it ?
    """,
)


def _spells_out(asked: _Sentence, s: _Sentence) -> bool:
    """``s`` names what the question before it was about: "Have you thought about doing
    something more serious? Like, ending things?", "Do you mean... suicide?"."""
    short = sum(1 for word in s.words if word not in _MARKS) <= _FRAGMENT
    return (
        short
        and s.asks
        and asked.asks
        and bool(_INNER(asked.w))
        and any(word.startswith(("you", "ur")) for word in asked.words)
        and not _LEADING(asked.w)
        and not _LEADING(s.w)
        and _SUICIDE_TOPIC(s.w)
    )


_FRAGMENT = 5  # words at most in a follow-up that only names the topic


def _directly(sentences: list[_Sentence]) -> tuple[_Sentence, int] | None:
    """The sentence that asks directly about suicide, and where the question starts."""
    for k, s in enumerate(sentences):
        at = _asks_directly(s)
        if at >= 0:
            return s, at
        if k > 0 and _spells_out(sentences[k - 1], s):
            return sentences[k - 1], 0
        before = sentences[k - 1].w if k > 0 else None
        named = before is not None and _TOPIC_NAMED(before) and not _SUICIDE_AS_SUBJECT(before)
        if named and s.asks and _ASKED_ABOUT_THAT(s.w) and not _LEADING(s.w):
            return s, 0
    return None


def asks_about_suicide(reply: str) -> bool:
    """True if ``reply`` asks directly about suicide: "Are you thinking about suicide?"."""
    return _directly(_sentences(reply)) is not None


def leading_question(reply: str) -> bool:
    """True if ``reply`` asks about suicide in a way that invites "no" or talks round it."""
    return any(_LEADING(s.w) and s.asks for s in _sentences(reply))


# ----------------------------------------------------------- asking how urgent it is

_URGENCY = Phrases(
    "safety.urgency",
    f"""
    # a plan: "Do you have a plan?", "Have you thought about how you would do it?"
    have|got|made|making a|any plan|plans !for|this|tomorrow|tonight
    is that|this|it still the plan
    what is the plan !for
    planned|planning|plan how|when|it
    thought|decided|worked|figured|picked about? how|when you+would|you+will|you+might|
        you+could|to !tell|say|ask|explain|talk|break|let|cope|manage|get|find|handle
    thought|decided|worked|figured|picked|thinking about? how|when ?
    thought|decided|worked|figured|picked|thinking about? how|when $
    how you would|will|might|could do it|end+it|kill+yourself
    how would|might|could you do it
    a|any|the way you would|will|might|could do it
    what you have|you+would have? decided|thought+about|planned
    what have you thought about|decided|planned
    a|any|the way|ways you have|had? thought about|of doing+it|ending+it|ending+your+life|
        killing+yourself|taking+your+life
    what are you thinking of doing
    picked|chosen|set a|the day|date|time|way|one|place
    a|any date|day|time|way|plan in mind
    when were|are you thinking|planning of|about|to doing? it
    is there a|any time|day|date|plan
    ^ is it tonight|today|now|this+weekend|for+tonight|for+today
    ^ tonight|today ?
    act on it|them|that soon|tonight|today
    how close
    how|when would|will|were you do|going+to|planning|thinking
    do you know how|when
    have|got|made any|some? preparations|arrangements
    are|were you going|planning|thinking to|of|about doing|do|act|going+through _3 tonight|today|
        soon|now
    anything|something in+the+house|nearby|at+home|around|in+reach you could|would|might use
    are you hurt|injured|bleeding|safe+from
    did you take|swallow|drink anything|something|them|it|any|some
    how many|much have|did you
    what have|did you taken|take|done|swallowed
    is there a plan
    have you decided when|how|on
    # the means: "Do you have the pills with you?", "Can you get hold of it?"
    kill|end _3 tonight|today|now|soon ?
    do|have|did you have|got the|any|your? means|things|stuff|{_MEANS}|it|them|anything|
        something with+you|on+you|at+home|near+you|there|here|right+now|now|in+the+house
    get|got hold of|to it|them|what|anything
    what you need|would+use|will+need|would+need
    can you get to it|them
    what you would|will use|need
    things you would use
    anything|something _4 you would use
    anything|something|stuff _4 you could|might use
    where are|is they|it|the|your _2 right+now|now|kept
    # (not "what time is it there?")
    <time|late|weather|cold|warm|hot|raining|sunny|night|morning is|are it|they with+you|there|
        at+home|near+you
    # already done: "Have you taken anything?", "What did you take?"
    have|did you already|ever? taken|took|take|done|hurt|cut|swallowed something|anything|any|
        them|some|yourself|it
    # (not "have you had any thoughts of ...?")
    have|did you already? had something|anything|any|some !thoughts|of|feelings|ideas|urges|
        sleep|to+eat|food|help|support|luck|time
    have|did you already|ever? done|did|do anything|something to hurt|harm|cut yourself
    # something prepared: "have you got anything ready?"
    got|have|get anything|something ready|prepared|lined+up|set+aside|put+aside
    have you done something|anything
    what|how+much|how+many|when did you take
    what you took|have+taken
    how long ago
    is it still? bleeding
    are you safe right+now|tonight|today|now|at+the+moment|at+home|where+you+are
    # "are you safe?" on its own, or until help comes: "are you safe till I get there?"
    are you safe ?
    are you safe till|until|for|while
    # an injury that may need care: "does it need cleaning or dressing?", "is there any
    # injury that needs looking at?", "does anything need cleaning up?"
    it|anything|injury|cuts|cut|burn|burns|any+of+them _3 need|needs cleaning|dressing|
        looking|checking|checked|seeing|treating|a+nurse|a+doctor|stitches|someone
    are|is any|some of them|it hurting|bleeding|deep
    are you somewhere safe
    # what they could use, said plainly: "anything near you that you could hurt yourself with"
    anything|something _6 hurt|harm|cut yourself with
    got|have anything|something _3 to hurt|harm yourself
    are|is the|your {_MEANS} still
    # the timing, said plainly: "Is tonight something you're planning?", "when is it?"
    something you are|have planning|planned|thinking+of
    still the plan
    ^ when is it|the+date|the+day ?
    is it|they deep|still+bleeding
    are|is the|your cuts|cut|wounds|wound|burns|burn okay|alright|bad|deep|clean|infected
    thought about how|when ,|or
    cuts|cut|wound|wounds|burn|burns|it _2 need|needs looking+at|cleaning|a+doctor|stitches
    are|were you hurting|going+to+hurt yourself
    # (not "anything I could use to help you")
    # (a list may come between: "anything - pills or anything - that you've thought about
    # using?")
    that|which you have|had? thought+about+using|been+thinking+about+using|thought+of+using
    anything|something _4 you have|had|were|are|was? thought+about+using|would+use|could+use|
        might+use|thinking+of+using|thought+of+using|planning+to+use|been+thinking+about+using
    is the date|day soon|close|today|tonight|this+week
    is today|tonight one of those
    are|is the|your pills|tablets|meds|blades|gun|rope _3 right+now|with+you|in+your+hand|near+you
    ending|end your life|it now|tonight|today|right+now
    killing|kill yourself now|tonight|today|right+now
    # the timing against other days: "Is tonight worse than usual?", "Is today different?"
    ^ is|does|has today|tonight|this+evening|this+week|right+now _2 worse|different|harder|
        the+worst
    ^ is it soon|close|coming|this+week|this+weekend
    # the means still at hand: "Have you still got any of them with you?"
    you still have|got any|some|them|it|anything|something|what _3 with+you|on+you|near+you|
        at+home|in+the+house|there|here
    are|were you thinking|planning|going about|of|on|to using|taking|use|take them|those|it
    tell me about|more+about the|your plan|plans
    thoughts|thinking of|about a|any plan|plans
    # what was done and when: "Do you know roughly what time you took them?"
    what+time|which|how+long+ago _3 you took|take|swallowed|did+it|cut|hurt
    hurt|harm|cut yourself tonight|today|now|right+now|again
    did|have you do|done|did it today|tonight|again|last+night|this+morning
    # whether an injury is looked after: "Did you clean it up?", "should we get it checked?"
    did|have you clean|cleaned|dress|dressed it|them|the+cut|the+cuts|the+burn
    get|have it|them checked|looked+at|seen+to|stitched|dressed|cleaned
    need|needs someone|somebody|anyone|a+nurse|a+doctor to look+at|see|check it|them
    any|other injury|injuries|wounds
    # immediacy and intent (codebook 5.2): "Do you feel safe right now?", "Are you going to
    # act on these thoughts?", "Can you keep yourself safe tonight?", "Are you in danger?"
    feel|feeling safe right+now|now|tonight|today|at+the+moment|where+you+are
    are|were you going|planning|likely to act on
    might|could|would|will you act on
    act on it|them|that|these+thoughts|those+thoughts|the+thoughts|the+urges|the+urge
    keep yourself safe
    are you in danger
    how strong|bad|loud are|is the thoughts|urges|urge
    thoughts|urges|urge _2 worse than usual|than+normal|than+before|than+yesterday
    have|got you the means
    written|wrote|left a note|notes|letter|letters
    stockpiling|stockpiled|saving|saved|hoarding|collecting anything|something|them|pills|tablets
    using|use|taking the|your {_MEANS}
    need|needs medical help|an+ambulance|to+go+to+hospital|to+go+to+a+and+e
    """,
)


_TELL_ME = Phrases("safety.tell_me", "tell me what|whether|if|how|when|where")


def _asks_about_urgency(s: _Sentence) -> tuple[int, int, str] | None:
    """A question (or "tell me whether ...") about a plan, the means, the timing, or what
    they have already done."""
    if not (s.asks or _TELL_ME(s.w) or s.word(s.core) in ("have", "do", "did", "is", "are")):
        return None
    return _URGENCY.find(s.w)


# ------------------------------------------------------------------ means safety

_MEANS_SAFETY = Phrases(
    "safety.means",
    f"""
    # asking to look after them: "Can I hold on to your pills?", "Would you let me keep them?"
    can|could|may|shall|would i|we hold+on+to|hold|keep|look+after|mind|lock|have|bin|box|
        clear|remove|clear+out|take+away|put|get|take _3 {_OBJECT}
    let me|us hold|take|keep|look+after|mind|lock|have|get|put|bin|box|clear|remove _3 {_OBJECT}
    would|could|can|will you let me|us|her|him|them|someone hold|take|keep|look+after|mind|lock|
        have|get|put|bin|box|clear|remove _3 {_OBJECT}
    would|do you like|want me to keep|hold|look+after|take|mind|have _3 {_OBJECT}
    me holding|keeping|taking|minding|looking after? on+to? them|it|your|the|those
    i take|took|keep|kept them|it|those home|with+me|to+mine
    # asking them to hand over: "Can you give the blades to me?", "give me the keys"
    can|could|would|will you give|hand|pass|bring|leave _3 {_OBJECT} !a+call|a+ring|a+go|
        a+try|a+bell
    give|hand|pass me|us _3 {_OBJECT}
    give|hand|leave _3 {_OBJECT} to|with me|us|your|the|someone|him|her
    give|hand|leave _3 {_OBJECT} to|with @word next door
    # getting them out of reach: "get it out of the house", "take them back to the pharmacy"
    get|take|move|put|keep _3 {_OBJECT} out of the|your house|flat|room|reach
    get|take|move|put|keep _3 {_OBJECT} away|to+mine|to+my+place|over+to|somewhere
    back to the pharmacy|chemist
    lock|box _3 {_OBJECT} up|away
    get rid of|bin _3 {_OBJECT}
    throw|chuck|flush _3 {_OBJECT} away|out
    put _3 {_OBJECT} in a bag
    i _2 come and? get|take|collect them|it|those
    # putting them somewhere else: "put the tablets in another room", "leave the keys on the
    # seat", "I'm taking every razor out of the house"
    put|move|leave|take|get|putting|moving|taking|getting _3 {_OBJECT} outside|
        in+another+room|in+the+other+room|in+a+different+room|to+another+room|
        into+another+room|out+of+reach|in+the+car|somewhere+else|out+of+the|out+of+this|
        out+of+your|on+the+seat !mind|head|thoughts|system
    put|putting _3 {_OBJECT} down !to|in+writing|on+paper|as|for
    flush _3 {_OBJECT}
    # the place said after what they would use: "put anything you might use in another room"
    put|move|leave|take|get anything|whatever|everything|something _6 outside|in+another+room|
        in+the+other+room|in+a+different+room|out+of+reach|somewhere+else|out+of+your+room|
        out+of+the+house|out+of+the+room
    # someone else keeping it: "could you give it to someone to look after?"
    give|hand|leave it|them? to|with someone|somebody|me|us|a+friend _3 look+after|keep|hold|mind
    leave _2 car+keys|keys
    # asking to look after them, said as a wish: "I'd like to hold on to the tablets"
    like|want|rather|prefer to hold+on+to|hold+onto|look+after|mind _3 {_OBJECT}
    like|want|rather|prefer to hold|keep|take _3 them|those|these|whatever|{_MEANS}
    take _2 them|those|it|everything|{_MEANS} with+me|home
    {_OBJECT} stayed|stay|stays|were|was with+me|at+mine|at+my+place
    make _2 room|house|flat safer|safe
    take out anything
    keep|put|lock _3 {_OBJECT} safe|locked|somewhere
    look after your|the {_MEANS} for+you|for+a+while|for+now
    your mum|dad|partner|brother|sister|flatmate _2 look+after|hold|keep|lock _3 {_OBJECT}
    # the rest of them: "can I hold onto the rest of your tablets?", "give me the rest"
    hold|keep|take|have|give|hand|get|bin|lock|putting|taking|hang+on+to|hold+on+to|hold+onto|
        hang+onto _3 the+rest+of your|the|those|
        my? {_MEANS}|them|it
    hold+on+to|hold+onto|hang+on+to|hang+onto|held+on+to|held+onto _3 {_OBJECT}
    # put back or left behind: "put the pills back in the cabinet", "leave the stuff on the
    # counter and come out"
    put|putting _3 {_MEANS} back|away
    leave _3 {_OBJECT} behind|there|on+the+counter|on+the+side|on+the+table|and+come|and+walk
    put|move|take|get|push _2 {_OBJECT} _5 out+in+the+hallway|in+the+hallway|in+the+hall|
        out+to+the+bin|in+the+bin|outside|in+the+kitchen|out+of+reach|somewhere
    # the joint offer said the other way round: "anything ... that we could put away together"
    we|i could|can|might|should put|lock|take|move|clear|box|hide _3 away|up|somewhere|out+of
    """,
)


def _means_safety(s: _Sentence) -> tuple[int, int, str] | None:
    return _MEANS_SAFETY.find(s.w)


# ------------------------------------------------------------------ staying with them

_STAYS = Phrases(
    "safety.stays",
    """
    # coming to them: "I'm coming over now", "I'm on my way", "I'm leaving now"
    i+am|i+will|i+am+going+to|i+can|ill come|coming over|round|around|to+you|to+yours|to+your|
        up|and+get|and+stay|and+sit|with+you|to+get+you|now|right+now
    i+am coming .|!
    i+am coming $
    and staying|stay home|in|over with you
    can|could|shall i take|drive you to|there
    i am on my way
    i am getting in|on the|a|next car|cab|taxi|uber|bus|train
    i am driving|heading over|round|to+you|there
    i am leaving now|right+now|work
    i+will|ill be there in|by|soon
    # staying: "I'll stay with you", "I'm not going anywhere", "I won't hang up"
    i+will|i+am+going+to|i+can|i+am|ill stay|staying|sit|be|stop with+you|here|there|
        on+the+phone|on+the+line|on+this+call|right+here|right+there|next+to+you|
        right+next+to+you|over|home|as+long|on+facetime|on+discord|by+your+side
    i+am|i+will|ill not going+anywhere|leaving|hanging+up|logging+off|leave|hang+up
    i+will|ill not go !running|behind|to|spreading|telling|gossiping|straight|round|around|
        reporting|and|over|there|into|on|through|broadcasting|blabbing|ahead
    i will not leave you
    # keeping awake with them: "I won't go to sleep before you", "I'll stay up with you"
    i+will|ill not go+to+sleep|go+to+bed|sleep before+you|until+you|till+you
    i+will|i+am+going+to|i+can|ill stay|be up|awake with+you|until|till|as+long|all+night
    not leaving you on+your+own|alone|your+side|your+room
    not leaving your side|room
    i+will|i+am+going+to|ill keep talking to you
    i+will|i+am+going+to|i+can|ill come|go with you
    like|want|happy|glad to come|go with you
    # asking them to go with the supporter: "Would you see the school nurse with me?"
    would|will|could you see|go+to|visit the|a|your school+nurse|nurse|gp|doctor|counsellor|
        counselor _2 with me
    i+will|i+can|i+am take|taking|drive|driving you to|there
    stay|keep on the|this line|phone|call with me
    keep talking to me
    we will get through tonight|this together
    do not have to get+through|face|be|go+through _2 on+your+own|alone
    i+will|i+am|ill|i+can|we+will keep you company
    spend|spending the+night|tonight with+you|at+yours|here|there
    sleep|sleeping|stay|staying over|on+your+sofa|at+yours|at+your+place
    i+will|ill be right? there|round|over soon|now|in|by|tonight|as+soon|straight+away
    i+am|i+will+be|ill+be right here|there
    you are|will not be alone|on+your+own tonight|now|in+this
    i+am|i+will|ill stay|staying until|till|all+night|as+long
    # offering to come: "want me to come over?", "do u want me to come get u?", "shall I come
    # and sit with you?"
    # asking to stay: "Can I stay with you tonight?", "I'd like to come over and be with you"
    can|could|shall|may|should i stay|sit|be with+you|here|over|the+night|tonight
    like|want|love|going to come|pop over|round|around|and+be+with+you|and+stay
    want|like me to come|drive|pop|stay|sit|be over|round|around|get+you|and+get+you|
        and+sit|and+stay|online|on+the+phone
    shall|should|can|could i come|pop over|round|and+get+you|and+sit|and+stay|get+you|to+you
    # on the way: "I'm coming home now", "I'm coming to get u", "coming in an uber now"
    i+am coming home|back|in|to+find+you|to+fetch+you|for+you
    i+am+coming|coming in|on a|an|the car|cab|taxi|uber|bus|train
    i+will|ill|i+can|i+am+going+to|i+could|we+could|i+would|i+can+come+and|i+could+come+and sit|
        wait with you|next+to+you|beside+you
    # company while they make the call: "I could sit with you while you call someone", "find
    # a number and sit with you"
    sit|stay|wait|be with you while|as|when you call|ring|phone|text|talk|make|dial
    and sit|stay|wait with you .|!|,|$|while|as|when|tonight|now
    i+am not leaving|going+to+leave you on+your+own|alone|my+sight
    not leaving my sight
    staying online|on+the+phone|on+the+line|here with you
    wait|waiting with you
    stay|staying up|awake with you
    right? beside you
    i am here and i+am|i+will not|staying
    i will be right? next to you|with you|by your side
    """,
)


# A visit on another day ("I'll come round every Sunday", "I'll be over on Friday") is
# no staying with them now, unless it also says now or tonight.
_ANOTHER_DAY = re.compile(
    r"\b(?:every|next|on|most|some)\s+(?:day|week|weekend|month|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b|\btomorrow\b|\bat the weekend\b",
    re.IGNORECASE,
)
_NOW = re.compile(r"\b(?:(?<!from )now(?! on)|tonight|right away|straight away)\b", re.IGNORECASE)


def _stays_with_them(s: _Sentence) -> tuple[int, int, str] | None:
    if _ANOTHER_DAY.search(s.text) and not _NOW.search(s.text):
        return None
    return _STAYS.find(s.w)


# --------------------------------------------------------------- connecting to help

# The roles and services people turn to for how they feel (codebook 5.4): "the health
# visitor", "the diabetes nurse", "occupational health", "student services", "a grief group".
_CARE_ROLES = """
    nurse|nurses|midwife|pharmacist|psychotherapist|paediatrician|pediatrician !'s
    psych !ward|wards|unit|hospital|'s
    health visitor
    occupational health
    pastoral lead|team|care|support
    safeguarding lead|officer|team
    welfare officer|team
    student services|support
    disability services|advisor|adviser
    clinic|charity|charities
    grief|bereavement|carers|carer|parents group|groups|counselling|counseling|counsellor|
        counselor|counsellors|counselors|support|service|café|cafe
    young carers
"""

# The generic forms of help; the named lines and numbers come from the directory.
_HELP = Phrases(
    "safety.help",
    f"""
    # crisis lines and services
    helpline|hotline|help+line|hot+line|lifeline|samaritans
    crisis|suicide|support|mental+health text? line|team|service|centre|center|number
    text|call|ring|message the? crisis|line
    triple zero
    # emergency services
    emergency services|room|department|number
    a & e
    a and e
    er|hospital|ambulance|paramedics|police
    walk in
    # professional help
    doctor|doctors|dr|gp|counsellor|counselor|counsellors|counselors|counselling|counseling|
        therapist|psychologist|psychiatrist|nurse|professional|professionals
    eap
    employee assistance
    safeguarding|camhs
    support group|groups
    duty line|team
    wellbeing service|team
    # a trusted person, told together: "Could we tell your mum together?"
    tell|telling|call|calling|ring|ringing|text|get|ask|fetch|talk+to|speak+to|talk+with|
        speak+with your|my? mum|mom|dad|parents|
        brother|sister|auntie|aunt|uncle|gran|nan|grandma|grandad|grandpa|teacher|partner|
        husband|wife|boyfriend|girlfriend|family|a+grown+up|an+adult|daughter|son|kids|
        children|cousin|best+friend|carer|key+worker|social+worker
    tell|talk+to|ring|call him|her|them together
    social services|worker
    getting|get help to you
    telling|tell mrs|mr|miss|ms
    stay with your|a mum|mom|dad|parents|brother|sister|auntie|aunt|uncle|gran|nan|grandma|
        grandad|friend
    # getting help together
    talk|speak|reach+out|go to someone|somebody who|trained|professional|that+can+help
    see someone|somebody
    # "finding someone to talk to about the hurting", "find someone you can talk to"
    find|finding|get|getting someone|somebody to+talk+to|you+can+talk+to|who+can+help
    work+out|decide|figure+out _2 who to tell|call|ring
    call|ring|text|phone|message them|someone|somebody _2 with+me|together
    # calling while the supporter is there: "I'll sit with you while you call someone"
    with you while|as|when you call|ring|phone|text|talk+to|dial someone|somebody|them|a|the|
        the+line|the+number
    # finding a line's number for them: "I could find a number and sit with you"
    i|we could|can|will|shall|would find|look+up|get|dig+out a|the number .|!|,|$|and|for|to
    find|look+up a|the number for you|us $|and|to
    calling|ringing|phoning|getting for help|an+ambulance|someone
    someone|somebody|anyone _3 i|we|you can|could call|ring|text|contact|talk+to
    urgent care
    out of hours
    an|the appointment|emergency+appointment
    get|find|getting you|us some|the? help|support !with+your|with+the
    get you? some? professional|proper|real|urgent? help
    find|get|look+for|reach+out+for some? professional? help
    {_CARE_ROLES}
    """,
)
# Help for how they feel, put forward outside a risk exchange: a line, a professional, a
# support service (not the emergency services, a hospital or family, which outside a crisis
# are mostly practical or only mentioned).
_HELP_ANY = Phrases(
    "safety.help_any",
    f"""
    helpline|hotline|help+line|hot+line|lifeline|samaritans
    crisis|suicide|support|mental+health text? line|team|service|centre|center|number
    doctor|doctors|dr|gp|counsellor|counselor|counsellors|counselors|counselling|counseling|
        therapist|psychologist|psychiatrist|professional|professionals|therapy
    eap
    employee assistance
    camhs
    support group|groups
    wellbeing service|team
    talk|speak to someone|somebody who|trained|professional|that+can+help
    get|find|look+for|reach+out+for some? professional help|support
    {_CARE_ROLES}
    """,
)
# Help put forward as an option, not only proposed: what a source can do for them, a
# service that is there if they want it (codebook 5.4: "The GP can refer you", "There's a
# text line if talking feels too much").
_OPTION = Phrases(
    "safety.option",
    """
    if|when you want|would+like|ever|need|like|are+ready|fancy|feel+like|wanted
    when you are ready
    can|could|will|would help|refer|support|talk|sign|check|prescribe|arrange|advise|
        put+you|see+you|give+you|offer|do+a|book|look|listen
    has|runs|run|offers|offer|covers|cover a|an|free|confidential|some|their? _2 helpline|
        line|group|groups|service|counselling|counseling|advisers|advisors|nurses|counsellors|
        counselors|support|clinic|sessions
    there is|are a|an|free|some _3 helpline|line|group|groups|service|clinic|charity|
        counselling|counseling|counsellors|counselors|nurse
    """,
)
# Help turned down, or only talked about: "you don't need a doctor", "the crisis line is
# useless", "I called a helpline once", "I'm not a therapist".
_NOT_HELP = Phrases(
    "safety.not_help",
    """
    do+not|no need for|to+call|to+see|to+talk+to? the|a|an|any?
    do+not|never|will+not|not+going+to call|ring|see|tell|contact|mention _3
    useless|rubbish|pointless|closed|waste
    can not do anything|much|help
    i am not a
    my mate|friend|brother|sister|mum|dad _2 a
    once|before|last+week|last+year|when+i+was
    until|till the _3 get|gets|arrive|arrives|come|comes|is+here|are+here|turn+up
    if i think|feel|am+worried
    unless
    would have to
    """,
)
# Words that make a short number a phone number: "call 113", "on 188".
_NUMBER_CUES = _word_set(
    """
    call calling called ring ringing rang dial dialling dialing text texting phone phoning
    contact on try number line free hours helpline
    """
)
_COMMON = _word_set(
    """
    mind shout lifeline support the a and of for line help hope phone kids crisis national
    service services health mental information suicide prevention free
    """
)

# Each name, number and keyword as words, indexed by its first word.
_HelpNames = dict[str, tuple[tuple[str, ...], ...]]
_help_names: dict[bool, _HelpNames] = {}


def _named_help(crisis_only: bool = False) -> _HelpNames:
    """The numbers, text keywords and names of the lines in ``data/resources.toml`` (and
    the countries' emergency numbers), as word sequences, read once on first use.
    ``crisis_only``: only the crisis lines, whose mention alone says the talk is about
    risk."""
    if crisis_only in _help_names:
        return _help_names[crisis_only]
    directory = load_directory()
    found: set[tuple[str, ...]] = set()
    if not crisis_only:
        for country in directory.countries.values():
            for number in country.emergency:
                digits = tuple(_tokens(number).words)
                if digits and all(d.isdigit() for d in digits):
                    found.add(digits)
    for resource in directory.resources:
        if crisis_only and resource.kind != "crisis":
            continue
        for piece in resource.name.replace("(", "/").replace(")", "/").replace(",", "/").split("/"):
            words = tuple(w for w in _tokens(piece).words if w[0].isalnum())
            if len(words) > 1 or (words and words[0] not in _COMMON and len(words[0]) > 3):
                found.add(words)
        for channel in resource.channels:
            if channel.type in ("call", "text", "whatsapp"):
                digits = tuple(_tokens(channel.value).words)
                if digits and all(d.isdigit() for d in digits):
                    found.add(digits)
                    found.add(("".join(digits),))
            if channel.keyword:
                found.add(("text", channel.keyword.lower()))
    index: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(found):
        index.setdefault(name[0], []).append(name)
    _help_names[crisis_only] = {first: tuple(names) for first, names in index.items()}
    return _help_names[crisis_only]


_HELP_NAME = _rule("safety.help_name")


def _help_name_at(w: Words, crisis_only: bool = False) -> tuple[int, int] | None:
    """Where the first line named in the directory appears in ``w``: a name, a number
    (a short one only next to a word like "call" or "on") or a text keyword."""
    words = w.words
    index = _named_help(crisis_only)
    for i, word in enumerate(words):
        for name in index.get(word, ()):
            n = len(name)
            if words[i : i + n] != name:
                continue
            short_number = n == 1 and word.isdigit() and len(word) <= 4
            if short_number and not _NUMBER_CUES.intersection(words[max(0, i - 4) : i + 3]):
                continue
            return i, i + n
    return None


def _connects_to_help(s: _Sentence) -> tuple[int, int, str] | None:
    w = s.w
    named = _help_name_at(w)
    found = (named[0], named[1], _HELP_NAME) if named else _HELP.find(w)
    if found is None:
        return None
    start = found[0]
    # a refusal or a past call, just before the help or over it
    for i in range(max(0, start - 6), min(len(w.words), start + 3)):
        end = _NOT_HELP.at(w, i)
        if end >= 0 and (i < start or end > start):
            return None
    return found


def _points_to_care(s: _Sentence) -> tuple[int, int, str] | None:
    """Help for how they feel (see _HELP_ANY, or a line in the directory), read outside a
    risk exchange."""
    found = _connects_to_help(s)
    if found is None or found[2] == _HELP_NAME:
        return found
    return _HELP_ANY.find(s.w)


# The reply's own words that make an exchange a risk exchange even when what it answers
# is not known: asking directly, or naming a crisis line.
_CRISIS_LINE = Phrases(
    "safety.crisis_line",
    """
    crisis|suicide line|text+line|team
    samaritans|lifeline
    """,
)


# ---------------------------------------------------------------- secrecy

# They ask for it to stay secret: "Promise you won't tell anyone?", "Don't tell Mum".
_SECRET_REQUEST = Phrases(
    "safety.secret_request",
    """
    do+not|never|please+do+not|do+not+you+dare|you+can+not|you+must+not tell|say|mention|
        breathe !me|us
    promise|swear|pinky+promise you will+not|will+never|not+to|to+not|never|that+you+will+not
    <i promise|swear ?
    <i promise|swear $
    promise|swear _4 you will+not|would+not|will+never|never tell|say|breathe
    promise|swear not+to|to+not|never+to tell|say|breathe|call|ring|phone|report|mention
    # a threat that asks the same: "If you tell Mum I'll do it anyway"
    if you tell|call|ring|phone|say|report _3 i+will|then|i+am+going+to
    keep|keeping it|this|that|my+secret|between+us secret|quiet|to+yourself|between|a+secret
    it+is|this+is|that+is a secret
    our secret
    in confidence
    between us|you+and+me
    do not want anyone|anybody|people|them|him|her to? know|knowing|finding+out|find+out
    you will not tell _4 will you
    you would not tell
    stays|stay with you|between+us
    # "don't ring anyone", "keep that under your hat", "this is confidential, right?"
    do+not|please+do+not ring|call|phone anyone|anybody|the+police|an+ambulance|my|mum|dad|
        999|911|000
    do+not go telling|saying|running
    under your hat
    confidential
    ask|asking you not+to tell|mention|say
    """,
)
# They have not said what it is yet: "I need to tell you something, but promise first".
_NOT_YET_TOLD = Phrases(
    "safety.not_yet_told",
    """
    tell|show you something
    need|have|want to tell you
    promise first
    """,
)
_words(
    "agree",
    "okay sure yes yeah yep yup fine alright k kk of+course course understood absolutely "
    "no+problem deal promise promised pinky",
)
# The reply opens by agreeing: "ok I promise", "no, never", "🤐".
_AGREES_OPENING = Phrases(
    "safety.agrees_opening",
    """
    @agree _1 .|!|,
    @agree _1 $
    i promise|swear|will+not|will+never|would+never|am+not+going+to|never
    promise|pinky
    never|no .|,|!
    never|no $
    would+not dream
    not a word|a+soul
    🤐|🤫|🔒
    """,
)
# Or says it anywhere: "I won't say a word", "your secret's safe", "cross my heart".
_AGREES = Phrases(
    "safety.agrees",
    """
    mum|mum+'s is? the word
    nobody|no+one|noone is+going+to|'s+going+to|will|needs+to|has+to ever? know|hear|find+out
    it|that will+not|is+not+going+to go any? further
    secret is|'s safe
    it+is|that+is our|a secret
    stays|stay|will+stay|is with me|between+us|between+you+and+me|in+confidence
    # (not "we don't have to tell everyone": some will be told)
    we do not have to tell !everyone|everybody|everyone+at+once|the+whole|all+of
    keep it|this|that to+myself|quiet|secret|a+secret|between+us
    i will+not|am+not+going+to|will+never tell|say|mention|bring|grass|snitch|dob|ring|call|
        breathe|share
    ^ @agree? will+not tell|say|call|ring
    you have my word
    not a word|a+soul
    let us not tell|say
    stays|stay|will+stay strictly|just|completely|totally between+us|with+me
    my lips are sealed
    cross my heart
    """,
)
# The promise is limited or refused: "I can't promise that", "unless you're in danger".
_LIMITS = Phrases(
    "safety.limits",
    """
    can+not|will+not|am+not+going+to|do+not promise|swear
    not|never keeping|keep quiet|it+quiet|this+quiet|that+quiet
    can+not|could+not|can+not+just _3 keep _3 to+myself|quiet|secret
    if i kept|keep quiet
    not keeping|going+to+keep it|this|that
    unless !you+want|you+say|you+agree|you+ask|you+tell
    except if|when
    you are|were in+danger|at+risk|not+safe
    if it gets worse
    i+am+going+to|i+will|i+have+to|i+need+to|i+would+have+to|i+am tell|telling|get
    we need+to|should|have+to|must tell
    i am calling|ringing
    not tell everyone|everybody
    decide _2 who
    who to tell
    who can help
    # telling with them, not around them: "I won't go to your mum behind your back, but..."
    behind your back
    can+not|could+not|am+not+going+to|will+not sit+on|keep+quiet|pretend|stay+quiet|
        keep+this+quiet|keep+it+quiet|keep+that+quiet|keep+this+to+myself|keep+it+to+myself|
        keep+that+to+myself|keep+this+from|keep+it+from|keep+that+from
    not comfortable|okay keeping|sitting
    """,
)
_AGREES_NO = frozenset({"never", "no"})


def asks_for_secrecy(context: str) -> bool:
    """True if ``context`` asks the listener to keep something to themselves."""
    return any(_SECRET_REQUEST(s.w) for s in _sentences(context))


# Other harm a secret can hide, beside suicide and self-harm: someone hurting them,
# drink or drugs with danger, stopping medicine, not eating, a fall or getting lost.
_HARM = Phrases(
    "safety.harm",
    """
    hit|hits|hitting|hurt|hurts|hurting|slapped|pushed|punched|kicked|grabbed|choked me
    abuse|abused|abusive|abuses|violent|violence|bruise|bruises|bruised|coercive|controlling
    scared|afraid|frightened of him|her|them|my+dad|my+mum|my+partner|my+husband|my+wife|
        my+boyfriend|my+girlfriend|my+ex|going+home
    touched|touches|groomed|grooming|sextortion|nudes
    drunk|drinking|high|stoned _4 drive|drove|driving|work|school
    drive|drove|driving _3 drunk|high|after+drinking|half+asleep
    drink driving
    drugs|coke|cocaine|mdma|ketamine|pills|meth|heroin|spice|vaping+at
    stopped|stopping|not|skipping|skipped|quit|quitting taking? my|the|his|her? meds|medication|
        medicine|tablets|insulin|antidepressants|antipsychotics|lithium
    not eating|stopped+eating|making+myself+sick|throwing+up|purging|laxatives|starving
    fell|fallen|fall|falls over|down|again|in+the
    dizzy turn|spell|spells
    blacked|passed out
    still? bleeding a+lot|still|again
    more|extra|too+many _3 painkillers|pills|tablets|than+i+am+supposed|than+the+label|
        than+prescribed
    forgot|forgetting|forget|skipped|skipping|missed|rubbish+with _4 insulin|meds|medication|
        tablets|antidepressants
    not _2 eaten
    beat|beating me up
    shoving|shoved|locked me
    kicked|kicking the door
    making|made me give
    sharing|shared|posted|posting|sending|sent a|my? photo|photos|picture|pictures|pics|
        nudes of+me
    drinking _3 every+night|on+my+own|alone|a+lot|before+work|in+the+car
    a? drink|drinks _4 before+work|in+the+car|before+driving
    on his|her|their own overnight|all+night
    not really? safe
    got|get|getting lost
    left the gas|hob|oven on
    sent _3 money to|someone
    # violence, threats and harassment: "he threw a bottle", "threats", "putting his hand on
    # my back"
    threw|throws|throwing _3 at me|at+my+head|at+the+wall|across+the+room
    threw|throws|throwing a|the bottle|plate|glass|chair|phone
    threats|threatening|threatened me|to|messages
    putting|puts|put|keeps+putting his|her hand|hands on my|me
    # an older man taking them to his place: "going to this older guy's flat"
    older guy|guys|man|bloke|blokes|men|boyfriend
    # fainting, falling asleep at the wheel, driving without sleep
    fainted|fainting in|at|on|during|again|at+work|in+the
    fell|falling|nearly+fell|almost+fell|nodding|nodded asleep|off at|behind the? wheel|driving
    driving|drive|drove _6 no sleep|without+sleep|hardly+any+sleep|on+no+sleep
    # drugs again: "I've been using again"
    using again|more|every+day
    # more of what codebook 4.4.1 counts as danger: drugs from anyone, driving that could
    # kill, being followed or threatened, money taken by force or fraud, someone in their
    # care left unsafe, a promise to stop something they should not be doing alone
    weed|adderall|xanax|benzos|ketamine|speed|acid|shrooms
    using|take|taking by myself|alone|on+my+own
    from a guy|bloke|dealer|man at|in|from
    drove|drive|driving _4 beers|pints|drinks|seizure|no+sleep|hours+awake
    beers|pints|drinks _4 drove|drive|driving|behind+the+wheel
    driving|drive|drove _3 110|100|120|fast|too+fast|like+flying
    hours awake
    showing|showed|shows|turning|turned|turns up outside|at+my|at+work
    keeps messaging|texting|following|calling me
    private|intimate pics|photos|pictures|videos
    moving|moved|transferring|transferred|giving|gave my savings|pension
    owe|owes _3 double|more+than|him|them
    came to the house|flat|door
    grabs|grabbed|grabbing|squeezes|squeezed|twists|twisted my arm|wrist|hair
    jump|beat+up|batter|get me after school|after+work|outside
    hazing|hazed
    left _3 alone overnight|all+night|for+the+night|on+her+own|on+his+own
    chest pain|pains
    i will stop on my own
    i will stop , i swear
    """,
)


def harm_in(sentences: list[_Sentence]) -> bool:
    """Whether what they said names a harm a secret could hide (beyond suicide and
    self-harm, which ``risk_in`` reads)."""
    return any(
        _HARM(s.w) or ((plain := _without_softeners(s.w)) is not None and _HARM(plain))
        for s in sentences
    )


def limits_secrecy(sentences: list[_Sentence]) -> bool:
    """The reply limits or refuses the promise: "I can't promise that", "unless ..."."""
    return any(_LIMITS(s.w) for s in sentences)


def _secrecy_promise(
    sentences: list[_Sentence], theirs: list[_Sentence], risk: bool
) -> tuple[int, int, str] | None:
    """Where the reply agrees to keep a risk secret, as (start, end, rule) offsets in the
    reply, or None. Agreeing counts when they asked for secrecy (``theirs``: what they
    said) and the exchange is about risk (or they have not said yet what it is: promising
    before you know is the trap)."""
    asked = any(_SECRET_REQUEST(s.w) for s in theirs)
    untold = asked and any(_NOT_YET_TOLD(s.w) for s in theirs)
    if not asked or not (risk or untold or harm_in(theirs)):
        return None
    if limits_secrecy(sentences):
        return None
    for s in sentences[:2]:
        found = _AGREES.find(s.w)
        if found is None:
            # agreeing opens the sentence (emoji and fillers may come first)
            opening = _AGREES_OPENING.find(s.w)
            found = opening if opening is not None and opening[0] <= s.core else None
        if found is None:
            continue
        i, j, rule = found
        word = s.w.words[i] if i < len(s.w.words) else ""
        # "No, never." agrees only with "You won't tell, will you?"
        if word in _AGREES_NO and not any(s2.asks for s2 in theirs):
            continue
        j = _clause_end(s, j)
        return s.w.starts[i], s.w.ends[j - 1], rule
    return None


# ------------------------------------------------------------------ the moves

_WHY = {
    "asks_about_suicide": (
        "Asking directly about suicide does not put the idea in their head: it tells them "
        "you can hear the honest answer.",
        "Whatever they answer, thank them for telling you, then find out how close it is: "
        "'Have you thought about how you would do it?'",
    ),
    "asks_about_urgency": (
        "Knowing whether there is a plan, the means or a time tells you how fast to act.",
        "If the answer is yes, or you can't tell, get help now and stay with them.",
    ),
    "means_safety": (
        "Putting time and distance between someone and the means saves lives: the worst "
        "moment often passes.",
        "Agree together where the things go and who keeps them, for now.",
    ),
    "connects_to_help": (
        "Going to help together makes it far more likely to happen than a number passed on.",
        "Offer to make the call with them: 'Shall we ring them together now?'",
    ),
    "stays_with_them": (
        "Not being alone makes the worst moments safer, and tells them they matter.",
        "Stay until help is there, or until someone they trust takes over.",
    ),
}
_SAFETY_ORDER = (
    "asks_about_suicide",
    "asks_about_urgency",
    "means_safety",
    "connects_to_help",
    "stays_with_them",
)
_ASKS_DIRECTLY = _rule("safety.asks_about_suicide")


def _move(name: str, s: _Sentence, found: tuple[int, int, str]) -> Finding:
    i, j, source = found
    end = _clause_end(s, j) if name != "asks_about_suicide" else len(s.w.words)
    return Finding(
        name=name,
        kind="safety",
        start=s.w.starts[i],
        end=s.w.ends[max(i, end - 1)],
        reason=_WHY[name][0],
        suggestion=_WHY[name][1],
        source=source,
    )


# What they said, when it is about suicide (not self-harm alone): "I think about ending it",
# "I'd rather be dead", "everyone would be better off without me".
_SAID_SUICIDE = Phrases(
    "safety.said_suicide",
    """
    suicide|suicidal
    kill|killing|killed myself
    end|ending it|it+all|my+life|things !with
    take|taking my own? life
    want|wanted|wanting to die|be+dead
    rather|better be|off dead
    better off without me
    not|never wake up
    not want|wanting to be+here|be+alive|live|exist|wake+up|be+around
    """,
)
# The reply asking about what they said: "Are you having those thoughts right now?", "Have
# you ever got close to acting on it?", "Are you thinking about it tonight?".
_ABOUT_WHAT_THEY_SAID = Phrases(
    "safety.about_what_they_said",
    """
    those|these|such|any+of+those|any+of+these thoughts
    thoughts like that|this|those
    act|acting|acted on it|that|them|those|this
    close to acting|doing+it|doing+something
    thinking about|of it|that|doing+it right+now|now|tonight|today|again|at+the+moment
    """,
)


def _asks_about_what_they_said(sentences: list[_Sentence], theirs: list[_Sentence]) -> int:
    """Index of the reply sentence that asks directly about the suicidal thing they just
    said (codebook 5.1: "referring unmistakably to a suicidal statement"), or -1."""
    if not any(_risk_in(t.w) and _SAID_SUICIDE(t.w) for t in theirs):
        return -1
    for k, s in enumerate(sentences):
        you = any(word.startswith(("you", "ur")) for word in s.words)
        if s.asks and you and _ABOUT_WHAT_THEY_SAID(s.w) and not _LEADING(s.w):
            return k
    return -1


# An offer or a proposal, for a move read outside a risk exchange: "could you", "shall we",
# "I'll", "maybe", "how about", "would it help".
_PROPOSAL = Phrases(
    "safety.proposal",
    """
    could|would|can|will|might you|we
    you|we could|can|might|should|ought+to
    let us|me
    shall|should|can|could|may i|we
    i will|can|could|would|am+going+to|am+happy+to|would+like|am+coming|am+not+going
    maybe|perhaps|how+about|what+about|why+not|worth|would+it+help|have+you+thought|
        have+you+considered|please|want+me+to|do+you+want|fancy|try
    """,
)


def _proposed(
    check: Callable[[_Sentence], tuple[int, int, str] | None],
) -> Callable[[_Sentence], tuple[int, int, str] | None]:
    """``check``, only in a sentence that offers or proposes it (see _PROPOSAL) or puts it
    forward as an option (see _OPTION)."""

    def read(s: _Sentence) -> tuple[int, int, str] | None:
        found = check(s)
        if found is None:
            return None
        cue = _PROPOSAL.search(s.w)
        if cue is not None and cue[0] <= found[0]:
            return found
        return found if _OPTION(s.w) else None

    return read


def _safety_moves(
    sentences: list[_Sentence], risk: bool, theirs: list[_Sentence] | None = None
) -> list[Finding]:
    """The safety moves in the reply's sentences; none unless the exchange involves risk.
    ``theirs`` is what they said, for a question that refers to it."""
    found: dict[str, Finding] = {}
    direct = _directly(sentences)
    if direct is None and theirs and (k := _asks_about_what_they_said(sentences, theirs)) >= 0:
        direct = sentences[k], 0
    if direct is not None:
        s, at = direct
        found["asks_about_suicide"] = _move("asks_about_suicide", s, (at, at + 1, _ASKS_DIRECTLY))
    checks: tuple[tuple[str, Callable[[_Sentence], tuple[int, int, str] | None]], ...] = (
        ("asks_about_urgency", _asks_about_urgency),
        ("means_safety", _means_safety),
        ("connects_to_help", _connects_to_help),
        ("stays_with_them", _stays_with_them),
    )
    if not (risk or found):
        # pointing to help counts whatever the context (codebook 5.4: a GP for burnout), but
        # outside a risk exchange only when the sentence offers or proposes it ("Would you
        # see the GP with me?"), not when it only mentions a doctor; the other moves need
        # risk (staying with them outside a crisis, 5.5.1, is left to the scorer)
        checks = (("connects_to_help", _proposed(_points_to_care)),)
    where: dict[str, _Sentence] = {}
    for s in sentences:
        for name, check in checks:
            if name not in found and (hit := check(s)) is not None:
                found[name] = _move(name, s, hit)
                where[name] = s
    # "Is there anything you'd use that we could put away together?" asks about the means
    # only to move them: one move, means safety, not also a question about urgency.
    urgency, means = where.get("asks_about_urgency"), where.get("means_safety")
    if urgency is not None and urgency is means:
        del found["asks_about_urgency"]
    return [found[name] for name in _SAFETY_ORDER if name in found]


# "What's the point?" is a cue when they say it of their life; the supporter asking
# "what's the point for you in going in?" asks their reasons. Only the bare phrase is set
# aside: "what's the point of living?" is still a cue through its own words.
_ASKED_POINT = Phrases("safety.asked_point", "what is the point")


# Suicide as a subject of study or news, or someone else's death, is not the supporter
# raising it about them: "Is it suicide prevention you're researching?".
_SUICIDE_AS_SUBJECT = Phrases(
    "safety.suicide_as_subject",
    """
    suicide prevention|awareness|statistics|rates|rate|research|charity|charities|helpline
    died|dies|death|lost|killed by|to|from suicide
    bereaved|bereavement|loss|losses|survivors|support by|after|from suicide
    ^ was it|that|this suicide
    """,
)


def reply_signals_risk(sentences: list[_Sentence]) -> bool:
    """The reply itself makes it a risk exchange: it names a risk, asks directly, or
    offers a crisis line."""
    return any(
        _risk_in(s.w, set_aside=_ASKED_POINT)
        or ((_SUICIDE_TOPIC(s.w) or _TOPIC_NAMED(s.w)) and not _SUICIDE_AS_SUBJECT(s.w))
        or _CRISIS_LINE(s.w)
        or _help_name_at(s.w, crisis_only=True)
        or _MEANS_NAMED(s.w)
        for s in sentences
    )


# Offering to keep the pills or the blades names the risk even when it is not said.
_MEANS_NAMED = Phrases(
    "safety.means_named",
    f"""
    hold+on+to|keep|look+after|mind|lock+up|get+rid+of your|the {_MEANS}
    give|hand me|us? your|the {_MEANS}
    """,
)


def points_to_help(reply: str) -> bool:
    """True if ``reply`` points to help: a crisis line, emergency services, a doctor or
    counsellor, or a trusted person."""
    return any(_connects_to_help(s) is not None for s in _sentences(reply))
