"""Reflection: saying back what they said or feel. Guesses at their meaning, shared
feelings, summaries, plain statements about them, and echoes of their own topic words.
"""

from __future__ import annotations

from ally.practice.feedback.findings import _SHARED, Finding, _phrase, _rule, _whole
from ally.practice.feedback.phrases import _YOU_WORDS, Phrases, _sub, _word_set, _words
from ally.practice.feedback.sentences import (
    _INVERTED,
    _WH_ASKING,
    _content_stems,
    _Sentence,
)
from ally.practice.feedback.words import _MARKS, Words

# Feeling words that, said of "you", reflect a feeling back.
_words(
    "feeling",
    """
    sad upset angry mad hurt lonely alone scared afraid frightened anxious worried nervous
    stressed overwhelmed exhausted tired drained frustrated confused lost stuck hopeless
    helpless worthless guilty ashamed embarrassed betrayed rejected ignored unappreciated
    unheard torn trapped numb empty down low depressed heartbroken disappointed jealous
    insecure unsure uncertain conflicted burnt+out burned+out happy relieved proud excited
    hopeful grateful better worse pressured isolated
    """,
)
# Words a relative clause hangs on: "something you want", "the people you love".
_words(
    "relative_head",
    """
    something anything everything nothing someone anyone everyone people person things thing
    stuff one ones whatever whoever wherever
    """,
)
_sub("praise", "you+are? a|an|such|very|really|so|like* @praise")
# "Sounds like a new job", "seems like an adorable dog": a thing, not their experience,
# unless it names how hard it is ("sounds like a nightmare", "a lot to carry").
_sub("a_thing", "a|an !@hard|@intensity")
_sub("praise_after_seem", "like|to+be? a|an|such|very|really|so|like* @praise")
# What an event stirred in them: "that scared you", "it worries you".
_words(
    "stirred",
    """
    scared shocked alarmed worried upset hurt frightened surprised bothered annoyed angered
    frustrated saddened embarrassed stressed terrified worries scares bothers frustrates
    upsets concerns frightens annoys hurts stresses alarms shocks saddens embarrasses terrifies
    """,
)
_words("stir_adverb", "really kind+of sort+of just must+have probably also")
# A guess at their meaning or feeling, wherever it sits in the sentence: "it sounds like
# you ...", "it seems", "I can tell", "if I understand you", "that must be exhausting".
_REFLECTION_GUESS = Phrases(
    "reflection.guess",
    """
    it|that|this? sound|sounds like|as+if|as+though !:praise !:a_thing
    it|that? seem|seems like|as+if|as+though|that|to+me !:praise !:a_thing
    it seems|appears|looks+like
    you seem|sound|appear !:praise_after_seem
    i can? tell|see|sense|hear|imagine|gather|guess|feel that? you|how|this|it|what|why|your
    i hear that|what
    # understanding drawn from what they wrote: "I can tell from talking to you that ..."
    i can|could tell|see|sense from|by _4 that|how
    # their feeling, too big to picture: "I can't imagine how hard that is for you"
    i can+not|could+not even? imagine how|what you|it|this|that|@hard
    what? i am also? hearing
    i also am hearing
    # "What I'm picking up is ...", "I'm sensing some worry"
    what? i am also? picking+up|sensing
    # "kind of feels like you're climbing a mountain", "sort of feel like you're torn"
    feels like you
    kind+of|sort+of feel like you
    # a reason offered for what they did: "that might be why you held back"
    that|this is|might+be|could+be|may+be|must+be why you !need|should|have|must|can|could
    i would imagine
    i get|have the|a feeling|sense|impression
    it feels|felt like !i|my
    if+i+am|am+i understanding|hearing|getting you|this|that|it
    if i understand
    i am trying to understand you|what|how|this|that
    am i right in thinking|saying|hearing
    correct me if
    let+me+see+if|to+make+sure i
    in other words
    it is like|as+if you
    part of you
    # what matters to them, named back: "being a good dad is really important to you"
    important|matters|means+a+lot|means+so+much to you
    on the? one hand
    # the other side of a double-sided reflection: "At the same time, you worry about money"
    at the same time ,? you|i !should|need|have+to|must|can|could|will|think
    # naming the feeling the situation carries: "that sounds exhausting", "must be lonely"
    that|it|this|which must|would|sounds|seems|can|could @intensity* @hard
    # understanding shown, not just claimed: "I know how you feel", "I can relate"
    i can|totally|completely|really* relate|understand+how+you|know+how+you|feel+you|get+you|
        get+where+you|know+what+you+are+going|understand+what+you
    # understanding claimed in so many words: "I understand", "I hear you", "I get it".
    # EPITOME and ESConv code it as understanding (an interpretation), not as praise.
    <do|if i can|totally|completely|really|fully|do* understand|hear+you|get+it|get+that|
        see+how !why
    i know the|that feeling
    # understanding that names the feeling: "I understand how frustrating it is"
    i can|totally|completely|really|fully* understand|see|imagine|know how|why _4 feel|felt|
        feeling|@hard|@feeling
    i can? see|imagine it|that|this being|would+be|must+be|is
    # the feeling itself understood: "I can understand being stressed right now"
    i can|definitely|totally|really|completely|fully* understand|imagine being|
        feeling @intensity* @feeling|@hard
    # a guess said as a guess: "I take it you were not expecting that", "I presume you ..."
    i presume|suppose|assume|take+it you
    # what something stirred in them: "that really scared you", "and it worries you"
    # (not "anything that worries you", "would it hurt you", or asked: "that shocked you?")
    ^ that|it|this|which @stir_adverb* @stirred you !?
    and|but|so|, that|it|this|which @stir_adverb* @stirred you !?
    # what they want or value, named back: "that is what you need", "it's what you care about"
    # (not a supposition: "if that's what you need")
    <if+that|if+it|if+this is|are|was|sounds+like what|something you really? want|care+about|
        value|need|love !to
    # what suits them, as they see it: "that sounds like a good spot for you"
    sound|sounds like a|an _4 for you
    # the pull of the status quo: "it's easier for you to leave it"
    it is|was|has+been|seems easier|harder for you
    # the feeling tied to their situation: "it's hard being away from family"
    that|it|this is|was|must+be|sounds|can+be|would+be? _1 @hard being|to|when|that+you|not|having|
        living|finding|dealing|going|losing|feeling|trying|watching|seeing|getting|waiting|knowing
    """,
)
# Understanding shown through a shared feeling: "me too", "I've been there". EPITOME
# counts this as an interpretation; it reflects only if the talk then goes back to them.
_SHARED_FEELING = Phrases(
    "reflection.shared_feeling",
    """
    ^ same|ditto|me+too|same+here
    i feel|felt the same
    same thing? happen|happens|happened to me
    same with|for me
    # (not a supposition: "if that happened to me")
    <if+that|if+it|if+this happens|happened to me
    i am in the same boat
    i have been there
    i have felt|been like? that|this way? too
    i feel you
    i get you|it
    # the same experience, said outright: "exactly the same", "I'm the same", "I do too",
    # "I know exactly how you feel", "we're in the same boat" (not "others in the same boat")
    exactly|pretty+much|almost the same
    i do|did|am|have|feel|felt the same
    ^ i do|did|am|have|feel too|as+well|also $
    i know|knew exactly how|what you
    i know what|how that|it feels|is+like
    i+am|i+was|i+have+been|we+are in the same boat|situation|position
    # their feeling, felt by me too: "I feel lost too", "I've felt that way", "I get that way"
    i also|too|still|often|sometimes? feel|felt|have+felt|get _3 too|as+well|similar|similarly
    i feel|felt|have+felt|get _2 this+way|that+way|the+same+way|a+similar+way
    """,
)
# A summary opened with "So": "So the job is what keeps you up at night." Not "so" as
# an intensifier ("so sorry"), before a question ("so what ..."), moving on ("so, anyway")
# or trailing off ("So—").
_NOT_SUMMARY = _word_set(
    """
    sorry glad happy much many what how why when where who do did does are is was were
    have has can could would will i let just yeah yes okay that great good nice anyway far
    true cool basically please if we tell
    """
)


