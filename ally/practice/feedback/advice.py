"""Advice: instructions, suggestions carried by a phrase or asked as a question, and
whether the advice came before any exploring (premature advice).
"""

from __future__ import annotations

from dataclasses import replace

from ally.practice.feedback.findings import (
    _HANDS_BACK,
    _PREMATURE_ADVICE,
    Finding,
    _phrase,
    _rule,
    _whole,
)
from ally.practice.feedback.phrases import _IMPERATIVE_VERBS, Phrases, _sub, _word_set, _words
from ally.practice.feedback.questions import _INVITATION, _question, _question_finding
from ally.practice.feedback.sentences import _INVERTED, _Sentence

# Softeners that may come before the verb: "Just try ...", "Please, call ...".
_SOFTENERS = _word_set(
    "just please maybe perhaps definitely really so then also first still simply gently always "
    "by all means"
)
# Openings that look imperative but reassure or say goodbye: "Don't worry", "Take care",
# "Have a good day", "Hope you feel better", "Thank you". Matched at the verb.
_NOT_ADVICE = Phrases(
    "advice.not_advice",
    """
    do not worry|mention|apologise|apologize|hesitate
    do not be sorry
    do not give up
    do not lose hope
    do not get me wrong
    never give up
    never mind
    take care
    # giving them time to say it is no suggestion about the problem: "Take your time"
    take your|all+the time
    hang in there
    keep your head|chin up
    let|tell|talk+to|believe|trust me
    keep it? up
    keep going|trying|fighting|pushing
    stay safe|strong|warm|positive|well
    be well|safe|blessed
    get well
    do you
    look|looks like
    see you
    enjoy the|your
    talk to+you? later|soon
    # a good-night wish: "Sleep well", "Sleep tight"
    sleep well|tight
    # "Go on then.", "Go on.": yes, or carry on talking; no suggestion
    go on then|$|.|,
    have a
    thank|thanks
    let us
    # a reminder of something true, or of how not to feel, reassures rather than suggests:
    # "Remember, you're not alone", "Don't be so hard on yourself", "Don't let it get to you"
    # (not "Remember to eat", "Don't be afraid to ask")
    remember !to
    do not let
    do not be|feel !afraid+to|scared+to
    # cheering on and kindness to themselves: "Keep on pushing!", "Keep safe", "Be proud
    # of yourself", "Be gentle with yourself" (not "Keep a diary", "Be honest with her")
    keep on? @ing
    keep safe|well|strong|positive|smiling|the+faith
    be proud
    be kind|gentle|easy|good|patient on|to|with yourself
    # a noun, not an order, when a verb follows: "Research shows ...", "Trust is earned",
    # "Exercise can lift your mood" (the statement may still be information)
    _ is|are|was|were|has|shows|says|suggests|can|will|does|seems|means|takes|makes|helps
    """,
)
# A first clause before the imperative: "If it gets worse, call ...", "Either way, find ...".
_OPENING_CLAUSE_CHARS = 60


_IMPERATIVE = _rule("advice.imperative")


def _is_imperative(s: _Sentence) -> bool:
    """The sentence gives an instruction: "Try to get some air", "If it gets worse, call
    the line." Not "Tell me ..." or "Let me ..." (those invite or offer)."""
    words = s.words
    starts = [s.core]
    # after an opening clause or two: "If so, picture ...", "Please, before you go, call ..."
    for k in range(s.core, len(words)):
        if s.w.starts[k] - s.w.starts[s.core] > _OPENING_CLAUSE_CHARS:
            break
        if words[k] == "," or (words[k] == "then" and s.word(s.core) == "if"):
            starts.append(k + 1)
    for i in starts:
        while s.word(i) in _SOFTENERS or (s.word(i), s.word(i + 1)) == ("by", "all"):
            i += 2 if s.word(i) == "by" else 1
        verb = s.word(i)
        if verb not in _IMPERATIVE_VERBS or s.word(i + 1) in ("me", "us", "you", "i", "we"):
            continue
        if verb == "love" and s.word(i + 1) in ("", ",", ".", "!", "?"):
            continue  # "Of course, love.": said to them, not an instruction
        if _NOT_ADVICE.at(s.w, i) < 0:
            return True
    return False


