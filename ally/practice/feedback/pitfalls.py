"""Phrase pitfalls: minimising, judgment, promising secrecy and dismissing; a phrase only
talked about ("I won't tell you to cheer up") or quoted is not one. (Self-focus, a pitfall
of the whole reply, is in disclosure.py.)
"""

from __future__ import annotations

from ally.practice.feedback.findings import Finding, _pitfall
from ally.practice.feedback.phrases import Phrases, _sub, _words
from ally.practice.feedback.sentences import _clause_end, _Sentence
from ally.practice.feedback.words import _CLAUSE_MARKS, _MARKS

# Where an order to them starts: the start of a clause, or after a softener ("just",
# "please", "you need to"). "Let it go" is an order; "hard to let it go" is not.
_words(
    "order_lead",
    "just please try+to need+to should have+to got+to and now man so oh come+on well hey",
)


def _orders(*lines: str) -> str:
    """Pattern lines for orders: each at the start of a clause or after a softener."""
    return "\n".join(f"{lead} {line}" for line in lines for lead in ("^", "@order_lead"))


# "At least" that shrinks the problem, not "at least you told me", "at least twice".
_sub(
    "fair_at_least",
    """
    you have? told|said|shared|reached|talked|opened|came|called|asked|let|trusted
    you are talking|telling
    @num|one|two|three|a+few|a+couple|once|twice|some|for+now|for+a|for+the|until|that|i|we|
        @imperative
    """,
)
_MINIMISING = Phrases(
    "pitfalls.minimising",
    """
    # a silver lining that shrinks the problem: "at least you have a job"
    ^ at least !:fair_at_least
    so|and|though|but at least !:fair_at_least
    but|well|still|hey at least !:fair_at_least
    # comparison with others: "others have it worse", "it could be worse"
    other|some|lots+of|many|plenty+of people|kids|folks have+to|had+to? have|had|are|go+through|
        deal+with|face it|things? _2 worse|harder
    people|others|someone have|has|had it _2 worse
    it|things|this|that could always|have? be|been a+lot|much|way|so? worse
    worse things happen
    there are people starving|dying|worse+off
    think of|about those|people|the+people|others who+are? less fortunate
    # cheering up instead of listening: "cheer up", "look on the bright side"
    cheer|chin|buck up
    turn that frown
    good vibes only
    everything happens for a reason
    this too shall pass
    # a platitude about time: "time heals", "time is a great healer"
    time heals|will+heal|is+a+healer|is+a+great+healer|is+the+best+healer
    it is all? part+of? god+'s|a+bigger|the plan
    # shrinking it: "it's not that bad", "you'll get over it", "it's no big deal"
    it+is|that+is really? not that|so|even+that|a+big+deal|the+end+of+the+world|
        a+real+problem !easy|simple|obvious|your+fault|uncommon
    it+is|that+is no big deal
    not a big deal
    you will|are+going+to soon? get over it|this|that|him|her
    # moving straight on to someone or something new: "you'll find someone better",
    # "plenty more fish in the sea"
    you will|are+going+to soon|easily? find|meet someone|somebody|another|a+new better|else|new|
        one|job|guy|girl|partner|in+no+time
    plenty|lots more|other|of fish in the sea
    plenty|lots more|other fish
    just|need+to|should|have+to|got+to get over it
    ^ get over it
    it is just|only a phase|bad+day|breakup|break+up|job|test|exam
    # "he was only teasing", "it's only one bad mark", "it's just a cold"
    he+is|she+is|they+are|he+was|she+was|they+were|it+was|it+is just|only teasing|joking|
        messing|having+a+laugh|banter|a+joke|a+cold|one+bad|one+exam|one+test|one+mark|
        one+day|one+mistake|one+comment
    everyone|everybody forgets|does+that|does+it|has+that|has+those|gets+that
    everyone gets|feels|has+days+like|goes+through _1 sad|down|low|that|this|stressed|like+that
    you have so+much|a+lot|everything to be+grateful+for|be+thankful+for|be+happy+for|live+for
    you have got so+much|a+lot|everything to be+grateful+for|be+thankful+for|be+happy+for|live+for
    be grateful|thankful for+what|that
    count your blessings
    # "Think about everything you have!" counts their blessings for them
    think about|of everything|all you+have|you+have+got|that+you+have .|!|,|;|$|going+for+you|
        in+your+life|to+live+for
    # luck and gratitude: "count yourself lucky", "you should be grateful"
    count yourself lucky
    should|ought+to|must be grateful|thankful
    you are lucky|so+lucky to+be|to+have|it+was|that
    # it happens to everyone: "happens to the best of us", "everyone snaps sometimes"
    happens to the best of us
    happens to everyone|everybody|all+of+us
    everyone|everybody|we+all _2 sometimes|now+and+then|from+time+to+time|at+some+point
    # only a little: "it's one row", "four beers isn't even that much"
    it+is|it+was|that+is|that+was only|just? one !of|more|thing|way|day|step|last|in
    is+not|was+not|are+not even that much|bad|many|long|big|serious
    # there will be another, and it passes by itself: "there'll be other plays", "kids
    # bounce back", "it gets easier with time", "people will forget"
    there will be other|others|another|plenty|more
    gets|will+get|get easier with time
    kids|children|they|you will? bounce back
    people|they|everyone|everybody will forget
    # the worst, and how hard it can be: "what's the worst that can happen?"
    what is the worst that could|can happen
    how hard|bad can it be
    # their lot against it: "you don't know you're born", "sticks and stones"
    do not know you are born
    sticks and stones
    words can not hurt you
    # doubting it: "you're probably imagining it", "you weren't that close"
    probably|just imagining it|things
    were|was not that close
    can+not|could+not|must+not have been that bad
    nobody|no+one even noticed
    # a bright side: "maybe it'll lead to something better", "a blessing in disguise"
    lead|leads to something better
    nature 's way
    every cloud
    blessing in disguise
    focus on the positives
    # their record against the worry: "you always do fine", "as long as you're keeping busy"
    you always do|pass|get|come fine|well|through|okay|good|top
    as long as you are|you+are+still keeping busy|busy|working|eating
    """
    + _orders(
        "think|stay|be|keep more? positive|positively",
        "look|focus on the bright|positive side",
    ),
)
# A flaw named for them: "you're being a bit paranoid", "dramatic much?"
_words(
    "flaw",
    """
    paranoid obsessive dramatic melodramatic ridiculous selfish lazy needy petty sensitive
    harsh extra clingy jealous bitter precious rude snobby moody touchy over+the+top ott
    """,
)
# Whoever criticised them, for "she's got a point", "maybe he's right".
_words("critic", "she he they mum mom dad your+mum your+mom your+dad your+boss your+manager")
_JUDGMENT = Phrases(
    "pitfalls.judgment",
    """
    # labelling how they feel: "you're overreacting", "being dramatic", "too sensitive"
    you are just|being|so|too|really* overreacting|dramatic|oversensitive|hysterical|silly|
        ridiculous|selfish|lazy|weak|pathetic|childish|paranoid|irrational|attention|too+sensitive|
        so+sensitive|a+baby|a+drama+queen
    you are just|being|so|too|really* making it|this up|about+you
    # the same labels said "ur so dramatic" (texting's "ur" reads as "your"), "such a baby",
    # and the other words that name a flaw instead of a feeling
    your so|such|being|just dramatic|sensitive|selfish|lazy|weak|pathetic|childish|paranoid|
        overreacting|overthinking|a+baby|a+drama+queen|a+wimp|a+snowflake
    you are|your just|being|so|too|really|such* stubborn|ungrateful|unreasonable|irresponsible|
        immature|spoilt|spoiled|overthinking+it|imagining+things|a+wimp|a+snowflake|a+crybaby|
        a+coward|a+loser
    you are|your such a baby|child|drama+queen|wimp|snowflake|crybaby|coward|loser
    drama queen
    # calling what they said or did a flaw: "That's a bit selfish", "a selfish way to think"
    that is|that+was a? bit|little|really|so|pretty|quite|very|just? selfish|childish|pathetic|
        immature|irresponsible|ungrateful|cowardly
    that is no way to talk|think|behave
    you are just|being|so|too|really* making a big+deal|fuss|scene
    stop|quit being so? dramatic|sensitive|silly|lazy|selfish|negative|a+baby
    stop|quit overreacting|whining|complaining|moaning|feeling+sorry+for+yourself
    what|why do you even|really? have to be sad|depressed|upset|anxious|down|unhappy|stressed about
    you have nothing|no+reason to be sad|depressed|upset|anxious|down|unhappy|stressed
    # blame: "it's your own fault", "you brought it on yourself"
    <none+of|not+that|if|whether|think it+is|that+is all|really? your own? fault
    you brought|did this|it|that on|to yourself
    you only have yourself to blame
    you should have known better
    what were you thinking
    # scolding questions and labels said sideways: "Why would you do something like that?",
    # "Bit dramatic, don't you think?", "you know how crazy that sounds"
    why would|did|do|on+earth you even? do|say|think|go+and+do something+like+that|that|
        such+a+thing|this
    why would you even
    # scolding questions: "Did you not take notes?", "Why didn't you just tell a teacher?",
    # "How could you fall for that?", "Are you insane?"
    why did+not|did+you+not you? just
    did you not think|check|read|listen|take|look|see|realise|realize|notice
    what did you expect|do+this+time|say+to
    how could you !not|have
    are you insane|mad|crazy|stupid|mental|thick
    how hard can it be
    it is not that hard|difficult
    # scolding orders and guilt: "you need to learn to stick it out", "don't lie to me",
    # "think how we'd feel", "after everything your mum's done for you"
    you need|have to learn to
    do not lie to me
    think how|what _3 would|will feel|do
    # the guilt said about oneself: "Think about what it would do to me!"
    think|thought|know about|of? what it|this|that|you _2 would|will|could|does|
        did? do|does|did to me|us|them|him|her|your|the+kids|everyone|the+family
    think about|of us|me .|!|,
    think about|of us|me $
    think|thought about|of how it|this|that|you _2 would|will|could hurt|affect|destroy|make me|
        us|them|him|her|your|the+kids|everyone|the+family
    # "you should be over it by now": behind on a timetable they never agreed to
    you really|surely|honestly|seriously|definitely? should|ought+to be _2 over|better|past|
        moving+on|getting+out|getting+over|getting+better|getting+on|feeling|coping|used|
        doing+better|doing+more|dating|sorted|okay|fine _4 by+now
    should+not you be _2 over|better|past|moving+on|getting+out|getting+over|getting+better|
        getting+on|feeling|coping|used|doing+better|doing+more|dating|sorted|okay|fine _4 by+now
    you should|ought+to know|have+known better? by+now
    thought|think|expected|expect _4 better|easier|over+it|more|moved+on|used+to _3 by now
    # grateful on order: "you should be grateful", "u should be happy for her tho"
    you should|ought+to be grateful|thankful|happy+for|over+the+moon
    thought|think about|of how|what your _2 would|will feel|think|say
    think of|about your mum|mom|dad|kids|children|family|daughter|son|parents|wife|husband|
        partner|nan|gran
    after everything _3 done|did for you
    i did not raise you to
    why are|do you always|never
    a+bit|bit|little|rather|kind+of|sort+of|slightly dramatic|extra|over+the+top|much|ott|
        melodramatic|precious|morbid
    # calling their thoughts morbid: "That's morbid", "you're being morbid" ("don't be
    # morbid" before a reassurance is dismissing, like "don't be daft": codebook 4.2)
    that+is|that+sounds|that+seems|you+are+being|you+are|being really|very|pretty|quite|just|
        so|such? morbid
    how crazy|ridiculous|silly|mad|stupid|insane|dramatic|daft|paranoid that|this|it|you sounds|
        sound|is|are
    you asked for it
    # dismissing the illness as a choice: "snap out of it", "pull yourself together"
    try harder
    attention seeking
    you+are|just doing+it? for|looking+for|wanting attention
    it is all? in your head
    making a mountain out of a molehill
    # the label as an order: "Don't be so dramatic", "dont be such a baby", "don't be so
    # weird" ("don't be daft" or "silly" before a reassurance is dismissing: codebook 4.2)
    do not be so|such|that? selfish|childish|pathetic|lazy|weak|a+baby|a+wimp|a+crybaby|
        such+a+baby|such+a+wimp|ungrateful|immature
    # calling what they did stupid: "Why would you take more? That's so stupid.", "That's
    # careless", "that's daft"
    that+is|that+was|that+sounds|it+is a? bit|little|really|so|pretty|quite|very|just|kind+of|
        sort+of|actually|proper|properly? stupid|dumb|daft|careless|reckless|idiotic|
        silly+of+you|stupid+of+you|careless+of+you|a+stupid+thing+to+do|a+daft+thing+to+do|
        a+dumb+thing+to+do|tragic|cowardly|dodgy|obsessive|petty|lazy|snobby|
        mental+lol !thing+to+say|thing+i+said|thing+of+me|of+me|question|thing+to+ask|
        way+to+put+it|way+to+say+it|way+of+putting+it|way+to+ask|way+of+saying+it
    # the flaw named with "a bit" or "much": "ur being a bit paranoid", "You're being a bit
    # obsessive about it", "Dramatic much?", "lazy much"
    you+are|your being a? bit|little|kind+of|sort+of|really|quite|pretty? @flaw
    you+are|your way+too|far+too|much+too|a+bit+too|too|so @flaw
    # blaming what they did: "that's how people end up with bailiffs", "you'll end up an
    # alcoholic", "what have you done now?", "why haven't you been taking your tablets?"
    that+is|this+is literally? how people end up|get
    you will end up a|an|in|with|like
    what have you done now|this+time
    what did you do now|this+time|to+get|to+deserve|wrong
    ^ why have+not|had+not|would+not|are+not you
    are you sure that+is|it+is|that+was wise|sensible|a+good+idea|smart
    you are|you+were stronger|better than that
    no|zero self respect|self+control|willpower
    # how long they are taking: "It was three months ago, though", "Still crying about Tom?"
    it+has+been|it+was|that+was _3 ago|year|years|months|weeks|week though
    ^ still crying|upset|moping|sulking|going+on|harping|on
    moping|wallowing|sulking|feeling+sorry+for+yourself !is|are
    ^ @flaw much ?|$|!
    # name-calling: "u absolute idiot", "ur such a hypochondriac"
    you|your absolute|complete|total|utter|such+an|such+a idiot|moron|muppet|numpty|plonker|
        hypochondriac|drama+queen|baby|wimp|psycho
    ^ you idiot|moron|muppet|numpty|plonker|psycho
    # scolding, said by the supporter: "How many times have we told you", "What on earth
    # were you thinking?", "You should have pulled over", "u couldve just said"
    how many times have we told|asked|warned|said+to you
    what on+earth|the+hell|the+heck were you thinking|doing
    you should+have|should+not+have|ought+to+have|ought+not+to+have !to|a|an|the|some|any|
        more|something|your|fun|it|them|one|that|this|seen|heard|been+there|been+told|got|
        everything|all
    you could+have just|told|asked|said|let|called|rung|gone|stopped
    # guilt: "You're letting the others down", "sorry for caring"
    ^ you+are letting|going+to+let the|everyone|us|me|your|them|her|him _2 down
    ^ sorry|soz for caring|asking|trying|breathing
    # told to try harder: "maybe ur not trying hard enough", "you need to make more effort",
    # "You'll need to prioritise better", "You just need to apply yourself", "u need to sort
    # ur life out"
    not trying|tried|try hard enough
    you really|just|seriously? need|needed|will+need|have+got|have to make an|more|some|
        the|a+bit+more effort
    you really|just|seriously? need|needed|will+need|have+got|have to apply yourself|
        sort+your+life+out|sort+yourself+out|prioritise+better|prioritize+better|
        manage+your+time+better|be+more+careful|be+more+organised|be+more+responsible|
        be+more+proactive|toughen+up|man+up|grow+up|grow+a+thicker+skin|stop+being
    you need|needed more self control|self+discipline|discipline|willpower
    # scolding questions about what they did not do: "Why haven't you blocked him already?",
    # "Why didn't you say something sooner?", "why are u still with him??", "How did you let
    # it get that far?", "did u try hard enough?"
    why have+not|has+not|had+not you _4 already|yet|sooner|before|earlier|properly
    why did+not|did+you+not you _4 sooner|earlier|before|first|already|properly
    why are|do you even? still with|seeing|following|going|talking|doing|putting|letting
    how did|could you let it|this|that|things|them get|go|happen|pile+up|build+up|slide
    how did|could you let _3 get|pile+up|build+up|slide
    did|do you try|tried hard enough
    you did+not|do+not try hard enough
    # reproach of their complaint: "you don't have to bite my head off", "you didn't have to
    # shout at me", "you can't keep taking it out on me", "you've put us through enough"
    you do+not|did+not have to|need+to bite+my+head+off|snap+at|shout+at|yell+at|
        take+it+out+on|be+like+that|be+so+rude|be+rude
    you can not keep taking|doing|being|blaming _3 on|out|like|this|that
    you have put me|us|everyone|the+family through enough|a+lot|hell
    ^ this|that|it is on you .|!|,|$
    what kind|sort of thing is that to say
    you always say that|this .|!|,|$|lol|though
    # blame inside advice: "Maybe if you didn't scream back, it wouldn't escalate", "if you
    # stopped doing it I wouldn't have to check"
    maybe|perhaps|well ,? if you did+not|had+not|were+not|stopped|had+just|just+stopped|
        would+just|would+stop|tried|bothered|listened
    ^ if you stopped|bothered|listened|tried _4 i|you|it|we would|will
    # more labels for the person: "ur so naive", "you're such a pushover", "ur always
    # dramatic"
    you+are|your so|such|being|just|really|always|too naive|gullible|a+pushover|extra|
        careless|needy|clingy|soft|dramatic|sensitive
    you+are|your such a pushover|doormat|mug|nightmare
    # scolding questions: "What's wrong with you?", "Are you out of your mind?"
    what is wrong with you
    are|have you out+of|lost your mind|head|tiny+mind
    have you lost the plot
    # "How could you do this to yourself? To us."
    how you could do this|that|something+like+that
    how could you do this|that
    # blame after the fact: "you should have thought about that before", "maybe if you
    # had listened"
    you should have thought|listened|checked|realised|realized|been+more+careful|
        seen+it+coming|asked+first
    how many times have i told|asked|warned|said+to you
    # siding with their critic: "She's got a point", "maybe he's right", "can you blame
    # them?"
    @critic 's|is|has|have|might+have|may+have|does+have|kind+of+has got? a fair|good? point
    @critic 's|is|are|was|were|might+be|may+be probably|kind+of|sort+of|actually|totally? right|
        not+wrong .|?|!|,|$|tbh|though|to+be+honest|to+be+fair
    can you blame her|him|them
    # "the old days were harder": "you don't know you're born", "you don't know how lucky
    # you are"
    you do not know you are born
    you do not know how lucky|good you are|have
    you kids|lot|young+ones|youngsters do not know how lucky|good you are|have
    # their feeling or joke as a bid for attention, or told it is not funny
    do+not|you+are|you+are+just|you+are+only say|saying|do|doing|post|posting stuff|things|that|
        it|this _2 for attention
    ^ it|this|that is not funny
    # choosing it: "You chose this", "u signed up for it"
    you chose this|that .|!|$
    you signed up for it|this|that
    # "You always do this", "you're always saying that"
    you always do this|that
    you are always doing this|that|it
    do+not|do+not+you talk to me like that|in+that+tone
    your overthinking|overreacting
    that is no way for _4 to talk|think|behave|carry+on
    # guilt: "Think about them.", "That would destroy your father."
    ^ think about|of them .|!|,|$
    that|it|this would|will destroy|kill|break|devastate your|the
    # reproach: "Seriously?", "why did you send it in the first place?", "why would u want
    # to do that to urself", "You promised me.", "u said ud stopped"
    # "Again?? You said you'd stopped", "Oh, again? The boss has been asking": exasperation
    # (not when sympathy follows: "Again? That's brutal.")
    ^ again ?
    ^ seriously ? !?|!|thank|thanks|thx|ty|congrats|congratulations|wow|yay|omg|amazing|love|
        lol|haha
    why did|would|do you _6 in+the+first+place
    why would|do you want to do|hurt that|this? to yourself
    we have talked about this .|!
    you promised me .|!|$
    you said|promised|swore you would|had|were stop|stopped|stopping|quit|give+up|gave+up
    you always say you will
    you can not just _2 like that .|!|,|$
    you will regret it|that|this
    # a fault found in them: "that's your problem", "to be fair, you did cry", "you'd be mad
    # not to", "maybe next time reply quicker"
    that is|was your problem|trouble .|!|,|$
    to+be+fair|tbf|in+fairness ,? you did|kind+of|sort+of|were|do
    you would be mad|crazy|stupid|daft|an+idiot not to
    ^ maybe|perhaps|well ,? next time
    you should+not resent|begrudge|be+jealous|be+angry+at|be+annoyed
    it|this|that is not about you .|!|,|$
    """
    + _orders(
        "snap out of it",
        "pull yourself together",
        "man|toughen|grow up",
        "get a grip",
    ),
)
# The label as an order that also shuts the feeling down: "Don't be so dramatic, nobody's
# going anywhere" labels them (judgment) and closes the topic (dismissing): both, as the
# corpus codes them (codebook 4.2, 4.5), so a separate set the blend does not fold together.
_JUDGMENT_ORDER = Phrases(
    "pitfalls.judgment_order",
    """
    do not be so|such|that? dramatic|melodramatic|sensitive|oversensitive|hysterical|
        precious|needy|clingy|a+drama+queen|such+a+drama+queen|a+snowflake|such+a+snowflake
    """,
)
_SECRECY_PROMISE = Phrases(
    "pitfalls.secrecy_promise",
    """
    # promising silence about what they told you: "I promise I won't tell anyone"
    i will+not|will+never|am+not+going+to|am+never+going+to ever? tell|say+a+word|say+anything|
        breathe+a+word|mention+it|mention+this anyone|anybody|a+soul|a+single+soul|a+word|them|him|
        her|people|nobody !without|unless|until|before|about+my
    i will+not|will+never|am+not+going+to|am+never+going+to ever? tell|say+a+word|say+anything|
        breathe+a+word|mention+it|mention+this to? your _ !without|unless|until|before|about+my
    i will+not|will+never|am+not+going+to|am+never+going+to ever? tell|say+a+word|say+anything|
        breathe+a+word|mention+it|mention+this $
    i promise|swear not+to|to+never|never+to tell|say
    your|this|the|that secret 's|is|will+be? safe with me
    take it|this|that|your+secret to my grave
    i will|can|promise+to|promise+i+will keep it|this|that|your+secret a+secret|secret|between+us|
        to+myself|quiet? !unless|until|if+you+are+in+danger|if+you+are+at+risk|if+you+are+not+safe
    it|this|that stays|will+stay|can+stay|is just? between us|you+and+me
    no+one|noone|nobody else? will|has+to|needs+to|is+going+to ever? know|find+out
    my lips are sealed
    cross my heart
    """,
)
_DISMISSING = Phrases(
    "pitfalls.dismissing",
    """
    # stopping the feeling: "don't cry", "stop worrying", "don't think about it"
    do not cry
    <not stop|quit crying|worrying|stressing|dwelling|thinking+about+it|thinking+about+that|
        thinking+about+this|being+sad|being+upset|fretting|panicking|being+silly|being+daft|
        being+so+negative|being+weird
    # waving the worry off: "I wouldn't worry", "I wouldn't read too much into it", "best not
    # to dwell on it", "I'm sure it's nothing", "dwelling on it won't help"
    i would+not|would+not+really|honestly+would+not worry|stress|fret|lose+sleep|
        read+too+much|read+anything|read+into|dwell|think+about+it|give+it+a+second
    best|better not to dwell|worry|think+about+it|dwell+on
    i+am|i+am+sure it+is|it+will+be|that+is|he+is|she+is|they+are|you+are|it+will fine|
        nothing|okay|alright|all+right !but|if|to
    dwelling|worrying|stressing|panicking|fretting _2 is+not+going+to|will+not|
        does+not|is+not help|change|fix
    # putting it away together: "I just think we need to move on", "let's not get into all
    # that tonight", "don't start that again"
    we need|have|should|have+got|ought to move on|let+it+go|forget+about+it|put+it+behind+us
    let+us not get|go into _2 that|this|it
    do+not start this|that|with+that|with+this _2 again|now|tonight .|!|,|$
    do+not|try+not+to think|dwell about|on it|that|this|him|her
    do+not|try+not+to|stop think|talk|thinking|talking like that|that+way
    you can+not|should+not|must+not|can+never|ought+not+to think|talk like that|that+way
    # an order to stop saying it: "Don't say that!", "dont say that lol" (codebook 3.4.1)
    do+not say that|this|things+like+that|stuff+like+that .|!|,|;|$|lol|please|hun|mate|love
    something|it|things will come up|turn+up|work+out|sort+itself+out soon|eventually|in+the+end|
        for+you
    enough sad|serious|depressing|heavy|gloomy|doom talk|stuff|chat|of+that
    do not be|get sad|upset|so+upset|like+that|so+negative|down
    # "don't worry" said about the feeling itself, not "don't worry about the dishes"
    do not worry .|!|,|;|so+much|too+much|about+it|about+that|about+this|about+a+thing|
        about+anything
    do not worry $
    do not worry ,? it+will|everything|you+will|be+happy
    no need to worry|cry|get+upset|be+sad|be+upset
    # false reassurance: "you'll be fine", "everything will be okay"
    # the all-clear of a sure success: "you'll smash it", "ull sail through"
    you+will|you+are+going+to smash|ace|nail|crush|sail+through|breeze+through|
        fly+through|walk it|this|that|them|the+exam|the+interview|through
    you+will|you+are+going+to|it+will|everything+will|everything+is+going+to|
        everything+'s+going+to|it+is+going+to|things+will be just? fine|okay|alright|all+right
    # the all-clear of a sure escape: "you're not going to fail", "you won't lose your job"
    you+will+not|you+are+not+going+to|your+not+going+to|you+will+never fail|lose+your|
        mess+it+up|mess+up|get+fired|get+sacked|flunk|bomb
    # (not what they pretend: "having to pretend you're fine", "acting like you're fine")
    <pretend|pretending|act|acting|like|say|saying|tell|telling|seem|insist|insisting you are fine
    # changing the subject: "let's talk about something else", "anyway, did you see ..."
    let+us|can+we|shall+we|we+should talk+about|think+about|focus+on|change something|
        the+subject else|happier|more+positive|nicer|fun?
    let us not talk|think|dwell about it|this|that
    on a lighter|happier|different|brighter note
    enough about that
    moving on
    anyway ,? did|have|what|how|so you|about
    i do not want to hear about? it|this|that
    # putting the feeling away: "let's watch something and take your mind off it"
    take|get|keep your mind off it|this|that|things|everything|whatever|him|her|them|work
    """
    + _orders(
        "forget|put about? it|that|this behind+you? .|!|,",
        "forget|put about? it|that|this behind+you? $",
        "put|get it|this|that|them|him|her|everything out+of your mind|head|thoughts",
        "shake it off",
        "let it go",
        "move on from it|this|that",
        "calm down",
    ),
)
_PITFALL_PATTERNS = (
    ("minimising", _MINIMISING),
    ("judgment", _JUDGMENT),
    ("judgment", _JUDGMENT_ORDER),
    ("secrecy_promise", _SECRECY_PROMISE),
    ("dismissing", _DISMISSING),
)