# "So that's ..." sums up when it goes on to their story ("So that's what keeps you up"),
# not when it judges or moves on ("So that's great", "So that's it").
_NOT_SUMMARY_AFTER_THAT = _word_set(
    "great good nice cool okay fine awesome it all settled sorted done"
)


def _summary(s: _Sentence) -> bool:
    if s.word(0) != "so":
        return False
    nxt = 2 if s.word(1) == "," else 1
    if (s.word(nxt), s.word(nxt + 1)) == ("that", "is"):
        after = s.word(nxt + 2)
        return bool(after) and after not in _NOT_SUMMARY_AFTER_THAT and after not in _MARKS
    word = s.word(nxt)
    return word[:1].isalnum() and word not in _NOT_SUMMARY


# "You're (very) welcome": an answer to thanks, whatever else it looks like.
_WELCOME = Phrases("reflection.welcome", "you|your _3 welcome")
# A statement about them, which mirrors what they said: "You've had enough of the
# arguments." Not thanks ("you're welcome"), a prediction ("you'll ..."), advice ("you
# should ...") or agreement ("you're right").
_sub(
    "not_about_you",
    "should|could|can|need|might|may|must|will|want+to|have+to|ought|welcome|too|as+well|"
    "going+to|got+that|know|did+mention|are+welcome|are+going+to|are+right|are+correct|"
    "are+absolutely|are+so+welcome|are+very+welcome|are+most+welcome|are+more+than+welcome",
)
# Thanks answered in other words ("you're quite welcome", "you're most welcome", "you, too!"),
# a right they have ("you have every right"), what they need not do ("you don't have to be
# perfect"), praise or reassurance ("you are a kind person", "you aren't a burden"), a
# farewell ("you have a good night") or a prediction ("you'd be surprised"): none of it says
# back what they said.
_sub(
    "not_about_you_either",
    """
    are quite|so|very|most|certainly|always|really|truly|much|more|than* welcome
    , too|as+well
    have every right
    do+not|never have+to|need+to|need
    are|have such|so|very|really|truly|clearly|definitely|a|an|some|the* @praise|@strength
    # encouragement: "you're the only one who can decide", "you've nothing to lose",
    # "you're making real progress"
    are the one|only+one|right+person
    have got? nothing+to+lose
    are making good|great|real|such|so+much progress|steps|strides|choices
    have a|an good|great|nice|lovely|wonderful
    do the same|as+well
    are definitely|totally|completely|so|absolutely|exactly right|correct
    would !like|love|rather|prefer|want
    deserve|matter|do+matter|are+not+a|are+not+an|are+only+human|are+human|are+not+alone
    """,
)
_YOU_STATEMENT = Phrases(
    "reflection.you_statement", "you|your !:not_about_you !:not_about_you_either"
)
# Sympathy that names what they go through: "I'm sorry you're feeling this way", "glad
# you're feeling better". It comforts (validation) more than it says back.
_words("sympathy", "sorry glad happy")
# What a step might do for them: "it can help you feel better", "things that make you feel
# good". A hope or a suggestion, not their feeling said back ("it's making you feel low" is).
_words("brings_on", "help helps helped make let")
# The same guess made by a sentence about "you": "You're worried about ...", "So you
# feel ...". Only in statements (or a statement said with a rising "?"): in "Why do
# you feel that?" the words ask rather than reflect.
_REFLECTION_YOU = Phrases(
    "reflection.you",
    """
    # what they are saying or feeling: "you're saying", "you're worried"
    <@not_subject|@sympathy you are saying|telling+me|noticing|feeling|worried|scared|afraid|
        concerned|thinking|wondering|struggling|finding|dealing|going+through|not+sure|
        not+quite+sure|not+really+sure|not+too+sure|not+totally+sure|not+entirely+sure|unsure|torn|
        stuck|really|so|very|pretty|quite|kind+of|a+bit|@feeling
    <@not_subject|@relative_head|@sympathy|@brings_on you feel|felt|might+feel|may+feel|must+feel|
        must+be|must+have
    # a feeling guessed with a hedge: "you probably felt empty", "you must be feeling"
    <@not_subject you probably|might|may|must|likely|also|still|really|just|kind+of|
        sort+of feel|felt|are+feeling
    <@not_subject|@relative_head|@sympathy you have been|had|felt|gone+through|struggled|tried|lost
    <@not_subject you have got this|a|that? real? sense|feeling
    # (not in a relative clause, "something you want", "people you love")
    <@not_subject|@relative_head|else you really|still|just? want|wanted|wish|miss|love|hate|care|
        worry|do+not+want|do+not+know !to+talk|to+chat|to+vent|to+share|to+tell|to+say|to+ask
    makes|made|making|leaves|left you feel|want|think|wonder
    # their own words, given back: "you said the move was hard", "you mentioned that he left"
    # (not agreement, "as you said", "like you said")
    <@not_subject|as|like|even|meant you just? said|mentioned|told+me that? you|your|it|he|she|they
    """,
)


