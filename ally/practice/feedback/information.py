"""Information: facts, sources, how common something is, what a service or treatment
does, and general statements about the world.
"""

from __future__ import annotations

from ally.practice.feedback.findings import Finding, _phrase, _rule, _whole
from ally.practice.feedback.phrases import (
    _AUX,
    _IMPERATIVE_VERBS,
    Phrases,
    _predicate,
    _word_set,
    _words,
)
from ally.practice.feedback.pitfalls import _DISMISSING, _MINIMISING
from ally.practice.feedback.sentences import _Sentence
from ally.practice.feedback.words import _MARKS

# What a group of people generally does or goes through: "find", "feel", "struggle".
_words(
    "generic_verb",
    """
    find feel experience have struggle go get deal live suffer say report notice need use take
    benefit try are do see think worry cope recover tend start stop become
    """,
)
_INFORMATION_PHRASE = Phrases(
    "information.phrase",
    """
    # evidence: "research shows", "studies suggest"
    research|studies|a+study|science|evidence|statistics|data|expert|experts|doctor|doctors show|
        shows|suggest|suggests|say|says|has+shown|have+shown|indicate|indicates|finds|found|agree
    # how common it is: "it's common", "many people", "one in four"
    it+is|this+is|that+is|which+is _1 very|quite|really|so|actually|pretty? common|typical|usual|
        a+common|a+normal|a+natural|a+typical
    # what many people go through: "many people find ...", "most of us feel ..." (not "lots
    # of people would love that")
    many|most|some|a+lot+of|lots+of|plenty+of|millions+of|so+many|other people|folks|adults|teens|
        students|parents|others|of+us|couples|men|women also|often|usually|actually? @generic_verb
    one in _
    # (not "100%", which says "completely": "I agree 100%")
    !100 @num|a+few|several percent|%
    # what help and conditions do: "therapy can help", "antidepressants take weeks"
    therapist|therapists|counselor|counselors|counsellor|counsellors|doctor|doctors|gp|gps|
        psychiatrist|psychiatrists|psychologist|psychologists|therapy|counseling|counselling|
        medication|medications|meds|antidepressant|antidepressants|treatment|cbt|dbt|exercise|
        meditation|sleep|alcohol|caffeine|depression|anxiety|grief|stress|panic+attack|
        panic+attacks|hotline|hotlines|helpline|helplines|support+group|support+groups can|may|
        might|will|often|usually|tend|tends|are|is|have|has|help|helps|cause|causes|affect|affects|
        take|takes|work|works
    there are|is _2 many|lots|a+lot|plenty|several|free|online|support|services|groups|resources|
        options|ways|program|programs|programme|programmes|hotline|hotlines|helpline|helplines|app|
        apps|website|websites|site|sites|places|organisations|organizations|charities|@counsel|
        @therap
    is|are called|known+as|a+type|a+form|a+kind|a+sign|a+symptom|a+part
    it usually|often|can? take|takes _2 time|weeks|months|days|years
    # what a treatment or habit does to their health: "the side effects are mild", "it
    # lowers your risk of a stroke", "Did you know that smoking affects sleep?"
    the|common|possible|main|most+common|usual side effect|effects
    lower|lowers|reduce|reduces|increase|increases|raise|raises|cut|cuts|double|doubles|
        your|the risk
    ^ did|do you know that _
    # (not "you're open to new ideas", which is about the person)
    is|are available|free|confidential @word
    # a resource to look up: a web address
    http|https|www
    # what a service is: "It's a free program for carers", "AA is a group that meets weekly"
    is|are a|an _2 program|programme|service|charity|organisation|organization|website|site|app|
        hotline|helpline|group|resource|network|platform for|that|where|run|which|who|designed|to
    # what they have read or heard, or a source: "I've read that ...", "according to the NHS",
    # "As far as I know, ...", "I saw online that ..."
    i have? read|heard that|of
    according to
    as far as i know|am+aware
    from what i know|have+learned|learned
    # "From what I've seen, ..." (not "from what I've read, you feel ...", about them)
    from what i have? heard|seen|saw|read !you|your|,+you|,+your
    research|studies|a+study|science|evidence|data has|have also|consistently|repeatedly|actually|
        even shown|found|proven|linked
    i see|saw|found online|on+the+internet
    # a generalisation, flagged as one: "Typically, ...", "In general, ...", "Usually the
    # first weeks are the hardest", "It varies" (not a habit of mine: "usually I just chat",
    # nor advice: "often it helps to ...")
    ^ typically|generally|in+general|statistically
    ^ usually|normally|often|oftentimes|commonly !i|we|times+it|it+helps|it+can+help
    # how the body works: "Your brain releases dopamine when ..." (not "your body needs rest")
    brain|brains|body|bodies releases|release|produces|produce|rewards|reward|makes|make|reacts|
        react|responds|respond|creates|create
    varies|vary|depends from|by|on
    # what a word or a condition means: "That's when it becomes serious", "It refers to ...",
    # "what we call burnout"
    what we call|what+is+called|so+called
    # (not "it means a lot to me", "that means you care")
    it|this|that|which means|is+when|refers+to !a+lot|so+much|the+world|everything|nothing|
        you|that+you|a+great
    # how a medicine is taken: "Take it once a day", "one tablet at night", "a 20 mg dose"
    take|taking it|this|them|one|these|a+tablet|a+pill|the+pill|the+medicine|the+medication once|
        twice|every|each|daily|at+night|in+the+morning
    one|a|two tablet|tablets|pill|pills|capsule|capsules a|per|each|every day|night|morning
    dose|doses|dosage|mg|milligram|milligrams
    the recommended|safe|daily|weekly|maximum limit|amount|dose|level|intake
    # results fed back: "Your blood pressure is high", "your cholesterol came down"
    your blood+pressure|cholesterol|sugar|blood+sugar|glucose|a1c|bmi|heart+rate|test+results|
        results|levels is|are|was|were|has|have|looks|looked|seems|came|went|shows|showed
    # one of the leading facts: "Smoking is one of the most common causes of ..." (not "she
    # is one of the best people I know")
    is|are one of the most+common|most+effective|most+frequent|best+ways|leading|main|biggest
    # the speaker's role: "My job is to help you ...", "It's part of my role"
    my role|job|aim|purpose|task here? is to
    part of my job|role
    one of my jobs|roles|duties
    # what a rule allows: "You're not allowed to drive for a month"
    you|they|we are|were not allowed|permitted to
    """,
)
_predicate("counsel", lambda w: w.startswith("counsel"))
_predicate("therap", lambda w: w.startswith("therap"))
# A general statement about the world: "Grief comes in waves.", "Most clinics offer ...".
# It talks about neither speaker ("I", "you"), asks nothing, and uses a present-tense verb.
_PARTICIPANT_START = _word_set(
    """
    i me my you your yours thank thanks hope sorry okay yes no hi hello bye good great glad
    nice wow please welcome what which who how why where when
    """
)
_PRESENT_VERB = _word_set(
    """
    is are can may might will tend tends has have does help helps means takes makes causes
    affects works needs depends varies happens comes goes include includes shows gives keeps
    leads becomes gets seems feels offer offers provide provides require requires lasts starts
    there they we people
    """
)
# Words that make a statement personal, an opinion, a wish or a belief, not information.
_NOT_GENERAL = _word_set(
    """
    i me my mine myself wish hope hopefully sure believe feel think awesome amazing lovely
    nice great wonderful glad sorry proud love pleasure god jesus lord
    """
)