# Talking about a phrase, not saying it: "I won't tell you to cheer up", "I'm not going to
# judge you", "people who say 'cheer up'". The cue ends at most four words before it.
_MENTION = Phrases(
    "pitfalls.mention",
    """
    will+not|would+not|not+going+to|never+going+to|do+not+want+to|not+here+to|not+about+to
    refuse+to|would+never|will+never|i+never|not+trying+to|not+saying|never+say|never+said
    not+asking+you+to|no+one+should|nobody+should|do+not+think|not+that
    can+not+promise|will+not+promise|not+promise|can+not+keep|will+not+keep|can+not+guarantee
    instead+of|rather+than
    tell|tells|told|telling|say|says|said|saying
    """,
)
_MENTION_GAP = 5
# A label denied, as reassurance: "You're not attention-seeking", "it's not selfish to
# rest". Only for judgment: "it's not that bad" still makes their pain smaller.
_DENIED = Phrases(
    "pitfalls.denied",
    """
    you+are+not|you+were+not|that+is+not|that+was+not|it+is+not|it+was+not|nobody+thinks|
        no+one+thinks|nobody+said|no+one+said
    """,
)


def _mentioned(s: _Sentence, start: int, cues: Phrases = _MENTION) -> bool:
    """Whether a cue that talks about a phrase ends shortly before word ``start``, in the
    same clause: "a ridiculous thing to say, you're being selfish" says it."""
    for i in range(start):
        end = cues.at(s.w, i)
        if 0 < end <= start:
            between = s.words[end:start]
            if any(word in _CLAUSE_MARKS for word in between):
                continue
            gap = sum(1 for word in between if word not in _MARKS)
            if gap <= _MENTION_GAP:
                return True
    return False