# ------------------------------------------------ reflection from the context

# A sentence that looks ahead or supposes ("that will make you", "if you ..."), hopes,
# cheers or believes in them ("glad you're sleeping better", "you deserve rest") says what
# could be or how I feel about it, not what they said.
_NOT_ECHO = _word_set(
    "will would could should might may can must if maybe hope glad deserve believe"
)


def _echoes_context(s: _Sentence, context_stems: frozenset[str]) -> bool:
    """A second-person statement that reuses the loved one's own topic words."""
    if not context_stems or not any(w in _YOU_WORDS for w in s.words):
        return False
    if any(w in _NOT_ECHO for w in s.words):
        return False
    return len(_content_stems(s.words) & context_stems) >= 2


# They ask whether anyone else lives this too: "Does anyone else feel this way?", "Am I the
# only one?", "Is it just me?". A share of mine answers that question.
_ANYONE_ELSE = Phrases(
    "reflection.anyone_else",
    """
    anyone|anybody|someone|somebody|others else? _3 feel|felt|get|have|had|go|deal|struggle|
        experience|relate|know|understand
    anyone|anybody else
    am i the only one|person
    is it just|only me
    """,
)


def _on_topic(
    sentences: list[_Sentence], their_words: Words, context_stems: frozenset[str]
) -> bool:
    """The reply as a whole takes up words of what they said, or they asked whether anyone
    else lives this too: a share of my own in it answers their story."""
    reply_stems = _content_stems(tuple(w for s in sentences for w in s.words))
    return bool(reply_stems & context_stems) or _ANYONE_ELSE(their_words)


