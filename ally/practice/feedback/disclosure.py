"""Self-disclosure, a share of my own life, and the self-focus pitfall: a turn about
myself that never comes back to them.
"""

from __future__ import annotations

from ally.practice.feedback.findings import _HANDS_BACK, Finding, _phrase, _pitfall, _rule
from ally.practice.feedback.phrases import _YOU_WORDS, Phrases, _sub, _words
from ally.practice.feedback.pitfalls import _mentioned
from ally.practice.feedback.sentences import _Sentence

# Verbs with which "I" takes a stance towards the listener ("I think", "I hope", "I'm
# sorry") or offers something, rather than telling my own story.
_words(
    "stance",
    """
    think thought hope understand understood know see hear believe guess suppose assume wonder
    mean meant agree suggest recommend advise encourage urge invite offer would will can could
    should shall must may might need want wanted wish feel get imagine bet assure promise
    apologise apologize appreciate care trust say said ask asked doubt notice noticed sense
    admire respect thank pray challenge am is was were have has had miss love like hate
    totally completely suspect heard recommend feels looks realise realize gather sympathise
    sympathize empathise empathize misunderstood seems
    """,
)
# Adverbs and auxiliaries between "I" and the verb of my story: "I also", "I don't".
_words(
    "i_adverb",
    """
    also too really still just always never sometimes often usually personally myself
    actually definitely honestly do not did highly sincerely wholly genuinely absolutely
    """,
)
# "I" as the subject of my own story: not in a question ("can I help?"), a condition
# ("if I"), or talk about this conversation ("glad I was able to help").
_words(
    "not_my_story",
    "can am do may could should would shall will if did glad hope happy hoping have that sorry",
)
# What follows "I was", "I got", "I have been" when it is about this chat, not my life.
_sub(
    "this_chat",
    "able|wondering|going|thinking|hoping|just|temporarily|distracted|told|asking|you|"
    "trying+to+help|trying+to+understand|trying+to+figure|that+right|to+help|to+talk|"
    "to+chat|to+connect|of+help|of+some+help|helpful|not+mean|not+intend|mean+to",
)
_words(
    "kin",
    """
    own mom mum mother dad father husband wife partner boyfriend girlfriend son daughter kid
    kids children family friend friends sister brother sibling siblings parents grandma
    grandmother grandpa grandfather dog cat pet pets therapist doctor job work boss
    experience life depression anxiety ex marriage situation case personal first last
    childhood school college university eldest oldest youngest
    """,
)
_SELF_DISCLOSURE_PHRASE = Phrases(
    "disclosure.phrase",
    """
    # the speaker's own past or ongoing experience: "I had", "I've been through", "when I"
    <@not_my_story i also|too|myself|personally|once|still|used+to|recently? had|was|went|got|lost|
        felt|struggled|suffered|dealt|tried|found|started|learned|learnt|remember|grew+up|moved|
        lived|worked|quit|broke|experienced|spent|ended|became|did|left|stopped|took|used+to|
        go+through|struggle|suffer|deal|live|work|study|studied !:this_chat
    <@not_my_story i have been|had|a|an|two|three|my|depression|anxiety !:this_chat
    <@not_my_story i have also|personally|always|never|recently|just|often? been|had|felt|gone|
        struggled|dealt|lost|done|tried|found|experienced|suffered|battled|lived|worked|seen|
        learned !:this_chat
    <@not_my_story i also|too have|had been|had|felt|gone|struggled|dealt|lost|experienced|
        suffered !:this_chat
    i am also|too|still|currently? a|an|going+through|dealing|struggling|in+the+same|married|
        single|divorced|retired|@num
    # my own state, or theirs recognised as mine: "I feel like I'm ...", "that's so me"
    i feel|felt like i|my|i+am
    sound|sounds like me|myself
    this|that is so? me $
    i get|have|had the same
    when i !say|said|mean|ask
    my @kin 's? @word
    # "I too": the speaker puts themselves alongside them ("I too love that show")
    ^ i too
    # our own life, told as "we": "we went into lockdown again", "we did take it slowly"
    ^ we also|too|just|both|actually? had|went|got|lost|moved|lived|entered|started|spent|tried|
        took|broke|did|met|struggled
    # having been where they are: "been there too", "I've been in your shoes"
    ^ have? been there
    been in your shoes|position|situation
    speaking from experience
    <@imperative me too
    same here
    same with|for me
    i feel the same
    i know|get the feeling
    <if+that|if+it|if+this happened|happens to me
    in my experience|case
    for me ,? it|the|i|what
    i have definitely|certainly|also|too|really? been there
    helped|worked+for|works+for me
    # something in my life too: "that matters to me too", "it makes me sad as well"
    <@imperative me @word? too|also|as+well $
    # an experience like theirs: "I have had a similar experience"
    i have|had actually|also|definitely? had|been+through|gone+through|experienced a|
        something very|really|quite? similar|the+same
    # where I live and what goes on there: "I live near the coast", "it's been grey over here"
    i live in|near|outside|with
    here in|where+i+am|where+i+live
    <come|get|go|stay|move|bring|sit over|around here
    # "I" doing or living something, rather than taking a stance towards them:
    # "I don't drive", "I tend to ...", "I usually walk" (not "I think", "I'm sorry", "I take
    # it you ...", or this chat: "I enjoyed talking with you", "I didn't mean to upset you")
    <@not_my_story i @i_adverb* !@stance|@i_adverb|truly|used|hope|hoped|mean|meant|was+able|
        have+been+able|take+it|enjoyed+talking|enjoyed+chatting|enjoyed+our|liked+talking|
        liked+chatting|liked+our|loved+talking|loved+chatting|loved+our @word !you
    # what I love or like (not "I love you", "I like that you ...")
    <@not_my_story i really|also|personally|do? love|like|enjoy|hate|prefer !you|that+you|how+you|
        what+you|your|the+idea|hearing|to+hear
    # (not a disclaimer before a tip: "I'm not a doctor, but ...")
    i am currently|from|living|working|studying
    affected|helped|hurt|bothered me
    # the same thing, in my life too: "I get that way too", "I, too, have lost a parent",
    # "I went through something similar", "whenever I'm low, I walk" (not "whenever I can",
    # "I hope so too", "I understand that as well")
    ^ i , too
    ^ i !@stance|hope|would|can|could|will|understand|believe _3 too|as+well $
    through something similar|the+same
    i am|was feeling|going+through the same
    whenever i !can|could
    i also|too|still|often|sometimes? feel|felt|have+felt|get _3 too|as+well|similar|similarly
    i feel|felt|have+felt|get _2 this+way|that+way|the+same+way|a+similar+way
    # their life next to mine: "your mum sounds like my mum", "a year like mine"
    like mine|myself|my+own
    like my @kin
    # something of mine, too: "I also have a friend like that", "I also am a night owl"
    i also|too have|had a|an|my|the|some|two|three|@num
    i also|too am|get|feel|go|live|work
    i also|still|often|sometimes|too|really feel|felt the same
    # where I stand in my family: "I'm the youngest of three"
    i am the eldest|oldest|youngest|middle
    # the same, in my life: "I've felt this way myself", "I myself am a carer"
    this|that way|like+this|like+that|the+same myself
    i myself
    i am|was the same
    # what keeps me going: "music gets me through", "walking does it for me", "at least
    # for me" (not "that helps me understand")
    gets|got|helps|helped|keeps|kept me through|going|sane
    does|did it for me
    at+least|personally for me
    # a trait of mine beside theirs: "I'm also pretty shy" (not "I'm also very sorry")
    i am also|too|myself very|really|pretty|quite|a+bit|kind+of|sort+of !sorry|glad|happy|here|
        proud|grateful|thankful|worried|concerned|sure|interested|curious @word
    # owning up to my own state: "I have to admit I've been low too"
    i have+to|must admit|confess that? i
    """,
)