def _quoted(s: _Sentence, at: int) -> bool:
    """Whether reply offset ``at`` sits inside double quotes in the sentence."""
    return s.text.count('"', 0, at - s.start) % 2 == 1


_APOLOGY = frozenset({"sorry", "sry", "soz", "oops", "apologies"})


def _of_oneself(s: _Sentence, i: int, j: int) -> bool:
    """A label the supporter puts on their own words, after an apology ("Sorry, that was
    dumb."), or fondly on them with love ("Love you, you idiot."): no judgment of them."""
    said = s.words[i:j]
    if s.word(0) in _APOLOGY and not {"you", "your"} & set(said):
        return True
    before = tuple(w for w in s.words[max(0, i - 3) : i] if w != ",")
    return before[-2:] == ("love", "you")


# "Don't worry" that goes with an offer or a promise reassures about what you will do
# ("Don't worry about the dishes, I'll do them"), not about what they feel.
_OFFER = Phrases(
    "pitfalls.offer", "i+will|i+will+not|i+am+going+to|i+can|we+will|no+one|noone|nobody"
)


def _phrase_pitfalls(s: _Sentence) -> list[Finding]:
    found: list[Finding] = []
    w = s.w
    for name, phrases in _PITFALL_PATTERNS:
        if any(f.name == name for f in found):
            continue
        i = 0
        while (m := phrases.search(w, i)) is not None:
            i, j = m
            start, end = w.starts[i], w.ends[_clause_end(s, j) - 1]
            skip = _quoted(s, start) or _mentioned(s, i)
            if name == "judgment" and not skip:
                skip = _mentioned(s, i, _DENIED) or _of_oneself(s, i, j)
            if not skip and s.words[i : i + 3] == ("do", "not", "worry") and _OFFER(w):
                skip = True
            if not skip:
                found.append(_pitfall(name, start, end, phrases.rule_at(w, i, j)))
                break
            i += 1
    return found