# Verbs that carry a suggestion after "you can": "you can call them", "you can ask".
_words(
    "suggested",
    """
    call text reach contact seek join find look talk ask try use go get speak write tell
    explain start set check visit apply make take consider search let put bring invite
    schedule plan focus spend
    """,
)
# Advice carried by a phrase rather than the sentence's first word.
# "It's worth noting that ..." points something out; it suggests nothing.
_sub("not_worth", "noting|mentioning|remembering|knowing|saying|celebrating")
_sub(
    "fine",
    """
    be fine|okay|alright|able|proud|happy|good
    # "you shouldn't be ashamed" lifts a burden; it asks nothing of them
    not be|feel ashamed|embarrassed
    """,
)
# "Maybe look ..." is advice, but not "maybe talk later", "maybe take care" (see _NOT_ADVICE)
_sub("not_advice_verb", "do+not+worry|take+care|have+a|see+you|thank|thanks|be+well|get+well")
_ADVICE_PHRASE = Phrases(
    "advice.phrase",
    """
    # modal advice to "you": "you should", "you might want to", "you could call"
    <@not_subject|sorry|that|though|time|feel you really|probably|definitely|just|also|
        still? should|ought+to|need+to|have+to|might+want+to|may+want+to|may+wish+to|might+try|
        might+consider !:fine !not+feel|feel|have+to
    <@not_subject|sorry|that|though|time|feel you might want+to|try|consider
    you could !be|have|feel|tell|see|say|never|not|hear|imagine|would|.|,
    you will need|have to
    # (not a guess about them: "you must like it there", "you must know her well")
    you must !be|feel|have|like|love|know|miss|hate|mean|think|really
    it is important|vital|essential|crucial that|for you
    # (not an invitation to them: "you can tell me", "you can always talk to me")
    <sure|know|bet|believe|think|hope|that you can always|also|still|just? @suggested !through|
        over|better|past|it|this|a+job|one|me|us|to+me|to+us|with+me|anything
    # another course open to them: "You can also ask the library" (not "you can always get
    # through this", which is confidence in them)
    <sure|know|bet|believe|think|hope|that you can also|always|even|
        then !:not_advice_verb !be|have|feel|do|love|enjoy|get+through|go+through|make+it|
        handle|cope|count|talk+to+me|tell+me|call+me|text+me|ring+me|message+me|
        come+to+me @imperative
    # a resource pointed out for them: "There are groups you could join" (not "there is
    # nothing you could have done")
    there are|is a|an|some|many|lots|plenty|several|other|various|free|online|
        local _3 you can|could|might|may !have|be|feel
    # "What you need to do is ...", "it might be best for you to ..."
    what you need|should|could|can|might+want to? do is
    might|may|could|would be better|best for you to
    # softened: "maybe you could", "perhaps try", "maybe talking to her"
    # (not a guess about them: "maybe you were exhausted by then")
    <was|were|is|are|am|be|been maybe|perhaps !:not_advice_verb you|try|consider|look|talk|
        reach|find|get|take|it+would|it+might|@ing !are|were|was|feel|felt|had|have+been|did|
        thought|think|know|want|wanted|did+not
    <was|were|is|are|am|be|been maybe|perhaps just? !:not_advice_verb @imperative
    # what would help, said of an activity: "Going for a walk might help", "Having a
    # planner can keep you on track", "Taking a break is a good idea"
    ^ @ing _4 help|helps|can+help|may+help|might+help|could+help|would+help|will+help|can+make|
        may+make|might+make|can+keep|may+keep|might+keep|can+give|might+give
    ^ @ing _4 is|may+be|might+be|could+be|would+be|can+be a+good|a+great|a+way|the+best|worth|
        helpful|useful
    # the speaker's recommendation: "I suggest", "I'd recommend", "my advice"
    i would|can|could|do? also|strongly|definitely|really|highly|personally? suggest|recommend|
        advise|encourage|urge
    i advice|advise you
    my _1 advice|suggestion|recommendation|piece+of+advice
    one|another|a possible|good? solution|option|idea|suggestion|tip is|would+be|could+be|might+be|
        may+be
    one|another|a thing you can|could do is|would+be|could+be|might+be|may+be
    # what worked for me, offered as a way for them: "One thing that helped me was ..."
    one|another thing that? helped|helps|worked|works
    what helped|helps|worked|works for? me is|was
    if i were|was you
    # advice through what I would do: "I'd talk to her first", "I would call them"
    # (not how I would feel or react: "I'd go crazy", "I would break down too")
    i would !like|love|be|have|feel|say|not|think|guess|imagine|agree|understand|hate|hope|want|
        prefer|wish|never|probably|also|definitely|really|recommend|suggest|rather|been|do+not|go+crazy|
        freak|cry|die|break+down|lose|completely|totally|normally|too|miss|notice|care|worry|
        mind|wonder|panic|struggle|grieve|forgive|listen _
    # with a word of emphasis: "I'd definitely ring the school", "I would just tell him"
    i would definitely|personally|first|also|really|just|probably !:not_advice_verb !love|enjoy|
        like|hate|be|have|say|think|imagine|cry|understand|agree|do|go|lose|freak|break @imperative
    i think you should|need|could|ought|must|have+to|might+want
    i think it is|would+be|might+be|may+be best|better|good|a+good+idea|worth|wise|important|helpful
    # what they may have to do or may find: "you may need to step back", "you might find
    # that writing it down helps"
    you may|might need+to|have+to|be+able+to|find+it|find+that
    # what would help: "it might help to", "talking can help", "it's a good idea to"
    # (not what they are able to do: "you can help her")
    <i|we|you might|may|could|would|can|should really|also|definitely|probably? help
    <i|we might|may|could|would|can|should really|also|definitely|probably? be very|
        really? helpful|useful|a+good+idea|worth|beneficial|wise|a+good+start|a+good+step|
        a+good+way
    # (not what matters to someone: "it's important to you")
    it is|would+be a+good+idea|important|worth|best|helpful|wise|good|better to !you|me|him|her|
        them|us|everyone|anyone|someone|people
    # "It might be worth asking her", "it's worth talking to someone" (not "worth noting")
    it is|would+be|might+be|may+be|could+be really|definitely|always|
        probably? worth !:not_worth @ing
    # asking whether they are open to a step: "I wonder if you'd be willing to try it"
    wonder|wondering if|whether you would|might|could be+open|be+willing|consider|want+to+try|
        like+to+try
    it|this|that often|usually|really|always|also|sometimes? helps to|if|when
    is worth a? try|trying|shot|considering|looking
    # timing and the best course: "it might be time to", "the best thing is", "the right move"
    may|might be time to
    may|might be a good time to
    is|was|would+be the right move|thing+to+do|call
    it is time to
    the best thing|way|option|bet
    # the way forward laid out: "The first step is to book the appointment", "The key is to start
    # small", "This would be something to explore with a counsellor"
    the|your first|next step is|would+be|might+be|could+be to|@ing
    the idea|key|trick is to
    be something|one to explore|consider|look+into|discuss|bring+up|raise|work+on|think+about|
        keep+in+mind|bear+in+mind|take+into+consideration
    should|could|might|needs+to|need+to be brought+up|discussed|raised|checked|looked+at|
        addressed|explored
    the best|most+important|only thing? you can do _2 is
    # "try to ...", "make sure ...", "don't forget ..." said to them (not "I try to")
    # (nor my own promise: "I will try to help", "I'm trying to understand")
    <i|we|they|to|will|would|am|can|could|always try to|and|@ing
    <i|we|to|me|us make sure
    do not forget
    """,
)
# Suggestions dressed as questions: "Have you tried ...?", "Why don't you ...?". They
# count as advice, not as a question: the answer they want is "yes, I'll do it".
_SUGGESTION_QUESTION = Phrases(
    "advice.suggestion_question",
    """
    have you ever? tried|looked+into|looked+at|reached+out|contacted|been+to+see
    # (not a question about their own thinking: "Have you thought about what you want?")
    have you ever? considered|thought+about|thought+of !@wh|whether
    # a step they could take, asked about: "Have you asked your GP?", "Have you looked online?"
    have you already|ever? asked|checked|looked+for|looked+online|gone+to|googled|researched|
        started+looking|done+any+research|written+down|signed+up|registered
    can|could you possibly|also|maybe|perhaps|at+least|ever|just? make|sit|try|talk|ask|plan|put|
        write|set|find|go|call|reach|speak|take|get|join|start|see+if
    did you try|consider|think+about
    would|could|can|will you consider|try|be+willing+to|be+open+to|be+able+to|be+prepared+to
    would|could you be willing|open maybe|perhaps|just to
    # a step offered for them to weigh: "What would you think about trying it for a month?",
    # "Do you think it might help to write it down?"
    what would|do you think about|of @ing
    do you think it would|could|might help|be+worth|be+helpful|be+a+good+idea
    are you open|willing to
    are you familiar with
    is there any chance that? you can|could
    are there any? ways|things you can|could
    what if you
    is it possible for+you? to
    is it possible that? you could|can|might
    would it be possible for+you? to
    why do not you
    why not !?
    would|could|will you see|talk+to|speak+to|call|ring|try|go+to|book|visit the|a|your|an|someone
    might|may|can|could i suggest|recommend
    would|could|might it help|be+worth|be+helpful|be+a+good+idea to|if
    how|what about @ing|if+you|if+we|we|a|an|some
    """,
)
# "Is there anyone you could talk to?" asks about their support and points to a next step:
# a question and a suggestion at once (ALGEE: encourage other supports).
_words("lean_on", "talk turn reach lean confide call ask go speak email text trust contact rely")
_SUPPORT_QUESTION = Phrases(
    "advice.support_question",
    """
    anyone|someone|somebody|anybody _4 you|that can|could @lean_on
    any|a|some _ _4 you|that can|could @lean_on
    is+there|do+you+have _3 anyone|someone|somebody|anybody|a+friend|friends|family to|who|that
    # a way forward they could take: "Is there a way you could swap shifts?" (it asks as well)
    is there a|any|an easy|easier|better|other|possible? way|possibility|option for|to|you|of|
        that+you
    # "Have you talked to your manager about it?": whether they have turned to someone yet
    have you ever|already|yet? talked|spoken|reached+out|turned|
        opened+up|confided to|with|in
    have you ever|already|yet? had a|any chat|talk|word|conversation with
    """,
)
# "What have you tried?" asks: a wh-question is open, even when it mentions trying.
_SUGGESTING_WH = Phrases(
    "advice.suggesting_wh",
    """
    why do+not|not
    how|what about
    what if you|we
    what would|do you think about|of @ing
    do you think it would|could|might help|be+worth|be+helpful|be+a+good+idea
    """,
)