def _disclosure(s: _Sentence) -> Finding | None:
    return _phrase("self_disclosure", _SELF_DISCLOSURE_PHRASE, s)


# ------------------------------------------------------------------ self-focus

# One-upping or making it about your own feelings: "that's nothing", "try being me",
# "this is so hard for me".
_SELF_FOCUS_PHRASE = Phrases(
    "disclosure.self_focus",
    """
    that is nothing
    you think that is bad
    you think you have got it bad
    i have had|got it _1 worse
    mine is|was _1 worse
    try being me
    imagine how i feel
    what about me
    this|that|it is _1 hard|difficult|tough|awful|too+much for me
    how do you think this|that|it makes me feel
    you are stressing|upsetting me
    let me tell you about my|what+happened+to+me|the+time+i
    ^ anyway ,? i|my had|have|was|am|got
    that reminds me of|when|about my|the+time+i
    """,
)
# Claiming to know exactly how they feel: beside a story of one's own, it puts my loss in
# place of theirs, even when a question follows.
_KNOWS_EXACTLY = Phrases(
    "disclosure.knows_exactly",
    """
    i know exactly|just how you feel
    i know exactly what you mean
    i know exactly|just what you are going through
    """,
)
# Saying it happened to me too, which usually opens a story of one's own.
_SAME_FEELING = Phrases(
    "disclosure.same_feeling",
    """
    same thing|same|that happened to me
    ^ tell me about it !?
    i have been there|through+that|through+the+same
    """,
)
_MY_WORDS = frozenset({"i", "me", "my", "mine"})


