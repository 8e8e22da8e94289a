"""Validation: sympathy, naming how hard it is, their feelings making sense, affirming
their strengths and worth, and support that stays with them.
"""

from __future__ import annotations

from ally.practice.feedback.findings import Finding, _phrase
from ally.practice.feedback.phrases import _YOU_WORDS, Phrases, _sub, _words
from ally.practice.feedback.sentences import _Sentence

_sub(
    "apology",
    """
    for|about my|the late|delay|slow|typo|confusion|mistake
    # my own slip in this chat: "sorry, I misunderstood", "sorry I was confused"
    ,? i was|had|misunderstood|misread|meant|mean|did|do|forgot|missed
    # a non-apology: "I'm sorry if you feel that way"
    if you feel|felt
    """,
)
# "I'm glad I could help" is about the helper, not them.
_sub("i_helped", "that? i could|was+able+to|can be|help")
_sub("clause_goes_on", "_")
# "Hope you are well", "hope you're having a nice day": a greeting, not care for their trouble.
_sub("greeting", "doing? well|good|great|fine|as+well|too|having+a|having+an|enjoying")
# "I'm glad to hear that" on its own answers their news; "glad to hear you're safe" names it.
_sub("just_the_news", "to hear|read that|it|this !@word")
# "it's nice to have a dog", "it's a great way to relax": good in general, not about them.
_sub("good_in_general", "way|to !hear|see|read|know")
# Qualities that affirm them when noticed: "you seem very determined", "you're so patient".
_words(
    "virtue",
    """
    open motivated determined committed devoted dedicated resourceful insightful self+aware
    patient honest compassionate generous supportive selfless considerate hardworking
    proactive level+headed passionate loving caring thoughtful resilient wise
    """,
)
_VALIDATION_PHRASE = Phrases(
    "validation.phrase",
    """
    # sympathy: "I'm so sorry", "sorry to hear that" (not "sorry for my late reply")
    i+am|so|really|very|truly|deeply _1 sorry !:apology
    sorry to+hear|to+read|to+learn|for+your|that+you|you|about+your|about+that|about+this|
        about+what|this
    # naming how hard it is: "that must be hard", "what a tough time", "it's so unfair"
    # (not my own hard time: "it was hard for me")
    that|it|this|which|everything _1 must|would|can|could|sounds|seems|is|was|has+been|feels|
        has+to|have+to @intensity* @hard !for+me|for+us|to+me
    # the same with a helping verb: "that does sound painful", "it did seem scary"
    that|it|this does|did|must|would sound|seem|feel @intensity* @hard !for+me|for+us|to+me
    # "that sounds like it really hurts", "sounds like that must have been scary"
    sound|sounds|sounded like it|that must|would|can|could|really|is|was|
        has+been? @intensity* hurts|hurt|stings|stung|sucks|sucked|@hard !for+me|for+us|to+me
    that+is|it+is|what+a|such+a|how so|really|very|incredibly|pretty|truly? a? @hard
    # (their hard time or the situation's, not my own: "I had a hard time with that too")
    that|it|this|which|what|such|these|those _4 @hard situation|time|thing|place|position|
        spot|year|day|week
    is|are never|not easy
    # "it's especially hard with a divorce", "that is particularly painful"
    that|it|this is|was|can+be|has+been|gets especially|particularly|extra|doubly @hard !for+me|
        for+us|to+me
    # harder still for them: "it must be even harder now", "that would be all the tougher"
    must|would|can|could be even|especially|so+much|much|far|all+the? harder|tougher|
        more+difficult|more+painful|lonelier|scarier
    # how hard such things are for anyone: "moving house can be really stressful"
    can|could be @intensity* @hard !for+me|for+us|to+me
    not an easy
    # their feelings make sense: "that makes sense", "it's understandable", "no wonder"
    # (not checking my own words: "if that makes sense", "does that make sense?")
    <if|does|did|do that|it|this|which make|makes total|complete|perfect|a+lot+of? sense
    it+is|that+is completely|totally|perfectly|very|so|absolutely? understandable|valid|okay|
        alright|normal|natural|human|fine|reasonable to|that|for|if
    feeling _ is completely|totally|perfectly|very|so|absolutely? understandable|valid|okay|
        alright|normal|natural|human|fine|reasonable to|that|for|if
    it+is|that+is completely|totally|perfectly|very? understandable|valid
    your feelings are valid|real|important
    you+have|you+have+got every right
    of course you
    no wonder
    # anyone would feel it: "anyone would be upset", "anybody in your shoes would struggle"
    anyone|anybody would
    anyone|anybody|most+people else? in your shoes|position|situation|place would
    there is no shame
    # nothing to be ashamed of: "you shouldn't be ashamed", "no need to feel embarrassed"
    you should+not|do+not+need+to|need+not|have+no+reason+to be|feel ashamed|embarrassed
    no need|reason to be|feel ashamed|embarrassed
    nothing to be|feel ashamed|embarrassed
    # what they feel or did is not strange: "that's not weird at all", "it isn't selfish"
    that|it|this is not weird|stupid|silly|crazy|dumb|selfish|strange|unreasonable
    # the same, said as my view: "I don't think that's weird at all"
    do+not|never think that|it|this is|was weird|stupid|silly|crazy|dumb|selfish|strange|
        unreasonable
    # their feeling is legitimate: "I understand why you're angry", "I believe you"
    <do|if i can|totally|completely|really|fully* understand+why|see+why|feel+for+you|believe+you
    # their feeling named and understood: "I understand your frustration", "I get your worry"
    i|we can|totally|completely|really|fully|definitely|do* understand|get|hear your frustration|
        frustrations|concern|concerns|feelings|pain|worry|worries|fear|fears|anger|sadness|hurt|
        stress|anxiety|loneliness|disappointment|grief
    i know exactly|just? how|what you|it|that
    # how hard it is, beyond words: "I can't imagine how painful that is"
    i can+not|can+not+even|can+only|could+not|can+hardly imagine how|what
    # appreciation: "thank you for telling me", "I appreciate you sharing"
    # (not thanks for the chat itself, a courtesy: "thanks for talking to me")
    thank+you|thanks so+much|very+much? for? sharing|telling|trusting|opening|being+honest|
        being+open|reaching+out
    i appreciate you|your|that+you|how
    # "thank you for your honesty", "thanks for your question"
    thank+you|thanks for your honesty|courage|openness|trust|question|message|post
    # affirming strengths and worth: "you're doing great", "you're not alone", "proud of you"
    you are|sound+like|seem+like not+alone|handling|on+the+right
    <hope|hoping you are|sound+like|seem+like doing great|well|amazing|the+right|your+best|so+well|a
    you are|sound+like|seem+like such|so|very|really|clearly|obviously|definitely|a* @strength
    # a quality noticed: "you seem really determined", "you're clearly so patient"
    you seem|sound|appear like|to+be? you+are? so|very|really|pretty|quite|clearly|such? @virtue
    <if|long|whether you are|were|have+been clearly|obviously|definitely|truly|really? so|very|
        really|clearly|obviously|definitely|truly|incredibly @virtue
    you are|sound+like|seem+like not crazy|weak|a+burden|broken|stupid|overreacting|a+failure|
        useless|alone|the+problem|to+blame|in+the+wrong|the+bad+guy|a+bad+person|helpless|
        worthless|hopeless|a+bother|a+nuisance|an+annoyance|invisible|unlovable|pathetic|
        a+loser|selfish|lazy|at+fault
    # "you did nothing wrong", "you haven't done anything wrong"
    you did|have+done nothing wrong
    you did+not+do|have+not+done anything wrong
    # worth, said against a hurt: "you don't deserve that", "you didn't deserve to be treated so"
    you do+not|did+not deserve that|this|what|any+of|the+way|to+be+treated|to+be+hurt|to+feel|
        to+suffer
    not your fault
    it|this is not on you
    you deserve
    proud of you
    admirable
    commend you
    i am also|so|really|very|truly* glad|happy|pleased|grateful|
        thankful !:i_helped !:just_the_news you|that|to+hear|to+see|for+you
    # the same without "I am": "So glad you reached out", "Glad to hear you're safe"
    ^ so|really|very? glad|happy !:i_helped !:just_the_news you|that+you|to+hear|to+see|for+you
    that|it is so|really|very? good|great|wonderful|brilliant|awesome that|you
    good for+you|job|on+you|work|choice|step|start|thing
    # praise of their idea, said as a reply ("Good idea!"), not "Taking a walk is a good idea"
    ^ good|great idea|thinking|point
    # praise of what they thought of or did: "that's smart", "that sounds like a wise
    # plan" (not advice: "it's a good idea to see a doctor")
    that|this is|was|sounds|seems like? a|an|such+a? really|very|so? smart|wise|brave|
        courageous|sensible|mature|healthy !:clause_goes_on
    that|this is|was|would+be|sounds|seems like? a|an|such+a? really|very|so? smart|wise|brave|
        courageous|sensible|mature|healthy|good|great|excellent|positive|wonderful|solid idea|
        plan|step|start|move|choice|decision|approach|first+step !to
    well done
    congrats|congratulations|congratulation|kudos
    that+is|that+sounds|sounds so|really|very|like? great|wonderful|awesome|amazing|fantastic|
        excellent|brilliant|good+to+hear|a+great|fun|so+much+fun|lovely|nice !to+meet|to+talk|
        to+chat
    it+is so|really|very|like? great|wonderful|awesome|amazing|fantastic|excellent|brilliant|
        good+to+hear|a+great|fun|so+much+fun|lovely|nice !:good_in_general
    you did|handled|managed|made|have+done|have+handled _2 well|great|right|a+good|the+right|
        a+great|an+amazing
    # effort and direction noticed: "you're trying so hard", "you're on the right track"
    you are really|clearly|obviously? trying|working so|really|very? hard|your+best|your+hardest
    # "you're continuing to try hard", "you have done your best", "you tried your best"
    you are still|continuing+to|always? try|trying|working so|really|very? hard
    you have|have+been|are|were? really|truly|clearly|definitely? done|doing|tried|trying|
        did your+best|your+hardest|all+you+can|all+you+could|everything+you+can|
        everything+you+could|the+best+you+can|the+best+you+could
    on the right track|path
    # (not a step suggested: "a step in the right direction would be to call her")
    in the right direction !would|could|might|is+to|is+going+to
    the right tools|mindset|attitude|questions|steps
    do+not|never give up|lose+hope
    you have taken|made the|a first|big|brave|good|great|huge step
    it|that? takes|took a+lot+of|real|so+much? courage|strength|guts|bravery
    # being there for them: "I'm here for you", "I'm with you"
    i+am|i+will+be always|still|right? here|there for+you|if|to|with|whenever|anytime|for+whatever|
        for+anything
    here to|for listen|you|help
    i am with you
    # "we're in this together", "you don't have to face this alone"
    we are all? in this together
    you do+not|will+not|never have+to|need+to go+through|face|deal+with|carry|do _2 alone|
        by+yourself|on+your+own
    # the same care said as a wish: "I don't want you to carry this on your own"
    i do+not|would+not|never want you to go+through|face|deal+with|carry|do|be _2 alone|
        by+yourself|on+your+own
    # their experience is shared and understood: "I can relate", "I totally relate to that"
    i can|do? totally|really|completely|definitely|so? relate
    i can|do? totally|really|completely|definitely? identify with
    # "we'll listen", "I'm going to hear you out"
    i|we will|would|are+going+to|am+going+to listen|hear+you+out
    # the same offer, asked: "Do you want to talk about it?", "Wanna vent?" (not a
    # suggestion to talk to someone else: "Would you like to talk to a counsellor?")
    ^ do|would? you want|like to? talk|vent|chat|rant !to|with
    ^ do|would? you want|like to? talk|vent|chat|rant to|with me
    ^ want to? talk|vent|chat|rant !to|with
    # "you can always talk to me", "I'll hear you out"
    you can|could always? talk|vent|rant|chat|speak to|with me
    i will|would hear you out
    i am more+than? happy|glad to help|listen|talk|chat
    you have? got this
    # belief in them: "I believe in you", "I believe you" (not "I know you said ...")
    i believe|trust in you
    i believe you !:clause_goes_on
    # reassurance: "I can assure you", "rest assured", "it gets better"
    i can|want+to assure|reassure you
    rest assured
    it gets better
    better days ahead|are+coming|will+come
    things|it|life will|can|does|is+going+to|are+going+to get better|easier
    # warmth: "hugs", "sending you love", "my heart goes out to you"
    hug|hugs
    sending you? lots|so+much? of? love|hugs|strength|good+vibes|good+wishes|positive+vibes|prayers
    my heart goes out
    # their pain moves me now: "that breaks my heart", "my heart aches for you", "I'm
    # worried about you" (not my own story: "she broke my heart", "I'm worried about my exam")
    that|this|it|which breaks my heart
    my heart breaks|aches|hurts for
    i am|was|have+been|get really|so|very|a+bit|a+little|genuinely|truly? worried|concerned|
        scared|afraid about|for you
    # hope for them: "I hope things get easier", "hopefully it helps"
    i hope you+feel|you+find|you+get|you+can|things|it+gets|that+helps|everything+works
    hope things|it+gets|you+feel|you+find|you+get
    # (not a greeting: "hope you are doing well", "I hope you're having a good day")
    hope you+are !:greeting
    hope you start|begin feeling|to+feel
    hopefully things|it|you
    # encouragement that stays with them: "hang in there", "I'm rooting for you"
    hang in there
    stay strong
    keep your head|chin up
    rooting for you
    you can do it|this
    you are not the only one
    # confidence in how they will cope: "you have the strength to get through this",
    # "you'll find a way through" (not a promise about how things will turn out, such as
    # "you'll be fine" or "you'll find someone better", which brushes the worry aside)
    you have|have+got the|what+it ability|strength|courage|skills|takes
    you will definitely|surely|certainly|absolutely? get+through|make+it|figure+it|
        figure+this|find+a+way|overcome+this|overcome+it|pull+through|come+through
    you are certainly|definitely? not|never|by+no+means|far+from alone
    # feeling it is allowed: "crying is okay", "grieving is normal"
    crying|grieving|feelings|emotions|feeling+that+way|feeling+this+way|feeling+sad|being+sad|
        being+upset|being+angry is|are always|totally|completely|perfectly? okay|normal|
        natural|alright|fine|valid|human
    # they matter to me: "I care about you", "I want you to be here"
    i really|truly|do* care about|for you
    i want you to live|stay|be+here|be+alive|be+safe
    i do+not want you to die|go|hurt|suffer|give+up
    # they matter to others: "people care about you", "you are loved"
    people|someone|others|we _2 care|cares|love|loves about|for? you
    # "there are people out there who care about you", "there are folk who really care"
    there are|is people|someone|others _4 care|cares|love|loves
    you are loved|cared+for|cared+about|important|not+forgotten
    you matter
    # their worth named: "your life has value", "everyone has worth, you included"
    your life matters|has+value|has+meaning|is+valuable|is+precious
    you|everyone|everybody have|has value|worth
    you are not|do+not|will+not suffer|suffering|struggle|struggling|hurt|hurting alone
    # encouragement to carry on: "keep it up", "keep going", "be proud of yourself"
    keep it up
    keep up the good work
    ^ keep going|fighting|pushing
    proud of yourself
    you should|can|must be|feel so|really|very? proud
    # their feelings are legitimate: "you're valid", "you have every right to be upset"
    you are valid
    there is nothing wrong with you
    you have every|the right|reason to feel|be
    # "what you feel is valid", "how you're feeling is completely understandable"
    what|how you feel|felt|are+feeling is|was completely|totally|perfectly|so? valid|real|
        normal|understandable|okay|natural|human
    you are|were right to feel|be
    that|it is not fair
    # what was done to them named as wrong: "that's really messed up", "that was cruel"
    that|it|this is|was|sounds|seems @intensity* messed+up|cruel|out+of+order|uncalled+for|
        unacceptable
    # feeling it with them: "that's heartbreaking", "I feel you", "that really sucks"
    heartbreaking|heart+breaking
    i feel|know your pain
    i feel you
    know|understand the|this|that feeling
    feel you bro|man|dude
    that|it|this really|totally|just? sucks
    # warm wishes: "I wish you well", "strength and peace to you"
    warm wishes
    i wish you well
    # "I wish you all the best" (a plain "good luck" is a pleasantry, not validation)
    wish|wishing you all? the best|very+best
    strength and peace
    # belief that they will get through it: "you will get through this"
    you can|will? definitely|absolutely|surely? get through
    # offers to listen: "message me any time", "I'm all ears", "if you ever want to talk"
    pm|dm|message|text|call me
    i am all ears
    i am available
    want to? talk about+it? ?
    feel free to reach|talk|message|pm|dm
    if|whenever you ever? want|need to talk|vent|chat
    i|we can talk|chat about+it|if
    # reassurance grounded in them: "I'm sure they'll understand", "I know you'll do well"
    i am so|very|quite|really? sure|confident|certain that? you|it|they|things|he|she|everything|
        this|there
    i am so|very|quite|really? sure|confident|certain _4 you can|will|are|have
    i assure|am+assuring you|that
    i believe|bet|know|trust that? you will|can|are
    # confidence in how they will cope: "I think you can handle it", "I feel you'll find a
    # way" (not a promise that all will be well: "I think you'll be fine")
    i think|feel that? you can|will|are+able+to|are+going+to|will+be+able+to handle|
        manage|cope|do+it|do+this|do+that|get+through|figure|find+a+way|find+a+solution|
        overcome|succeed|do+well|do+great|make+it
    you really|definitely|also? seem|sound|appear like|to+be? a|an|such|very|really|so|like* @praise
    # "you seem on top of this": they are managing, noticed
    you seem|sound|appear like? to+be? pretty|really|very|so|clearly? on top of
    you are definitely|clearly|such|a|so|very|really* hard+worker|hardworking+person
    you have a+lot|so+much going for you
    # what they will be: "you'll make a great dad", "you would be a wonderful teacher"
    you will|would|are+going+to make|be a|an|such+a @intensity* good|great|wonderful|amazing|
        fantastic|excellent|caring|loving @word !at|to
    you are so|very|really? gifted|talented|hardworking|hard+working|organised|organized|on+top+of|
        doing+everything|doing+all
    you have|have+got a|such+a|really|very|so|the* good|great|strong|big|kind|right|
        caring instincts|heart|head|attitude|mindset|plan|reason|point
    sounds+like|what|that+is|those+are|those+sound+like|this+is a|an|such|really|very|so* good|
        great|fantastic|excellent|smart|wonderful|brilliant|healthy|positive idea|plan|strategy|
        step|start|skill|skills|choice|decision|approach|hobby|way|coping|attitude|mindset|progress
    that+is|it+is so|really|very? unfortunate|too+bad|a+shame
    # their news or step, welcomed: "that is very good news", "a very positive step"
    that+is|it+is|this+is|what|such|sounds+like so|very|really|such? good|great|wonderful|
        fantastic|excellent|brilliant news
    is|was|are|be a|an @intensity* positive|brave|big|huge|important|great|healthy step|move
    # their reason is sound: "you have a legitimate reason for your feelings"
    you have|have+got a|every|good|perfectly|very|completely* legitimate|valid|good|real reason|
        reasoning|right for|to|behind
    # more affirming: "I applaud you", "they're lucky to have you", "you'll do great"
    i applaud|admire|salute you
    # "I admire how you handled it", "I'm impressed that you went", "that's inspiring"
    i admire|respect|applaud your|how+you|that+you
    i am @intensity* amazed|impressed|inspired|in+awe|moved|touched by|at|that|how|with you|your
    that+is|it+is|that+sounds @intensity* impressive|inspiring|remarkable
    i sympathise|sympathize
    lucky to have you
    that is the spirit
    you will|are+going+to do|be great|fine+at|amazing|brilliant
    i have no doubt
    a|the? big|huge|great|brave|important first? step
    understandable|understandably
    completely|totally|perfectly? valid feeling|feelings|reaction|concern|concerns
    that+is|it+is completely|totally|perfectly|very|so? normal|natural
    # agreeing with how they see it: "you're so right", "so true" (a bare "you're right"
    # agrees with a point; "right now" is a time)
    you are so|absolutely|totally|completely|100 right !now
    so true
    i totally|completely|definitely|absolutely? agree
    """,
)


def _validation(s: _Sentence) -> Finding | None:
    return _phrase("validation", _VALIDATION_PHRASE, s)


def _my_own_hard_time(s: _Sentence, validation: Finding) -> bool:
    """In a share of my own, "it was awful" names my hard time, not theirs: "I went through
    a breakup last year and it was awful". (Sympathy such as "I'm so sorry" still counts.)"""
    first = s.text[validation.start - s.start :].split(maxsplit=1)[:1]
    return (
        bool(first)
        and first[0].lower() in ("it", "that", "this", "which", "everything")
        and not any(w in _YOU_WORDS for w in s.words)
    )