# ---------------------------------------------------------------- the rules

_SUMMARY = _rule("reflection.summary")
_ECHO = _rule("reflection.echo")
_SHARE_ON_TOPIC = _rule("reflection.share_on_topic")
_THEIR_WORDS_BACK = _rule("reflection.their_words_back")


def _their_words_back(s: _Sentence, context_stems: frozenset[str]) -> Finding | None:
    """A sentence made only of their own words of weight, two or more, naming no one:
    "Sleep and a different job." after "Sleep. A different job." is said back, even where
    it starts like an instruction."""
    mine = _content_stems(s.words)
    if len(mine) < 2 or not mine <= context_stems or any(w in _YOU_WORDS for w in s.words):
        return None
    first = _content_stems([s.word(s.core)])
    if not first or not first <= context_stems:
        return None  # "Get sleep and a different job": the verb is mine, an instruction
    return _whole("reflection", s, _THEIR_WORDS_BACK)


def _reflection(s: _Sentence, context_stems: frozenset[str], acted: bool) -> Finding | None:
    """A reflection in the sentence. ``acted`` says the sentence already asks or advises,
    so reusing their words there is not by itself a reflection."""
    if _WELCOME.at(s.w, s.core) >= 0:
        return None
    found = _phrase("reflection", _REFLECTION_GUESS, s) or _phrase(
        "reflection", _SHARED_FEELING, s, _SHARED
    )
    asking = _INVERTED.at(s.w, s.core) >= 0 or _WH_ASKING.at(s.w, s.core) >= 0
    if found is None and not asking:
        found = _phrase("reflection", _REFLECTION_YOU, s)
        if found is None and _summary(s):
            found = _whole("reflection", s, _SUMMARY)
    if found is None and not acted and _echoes_context(s, context_stems):
        found = _whole("reflection", s, _ECHO)
    return found


def _you_statement(s: _Sentence) -> Finding | None:
    """A plain statement about them, which mirrors what they said (counted only when the
    sentence does nothing else)."""
    rule = _YOU_STATEMENT.rule_at(s.w, s.core)
    return _whole("reflection", s, rule) if rule else None


def _share_on_topic(s: _Sentence) -> Finding:
    """A share of your own on their topic shows you understand from experience (EPITOME
    counts it as an interpretation): "I lost my job last year too" after "I lost my job",
    or "Losing a job is brutal. I was out of work for a year." (the topic named nearby)."""
    return _whole("reflection", s, _SHARE_ON_TOPIC, _SHARED)