def _about_me(s: _Sentence) -> bool:
    first = s.word(s.core)
    opens_with_me = first in _MY_WORDS or (first == "when" and s.word(s.core + 1) == "i")
    return opens_with_me and not any(word in _YOU_WORDS for word in s.words)


# A story of my own that takes over the reply: three sentences or more, or two long ones;
# or a shorter one that opens by claiming to know exactly how they feel.
_LONG_STORY = _rule("disclosure.long_story")
_SAME_FEELING_STORY = _rule("disclosure.same_feeling_story")


def _self_focus(sentences: list[_Sentence], skills: list[Finding]) -> Finding | None:
    """A turn about yourself that never comes back to them: a story of my own that takes
    over, or one-upping and making it about my feelings."""
    return _own_story(sentences, skills) or _self_focus_phrase(sentences)


def _self_focus_phrase(sentences: list[_Sentence]) -> Finding | None:
    for s in sentences:
        m = _SELF_FOCUS_PHRASE.search(s.w)
        if m and not _mentioned(s, m[0]):
            rule = _SELF_FOCUS_PHRASE.rule_at(s.w, m[0], m[1])
            return _pitfall("self_focus", s.w.starts[m[0]], s.w.ends[m[1] - 1], rule)
    return None


def _own_story(sentences: list[_Sentence], skills: list[Finding]) -> Finding | None:
    """My own story, from its first sentence to its last, when it takes over the reply or
    opens by claiming to know exactly how they feel, and nothing hands the talk back."""
    disclosed = {
        s.start
        for s in sentences
        if any(f.name == "self_disclosure" and s.start <= f.start < s.end for f in skills)
    }
    if not disclosed:
        return None
    # my story: sentences that share something of mine, or open with "I"/"my" and leave
    # "you" out
    about_me = [s for s in sentences if s.start in disclosed or _about_me(s)]
    last = max(s.end for s in about_me)
    claims = [s for s in sentences if _KNOWS_EXACTLY(s.w)]
    if claims:
        return _pitfall("self_focus", claims[0].start, last, _SAME_FEELING_STORY)
    if any(f.name in _HANDS_BACK and f.start >= last for f in skills):
        return None
    my_words = sum(len(s.text.split()) for s in about_me)
    all_words = sum(len(s.text.split()) for s in sentences)
    knows_same = [s for s in sentences if _SAME_FEELING(s.w)]
    long_story = len(about_me) >= 3 or (len(about_me) >= 2 and my_words >= 30)
    if knows_same:
        start = min(knows_same[0].start, about_me[0].start)
        last = max(
            last, max(s.end for s in sentences if _SELF_FOCUS_PHRASE(s.w) or s in knows_same)
        )
        return _pitfall("self_focus", start, last, _SAME_FEELING_STORY)
    if long_story and my_words >= 0.6 * all_words:
        return _pitfall("self_focus", about_me[0].start, last, _LONG_STORY)
    return None