# Openings of a condition, a guess, a reason or an answer, which make the statement
# advice, a suggestion or chat rather than information: "If you ...", "Maybe ...". And
# openings that comment or argue ("Unfortunately ...", "Even so ...", "Just ...").
_NOT_GENERAL_START = _word_set(
    "if maybe perhaps because yes no at unfortunately even just however especially haha lol "
    "since otherwise to"
)


# A promise that things will improve: "It gets easier with time", "It'll all be okay".
_REASSURING = Phrases(
    "information.reassuring",
    """
    get|gets|getting only? better|easier
    will|would be okay|fine|alright|all+right
    """,
)


_GENERAL = _rule("information.general_statement")


def _general_statement(s: _Sentence) -> bool:
    words = s.words[s.core :]
    content = [w for w in words if w not in _MARKS]
    if s.asks or not content or len(content) < 6:
        return False
    # an exclamation reacts rather than informs: "That's such a lovely thing to do for them!"
    if "!" in words:
        return False
    if content[0] in _PARTICIPANT_START or content[0] in _NOT_GENERAL_START:
        return False
    # a verb first is an instruction or a wish, not a statement: "Have a good evening"
    if content[0] in _IMPERATIVE_VERBS or content[0] in _AUX:
        return False
    # "It's not that bad", "That is so true": a comment on what they said, not information
    if content[0] in ("it", "that", "this") and content[1] in ("is", "was", "'s"):
        return False
    # a reassurance or a platitude comforts (or minimises); it tells them nothing new
    if _REASSURING.search(s.w) is not None or any(
        p.search(s.w) is not None for p in (_MINIMISING, _DISMISSING)
    ):
        return False
    return any(w in _PRESENT_VERB for w in content) and not any(w in _NOT_GENERAL for w in content)


def _information(s: _Sentence) -> Finding | None:
    return _phrase("information", _INFORMATION_PHRASE, s)


def _general_statements(found: list[Finding], quiet: list[_Sentence]) -> list[Finding]:
    """General statements among the sentences that show no skill of their own (``quiet``).

    A general remark counts as information on its own; beside a reflection or validation
    it backs up the empathy ("Breakups are hard on anyone. That sounds awful.") rather
    than telling them something new.
    """
    if any(f.name in ("reflection", "validation") for f in found):
        return []
    return [_whole("information", s, _GENERAL) for s in quiet if _general_statement(s)]