def _asking_and_advising(s: _Sentence) -> tuple[Finding | None, Finding | None, bool]:
    """The sentence's question and advice findings, and whether it asks them something."""
    kind, rule = _question(s) or (None, "")
    suggests = _phrase("advice", _SUGGESTION_QUESTION, s)
    # "Why don't you start by telling me about it?" invites them to talk: a question.
    if suggests is not None and kind == "open" and (_INVITATION(s.w) or not _SUGGESTING_WH(s.w)):
        suggests = None
    # In "Where do you think you should start?" the modal belongs to their own idea.
    asks_them = kind == "open" or _INVERTED.at(s.w, s.core) >= 0
    advice = suggests or (None if asks_them else _phrase("advice", _ADVICE_PHRASE, s))
    if advice is None and kind == "closed":
        advice = _phrase("advice", _SUPPORT_QUESTION, s)
    if advice is None and kind is None and _is_imperative(s):
        advice = _whole("advice", s, _IMPERATIVE)
    # "Maybe you could ask her?" is a suggestion said with a rising voice.
    if kind == "closed" and advice is not None and not asks_them:
        kind = None
    if kind is None or suggests is not None:
        return None, advice, asks_them
    return _question_finding(s, kind, rule), advice, asks_them


def _premature(skills: list[Finding], explored: bool) -> bool:
    """Advice before any question or reflection in the reply. ``explored`` says the user
    already asked or reflected earlier in the session, so the advice is not premature."""
    advice = [f.start for f in skills if f.name == "advice"]
    explores = [f.start for f in skills if f.name in _HANDS_BACK]
    return bool(advice) and not explored and (not explores or min(advice) < min(explores))


def _marked_premature(skills: list[Finding]) -> list[Finding]:
    """The findings, with the advice suggesting to find out more first."""
    return [replace(f, suggestion=_PREMATURE_ADVICE) if f.name == "advice" else f for f in skills]