# "Seriously??" of delight, said before thanks or joy in the next sentence ("omg seriously??
# thank uuu"), is surprise, not reproach; "Again?" before sympathy ("Again? That sounds
# awful", "again?? no wonder you're exhausted") is dismay, not exasperation.
_DELIGHT = Phrases(
    "pitfalls.delight",
    "thank|thanks|thx|ty|tysm|congrats|congratulations|wow|yay|amazing|omg|no+way|love|aww",
)
_SYMPATHY = Phrases(
    "pitfalls.sympathy",
    """
    that+is|that+sounds|that+must|this+is|this+sounds|it+sounds|it+must brutal|awful|horrible|
        terrible|rough|hard|exhausting|terrifying|scary|so|really|such|a+lot|too+much|grim
    that sounds|must
    i+am|i+am+so|i+am+really|so|really sorry
    sorry
    no wonder
    oh no
    poor you|thing|love
    so this has been
    """,
)
_MARKED = {"seriously": _DELIGHT, "again": _SYMPATHY}


def _all_phrase_pitfalls(sentences: list[_Sentence]) -> list[Finding]:
    """The phrase pitfalls of every sentence, each read with the sentence after it."""
    found: list[Finding] = []
    for k, s in enumerate(sentences):
        for f in _phrase_pitfalls(s):
            after = sentences[k + 1] if k + 1 < len(sentences) else None
            said = s.text[f.start - s.start :].lower().split("?")[0].strip()
            read = _MARKED.get(said) if f.name == "judgment" else None
            if read is not None and after is not None:
                opening = read.search(after.w, after.w.core)
                if opening is not None and opening[0] <= after.w.core + 2:
                    continue
            found.append(f)
    return found
