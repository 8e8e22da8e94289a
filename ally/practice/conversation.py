"""The loved one's side of a practice conversation: what they say next, and why.

A scenario (see :mod:`ally.content.scenarios`) is a small graph of what the person
is holding back: beats that come out in a sensible order, and an ask they make once
they feel heard. Each reply is read as a :class:`Move` (the skills, pitfalls and
safety steps the feedback engine found, as the loved one hears them; what the reply
asks and about which beat; whether it apologises, offers something, argues with how
they feel, or echoes their words), and the next line follows from the move, the beat
and what has been said so far:

- A question is answered first, whatever came before it: an open question about a
  topic brings that beat out in full, and about something already told brings out
  what lies under it (``more``); a yes/no question gets a short answer that fits
  either way; a check-in gets a deflection until they have opened up; their own
  words echoed back ("A ghost?") are explained; something they never mentioned ("How's
  your new puppy?") puzzles them, and they say so; "what would help?" gets the ask once
  they are ready.
- A reflection (a statement, not a question that happens to start with "you") is
  confirmed, or corrected if it misreads them, and deepened with what comes next;
  validation brings relief and something new; reassurance that argues with how they
  feel ("You're not a burden") is met with doubt; advice before they feel heard meets
  resistance specific to it, and once they do it is weighed; an offer of what they were
  coming to ask for is accepted; each pitfall gets its own withdrawal; a statement that
  goes nowhere gets a nudge.
- In a risk scenario every safety step is answered honestly (the safe track): a
  direct question gets a true answer, a question about a plan gets that answer (and
  asked again, the same truth in other words), an offer of help gets a hesitation or a
  barrier that fits the kind of help offered (the doctor tomorrow is not an ambulance
  now), and agreement once the user works with it. A safety step is never treated as a
  pitfall or as early advice.
- Trust carries over: a pitfall costs trust and leaves them stung, so the next kind
  reply only repairs (unless it apologises); beats wait for enough trust; the ask
  waits for its beats, so nobody goes from "I'm fine" to booking a doctor in a turn.
- Nothing is said twice: every line is said at most once in a talk. When the line
  that fits has been said, another that fits is used (another of the reactions, what
  lies under a beat, "you've asked me that"); when nothing that fits is left, they end
  the talk.
- The talk ends when the ask has been answered (the goal), when trust is gone, or
  when time runs out. Someone at risk may withdraw when trust is gone, but the talk
  goes on to the turn limit so the user can still repair. One reply before time runs
  out they say so; the last line answers the last reply first and never asks a
  question nobody can answer. Thanks for how they were treated ("Thank you for not
  panicking") is said only if the user made no slip.

Pure and deterministic: the only variety is which of a few short reactions is
used, drawn from the ``random.Random`` the caller passes in.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from ally.content.scenarios import MAX_TRUST, PITFALLS, PLANS, Advice, Beat, Scenario
from ally.practice.feedback import Feedback, Finding, words_of
from ally.practice.feedback.safety import leading_question

# Skills that show the user is listening: each one earns a little trust.
LISTENING = frozenset({"open_question", "reflection", "validation"})
# How many beats must be out before they feel heard enough to weigh advice.
HEARD = 2
# After the turn limit, a few more replies are allowed so a safety answer or an ask is
# never cut off; at this many extra, the talk ends whatever was said.
GRACE = 3
# Topic words this long or longer match as word starts ("sleep" in "sleeping"); shorter
# ones match whole ("numb" is not in "number").
PREFIX = 5
# Reactions said before what comes next; when each has been said, none is.
PREFIXES = ("confirm", "relief", "repair")

_APOLOGY = re.compile(
    r"\b(?:sorry(?!\s+(?:you|to hear|that you|for your|about (?:your|her|his|their)))"
    r"|i apologi[sz]e|my bad|came out wrong|that was (?:unfair|harsh|unkind|thoughtless|rude)"
    r"|(?:did ?n[o']?t|did not) mean (?:it|that|to)|should ?n[o']?t have said"
    r"|should not have said|let me (?:try|say) (?:that|it)? ?again)\b"
)
_EMERGENCY = re.compile(
    r"\b(?:ambulance|emergency|paramedics?|999|911|112|000|a ?& ?e|the er|hospital|police)\b"
)
# The kind of help a reply proposes, for the answer that fits it (see [safe.plan]).
_PLAN_WORDS = {
    "emergency": _EMERGENCY,
    "line": re.compile(
        r"\b(?:crisis (?:line|team|service|number|text)|help ?lines?|hotlines?|samaritans"
        r"|lifeline|988|116 ?123|text line|listening line|text shout|childline|kids helpline"
        r"|youthline|papyrus|hopeline)\b"
    ),
    "doctor": re.compile(
        r"\b(?:doctors?|gp|surgery|therapist|therapy|counsell?ors?|counsell?ing"
        r"|psychiatrist|nurse|clinic|appointment|mental health team"
        r"|(?:find|finding|get|getting) (?:someone|somebody) (?:to talk to|you can talk to))\b"
    ),
    "person": re.compile(
        r"\b(?:tell(?:ing)? (?:your|my|a|an|someone|somebody|them|her|him|mum|mam|mom|dad"
        r"|parents)\b(?!\s+(?:own\s+)?(?:doctor"
        r"|gp|therapist|counsell?or|nurse|psychiatrist))|your (?:mum|mam|mom|dad"
        r"|parents?|teacher|family|sister|brother|aunt|uncle|carer)|trusted adult"
        r"|someone you trust)\b"
    ),
}
# An offer to do something for or with them ("Want me to look some up with you?").
_OFFER = re.compile(
    # ("I know you don't want me to worry" offers nothing)
    r"\b(?:(?:do you want|would you like|(?<!t )(?<!not )want|would you want) me to"
    r"|(?:would|will) you let me"
    r"|let me (?:come|help|drive|take|go)"
    r"|can i (?:just )?(?:come|cook|drive|take|bring|make|pick|help|call|ring|text|pop|drop"
    r"|get|book|sit|stay)"
    r"|(?:do|d) (?:you|u|ya) (?:want|wanna|fancy)(?: to)? (?:come|go|get|grab|have|watch"
    r"|walk)\w*\b[^.?!]*\b(?:round|over|out|dinner|lunch|tea|coffee|film|movie|walk|drink"
    r"|pint|bite|meal|game|match|swim|run|sometime)"
    r"|(?:want|fancy|like) (?:a|some|another|a cup of|a bit of) (?:tea|coffee|cuppa|brew|drink"
    r"|biscuit|walk|food|lunch|dinner|toast|something to eat)"
    r"|(?:could|can|shall) we (?:talk|chat)\b[^.?!]*\b(?:tomorrow|later|tonight|another time"
    r"|next week|at the weekend|properly)"
    r"|(?:i can|i'?ll|i will|i could) (?:do (?:the|all the|most of the) talk\w*|talk\w* first"
    r"|speak first|go first|explain)"
    r"|(?:shall|should|could) (?:i|we) (?!(?:just )?talk\b(?! to (?:the|a|an|your|my|someone"
    r"|somebody)\b)|chat\b|ask\b)\w+"
    r"|(?:do you |d'you )?(?:want|wanna|fancy)(?: to)? (?:just )?(?:watch|go|get|grab|hav"
    r"|com|cook|walk|play|sit|see)\w* [^.?!]*\btogether"
    r"|i could|we could|how about (?:we|i|going|coming|a|an)|what if (?:we|i)"
    r"|why don'?t (?:we|i)|would you (?:want|like) to (?!talk\b|tell\b|say\b)"
    r"|would it help if (?:i|we)|i can (?:come|drive|take|ring|book|look|find|tell|call"
    r"|go with|bring|check|help)|i'?ll (?:come|drive|take|ring|book|look|find|bring"
    r"|make|cook|pick|go with|check|help|text|call|message|phone|pop|drop|put the kettle on)"
    r"|the offer (?:stands|is there)|i will (?:come|drive"
    r"|take|ring|book|look|find|bring|make|cook|pick|go with|check|help|text|call|message"
    r"|phone|pop|drop))\b"
)
# A reply that starts by saying yes: an answer to what they asked, whatever follows.
_AGREES = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|sure|of course|course|ok|okay|definitely|absolutely|alright"
    r"|all right|i will|i'?ll|i can|we can|let'?s|deal|done|happy to)\b"
)
# A line that asks not to be asked: "Don't ask me how my shift was."
_REFUSES = re.compile(
    r"\b(?:don'?t|do not) (?:ask|want to talk|make me)|can'?t (?:do|talk about) (?:it|this)"
    r"|not tonight|leave it|drop it|forget it\b"
)
# A "why" that challenges: "Why are you always wearing long sleeves?"
_CONFRONTS = re.compile(
    r"^\W*why (?:are|do|did|would|have|can'?t|won'?t|don'?t) you (?:always|never|keep|even|still)\b"
)
# Saying you will be there: "I'll sit with you", "I'm not going anywhere".
_PRESENCE = re.compile(
    r"\b(?:i'?ll|i will|i can|i'?m going to) (?:sit|stay|be) (?:with you|here|there|right"
    r"|by you|next to you|beside you)|\bi'?m (?:here|not going anywhere)\b|\bcome here\b"
    r"|\bi'?m (?:still |just |all )?listening\b|\btake (?:your|all the) time\b|\bno rush\b"
)
# A suggestion asked as a question: "Would you see the doctor?", "Have you tried...?"
_SUGGESTS = re.compile(
    r"\b(?:would|could|will|can|might) you (?:see|go|come|try|call|ring|book|ask|consider"
    r"|think about|be willing|get|join|start|stop|cut|tell (?!me\b|us\b)"
    r"|(?:talk|speak) (?!to me\b|with me\b|about\b))\b"
    r"|\bhave you (?:thought about|considered|tried) \w+ing\b"
    r"|\b(?:what|how) about (?:seeing|going|trying|talking|calling|ringing|asking|booking)\b"
)
# A question that asks what, how, why, where, when or who: never answered yes or no.
_WH = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|then|sorry|hey|like|uh|um|er|well)\W+)*(?:what|whats|how|hows|why|where"
    r"|wheres|when|who|whos|which)\b"
)
# A question about a person, a place or a time: "that's all there is" answers none of them.
_WHO = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|then)\W+)?(?:who|whos|where|wheres|when|which)\b")
# A "what" question texted without its question mark: "whats been keeping u so busy".
_UNMARKED = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|hey|like)\W+)?(?:whats|what'?s|wats|hows|how'?s|wheres|where'?s|whos"
    r"|(?:what|wat|how|why|where|when|who) (?:is|are|was|were|do|does|did|has|have|had|can"
    r"|could|would|will|r|u|ya|you|happened|made)|how long|how much|how many|since when)\b"
)
# Another day, not now: "I'll come round every Sunday" is a visit, not staying with them.
_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_LATER = re.compile(
    rf"\b(?:every (?:day|week|weekend|{_DAYS})|next (?:week|weekend|month|{_DAYS})"
    rf"|at the weekend|on {_DAYS}s?|{_DAYS}s|tomorrow|in the morning)\b"
)
_NOW = re.compile(r"\b(?:now|tonight|right here|today|this evening|till|until)\b")
# Taking back a promise of secrecy: "I know I promised, but I can't keep this to myself".
TAKES_BACK = re.compile(
    r"\b(?:can'?t|cannot|can not|won'?t be able to) (?:promise|keep (?:this|that|it|your))"
    r"|\b(?:should ?n'?t|should not|shouldn'?t) have promised|\bwrong to promise"
    r"|\btake (?:that|it|the promise|my promise) back|\btake back (?:what i said|my promise"
    r"|the promise|that promise)|\bpromised\b[^.?!]*\bbut\b|\bbreak (?:my|that|the) promise"
    r"|\bsaid (?:i|i'?d|i would) (?:promise|keep)\b[^.?!]*\bbut\b"
    r"|\btoo much to keep (?:this|that|it|your)\b"
    r"|\btoo (?:big|serious|important) (?:for me )?to keep"
)
# Company offered or asked for: "I'll stay right here", "Will you sit with me while I ring?"
_COMPANY = re.compile(
    r"\b(?:stay|staying|sit with|sit next to|sit right|next to you|with me|with you|together"
    r"|on the phone|not going anywhere|not hanging up|won'?t hang up|right here)\b"
)
# "Are you safe tonight?": asked whether, so "No." would say they are not safe.
_SAFE_QUESTION = re.compile(r"\b(?:are|r) (?:you|u|ya) (?:\w+ )?safe\b")
# A question that only spells out the one before it: "Like, about not wanting to be here?"
_FRAGMENT = re.compile(r"^\W*(?:like|or|as in|i mean|about|you know)\b")
# A yes or a no at the start of an answer, to leave off when a "what" question asked.
_YES_NO = re.compile(
    r"^(?:what\?\s+)?(?:(?:yes|yeah|yep|no|nope)[.!,]?\s+)+"
    r"(?:(?:i am|i'm|i have|i do|i haven't|i'm not|i don't|god|god, no)[.!]\s+)?"
)
# A question that checks a reflection is part of it: "That sounds hard. Is that right?"
_CHECKS_REFLECTION = re.compile(
    r"^(?:is that (?:right|it|how it feels|what you mean)|am i right|did i get that"
    r"(?: right)?|does that sound right|have i got that right|right)\W*$"
)
# A statement with a tag: "It's been really hard for you, hasn't it?"
_TAGGED = re.compile(
    r"^(?!.*\b(?:not|never)\b).*\w, (?:hasn'?t|isn'?t|wasn'?t|doesn'?t|aren'?t|haven'?t"
    r"|didn'?t|don'?t) (?:it|you|they|that|he|she)\W*$"
)
# Statements that say back a feeling, however the engine reads them: "It feels hopeless".
_SAYS_BACK = re.compile(
    r"^(?:\w+,? )?(?:it feels|it sounds|sounds like|you feel|you're feeling|you are feeling"
    r"|you seem|it seems like you|that sounds|that must|that's (?:so |such |really |a )?"
    r"(?:much|lot|hard|tough|awful|horrible|rough|scary|heavy|painful|exhausting))\b"
)
# Words that make a "reflection" a telling-off: "You stopped your meds. That's dangerous."
_CRITICAL = re.compile(
    r"\b(?:that'?s|that is|it'?s|it is|you'?re being|you are being) (?:so |really |just )?"
    r"(?:dangerous|stupid|silly|irresponsible|reckless|selfish|ridiculous|daft|crazy)\b"
)
# Reassurance that argues with how they feel: "You're not a burden", "ur not rubbish".
_DONT_FEEL = re.compile(
    r"\b(?:you )?(?:shouldn'?t|should not|don'?t|do not|mustn'?t) (?:feel|be) (?:so |too )?(\w+)"
)
# Words that make "you're not X" their own thought said back: "feeling like you're not
# good enough", "you think you're not coping".
_REPORTED = frozenset(
    {
        *("like", "feel", "feeling", "feels", "felt", "think", "thinks", "thinking"),
        *("thought", "believe", "believes", "says", "worry", "worried", "scared", "afraid"),
    }
)
_NOT_YOU = ("you are not", "you are never", "you re not", "your not", "you r not", "your never")
_THAT_IS_NOT_TRUE = re.compile(
    r"\b(?:that'?s|that is|it'?s|it is) not true\b|\bdon'?t be (?:silly|daft|stupid|ridiculous)\b"
)
# Words that make a yes/no question a check-in on how they are ("Are you ok?").
_CHECK_IN = (
    "holding up",
    "okay",
    "alright",
    "all right",
    "fine",
    "good",
    "doing",
    "feeling",
    "wrong",
    "matter",
    "talk",
    "happening",
    "going on",
    "upset",
    "bothering",
    "well",
    "coping",
)
# Questions about how long it has been: answered by a beat about it, else by `since`.
_DURATION = (
    "how long",
    "since when",
    "when did",
    "when was",
    # (past only: "What's it like when it starts?" asks what it is like)
    "started",
    "began",
    "weeks",
    "months",
    "years",
    "how many days",
)
# Ways to ask what would help, in any scenario (the scenario's ask topics add its own).
_GOAL = (
    "want from me",
    "need from me",
    "can i do",
    "could i do",
    "do for you",
    "would you like me",
    "you would like me to",
    "anything i can do",
    "anything i could do",
    "want me to do",
    "would help",
    "might help",
    "could help",
    "would make it easier",
    "how can i help",
    "how can i support",
)
# Words that point back at what they just said: "What was that like?", "Tell me more".
_BACK = frozenset({"that", "those", "these", "more", "mean", "meant"})


def _word_list(text: str) -> list[str]:
    return text.split()


# Words that keep a question general ("What's the hardest part?", "Tell me more"): such a
# question is answered with whatever comes next. A question with other words asks about
# something in particular, and if no beat covers it and it is not something they said,
# they answer it briefly.
_GENERAL = frozenset(
    _word_list(
        """
    what how why when where who tell me more about it that this those these is are was
    were be been being has have had do does did done like for with to the a an of in on at
    by from you your yourself hardest hard part worst most biggest main going go goes gone
    happening happened happen feel feeling feelings felt really doing matter wrong up
    bothering mind things thing stuff lately recently today tonight so and but or can could
    would will should talk talking say said saying says else through get got getting make
    making makes made mean means meant all any anything something everything right now just okay ok
    well i am we us there here whole share want wanted ready kind sort lot much many hear
    know knew think thinking thought describe explain which way sounds sound must seem
    seems then yeah please again bit little side inside head mood day days week weeks
    time times life moment moments feeling like notice noticed noticing realise realised
    realize realized deal dealing cope coping handle handling manage managing carry
    carrying cause caused causing reason behind underneath under beneath other others
    anyone someone people honestly actually exactly really currently generally usually
    always never often sometimes worse better changed change changes different same
    since long longer recent start started come came coming if not no yes also even
    still too very quite pretty maybe perhaps probably okay alright fine good bad
    offer offers suggestion idea
    difficult tough heavy hardest harder easy easier hope wish need needs needed help
    helps helped helpful support each every own one thing ones myself me my mine our
    ours their them they he she him her his its it's 's hey hi hello oh um so mate love
    holding only first last rest left few couple past several
    babe listen look anyway course sweetheart sweetie darling honey hun pet pal buddy
    dude sis bro take pace rush hurry ? ! . , ; : ' " -
    """
    )
)
# Things anyone might ask anyone about: never "something they never mentioned".
_EVERYDAY = frozenset(
    _word_list(
        """
    mum mam mom mother dad father parents parent family sister brother kids children
    child son daughter partner wife husband girlfriend boyfriend friend friends mate
    mates gran grandad grandma granddad nan aunt uncle cousin baby work job jobs boss
    colleague colleagues office shift school college uni university class classes
    teacher teachers exam exams homework study studying sleep sleeping slept eating
    eat food appetite meals meal drinking drink health body doctor gp doctors nurse
    therapist counsellor counselor medication meds tablets phone messages money bills
    rent home house flat room bed weekend evening evenings night nights morning
    mornings plans plan energy weight walk walking exercise gym music friends
    relationship life funeral grave anniversary birthday wedding christmas holiday
    holidays car kitchen garden shower bath tea coffee dinner lunch breakfast tv telly
    news appointment hospital results course lectures shifts hours manager team
    neighbours church
    """
    )
)
# Words for hurting oneself, in a question: about self-harm, when that is held back.
_HARM = frozenset(_word_list("hurt hurting harm harming cut cutting"))
# Words any offer may use ("would it help if..."): they say nothing of what is offered.
_HELP_WORDS = frozenset(_word_list("help helps helped helping helpful support need needs easier"))
# Words left out when deciding what a short question echoes.
_ECHO_STOP = frozenset(_word_list("a an the what do does you your mean by so really is it that 's"))


@dataclass(frozen=True)
class Move:
    """What a reply did, as the loved one hears it.

    ``skills`` are the engine's skills as heard: a "reflection" that is really a
    question ("u ok?") is heard as a yes/no question, and reassurance that argues with
    how they feel is no reflection. ``asks`` is the kind of the reply's last question
    ("open" or "closed"), None if it asks nothing; the fields after it describe that
    question.
    """

    skills: frozenset[str] = frozenset()
    pitfalls: tuple[str, ...] = ()  # in the order they appear
    safety: frozenset[str] = frozenset()
    premature: bool = False
    apology: bool = False
    beats: tuple[str, ...] = ()  # beats whose topics it touched, in the order it touched them
    asks: str | None = None  # "open" or "closed": the kind of its last question
    asked: tuple[str, ...] = ()  # beats the question touches, in order
    asks_goal: bool = False  # the question asks what would help, after any beat it names
    goal_about: tuple[str, ...] = ()  # ...or what would help with these beats ("evenings")
    advice: int | None = None  # which [[advice]] entry it matched
    offer: bool = False  # offers to do something for or with them
    goal_offer: bool = False  # ...and what it offers touches what they will ask for
    misreading: int | None = None  # which [[misreading]] it matched
    check_in: bool = False  # "are you ok?"
    confronts: bool = False  # a "why" that challenges: "Why are you always...?"
    duration: bool = False  # asks how long it has been
    focus: tuple[str, ...] = ()  # the question's own words, beyond the general ones
    things: tuple[tuple[str, str], ...] = ()  # ("puppy", "my new puppy"): named things
    short: tuple[str, ...] = ()  # the words of a very short question ("a ghost?")
    echoed: str = ""  # the noun of a question that is only "a ghost?", "the puppy?"
    back: bool = False  # points back at what they just said ("What was that like?")
    experience: bool = False  # asks what it is like ("What's it been like for you?")
    argues: tuple[str, ...] = ()  # "you're not X": the words it denies
    leading: bool = False  # talks round suicide, inviting "no" ("nothing silly, is it?")
    labels: tuple[str, ...] = ()  # "you're X": the words it calls them
    about_me: bool = False  # a remark about the user, not them ("I think about it too")
    emergency: bool = False  # names emergency services
    plans: tuple[str, ...] = ()  # the kinds of help it proposes, most urgent first
    agrees: bool = False  # starts with yes: "Of course", "Yeah, sure"
    empty: bool = False
    words: frozenset[str] = frozenset()  # the reply's words, to notice it said again
    wh: bool = False  # its question asks what, how, why...: no yes/no answers it
    text: str = ""  # the reply, lower-cased, to fit an acceptance to what it offers
    asks_help: bool = False  # its questions name a kind of help ("shall we ring 999?")
    takes_back: bool = False  # takes back a promise to keep it secret
    asks_safe: bool = False  # asks whether they are safe ("Are you safe tonight?")
    asks_who: bool = False  # its question asks who, where, when or which
    aside: bool = False  # an everyday question about nothing of theirs ("What time is it?")
    pardon: bool = False  # "What?", "Sorry?": they missed what was said
    asks_besides: bool = False  # an offer, and a question about something else
    choice: bool = False  # its yes/no question offers a choice ("tired, or more far away?")

    @property
    def hurts(self) -> bool:
        """A pitfall that stings them (promising secrecy stings nobody; it is unsafe)."""
        return any(p != "secrecy_promise" for p in self.pitfalls)

    @property
    def listens(self) -> bool:
        if self.aside:
            return False  # an open question, but about nothing of theirs
        return bool(LISTENING & self.skills) or bool(self.safety)


@dataclass(frozen=True)
class Response:
    """The loved one's next line and what it does.

    ``kind`` names the response: reveal, deepen, short, since, unsure, yesno, echo,
    puzzled, doubt, again, confirm, correct, relief, resist, weigh, accept, withdraw,
    repair, guarded, deflect, nudge, share, spent, early, ask, close, end, or safe_asked
    / safe_urgency / safe_injury / safe_means / safe_help / safe_stay / safe_not_yet /
    safe_emergency.
    ``beat`` is the beat it brings out or touches. ``ends`` says how the conversation
    ended with this line: "goal", "lost" or "limit".
    """

    line: str
    kind: str
    beat: str | None = None
    pitfall: str | None = None
    ends: str | None = None


def topic_at(words: Sequence[str], topics: tuple[str, ...]) -> int:
    """Where the first of the topics appears (each of its words starts a word, in order:
    "sleep" is in "sleeping"; "early night" needs both; words shorter than PREFIX must
    match whole), or -1. "need" followed by "to" is not a need ("what you need to switch
    off" asks about switching off)."""
    for i in range(len(words)):
        for topic in topics:
            parts = _parts(topic)
            if i + len(parts) <= len(words) and all(
                _word_matches(words[i + k], part) for k, part in enumerate(parts)
            ):
                if parts[-1] == "need" and tuple(words[i + len(parts) : i + len(parts) + 1]) == (
                    "to",
                ):
                    continue
                return i
    return -1


@cache
def _parts(topic: str) -> tuple[str, ...]:
    """A topic's words as replies are read ("i'm sad" is "i am sad")."""
    return words_of(topic).words


def _word_matches(word: str, part: str) -> bool:
    # a short topic word ("gp", "her") must match whole; a longer one is a word start
    return word == part or (len(part) >= PREFIX and word.startswith(part))


def topic_hits(words: Sequence[str], topics: tuple[str, ...]) -> bool:
    return topic_at(words, topics) >= 0


# Words that name no topic in these phrases: "the rest of the meeting" is no rest, and
# "leave you be" no leave from work.
_IDLE = {
    "rest": frozenset({"of"}),
    "leave": frozenset(_word_list("you u it me them her him that this")),
}


def _words(text: str) -> list[str]:
    words = list(words_of(text.replace("\u2019", "'")).words)
    return [
        w
        for i, w in enumerate(words)
        if not (w in _IDLE and i + 1 < len(words) and words[i + 1] in _IDLE[w])
    ]


def _lowered(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


# ------------------------------------------------------------------ reading a reply


def read_move(feedback: Feedback, scenario: Scenario) -> Move:
    """The move a reply made, from the engine's feedback and the scenario's topics."""
    reply = feedback.reply
    if not any(c.isalpha() for c in reply):
        return Move(empty=True)  # "", "??", "..."
    words = _words(reply)
    lowered = _lowered(reply)
    if _PARDON.fullmatch(lowered):
        return Move(pardon=True, words=frozenset(w for w in words if w.isalpha()), text=lowered)
    skills = set(feedback.skill_names)
    question = _last_question(feedback)
    wh = question is not None and _asks_wh(_lowered(reply[question.start : question.end]))
    if question is not None and question.name == "reflection":
        # "u ok?", "You ok?": said like a reflection, heard as a yes/no question
        skills.add("closed_question")
    reflections = [
        f
        for f in feedback.skills
        if f.name == "reflection"
        and _is_statement(reply, f)
        and not _about_me(reply[f.start : f.end])
    ]
    if _CRITICAL.search(lowered):
        reflections = []  # "You stopped your meds. That's dangerous.": a telling-off
        skills.discard("validation")
    if not reflections:
        skills.discard("reflection")
    if _SAYS_BACK.search(lowered) and not lowered.rstrip().endswith("?"):
        skills.add("reflection")  # "It feels hopeless": a reflection, however worded
    asks: str | None = None
    asked_words: list[str] = []
    all_asked: list[str] = []  # the words of every question, for the beats they ask about
    if question is not None:
        text = reply[question.start : question.end]
        tagged = _TAGGED.match(_lowered(text)) and not feedback.safety_names
        if tagged:
            skills.add("reflection")  # saying back, checked with a tag
        elif not (_CHECKS_REFLECTION.match(_lowered(text)) and "reflection" in skills):
            asks = "open" if question.name == "open_question" else "closed"
            if wh and not topic_hits(_words(text), _CHECK_IN):
                asks = "open"  # "hows work been?", "whats been keeping u busy?": no yes/no
            if re.search(
                r"\btell me (?:a bit |a little )?(?:more|about|what|how|why|when)\b", _lowered(text)
            ):
                asks = "open"  # "tell me more about that feeling?": an invitation
                wh = True
            asked_words = _words(text)
            for f in _questions(feedback):
                all_asked += _words(reply[f.start : f.end])
    confronts = (
        question is not None
        and asks == "open"
        and bool(_CONFRONTS.match(_lowered(reply[question.start :])))
    )
    if question is None and reply.rstrip().endswith("?"):
        # "finally?", "sorted?": a question whatever the engine calls it; what it asks is
        # its own sentence ("thats their whole job. im coming over now ok?" asks no job)
        asks = "closed"
        last = split_sentences(reply.strip())[-1]
        asked_words = all_asked = _words(last)
        skills.add("closed_question")
    elif (unmarked := _unmarked_question(lowered)) and (
        question is None or not lowered.rstrip().endswith("?")
    ):
        # "my week was meh. whats been keeping u so busy": texted without the "?"; after
        # an earlier "?" too, the question they are left with is the last one ("u take
        # and take?? nah. ... how long u been feelin like this")
        asks = "open"
        asked_words = all_asked = _words(unmarked)
        skills.add("open_question")
        wh = True
    if confronts:
        # "Why are you always wearing long sleeves?": a challenge, heard as a check-in
        asks = "closed"
        skills.discard("open_question")
        skills.add("closed_question")
    argues = _argues(reply)
    labels = _labels(reply)
    if argues or _THAT_IS_NOT_TRUE.search(lowered):
        skills -= {"reflection", "validation"}
        argues = argues or ("true",)
    offered_at = _OFFER.search(lowered)
    if offered_at and re.search(
        r"\b(?:what|how|where|when|which|who|why)\s+$", lowered[: offered_at.start()]
    ):
        offered_at = None  # "What would you want to happen next?" asks; it offers nothing
    offer = offered_at is not None
    if _PRESENCE.search(lowered) and not feedback.safety_names:
        skills.add("validation")  # "I'll sit with you", "I'm here": comfort, not a plan
    # "Would you see the doctor about it?": a suggestion (where there is no risk, help
    # suggested is advice like any other)
    helps = set(feedback.safety_names) <= {"connects_to_help"} and not scenario.risk
    if _SUGGESTS.search(lowered) and (not feedback.safety_names or helps):
        skills.add("advice")
    advice = None
    if re.fullmatch(r"\W*why not\W*", lowered):
        skills.discard("advice")  # "why not?" asks; it suggests nothing
    if (
        "advice" in skills
        and not offer
        and skills & {"reflection", "validation"}
        and not any(a.topics and topic_hits(words, a.topics) for a in scenario.advice)
    ):
        # advice alongside saying back or validating, matching nothing they would push back
        # on, is heard as the listening ("That's so much to carry by yourself")
        skills.discard("advice")
    if "advice" in skills or offer:
        # the advice it names first ("see the doctor about the sleep" is about the doctor)
        # an offer is about what it offers ("Before bed, shall we go for a walk?" offers
        # a walk), else about what the reply names first
        offered = _words(lowered[offered_at.start() :]) if offered_at else []
        # (an offer of something no advice names is no advice about what came before
        # it: "Working out what normal is. Want to watch something?" is not about going out)
        named = sorted(
            (topic_at(offered or words, a.topics), i)
            for i, a in enumerate(scenario.advice)
            if a.topics and topic_hits(offered or words, a.topics)
        )
        advice = (
            named[0][1] if named else next(i for i, a in enumerate(scenario.advice) if not a.topics)
        )
    # what it offers must be what they will ask for: "would it help if we went for a
    # walk?" says "help", but offers a walk, not the doctor
    goal_offer = offer and (
        topic_hits([w for w in words if w not in _HELP_WORDS], scenario.ask.topics)
        or (advice is not None and scenario.advice[advice].goal)
        or any(_same_word(w, a) for w in words for a in _asked_for(scenario.ask.line))
    )
    # "I don't think it's just drama at all" denies the misreading it names
    affirmed = [
        w
        for sentence in split_sentences(lowered)
        if not _DENIES.search(sentence)
        for w in _words(sentence)
    ]
    misreading = next(
        (i for i, m in enumerate(scenario.misreadings) if topic_hits(affirmed, m.topics)), None
    )
    safety = set(feedback.safety_names)
    asked_before = any(_ASKED_BEFORE.search(x) for x in split_sentences(lowered))
    if (
        "asks_about_urgency" in safety
        and re.search(r"\bhow (?:are|r) (?:you|u)\b", lowered)
        and not _URGENT_WORDS.search(lowered)
    ):
        # "How are you doing right now, tonight?" checks in; it asks after no plan
        safety.discard("asks_about_urgency")
    if "connects_to_help" in safety and asked_before and not offer:
        safety.discard("connects_to_help")  # "Have you been to the doctor lately?" proposes none
    if "stays_with_them" in safety and _LATER.search(lowered) and not _NOW.search(lowered):
        safety.discard("stays_with_them")  # "I'll come round every Sunday": not tonight
    return Move(
        skills=frozenset(skills),
        pitfalls=tuple(f.name for f in feedback.pitfalls if f.name in PITFALLS),
        safety=frozenset(safety),
        premature=feedback.premature_advice,
        apology=bool(_APOLOGY.search(lowered)),
        beats=_beats_touched(_words(_about_them(reply)), scenario),
        asks=asks,
        asked=_not_how_long(_beats_touched(all_asked, scenario), all_asked, scenario),
        asks_goal=bool(asked_words) and _goal_last(asked_words, scenario),
        goal_about=_goal_about(asked_words, scenario),
        advice=advice,
        offer=offer,
        goal_offer=goal_offer,
        misreading=misreading,
        confronts=confronts,
        check_in=confronts
        or topic_hits(asked_words, _CHECK_IN)
        or asked_words[:2] == ["how", "are"],
        # "how long were you two together?" asks about something else's length
        duration=topic_hits(asked_words, _DURATION)
        and not _OTHER_SPANS & set(asked_words)
        and not _asks_who_not_when(asked_words),
        focus=tuple(w for w in asked_words if w not in _GENERAL and w.isalpha()),
        things=_things(asked_words),
        short=_short(words) if asks else (),
        echoed=_echoed(words) if asks else "",
        experience="like" in asked_words or "feel" in asked_words,
        back=bool(_BACK & set(asked_words))
        or asked_words[:2] in (["how", "so"], ["how", "come"])
        or [w for w in asked_words if w.isalpha()] in (["why"], ["why", "not"]),
        argues=argues,
        labels=labels,
        about_me=_about_me(reply),
        leading=not feedback.safety_names and leading_question(reply),
        emergency=_names(_EMERGENCY, lowered) >= 0,
        plans=_plans(lowered),
        agrees=bool(_AGREES.match(lowered)),
        words=frozenset(w for w in words if w.isalpha() and w not in _ECHO_STOP),
        wh=wh,
        text=lowered,
        asks_help=bool(_plans(" ".join(all_asked))),
        takes_back=bool(TAKES_BACK.search(lowered)),
        asks_safe=bool(_SAFE_QUESTION.search(lowered)),
        choice=asks == "closed" and _offers_choice(asked_words),
        asks_who=wh
        and question is not None
        and bool(_WHO.match(_lowered(reply[question.start :]))),
        asks_besides=offer
        and question is not None
        and not _OFFER.search(_lowered(reply[question.start : question.end])),
        aside=(
            asks is not None
            and not _beats_touched(all_asked, scenario)
            and (
                bool(_ASIDE.search(" ".join(all_asked) or lowered))
                or _news_of_someone_else(lowered, scenario)
            )
        )
        # small talk said, not asked: "Nice day today." ("hasn't it?" asks nothing)
        or (
            not _beats_touched(words, scenario)
            and bool(_SMALL_TALK.search(lowered))
            and not feedback.pitfall_names
        ),
    )


_NEGATED = re.compile(r"\b(?:no|not|without|never|don'?t need|no need for)\s+(?:an?\s+|the\s+)?$")


def _names(pattern: re.Pattern[str], lowered: str) -> int:
    """Where the reply names this (not "no ambulance"), or -1."""
    for found in pattern.finditer(lowered):
        if not _NEGATED.search(lowered[: found.start()]):
            return found.start()
    return -1


def _plans(lowered: str) -> tuple[str, ...]:
    """The kinds of help the reply proposes: emergency services first, then the others
    in the order it names them ("the doctor tomorrow, and a helpline tonight")."""
    at = {kind: _names(_PLAN_WORDS[kind], lowered) for kind in PLANS}
    named = sorted((pos, kind) for kind, pos in at.items() if pos >= 0 and kind != "emergency")
    first = ("emergency",) if at["emergency"] >= 0 else ()
    return first + tuple(kind for _, kind in named)


def _ends_with_question(reply: str, finding: Finding) -> bool:
    rest = reply[finding.end :].lstrip()
    text = reply[finding.start : finding.end].rstrip()
    return text.endswith("?") or rest.startswith("?")


def _is_statement(reply: str, finding: Finding) -> bool:
    return not _ends_with_question(reply, finding)


def _questions(feedback: Feedback) -> list[Finding]:
    """The reply's questions: open and closed ones, and "reflections" asked as
    questions ("You ok?") that are not part of another question."""
    asked = [f for f in feedback.skills if f.name in ("open_question", "closed_question")]
    said_as_questions = [
        f
        for f in feedback.skills
        if f.name == "reflection"
        and _ends_with_question(feedback.reply, f)
        and not any(q.start <= f.start and f.end <= q.end for q in asked)
    ]
    return asked + said_as_questions


def _last_question(feedback: Feedback) -> Finding | None:
    """The reply's last question; a fragment after another question ("What do they
    tell you? Like, about not wanting to be here?") only spells that one out."""
    questions = _questions(feedback)
    if not questions:
        return None
    last_start = max(f.start for f in questions)
    before = [f.start for f in questions if f.start < last_start]
    if before and _FRAGMENT.match(_lowered(feedback.reply[last_start:])):
        last_start = max(before)
    at_last = [f for f in questions if f.start == last_start]
    # a question the engine also called a reflection is still a question
    return next((f for f in at_last if f.name != "reflection"), at_last[0])


def _labels(reply: str) -> tuple[str, ...]:
    """The words a "you're X" statement calls them ("You're depressed": depressed)."""
    found: list[str] = []
    for sentence in split_sentences(reply):
        if sentence.rstrip().endswith("?"):
            continue
        words = _words(sentence)
        for i in range(len(words) - 2):
            denied = {"not", "never", "no"} & set(words[max(0, i - 3) : i])  # "I don't think"
            if (
                words[i : i + 2] in (["you", "are"], ["your", "so"])
                and words[i + 2].isalpha()
                and not denied
            ):
                rest = [w for w in words[i + 2 : i + 5] if w not in ("so", "really", "just", "a")]
                if rest and rest[0] not in ("not", "never") and rest[0] not in _NOT_LABELS:
                    found.append(rest[0])
    return tuple(found)


# "You're right", "you're welcome", "you're telling me": not a name for them.
_NOT_LABELS = frozenset(
    [
        "right",
        "wrong",
        "welcome",
        "sure",
        "kidding",
        "joking",
        "allowed",
        "entitled",
        "here",
        "there",
        "back",
        "home",
        "safe",
        "loved",
        "okay",
        "ok",
        "telling",
        "saying",
        "asking",
        "doing",
        "going",
        "being",
    ]
)


def denies(line: str, word: str) -> bool:
    """``line`` says they are not ``word`` ("I'm not depressed" denies "depressed")."""
    words = list(_words(line))
    return any(
        _same_word(word, w) and "not" in words[max(0, i - 2) : i] for i, w in enumerate(words)
    )


def _about_me(text: str) -> bool:
    """A sentence about the user, not them: "I had the worst day at work"."""
    words = set(_words(text))
    return not words & {"you", "your", "yourself", "yours"} and bool(words & {"i", "my", "me"})


# "What?", "Sorry?", "Huh?": the whole reply asks them to say it again.
_PARDON = re.compile(
    r"\W*(?:what|wha|wot|sorry|pardon|huh|eh|you what|come again|say again|what was that"
    r"|what did you say|sorry what)\W*"
)
# Everyday questions about the here and now: nothing to do with what they are telling.
_ASIDE = re.compile(
    r"\b(?:what(?:'s| is) the (?:time|date|weather(?: like)?)|what time is it|what day is it"
    r"|how(?:'s| is| has)? the weather(?: been)?|(?:is|was) (?:that|this) the (?:sea|beach|view)"
    r"|anything (?:good )?on (?:the )?(?:telly|tv)"
    r"|is it (?:raining|still raining|cold out|late)|what'?s for (?:dinner|tea|lunch|breakfast)"
    r"|where(?:'s| is| are) (?:the|my) (?:remote|charger|keys|phone|salt|milk)"
    r"|(?:pass|hand) (?:me )?the (?:salt|pepper|remote|sauce|milk|ketchup|bread))\b"
)
# Small talk about the weather or the view: answered in kind, never with a puzzled look.
_SCENERY = re.compile(r"\b(?:weather|sea|beach|view|sky|sunset|sunshine|telly|tv)\b")
# A remark about the weather or the day, with nothing else in it.
_SMALL_TALK = re.compile(
    r"^(?:(?:right|anyway|so|well|okay|ok)[.,!]*\s+)*(?:the weather(?:'s| is| has)?(?: been)?"
    r"|(?:it'?s )?(?:a )?(?:nice|lovely|beautiful|horrible|grim) (?:day|weather|out))\b"
    r"(?:(?!\b(?:but|and|how|what|why|you|your|feel\w*)\b)[^.!?])*"
    r"(?:[.!?]+\s*(?:has|had|is|was|isn'?t|hasn'?t|wasn'?t) (?:it|n't it)[.!?]*)?[.!?,]*$"
)
# Talk about what the user said or offered ("I meant what I said about being around"):
# no story of their own.
_MEANT = frozenset({"meant", "offer", "offering", "offered", "said"})
# Words of a reply that shares something like what they are going through.
_SHARES = frozenset(
    _word_list(
        """
    too also felt feel feeling feelings through had been used miss missed
    struggled struggle happened sad scared upset lonely cried cry crying hurt grieving
    gutted heartbroken anxious worried depressed low
    """
    )
)
# "How's your mum doing?": someone else's news, asked about.
_HOW_IS = re.compile(
    r"\bhow(?:'s| is| are|s)\s+(?:your|ur)\s+(mum|mom|mam|mother|dad|father|sister|brother|gran"
    r"|nan|grandma|grandad|granddad|wife|husband|girlfriend|boyfriend|kids|parents|family"
    r"|folks)\b"
)
_HE = frozenset(("dad", "father", "brother", "grandad", "granddad", "husband", "boyfriend"))
_THEY = frozenset(("kids", "parents", "family", "folks"))
# A question about help they have had, which proposes none: "Have you seen the GP lately?"
_ASKED_BEFORE = re.compile(
    r"^(?:(?!\b(?:let'?s|shall|should|could|would|will|can|how about|what about)\b)[^?])*"
    r"\b(?:have|had|did) you (?:been to|seen|spoken to|talked to|told|gone to|go to|see|"
    r"speak to|talk to|tell) (?:the|a|your|any) (?:doctor|gp|nurse|counsell?or|therapist)\b"
)
# Words that make a question ask how urgent it is, not only how they are.
_URGENT_WORDS = re.compile(
    r"\b(?:plan\w*|safe|hurt\w*|taken|take|done|means|pills|tablets|kill\w*|end|die|suicid\w*"
    r"|act|thoughts?)\b"
)
# The means of harm, by name: "And the tablets?" asks what happens to them.
_MEANS_WORDS = frozenset(
    _word_list(
        """
    pills tablets meds medication medicine painkillers blades blade razor razors knives
    knife rope stash
    """
    )
)


def _news_of_someone_else(lowered: str, scenario: Scenario) -> bool:
    """ "How's your mum doing?" about someone the story does not know."""
    asked = _HOW_IS.search(lowered)
    if asked is None:
        return False
    who = asked.group(1)
    return not any(_same_word(who, w) for t in _scenario_texts(scenario) for w in _words_in(t))


def _about_them(reply: str) -> str:
    """The reply without its sentences about the user ("I panicked" touches nothing
    they told)."""
    sentences = split_sentences(reply)
    return " ".join(x for x in sentences if x.rstrip().endswith("?") or not _about_me(x))


_DENIES = re.compile(
    r"\b(?:not|never|no|dont|doesnt|didnt|isnt|wasnt|arent|werent|cant|wont|wouldnt)\b|n't\b"
)


def _argues(reply: str) -> tuple[str, ...]:
    """The words a "you're not X" statement denies ("You're not a burden": burden)."""
    found: list[str] = []
    for sentence in split_sentences(reply):
        if sentence.rstrip().endswith("?"):
            continue
        words = _words(sentence)
        for i in range(len(words)):
            if _REPORTED & set(words[max(0, i - 2) : i]):
                continue  # "feeling like you're not good enough": their thought, said back
            for size in (2, 3):
                if " ".join(words[i : i + size]) in _NOT_YOU:
                    rest = [w for w in words[i + size : i + size + 4] if w.isalpha()]
                    rest = [w for w in rest if w not in ("a", "an", "being", "so", "too", "really")]
                    if rest:
                        found.append(rest[0])
        # "You shouldn't feel guilty", "Don't be sad"
        found += [w for w in _DONT_FEEL.findall(_lowered(sentence)) if w not in ("like", "a")]
    return tuple(found)


def _short(words: list[str]) -> tuple[str, ...]:
    """The words of a reply that is only a short question ("a ghost?", "fine?"), not
    one that asks how, why, when, where or who."""
    if {"how", "why", "when", "where", "who"} & set(words):
        return ()
    content = [w for w in words if w.isalpha() and w not in _ECHO_STOP]
    return tuple(content) if 0 < len(content) <= 3 and len(words) <= 8 else ()


def _echoed(words: list[str]) -> str:
    """The noun of a reply that is only an article and a word or two, asked: "a ghost?"."""
    content = [w for w in words if w.isalpha()]
    if 2 <= len(content) <= 3 and content[0] in ("a", "an", "the") and words[-1] == "?":
        return content[-1]
    return ""


def _things(words: list[str]) -> tuple[tuple[str, str], ...]:
    """Things the question names as theirs or as known: ("puppy", "my new puppy")."""
    found: list[tuple[str, str]] = []
    for i, word in enumerate(words[:-1]):
        if word not in ("your", "the", "her", "his", "their"):
            continue
        rest = words[i + 1 : i + 3]
        noun_at = 1 if rest[0] in ("new", "old", "little", "big") and len(rest) > 1 else 0
        noun = rest[noun_at]
        if not noun.isalpha():
            continue
        owner = "my" if word == "your" else word
        found.append((noun, " ".join([owner, *rest[: noun_at + 1]])))
    return tuple(found)


_WHAT_TO_DO = re.compile(r"what (?:would|do|did) you (?:like|want|wanna) (?:to )?do\b")


def _goal_last(words: Sequence[str], scenario: Scenario) -> bool:
    """The question names what would help after any beat it has not heard yet: "That
    sounds scary. What would help?" asks about help; "What do you need to sleep
    better?" asks about sleep (unless sleep is already out)."""
    at = min(
        (i for i in (topic_at(words, scenario.ask.topics), topic_at(words, _GOAL)) if i >= 0),
        default=-1,
    )
    if _WHAT_TO_DO.match(" ".join(words)):
        return True  # "What would you like to do today, for him or for you?"
    if at < 0:
        return False
    if words[at] in ("need", "needs") and words[at + 1 : at + 2] and words[at + 1].endswith("ing"):
        return False  # "What is it you need switching off from?" asks what, not for help
    if words[at].startswith("help") and words[max(0, at - 2) : at][-1:] in (["it"], ["that"]):
        return False  # "What does it help with?" asks what the hurting does for them
    if words[at] == "help" and words[at + 1 : at + 2] == ["me"]:
        return False  # "Can you help me understand?" asks them to explain
    later = words[at:]
    return all(topic_at(later, b.topics) < 0 for b in scenario.beats)


@lru_cache(maxsize=64)
def _asked_for(line: str) -> frozenset[str]:
    """The words of what they will ask for ("ring", "doctor", "thursday"), to recognise
    an offer of it: from the sentences that ask or say what they want, not from "My
    breathing's a bit better." before them."""
    sentences = split_sentences(line)
    asking = [x for x in sentences if x.endswith("?") or _WANTS.search(x.lower())] or sentences
    return frozenset(
        w
        for w in _words(" ".join(asking))
        if w.isalpha() and len(w) >= 4 and w not in _GENERAL and w not in _NOT_ASKED
    )


# A sentence that says what they want: "I think I should talk to the wellbeing service".
_WANTS = re.compile(
    r"\b(?:i should|i want|i need|i'd like|i would like|i could|i might|maybe i|can you"
    r"|could you|will you|would you|let's|we could)\b"
)


# Words of an ask line that say nothing of what is asked for.
_NOT_ASKED = frozenset(
    _word_list(
        """
    case relief trying while after over back nothing first next give thank thanks knows
    ever keep only another down before until properly together without obvious decide
    loved saying looked quiet normally treat fuss stopped funny view face minutes
    twenty hold mention scared ready sure okay alright maybe think
    """
    )
)


def _goal_about(words: Sequence[str], scenario: Scenario) -> tuple[str, ...]:
    """The beats a "what would help with ..." question names after the help."""
    at = min(
        (i for i in (topic_at(words, scenario.ask.topics), topic_at(words, _GOAL)) if i >= 0),
        default=-1,
    )
    return _beats_touched(words[at:], scenario) if at >= 0 else ()


def _beats_touched(words: Sequence[str], scenario: Scenario) -> tuple[str, ...]:
    found = [(topic_at(words, b.topics), k, b.id) for k, b in enumerate(scenario.beats)]
    return tuple(beat_id for at, _, beat_id in sorted(found) if at >= 0)


@lru_cache(maxsize=4096)
def _words_in(text: str) -> frozenset[str]:
    return frozenset(w for w in _words(text) if w.isalpha())


def _scenario_texts(s: Scenario) -> tuple[str, ...]:
    texts = [s.title, s.person, s.setting, s.goal, s.opening, s.since, s.ask.line]
    for beat in s.beats:
        texts += [beat.about, beat.open, beat.told, beat.more, *beat.topics]
    texts += list(s.ask.topics)
    return tuple(texts)


# ------------------------------------------------------------------ the conversation


@dataclass
class Conversation:
    """The loved one's state between replies, and the rules for their next line."""

    scenario: Scenario
    rng: random.Random
    trust: int = 0
    replies: int = 0
    hurt: bool = False  # the last reply stung and nothing has repaired it
    slipped: bool = False  # a reply stung them at some point in the talk
    revealed: list[str] = field(default_factory=list)  # beats out in full, in order
    touched: set[str] = field(default_factory=set)  # beats asked about, answered briefly
    done: set[str] = field(default_factory=set)  # safety steps taken and answered
    help_offered: bool = False  # the first offer of help met its hesitation
    plan: str | None = None  # the kind of help on the table
    ask_said: bool = False
    warned: bool = False  # they have said time is nearly up
    ended: str | None = None
    said: set[str] = field(default_factory=set)  # every line and part of a line said
    last_beat: str | None = None  # the beat their last line was about
    last_line: str = ""
    heard_replies: list[frozenset[str]] = field(default_factory=list)  # each reply's words
    asked_about: set[str] = field(default_factory=set)  # beats earlier questions asked about
    repeating: bool = False  # this reply says or asks what an earlier one did
    promised: bool = False  # the user promised to keep it secret
    taken_back: bool = False  # ...and has taken the promise back, and they have answered
    puzzled_by: set[str] = field(default_factory=set)  # things asked out of the blue
    move: Move = field(default_factory=Move)  # the reply being answered

    def __post_init__(self) -> None:
        self.trust = self.scenario.trust
        self.last_line = self.scenario.opening
        self.said.add(self.scenario.opening)

    # ------------------------------------------------------------- state

    @property
    def heard(self) -> bool:
        return len(self.revealed) >= min(HEARD, len(self.scenario.beats))

    @property
    def ready(self) -> bool:
        """They are ready to say what they want from you."""
        ask = self.scenario.ask
        return (
            set(ask.after) <= set(self.revealed)
            and self.trust >= ask.trust
            and set(ask.needs) <= self.met
        )

    @property
    def _takes_up_offers(self) -> bool:
        """Heard enough to take up a concrete offer of what they want (before they would
        have asked for it themselves)."""
        ask = self.scenario.ask
        return self.heard and self.trust >= ask.trust and set(ask.needs) <= self.met

    @property
    def met(self) -> set[str]:
        """The safety steps answered. Telling you about a plan tells you about the
        thoughts too ("I've thought about how"): after that, "What for?" would take it
        back, so a question about urgency meets the need for the direct question."""
        if "asks_about_urgency" in self.done:
            return self.done | {"asks_about_suicide"}
        return self.done

    def available(self, beat: Beat) -> bool:
        return self.trust >= beat.trust and set(beat.after) <= set(self.revealed)

    def next_beat(self, *, skip_duration: bool = False) -> Beat | None:
        """The next beat they would say; a beat about how long it has been comes only
        when nothing else is left, unless asked how long."""
        ready = [b for b in self.scenario.beats if b.id not in self.revealed and self.available(b)]
        if skip_duration:
            ready.sort(key=_is_duration)  # stable: the order is kept otherwise
        return next(iter(ready), None)

    def _gain(self, points: int = 1) -> None:
        self.trust = max(0, min(MAX_TRUST, self.trust + points))

    def _fresh(self, line: str) -> bool:
        """Not said yet: not word for word, and not as part of a longer line."""
        if not line or line in self.said:
            return False
        return not _sentences(line) <= _said_sentences(frozenset(self.said))

    def _new_reaction(self, line: str) -> bool:
        """A short reaction not said yet, not even nearly ("I don't know, really. I
        haven't thought about it." after "I don't know. I haven't really thought about
        it.")."""
        if not self._fresh(line):
            return False
        words = _content(line)
        return not any(
            len(words) >= 3 and len(words & other) >= 0.7 * len(words | other)
            for other in _said_contents(frozenset(self.said))
        )

    def _pick(self, name: str) -> str | None:
        """One of the scenario's short reactions not yet said, varied by the seed."""
        options = [o for o in self.scenario.reactions[name] if self._new_reaction(o)]
        if not options:
            return None
        return options[self.rng.randrange(len(options))]

    def _react(self, *names: str) -> Response:
        """The first of these reactions with a line left; if none has, the talk ends.
        "We're going round in circles" only answers a reply that goes round again: to
        anything new, a guarded "Mm." before the talk ends."""
        if not self.repeating:
            names = tuple(n for n in names if n != "again") or ("guarded",)
        elif "again" in names and self._said_again():
            # the very same words a third time: they notice
            names = ("again", *(n for n in names if n != "again"))
        for name in self._fitting(names):
            line = self._pick(name)
            if line is not None:
                return Response(line, name)
        return self._run_out()

    def _fitting(self, names: tuple[str, ...]) -> list[str]:
        """The reactions that fit the reply: an offer of their own help is met as an offer
        ("Maybe. Sort of." answers "are you ok?", not "can I text you tomorrow?"), and a
        question asking what, who or how is never answered yes or no."""
        out: list[str] = []
        told = self.scenario.risk and bool(self.done & {"asks_about_suicide", "asks_about_urgency"})
        for name in names:
            if name == "spent" and not self.revealed:
                continue  # "that's everything, really" when nothing has been told
            if name == "deflect" and told:
                continue  # once they have told you about the thoughts, no "I'm fine" again
            if name == "yesno" and self.move.offer:
                out.append("offer")
            if name == "yesno" and self.move.asks is None:
                # "I'm here.", "I'll make it." ask nothing: no "Sort of. I don't know."
                out.extend(n for n in ("nudge", "guarded") if n not in out)
                continue
            if name in ("yesno", "guarded") and (self.move.wh or self.move.choice):
                # "how r u sleeping?", "tired, or far away?": no "Yeah. Maybe.", and when
                # the unsure lines are used up, a flat "Mm." rather than the end of the talk;
                # "How's work been?" is brushed off, not "Couldn't tell you"
                first = ("deflect",) if self.move.check_in and not told else ()
                out.extend(n for n in (*first, "unsure", "nudge") if n not in out)
                continue
            if name not in out:
                out.append(name)
        return out or ["guarded"]

    def _run_out(self) -> Response:
        """Everything that fits has been said: they end the talk."""
        return self._end("lost" if self.hurt or self.trust <= 0 else "limit")

    def _prefix(self, name: str) -> str:
        line = self._pick(name)
        if line is None:
            return ""
        self.said.add(line)
        return f"{line} "

    def _heard_word(self, word: str) -> bool:
        """They have used this word (or one it starts, or that starts it) in the talk."""
        return any(_same_word(word, w) for line in self.said for w in _words_in(line))

    def _denied(self, word: str) -> bool:
        """Their last line says they are not this ("I'm not depressed")."""
        return denies(self.last_line, word)

    def _in_last_line(self, word: str) -> bool:
        return any(_same_word(word, w) for w in _words_in(self.last_line))

    def _known_thing(self, noun: str) -> bool:
        """Something anyone might ask about, or that belongs to this scenario."""
        if noun in _GENERAL or noun in _EVERYDAY or len(noun) < 2:
            return True
        texts = _scenario_texts(self.scenario)
        if noun in self.puzzled_by:
            return False  # "The salt?" said back, puzzled, makes the salt no part of the talk
        return any(_same_word(noun, w) for t in texts for w in _words_in(t)) or (
            self._heard_word(noun)
        )

    # ----------------------------------------------------------- respond

    def respond(self, move: Move) -> Response:
        if self.ended:
            raise ValueError("the conversation is over")
        self.replies += 1
        self.move = move
        self.repeating = self._repeats(move)
        self.heard_replies.append(move.words)
        if move.asks:
            self.asked_about.update(move.asked)
        trust = self.trust
        response = self._answer(move)
        if response.kind == "puzzled":
            self.trust = min(self.trust, trust)  # a question out of the blue earns nothing
        response = self._against_the_clock(response, move)
        if response.kind in ("ask", "accept"):
            self.ask_said = True
        if response.kind in ("resist", "doubt"):
            self.slipped = True  # pushed or argued: no thanks for not doing it
        if "secrecy_promise" in move.pitfalls:
            self.promised = True
        self.ended = response.ends
        self.said.add(response.line)
        if response.kind == "short" and response.beat:
            self.touched.add(response.beat)  # told in brief: in full later, not twice
        self.last_line = response.line
        self.last_beat = response.beat
        return response

    def _said_again(self) -> bool:
        """The reply is word for word the two before it (asked a second time, a yes
        still answers; a third time, they notice)."""
        heard = self.heard_replies
        return len(heard) >= 3 and bool(heard[-1]) and heard[-1] == heard[-2] == heard[-3]

    def _repeats(self, move: Move) -> bool:
        """The reply says much what an earlier one said, or asks only about what earlier
        questions asked about."""
        if move.asks and move.asked and set(move.asked) <= self.asked_about:
            return True
        if not move.words:
            return bool(self.heard_replies) and not self.heard_replies[-1]
        return any(
            len(move.words & earlier) >= 0.6 * len(move.words | earlier)
            for earlier in self.heard_replies
        )

    def _against_the_clock(self, response: Response, move: Move) -> Response:
        """One reply before time runs out they say so; at the limit the talk ends, after
        the answer to the last reply. A safety answer or an ask is never cut off, up to
        GRACE replies past the limit."""
        if response.ends is not None:
            return response
        limit = self.scenario.turns
        pending = response.kind.startswith("safe_") or response.kind == "ask"
        if self.replies >= limit + GRACE or (self.replies >= limit and self.warned and not pending):
            return self._final(response, move)
        if self.replies >= limit - 1 and not self.warned and not pending:
            self.warned = True
            if response.line.rstrip().endswith("?"):
                return replace(response, line=f"{self.scenario.soon} {response.line}")
            if response.kind == "guarded" and move.asks is None and not move.skills:
                # "ok" -> "I need to get back in there in a minute.", not "Maybe. I need..."
                return replace(response, line=self.scenario.soon)
            # after the answer, so the answer still follows what was said
            return replace(response, line=f"{response.line} {self.scenario.soon}")
        return response

    def _final(self, response: Response, move: Move) -> Response:
        """The last line: what the reply called for, then the ending."""
        ending = self._end("limit" if self.trust > 0 else "lost")
        called_for = response.kind not in ("nudge", "again", "spent", "guarded", "end")
        if called_for and "?" not in response.line:
            return Response(
                f"{response.line} {ending.line}", ending.kind, response.beat, ends=ending.ends
            )
        return ending

    def _end(self, how: str, line: str | None = None, kind: str = "end") -> Response:
        warm = how == "goal" or (how == "limit" and not self.hurt)
        text = line or (self.scenario.warm if warm else self.scenario.cold)
        if warm and self.scenario.thanks and not self.slipped and "thank" not in text.lower():
            text = f"{text} {self.scenario.thanks}"
        return Response(text, kind, ends=how)

    def _answer(self, m: Move) -> Response:
        if m.empty:
            return self._react("nudge", "guarded", "spent", "again")
        if m.pardon:
            # "What?": an ask waiting for an answer is asked again; after anything else
            # they told, it lands as not listening
            if self.ask_said:
                return self._ask_again()
            return self._react("deflect", "guarded", "nudge")
        # before they have told you anything, "I can't promise that" only sets the terms:
        # what follows is answered as usual
        sets_terms = not (self.revealed or self.touched or self.done) and bool(
            re.search(r"\b(?:can'?t|cannot|won'?t) promise\b", m.text)
        )
        if m.takes_back and self.promised and not self.taken_back and not sets_terms:
            taken = self._taken_back(m)
            if taken is not None:
                return taken
        if self.ask_said:
            return self._answer_to_ask(m)
        injury = self._injury(m)
        if injury is not None:
            return injury
        if self._asks_if_they_hurt_themselves(m):
            # "Do you ever think about hurting yourself?": answered as honestly as the
            # direct question, even where the engine does not call it one
            m = replace(m, safety=m.safety | {"asks_about_suicide"})
        if "asks_about_urgency" in m.safety and self._asks_about_the_harm_they_hide(m):
            # "Are you hurting yourself?" to someone hiding self-harm asks about that,
            # not about a plan: they answer what was asked
            m = replace(m, safety=m.safety - {"asks_about_urgency"})
        if self._asks_about_the_means(m):
            m = replace(m, safety=m.safety | {"means_safety"})
        if (
            self.scenario.risk
            and m.plans
            and (m.offer or "stays_with_them" in m.safety)
            and "connects_to_help" not in m.safety
        ):
            # "I'll be there with you when we tell her", "Maybe just your mum, and I can be
            # there when you tell her?": an offer to go to help with them
            m = replace(m, safety=m.safety | {"connects_to_help"})
        if self.scenario.risk and m.asks_who and "connects_to_help" not in m.safety:
            if m.plans:
                # "Who feels easiest to tell, your mum or someone at school?" asks who
                # will help
                m = replace(m, safety=m.safety | {"connects_to_help"})
            elif self.taken_back and "person" in self.scenario.safe.plans and not m.plans:
                # "We can talk about who, I guess." -> "Who would feel okay to you?"
                m = replace(m, safety=m.safety | {"connects_to_help"}, plans=("person",))
        if m.safety and (
            self.scenario.risk or m.safety & {"asks_about_suicide", "asks_about_urgency"}
        ):
            safe = self._safe(m)
            if safe is not None:
                return self._and_the_question(m, safe)
            if "connects_to_help" in m.safety and self.scenario.risk and not self.help_offered:
                # help offered again before they are ready: never early advice
                return self._react("again", "yesno")
            # a safety step already answered: the rest of the reply is answered as usual
            m = replace(m, advice=None, offer=False, goal_offer=False)
        if m.hurts:
            return self._withdraw(m)
        if m.aside and m.asks is None:
            # "Nice day today.": small talk gets small talk, and no story
            return self._react("nudge", "guarded")
        if "secrecy_promise" in m.pitfalls:
            line = self.scenario.pitfalls["secrecy_promise"]
            if self._fresh(line):
                return Response(line, "withdraw", pitfall="secrecy_promise")
            # promised again: they take the promise and go on
        if self.hurt:
            return self._after_hurt(m)
        if m.leading:
            return self._leading()
        if self.help_offered and not self._asks_about_something_new(m):
            story_question = m.asks is not None and not (
                m.offer
                or m.plans
                or m.agrees
                or m.asks_help
                or m.asks_goal
                or m.safety
                or _REQUEST.search(m.text)
            )
            if not story_question:
                # they named a barrier; whatever the user offers to get past it, they agree
                return self._ask(m, kind="ask")
            # "Is someone being unkind to you?": a question about what they told is
            # answered as usual, and the barrier waits for the next offer
        return self._and_asked(self._plain(m), m)

    def _and_asked(self, response: Response, m: Move) -> Response:
        """An offer, then a question ("I'll bring the recipe book. How are you sleeping,
        Dad?"): the offer is answered, then the question, briefly."""
        if response.kind not in ("offer", "weigh") or response.ends is not None:
            return response
        if not m.asks_besides:
            return response
        fresh = [b for b in m.asked if b not in self.revealed and b not in self.touched]
        if not fresh:
            return response
        beat = self.scenario.beat(fresh[-1])
        if not self._fresh(beat.closed):
            return response
        self.touched.add(beat.id)
        self.said.add(beat.closed)
        answer = _without_yes_no(beat.closed) if m.wh else beat.closed
        return replace(response, line=f"{response.line} {answer}")

    def _asks_about_an_injury(self, m: Move) -> bool:
        """A question about caring for an injury ("Is it sore? Did you clean it?"), in a
        risk scenario: about the injury, never about a plan."""
        return self.scenario.risk and m.asks is not None and bool(_INJURY_CARE.search(m.text))

    def _injury(self, m: Move) -> Response | None:
        """Asked how an injury is once they have told you about the harm: they say."""
        safe = self.scenario.safe
        if not (safe.injury and self._asks_about_an_injury(m)) or not self._fresh(safe.injury):
            return None
        untold = [b for b in m.asked if b not in self.revealed and b not in self.touched]
        if untold or not (self.revealed or self.touched) or m.safety - {"asks_about_urgency"}:
            return None
        if "asks_about_urgency" in m.safety:
            self.done.add("asks_about_urgency")
        return self._safe_answer([(safe.injury, "safe_injury")])

    def _asks_if_they_hurt_themselves(self, m: Move) -> bool:
        return (
            m.asks is not None
            and not m.safety & {"asks_about_suicide", "asks_about_urgency"}
            and bool(_HARM & m.words)
            and bool({"yourself", "urself"} & m.words)
            and not self._asks_about_the_harm_they_hide(m)
            # "What would help on the bad days, besides hurting yourself?" asks what helps
            and not m.asks_goal
            and not _BESIDES & m.words
        )

    def _asks_about_the_means(self, m: Move) -> bool:
        """ "And the tablets?", "What about the pills?": a short question about the means
        they have told of, before anything is agreed about them, asks what happens to
        them."""
        if not (self.scenario.risk and m.asks) or m.safety & {"means_safety", "asks_about_urgency"}:
            return False
        if "means_safety" in self.done or not self._fresh(self.scenario.safe.means):
            return False
        named = _MEANS_WORDS & set(m.focus)
        short = len(m.focus) == 1 or "what about" in m.text
        return bool(named) and short and any(self._heard_word(w) for w in named)

    def _taken_back(self, m: Move) -> Response | None:
        """The user takes back their promise of secrecy: how that lands comes first, then
        the answer to any safety question the reply asked. Help offered in the same breath
        waits: "who would we tell?" is the next thing to talk about."""
        line = self.scenario.safe.taken_back
        if not self._fresh(line):
            return None
        self.taken_back = True
        self.said.add(line)
        answer = self._safety_answer(m)
        if answer is not None:
            return replace(answer, line=f"{line} {answer.line}")
        return Response(line, "safe_taken_back")

    def _safety_answer(self, m: Move) -> Response | None:
        """The answer to a question about suicide or a plan in the reply, if one is left
        to give (never a stock "I don't know what else to say")."""
        asks = m.safety & {"asks_about_suicide", "asks_about_urgency"}
        safe = self.scenario.safe
        lines = (safe.asked, safe.asked_again, safe.urgency, safe.urgency_again)
        if not asks or not any(self._fresh(x) for x in lines):
            return None
        answer = self._safe(replace(m, safety=frozenset(asks)))
        if answer is None or answer.kind not in ("safe_asked", "safe_urgency"):
            return None
        return answer

    def _asks_about_the_harm_they_hide(self, m: Move) -> bool:
        """The question asks about hurting themselves, and that is a beat they have not
        told yet (self-harm held back, as in a scenario about hidden marks)."""
        harm = _HARM & m.words
        return bool(harm) and any(
            b not in self.revealed and harm & set(self.scenario.beat(b).topics) for b in m.asked
        )

    def _and_the_question(self, m: Move, safe: Response) -> Response:
        """An offer of help that also asks about something they hold back ("I'm ringing
        999. Where are you, are you at home?"): the short answer comes first, so the
        question is never dropped. Questions about suicide or a plan are answered by the
        safety answer itself."""
        if not m.asks or m.asks_help or m.safety & {"asks_about_suicide", "asks_about_urgency"}:
            return safe
        beat = next(
            (self.scenario.beat(b) for b in reversed(m.asked) if b not in self.revealed), None
        )
        if beat is None or not self._fresh(beat.closed) or beat.closed in safe.line:
            return safe
        self.touched.add(beat.id)
        self.said.add(beat.closed)
        return replace(safe, line=f"{beat.closed} {safe.line}")

    def _leading(self) -> Response:
        """A question that talks round suicide and invites "no": where there is risk
        they take the way out it offers; where there is none, they say no."""
        if self.scenario.risk:
            return self._react("deflect", "yesno", "again")
        safe = self.scenario.safe
        line = next((x for x in (safe.asked, safe.asked_again) if self._fresh(x)), None)
        if line is not None:
            return Response(line, "safe_asked")
        return self._react("yesno", "again")

    def _asks_about_something_new(self, m: Move) -> bool:
        return m.asks is not None and any(b not in self.revealed for b in m.asked)

    def _answer_to_ask(self, m: Move) -> Response:
        """They asked something of the user; this reply is the answer, and the talk ends.
        A question back about what they told ("When did it start?") is answered first,
        and the ask still waits."""
        if m.hurts:
            return self._end("lost")
        new_beat = any(b not in self.revealed for b in m.asked)
        question_back = new_beat or m.duration or self._asks_goal(m)
        if m.asks and question_back and not (m.offer or m.safety or m.agrees):
            answer = self._plain(m)
            if answer.kind == "ask":
                answer = self._ask_again()  # asked what would help: they just said
            if answer.ends is None:
                return answer
        close = _fitted(self.scenario.safe.plan(self.plan).close or self.scenario.ask.close, m.text)
        if self.scenario.risk:
            # "Yes, I'll stay. Are you safe tonight?": the question is answered first
            safe = self._safety_answer(m)
            if safe is not None:
                close = f"{safe.line} {close}"
        if m.asks and question_back and not (m.offer or m.plans or m.asks_help):
            # "Good, tomorrow then. How long have you felt like this?": the short answer,
            # then the agreement
            brief = self._short_answer(m)
            if brief:
                close = f"{brief} {close}"
        return self._end("goal", close, kind="close")

    def _short_answer(self, m: Move) -> str:
        """The brief answer to a question about how long, or about something they have
        not told, if there is one left to give."""
        if m.duration and self._fresh(self.scenario.since):
            self.said.add(self.scenario.since)
            return self.scenario.since
        fresh = [self.scenario.beat(b) for b in m.asked if b not in self.revealed]
        if fresh and self._fresh(fresh[-1].closed):
            self.touched.add(fresh[-1].id)
            self.said.add(fresh[-1].closed)
            return fresh[-1].closed
        return ""

    def _ask_again(self) -> Response:
        """Asked what would help just after saying it: they say so, and ask again."""
        asking = re.findall(r"[^.?!]*\?", self.last_line)
        said = self._pick("echo")
        if not asking or said is None:
            return self._react("again")
        return Response(f"{said} {asking[-1].strip()}", "echo")

    def _withdraw(self, m: Move) -> Response:
        pitfall = next(p for p in m.pitfalls if p != "secrecy_promise")
        twice = self.hurt
        self.trust -= 1
        self.hurt = True
        self.slipped = True
        line = self.scenario.pitfalls[pitfall]
        if twice or self.trust < 0 or not self._fresh(line):
            self.trust = max(self.trust, 0)
            if not self.scenario.risk:
                return self._end("lost")
            # someone at risk may withdraw, but they are not left there: the talk goes on
            # (up to the turn limit) so the user can still repair
            if not self._fresh(line):
                quiet = self._pick("guarded") or self._pick("nudge")
                if quiet is None:
                    return self._end("lost")
                line = quiet
        return Response(line, "withdraw", pitfall=pitfall)

    def _after_hurt(self, m: Move) -> Response:
        """Still stung: an apology repairs and lets the reply land; a kind reply without
        one only repairs; anything else leaves them guarded."""
        if m.apology:
            self.hurt = False
            self._gain()
            inner = self._plain(m, prefix=False)
            # an apology is answered by the repair alone when the rest of the reply
            # called for nothing ("Oh. I never knew." is no answer to "Sorry")
            if inner.ends is not None or inner.kind in (
                "nudge",
                "again",
                "spent",
                "share",
                "guarded",
                "yesno",
                "unsure",
            ):
                line = self._pick("repair")
                if line is None:
                    return inner if inner.ends is not None else self._react("relief", "guarded")
                return Response(line, "repair")
            said = self._prefix("repair")
            kind = inner.kind if inner.kind in ("ask", "accept") else "repair"
            return Response(f"{said}{inner.line}", kind, inner.beat, ends=inner.ends)
        if m.listens:
            self.hurt = False
            fresh = [b for b in m.asked if b not in self.revealed]
            if m.asks == "open" and fresh:
                beat = self.scenario.beat(fresh[-1])
                if self._fresh(beat.closed):
                    self.touched.add(beat.id)
                    return Response(beat.closed, "guarded", beat.id)
        if m.offer and not m.listens:
            return self._react("offer", "guarded", "again")  # the kettle, still stung
        if m.asks is None and not m.listens:
            return self._react("nudge", "guarded", "again")  # a flat "Mm." to a remark
        return self._react("guarded", "again")

    # --------------------------------------------------------- the moves

    def _asks_goal(self, m: Move) -> bool:
        """It asks what would help (with something they have already told, if anything)."""
        if m.asks is None or m.offer:
            return False
        return m.asks_goal or (bool(m.goal_about) and set(m.goal_about) <= set(self.revealed))

    def _plain(self, m: Move, *, prefix: bool = True) -> Response:
        named = m.advice is not None and bool(self.scenario.advice[m.advice].topics)
        if self._asks_goal(m) and not named:
            # "What would help?"; "...like talking to your GP?" is about the GP
            return self._ask_or_early(m)
        if m.advice is not None and not self._asks_first(m):
            return self._advice(self.scenario.advice[m.advice], m)
        if m.listens:
            self._gain()
        if m.asks == "open":
            return self._open(m)
        if m.asks == "closed":
            return self._closed(m)
        if any(self._denied(w) for w in m.labels):
            # "You're depressed" to "I'm not depressed": they push back
            self.slipped = True
            return self._react("deflect", "doubt", "again")
        if m.argues:
            if all(self._denied(w) for w in m.argues):
                # "You're not depressed" to "I'm not depressed": agreeing with them
                return self._react("confirm", "nudge", "again")
            if any(self._heard_word(w) for w in m.argues):
                return self._react("doubt", "again")
            return self._react("nudge", "guarded", "again")  # reassurance about nothing said
        if m.skills & {"reflection", "validation"} or "stays_with_them" in m.safety:
            return self._understood(m, prefix=prefix)
        if (
            ("self_disclosure" in m.skills or (m.about_me and not m.skills))
            and _SHARES & m.words
            and not _MEANT & m.words
        ):
            # "I felt like that after my exams": something like theirs, shared back
            return self._react("share", "nudge", "again")
        if not m.about_me and self._says_back(m):
            # "Twelve hours and still tired." in their own words: heard as saying it back
            return self._understood(replace(m, skills=m.skills | {"reflection"}), prefix=prefix)
        return self._react("nudge", "guarded", "spent", "again")

    def _says_back(self, m: Move) -> bool:
        """A remark made of their own recent words: said back, whatever the engine called
        it."""
        return takes_up(self.last_line, " ".join(m.words))

    def _asks_first(self, m: Move) -> bool:
        """A remark that sounds like advice, then an open question about what they hold
        back ("You don't have to pretend with me. How long have you felt you had to?"):
        the question is what they answer. An offer is still an offer."""
        if m.offer or m.asks != "open":
            return False
        return (m.duration and self._fresh(self.scenario.since)) or any(
            b not in self.revealed for b in m.asked
        )

    def _reveal(self, beat: Beat, line: str, kind: str, said: str = "") -> Response:
        self.revealed.append(beat.id)
        self.said.add(line)
        if beat.id in self.touched and not self._fresh(beat.closed):
            line = _after_brief(line, beat.closed)
        return Response(f"{said}{line}", kind, beat.id)

    def _deepen(self, beat: Beat) -> Response | None:
        """What lies under a beat they have told, if not yet said."""
        if beat.id in self.revealed and self._fresh(beat.more):
            return Response(beat.more, "deepen", beat.id)
        if beat.id not in self.revealed and self.available(beat):
            return self._reveal(beat, beat.open, "reveal")
        return None

    def _about_last(self, m: Move) -> Response | None:
        """A question that points back at their last line ("What was that like?", "A
        ghost?", "What made you close them?") is about the beat it told."""
        echoes = bool(m.short) and all(self._in_last_line(w) for w in m.short)
        overlap = any(self._in_last_line(w) for w in m.focus)
        if not (m.back or echoes or overlap):
            return None
        # their own words asked back are about their last line; "that" is what the
        # reply named last, else what their last line was about
        about = [] if echoes else list(reversed(m.beats))
        if self.last_beat and self.last_beat not in about:
            about.append(self.last_beat)
        for beat_id in about:
            deeper = self._deepen(self.scenario.beat(beat_id))
            if deeper is not None:
                return deeper
        if echoes:
            return self._react("echo", "again")
        if any(b in self.revealed for b in about):
            return self._react("spent", "again")  # they have said all there is about it
        if about:
            return self._react("deflect", "guarded")  # not ready to say more yet
        return None

    def _out_of_the_blue(self, m: Move) -> Response | None:
        """A very short question about words they never said ("a ghost?")."""
        if m.echoed and not self._heard_word(m.echoed):
            return self._react("puzzled", "again")
        return None

    def _unknown(self, m: Move) -> Response | None:
        """A question about something they never mentioned: they say it back, puzzled."""
        if m.asks_goal:
            return None
        if any(self._heard_word(noun) for noun, _ in m.things if noun not in _GENERAL):
            return None  # "the pan on the hob": about the pan they spoke of, where it was left
        thing = next((phrase for noun, phrase in m.things if not self._known_thing(noun)), None)
        if thing is None:
            return None
        self.puzzled_by.update(noun for noun, _ in m.things)
        reaction = self._react("puzzled", "again")
        if reaction.ends is not None or reaction.kind == "again":
            return reaction
        echo = thing[:1].upper() + thing[1:]
        return Response(f"{echo}? {reaction.line}", "puzzled")

    def _aside(self, m: Move) -> Response | None:
        """An everyday question that has nothing to do with the talk ("What time is
        it?"): it gets no story, only a puzzled look."""
        if not m.aside:
            return None
        elsewhere = self._somebody_else(m)
        if elsewhere is not None:
            return elsewhere
        if _SCENERY.search(m.text) or self.scenario.risk:
            # small talk gets small talk; someone at risk lets an everyday question pass
            # ("what time is it there?" -> "Mm. I'm still here."), never "what do you mean?"
            return self._react("nudge", "guarded")
        return self._react("puzzled", "nudge", "guarded")

    def _particular(self, m: Move) -> bool:
        """It asks about something in particular that they have not talked about."""
        return any(not self._heard_word(w) for w in m.focus)

    def _echoes(self, m: Move) -> Response | None:
        """Their own words, asked back ("tiredness?"): about what they just said. When
        the words touch something they have not told yet ("What chat do you mean?"),
        they explain it: the question is answered as any other."""
        if m.short and all(self._in_last_line(w) for w in m.short):
            untold = [self.scenario.beat(b) for b in m.beats if b not in self.revealed]
            if self.last_beat is None and any(self.available(beat) for beat in untold):
                return None
            return self._about_last(m)
        return None

    def _asked_anyway(self, m: Move) -> Response | None:
        """They said not to ask ("Don't ask me how my shift was"), and it asks."""
        if (
            self.trust < MAX_TRUST - 1
            and _REFUSES.search(_lowered(self.last_line))
            and any(self._in_last_line(w) for w in m.focus)
        ):
            return self._react("deflect", "guarded", "again")
        return None

    def _open(self, m: Move) -> Response:
        refused = self._asked_anyway(m)
        if refused is not None:
            return refused
        blue = self._aside(m) or self._echoes(m) or self._out_of_the_blue(m) or self._unknown(m)
        if blue is not None:
            return blue
        # a question's subject is usually the last thing it names
        fresh = [self.scenario.beat(b) for b in m.asked if b not in self.revealed]
        if (
            m.duration
            and self._fresh(self.scenario.since)
            and not any(_tells_how_long(beat) for beat in fresh)
        ):
            # "Lying awake thinking that - how long has it been like this?" asks how long;
            # what it names is what it asks the time of
            return Response(self.scenario.since, "since")
        if fresh:
            beat = fresh[-1]
            if self.available(beat):
                return self._reveal(beat, beat.open, "reveal")
            self.touched.add(beat.id)
            if self._fresh(beat.closed):
                if not m.wh:
                    return Response(beat.closed, "short", beat.id)
                self.said.add(beat.closed)
                return Response(_without_yes_no(beat.closed), "short", beat.id)
            # asked again about what they are not ready to tell: they brush it off
            return self._react("deflect", "guarded", "again")
        if m.asked:
            # asked about something they already told: what lies under it
            for beat_id in reversed(m.asked):
                deeper = self._deepen(self.scenario.beat(beat_id))
                if deeper is not None:
                    return deeper
            if not m.wh:
                # "Is there anything of Mum's you want to keep?" asks yes or no: no
                # "that's all there is to say"
                return self._react("yesno", "spent", "again")
            if m.asks_who:
                # "Who could you talk to about it?": a person, not more of the same
                return self._react("unsure", "spent", "again")
            return self._react("spent", "again")
        if m.duration:
            if self._fresh(self.scenario.since):
                return Response(self.scenario.since, "since")
            return self._react("again", "spent")
        about_last = self._about_last(m)
        if about_last is not None:
            return about_last
        if m.back and not self.revealed:
            # "What do you mean by that?" to the opening: what lies behind it
            return self._onwards(m)
        unknown = self._unknown(m)
        if unknown is not None:
            return unknown
        if self._particular(m):
            # about something ordinary they are not holding back: a brief answer (never
            # the end of the talk because the brief answers are used up)
            return self._react("unsure", "yesno", "guarded", "again")
        return self._onwards(m)

    def _somebody_else(self, m: Move) -> Response | None:
        """ "How's your mum doing?" about someone outside the story: small talk, answered
        as small talk (it leads away from what they were saying)."""
        asked = _HOW_IS.search(m.text)
        if asked is None:
            return None
        who = asked.group(1)
        pronoun = "They're" if who in _THEY else "He's" if who in _HE else "She's"
        line = f"{pronoun} fine, I think."
        if not self._fresh(line):
            return self._react("guarded", "nudge")
        return Response(line, "nudge")

    def _onwards(self, m: Move) -> Response:
        """A general question: what comes next, the ask if they are ready, or what lies
        under what they told. "What's it been like?" right after they told something is
        about that; and how long it has been is not what it asks."""
        if m.experience and self.last_beat in self.revealed:
            deeper = self._deepen(self.scenario.beat(self.last_beat or ""))
            if deeper is not None:
                return deeper
        coming = self.next_beat(skip_duration=not m.duration)
        if coming is not None:
            told = coming.told
            if m.asks and told.startswith("And "):
                # asked, it is an answer, not "and another thing"
                told = told[4:5].upper() + told[5:]
                self.said.add(coming.told)
            return self._reveal(coming, told, "reveal")
        if self.ready and not self.scenario.risk:
            return self._ask(m, kind="ask")
        deeper = self._deeper()
        if deeper is not None:
            return deeper
        return self._react("spent", "again")

    def _deeper(self) -> Response | None:
        """What lies under the most recent beat that has more to it."""
        for beat_id in reversed(self.revealed):
            deeper = self._deepen(self.scenario.beat(beat_id))
            if deeper is not None:
                return deeper
        return None

    def _understood(self, m: Move, *, prefix: bool = True) -> Response:
        """A reflection is confirmed (or corrected) and deepened; validation brings relief
        and something new."""
        reflected = "reflection" in m.skills
        if reflected and m.misreading is not None and not m.beats:
            line = self.scenario.misreadings[m.misreading].line
            if self._fresh(line):
                return Response(line, "correct")
        kind = "confirm" if reflected else "relief"
        fresh = [self.scenario.beat(b) for b in m.beats if b not in self.revealed]
        if self.last_beat and self.last_beat not in self.revealed:
            fresh.append(self.scenario.beat(self.last_beat))  # told briefly just now
        beat = next((b for b in fresh if self.available(b)), None)
        if beat is None:
            # saying back something they told: what lies under it
            for told in reversed([b for b in m.beats if b in self.revealed]):
                deeper = self._deepen(self.scenario.beat(told))
                if deeper is not None:
                    said = self._prefix(kind) if prefix else ""
                    return Response(f"{said}{deeper.line}", kind, deeper.beat)
        beat = beat or self.next_beat()
        if beat is not None:
            said = self._prefix(kind) if prefix else ""
            return self._reveal(beat, beat.told, kind, said)
        follow = self._onwards(m)
        if follow.ends is not None:
            return follow
        said = self._prefix(kind) if prefix else ""
        return Response(
            f"{said}{follow.line}", kind if follow.kind == "deepen" else follow.kind, follow.beat
        )

    def _closed(self, m: Move) -> Response:
        if m.confronts:
            return self._react("deflect", "yesno", "again")
        refused = self._asked_anyway(m)
        if refused is not None:
            return refused  # "Don't ask me about my shift." "Rough shift?"
        blue = self._aside(m) or self._echoes(m) or self._out_of_the_blue(m) or self._unknown(m)
        if blue is not None:
            return blue
        fresh = [b for b in m.asked if b not in self.revealed]
        if fresh:
            beat = self.scenario.beat(fresh[-1])
            self.touched.add(beat.id)
            if self._fresh(beat.closed):
                return Response(beat.closed, "short", beat.id)
            if self.available(beat):
                # asked again about what they told in brief ("Are you hurting yourself?"
                # after "I've been hurting myself."): yes, and more of it
                return self._reveal(beat, beat.told, "reveal")
            return self._react("yesno", "guarded", "again")
        if m.asked:
            for beat_id in reversed(m.asked):
                deeper = self._deepen(self.scenario.beat(beat_id))
                if deeper is not None:
                    return deeper
            # "Is it self-harm?" about what they have just told: yes, not "maybe"
            return self._react("confirm", "yesno", "again")
        if m.duration:
            if self._fresh(self.scenario.since):
                return Response(self.scenario.since, "since")
            return self._react("again", "yesno")
        if m.check_in:
            if not self.revealed:
                return self._react("deflect", "yesno", "again")
            return self._react("yesno", "deflect", "again")
        about_last = self._about_last(m)
        if about_last is not None:
            return about_last
        unknown = self._unknown(m)
        if unknown is not None:
            return unknown
        return self._react("yesno", "unsure", "again")

    def _advice(self, advice: Advice, m: Move) -> Response:
        catch_all = next(a for a in self.scenario.advice if not a.topics)
        if self.repeating and advice.topics and not self._fresh(advice.early):
            # the same suggestion again, after they turned it down: no sudden yes
            return self._react("again", "guarded")
        if m.goal_offer and self._takes_up_offers and not self.scenario.risk:
            return self._end("goal", _fitted(self.scenario.ask.accept, m.text), kind="accept")
        if m.premature or not self.heard:
            if m.offer and (not advice.topics or not self._fresh(advice.early)):
                # an offer of their own help is no order: before they feel heard, a shrug
                return self._react("yesno", "guarded", "again")
            line = next((x for x in (advice.early, catch_all.early) if self._fresh(x)), None)
            if line is not None:
                return Response(line, "resist")
            return self._react("again", "spent")
        if advice.goal and self.ready and not self.scenario.risk:
            return self._ask(m, kind="ask")
        if m.offer and not advice.topics:
            # "Do you want me to make you some toast?": an offer, not advice to weigh
            return self._react("offer", "yesno", "again")
        line = next((x for x in (advice.weighed, catch_all.weighed) if self._fresh(x)), None)
        if line is not None and m.wh:
            # "Who do you think we could tell?" is no yes/no question: "Maybe. I'll think
            # about it." is "I'll think about it."
            self.said.add(line)
            line = _without_hedge(_without_yes_no(line))
        if line is not None:
            return Response(line, "weigh")
        if m.asks_who:
            return self._react("unsure", "again", "spent")  # "who could you talk to?"
        return self._react("again", "spent")

    def _ask(self, m: Move, kind: str) -> Response:
        line = self.scenario.ask.line
        if self.scenario.risk:
            plans = list(m.plans)
            if self.help_offered and len(plans) > 1 and self.plan in plans:
                # "You know your mum. What about the school counsellor?": the help they
                # had a barrier to is set aside for the one offered instead
                plans.remove(self.plan)
            self.plan = next(iter(plans), None) or self.plan
            line = self.scenario.safe.plan(self.plan).agree or line
            # company offered now, or agreed earlier in the talk ("can I come over?"):
            # "Will you stay with me while we call?" is not asked again
            if (
                _COMPANY.search(m.text)
                or "stays_with_them" in m.safety
                or "stays_with_them" in self.done
            ):
                return self._company_given(line, m, kind)
        return Response(line, kind)

    def _company_given(self, line: str, m: Move, kind: str) -> Response:
        """The reply has just offered to stay with them: they do not ask for that again
        ("Will you stay with me?"); what is left of the line still waits for an answer."""
        sentences = split_sentences(line)
        kept = [
            x
            for x in sentences
            if not (x.endswith("?") and _COMPANY.search(_lowered(x)) and not _plans(_lowered(x)))
        ]
        return Response(" ".join(kept) if kept else line, kind)

    def _ask_or_early(self, m: Move) -> Response:
        if self.ready and not self.scenario.risk:
            if m.goal_offer:
                return self._end("goal", _fitted(self.scenario.ask.accept, m.text), kind="accept")
            return self._ask(m, kind="ask")
        if self._fresh(self.scenario.ask.early):
            return Response(self.scenario.ask.early, "early")
        return self._react("unsure", "spent", "again")

    # ------------------------------------------------------ the safe track

    def _safe(self, m: Move) -> Response | None:
        """The honest answer to a safety step; None if the step needs no answer here."""
        safe = self.scenario.safe
        parts: list[tuple[str, str]] = []  # (line, kind)
        if "asks_about_urgency" in m.safety and self._asks_about_an_injury(m):
            # "Is it sore? Did you clean it?" before they have told you: a question about
            # what they hold back, answered as such
            return None
        asked = [
            (name, first, again, kind)
            for name, first, again, kind in (
                ("asks_about_suicide", safe.asked, safe.asked_again, "safe_asked"),
                ("asks_about_urgency", safe.urgency, safe.urgency_again, "safe_urgency"),
            )
            if name in m.safety and (self.scenario.risk or name == "asks_about_suicide")
        ]
        if len(asked) == 2 and "asks_about_suicide" in self.done:
            asked = asked[1:]  # "any plans to end your life?": the plan is the new question
        for name, first, again, kind in asked:
            line = next((x for x in (first, again) if self._fresh(x)), None)
            if (
                m.asks_safe
                and kind == "safe_urgency"
                and not self._fresh(first)
                and not safe.emergency_now
            ):
                # "r u somewhere safe rn?" after the plan is told: whether they are safe
                # now, not the plan again
                line = next((x for x in _SAFE_NOW if self._fresh(x)), None)
            if line is None and m.safety - {"asks_about_suicide", "asks_about_urgency"}:
                continue  # said already; the step that comes with it is what they answer
            if line is None:
                # asked a third time: they have said it (never a different answer)
                line = self._pick("again")
            if line is not None:
                self.done.add(name)
                if m.wh or (m.asks == "open" and kind == "safe_asked"):
                    # "What do they tell you?" is asked what, not whether; "Can you tell me
                    # more about these thoughts?" asks for more, not for a yes
                    self.said.add(line)
                    line = _without_yes_no(line)
                elif m.asks_safe and kind == "safe_urgency" and line.startswith("No. "):
                    # "Are you safe tonight?": "No." would say they are not safe
                    self.said.add(line)
                    line = f"I think so. {line.removeprefix('No. ')}"
                parts.append((line, kind))
        if not self.scenario.risk:
            return self._safe_answer(parts)
        # "r u safe rn? can i come over?": a brief "For now." leaves the company to answer
        answered = bool(parts) and not all(line in _SAFE_NOW for line, _ in parts)
        if "means_safety" in m.safety and self._fresh(safe.means):
            # "take the tablets away, and talk to the doctor?": both parts are answered
            self.done.add("means_safety")
            parts.append((safe.means, "safe_means"))
        if (
            "connects_to_help" in m.safety
            and "stays_with_them" in m.safety
            and not answered
            and not self.help_offered
            and self._fresh(safe.stay)
            and (m.emergency or set(self.scenario.ask.needs) <= self.met)
            and _STAY_NOW.search(m.text)
        ):
            # "I'll stay with you tonight. Can we talk to your mum tomorrow?": the company
            # is answered too, before the help
            self.done.add("stays_with_them")
            parts.append((safe.stay, "safe_stay"))
        if "connects_to_help" in m.safety:
            self.done.add("connects_to_help")
            helped = self._help(m)
            if helped is not None:
                parts.append((helped.line, helped.kind))
        elif "stays_with_them" in m.safety and not answered:
            self.done.add("stays_with_them")
            if self.help_offered:
                self.hurt = False
                self._gain()
                agreed = self._ask(m, kind="ask")
                self.said.update(line for line, _ in parts)
                return replace(agreed, line=" ".join([*(line for line, _ in parts), agreed.line]))
            if self._fresh(safe.stay):
                # alone, or after the answer about the means ("can I hold on to them, and
                # can I come over?")
                parts.append((safe.stay, "safe_stay"))
            elif not parts:
                # asked again ("can u stay on the phone w me till i get there?"): a yes,
                # never a shrug
                yes = next((x for x in _AGREED if self._fresh(x)), _AGREED[0])
                parts.append((yes, "confirm"))
        return self._safe_answer(parts)

    def _safe_answer(self, parts: list[tuple[str, str]]) -> Response | None:
        """The answers to each safety step the reply took, in order."""
        if not parts:
            return None
        self.hurt = False
        self._gain()
        self.said.update(line for line, _ in parts)
        return Response(" ".join(line for line, _ in parts), parts[-1][1])

    def _help(self, m: Move) -> Response | None:
        safe = self.scenario.safe
        # calling the emergency number never has to wait for the questions
        if not (m.emergency or set(self.scenario.ask.needs) <= self.met):
            if self._fresh(safe.not_yet):
                return Response(safe.not_yet, "safe_not_yet")
            return None
        if safe.emergency_now and not m.emergency and self.plan != "emergency":
            # ("I need to get help to you now" after the ambulance was named is that help)
            if self._fresh(safe.emergency):
                return Response(safe.emergency, "safe_emergency")
            return None
        if not self.help_offered:
            self.help_offered = True
            self.plan = next(iter(m.plans), None)
            first = safe.plan(self.plan).help or safe.help
            if _DOES_THE_TALKING.search(m.text):
                # "I'm happy to do the talking": the worry about what to say is met already
                first = _without_talk_worry(first)
            if first and not self._voiced(first):
                return Response(first, "safe_help")
            # the fear this help meets was told already, and talked through: no news
        return self._ask(m, kind="ask")

    def _voiced(self, line: str) -> bool:
        """Much of what the line says has been said already ("Tell Mum? She'll freak out
        and take my phone." after "If she finds out, she'll freak out and take my
        phone")."""
        said = [x for x in self.said if x != line]
        stems = _key_stems(line)
        return any(len(stems & _key_stems(x)) >= 3 for x in said)


# A question about caring for an injury: "Is it sore? Did you clean it?"
_INJURY_CARE = re.compile(
    r"\b(?:sore|clean|cleaned|cleaning|infected|dressing|dressed|bandage\w*|plaster\w*"
    r"|stitches|looking at|looked at|checked|bleeding|heal\w*|deep)\b"
)
# The supporter offers to speak for them: "I can do the talking", "happy 2 talk first".
_DOES_THE_TALKING = re.compile(
    r"\b(?:do|doing) (?:the |all the |most of the |the first bit of )?talk\w*"
    r"|\btalk\w* (?:first|for you)|\bspeak (?:first|for you)|\bexplain (?:it )?for you"
)
_TALK_WORRY = re.compile(r"\b(?:say|said|saying|talk|talking|words|explain)\b", re.IGNORECASE)


def _without_talk_worry(line: str) -> str:
    """The barrier without its worry about what to say ("I wouldn't know what to say to
    them."), once the user has offered to do the talking; "" when nothing else is left."""
    kept = [x for x in split_sentences(line) if not _TALK_WORRY.search(x)]
    return " ".join(kept)


# Words that set hurting themselves aside as the subject: "besides hurting yourself".
_BESIDES = frozenset({"besides", "instead", "apart", "except", "rather", "other"})
# Asking them to do something ("Can you unlock the door for them?"): part of the plan.
_REQUEST = re.compile(r"\b(?:can|could|will|would) (?:you|u)\b")
# Company offered for now, not only for the help: "I'll stay with you tonight".
_STAY_NOW = re.compile(
    r"\b(?:stay|staying|stay over|come over|coming over|come round|coming round|tonight"
    r"|sleep over|not going anywhere|right here)\b"
)
# Asked whether they are safe right now, once the plan is told.
_SAFE_NOW = ("I think so. For now.", "Yeah. For now.")
# Company offered again, after they have said yes to it.
_AGREED = ("Okay.", "Okay. Thanks.", "Yeah. Okay.")

_WHEN = re.compile(
    r"\b(?:now|tonight|today|tomorrow|morning|evening|afternoon|weekend|week|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|after (?:dinner|school|work))\b"
)


def _fitted(line: str, reply: str) -> str:
    """An acceptance or closing line that agrees only to what the reply offered: a
    sentence naming another kind of help, or another time, than the reply named is left
    out ("Okay. We'll ring tonight." to "let's ring now" is "Okay."). A reply that names
    no help lets the line name its own, and its own time."""
    if not reply:
        return line
    offered = set(_plans(reply))
    when = set(_WHEN.findall(reply))
    sentences = split_sentences(line)
    kept = [
        x
        for x in sentences
        if not (offered and set(_plans(_lowered(x))) - offered)
        and not (offered and when and set(_WHEN.findall(_lowered(x))) - when)
    ]
    if not kept:
        return sentences[0] if len(sentences[0].split()) <= 2 else "Okay."
    return " ".join(kept)


_OTHER_SPANS = frozenset(
    {"together", "married", "dating", "known", "worked", "lived", "engaged", "renting", "owned"}
)
_NOT_A_CHOICE = frozenset({"not", "something", "anything", "whatever", "so", "what", "no"})


def _offers_choice(asked: list[str]) -> bool:
    """A question that offers two things to choose from ("is it hard to think, or more that
    things feel far away?"), not "or not", "or something"."""
    return any(
        w == "or" and 0 < k < len(asked) - 1 and asked[k + 1] not in _NOT_A_CHOICE
        for k, w in enumerate(asked)
    )


def _unmarked_question(lowered: str) -> str:
    """The last sentence that asks what, how, why... without a question mark, or ""."""
    # "but srsly tho, how r u doing": a question can follow a comma, too
    asked = [x for x in re.split(r"(?<=[.!?,])\s+", lowered) if _UNMARKED.match(x)]
    return asked[-1] if asked else ""


def _asks_wh(question: str) -> bool:
    """It asks what, how, why...; "When you say that, are you thinking of suicide?" asks
    yes or no after its "when" clause."""
    # after a name or a word of address: "Dad, how are you sleeping?"
    question = _ADDRESS.sub("", question, count=1)
    if _WH_LAST.search(question):
        return True  # "had enough of what?", "thank u for what tho?"
    last = question.rsplit(",", 1)[-1]
    if last != question and _WH.match(last) and not last.lstrip().startswith("how about"):
        return True  # "And the drinks after the first one, what are those for?"
    return bool(_WH.match(question)) and not _CLAUSE_THEN_YES_NO.search(question)


_ADDRESS = re.compile(r"^\s*[a-z']+,\s*")
_WH_LAST = re.compile(
    r"\b(?:what|who|why|where|when)(?: (?:though|tho|exactly|then))?\W*$"
    # "hard to explain how?": their words asked back, for the how
    r"|\b(?:say|explain|describe|put it|tell|know|word it) how\W*$"
)


_CLAUSE_THEN_YES_NO = re.compile(
    r"[,.]+\s*(?:are|is|do|does|did|have|has|would|could|can|will|were|was|r|u)\s"
)


def _without_yes_no(line: str) -> str:
    """The answer without the yes or no it starts with ("Yes. I am. Not every minute."
    to "what do they tell you?" is "Not every minute.")."""
    found = _YES_NO.match(line.lower())
    rest = line[found.end() :] if found else line
    # "Scared of it happening again, yeah." answers "who?" without its "yeah"
    rest = re.sub(r",\s*(?:yeah|yes|yep|no|nope)([.!])", r"\1", rest, flags=re.IGNORECASE)
    if not rest.strip():
        return line
    return rest[:1].upper() + rest[1:]


_HEDGE = re.compile(r"^(?:maybe|perhaps|sort of|kind of)[.!]\s+", re.IGNORECASE)


def _without_hedge(line: str) -> str:
    """The answer without the "Maybe." it starts with, if something follows."""
    found = _HEDGE.match(line)
    rest = line[found.end() :] if found else line
    return rest[:1].upper() + rest[1:] if rest.strip() else line


@lru_cache(maxsize=8192)
@lru_cache(maxsize=4096)
def takes_up(said: str, reply: str) -> bool:
    """The reply uses two or more of the words of weight in what they said ("charity
    case", "switching off"), beyond the everyday ones."""
    return len(_key_stems(said) & _key_stems(reply)) >= 2


def _key_stems(line: str) -> frozenset[str]:
    """The stems of a line's telling words ("waking", "four"), to notice it said again."""
    return frozenset(_stem(w) for w in _content(line) if w not in _GENERAL and len(w) > 2)


def _after_brief(line: str, brief: str) -> str:
    """A beat told in full after it was told in brief: the first sentence that only says
    the brief version again is said as already said ("Waking at four most days." then
    "Like I said, I wake up at four and lie there."), so it is not news twice."""
    told = _key_stems(brief)
    sentences = split_sentences(line)
    # the brief version may be spread over two sentences ("It wasn't an accident. I've
    # been hurting myself."): the run of sentences that says it again is marked as said
    first = next((k for k, x in enumerate(sentences) if _key_stems(x) & told), None)
    if first is None:
        return line
    shared: set[str] = set()
    for k in range(first, min(first + 2, len(sentences))):
        shared |= _key_stems(sentences[k]) & told
        if len(shared) < 2:
            continue
        again = " ".join(sentences[first : k + 1]).removeprefix("And ")
        if not again.startswith("I "):
            again = again[:1].lower() + again[1:]
        return " ".join([*sentences[:first], f"Like I said, {again}", *sentences[k + 1 :]])
    return line


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def split_sentences(text: str) -> list[str]:
    """The text cut after each ".", "!" or "?" that a space follows."""
    return _SENTENCE_BREAK.split(text)


def _sentences(line: str) -> frozenset[str]:
    """A line's sentences, as compared: "Yeah." is "yeah"."""
    parts = split_sentences(line)
    return frozenset(p for p in (" ".join(_words(x)) for x in parts) if p)


@lru_cache(maxsize=8192)
def _content(line: str) -> frozenset[str]:
    return frozenset(w for w in _words(line) if w.isalpha() and w not in _ECHO_STOP)


@lru_cache(maxsize=1024)
def _said_sentences(said: frozenset[str]) -> frozenset[str]:
    return frozenset(x for line in said for x in _sentences(line))


@lru_cache(maxsize=1024)
def _said_contents(said: frozenset[str]) -> tuple[frozenset[str], ...]:
    """What was said, line by line and sentence by sentence, as sets of words."""
    parts = {line for line in said} | {x for line in said for x in split_sentences(line)}
    return tuple(c for c in (_content(x) for x in parts) if c)


_SUFFIXES = ("ing", "ed", "es", "er", "ly", "s", "e")


@cache
def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _not_how_long(asked: tuple[str, ...], words: list[str], scenario: Scenario) -> tuple[str, ...]:
    """The beats a question asks about, without how long it has been when it asks who
    ("Do you know who started it?" asks who, not since when)."""
    if not _asks_who_not_when(words):
        return asked
    return tuple(b for b in asked if not _is_duration(scenario.beat(b)))


def _asks_who_not_when(words: list[str]) -> bool:
    """It asks who ("who started it?"), and not how long or since when."""
    return "who" in words and not {"long", "since", "when"} & set(words)


def _is_duration(beat: Beat) -> bool:
    """A beat about how long it has been ("about": "how long it has been going on")."""
    return beat.about.startswith("how long")


def _tells_how_long(beat: Beat) -> bool:
    """A beat that tells how long it has been, by its subject or by being what "how long"
    and "since when" ask about."""
    return _is_duration(beat) or bool({"long", "how long", "since"} & set(beat.topics))


def _same_word(a: str, b: str) -> bool:
    """The same word, allowing for endings: "close" and "closed", "pile" and "piling"."""
    if a == b:
        return True
    x, y = _stem(a), _stem(b)
    short, long_ = sorted((x, y), key=len)
    if long_ in (f"{short}y", f"{short}{short[-1:]}y"):
        return True  # "fog" and "foggy", "mood" and "moody"
    return x == y or (len(short) >= 5 and long_.startswith(short))


__all__ = [
    "PLANS",
    "Conversation",
    "Move",
    "Response",
    "denies",
    "read_move",
    "topic_at",
    "topic_hits",
]
