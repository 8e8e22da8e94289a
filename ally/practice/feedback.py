"""Feedback on one practice reply: which listening skills it shows and which pitfalls.

The engine is a set of small, readable rules over the sentences of a reply,
plus the loved one's words it answers (``context``). Each rule names the
phrasing it catches. Nothing here is learned from data: the rules encode the
frameworks `ally` teaches (SHUSH, OARS, V-A-R, #BeThe1To, ALGEE) in plain
regular expressions, compiled once at import.

Pure: no printing, no clock, no environment, no randomness.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ally.practice.safety import asks_about_suicide

SKILLS = (
    "open_question",
    "closed_question",
    "reflection",
    "validation",
    "advice",
    "self_disclosure",
    "information",
)
PITFALLS = ("minimising", "judgment", "self_focus", "secrecy_promise", "dismissing")


@dataclass(frozen=True)
class Finding:
    """One skill or pitfall, and the span of the reply that shows it."""

    name: str
    kind: str
    start: int
    end: int
    reason: str
    suggestion: str


@dataclass(frozen=True)
class Feedback:
    """Everything the engine noticed about one reply."""

    reply: str
    skills: tuple[Finding, ...]
    pitfalls: tuple[Finding, ...]
    verdict: str
    premature_advice: bool

    @property
    def skill_names(self) -> list[str]:
        found = {f.name for f in self.skills}
        return [name for name in SKILLS if name in found]

    @property
    def pitfall_names(self) -> list[str]:
        found = {f.name for f in self.pitfalls}
        return [name for name in PITFALLS if name in found]


# --------------------------------------------------------------------- text


def _rx(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the alternatives as whole words."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


# Curly quotes become straight ones, one character for one, so offsets still fit the reply.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'"})
_STRAIGHTEN.update(str.maketrans({"\u201c": '"', "\u201d": '"'}))

# A sentence: text up to and including its end punctuation, or up to a line break.
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|(?=\n)|$)")

# Words that open a spoken sentence without changing what it does ("Okay, so ...").
_LEAD = re.compile(
    r"^(?:[\s,.;:!\-\"'(]*"
    r"(?:ok(?:ay)?|oh|ah+|aw+|well|so|and|but|also|yeah|yes|yep|right|alright|all right|"
    r"hmm+|mm+|mhm|mm-hmm|uh-huh|um+|uh+|er|hey|hi|hello|now|then|honestly|sure|wow|"
    r"first(?:ly)?|second(?:ly)?|lastly|finally|anyway|plus|or|i see|got it|gotcha)"
    r"\b)*[\s,.;:!\-\"'(]*",
    re.IGNORECASE,
)

_QUESTION_MARK = re.compile(r"\?[\W_]*$")


@dataclass(frozen=True)
class _Sentence:
    text: str  # the whole sentence, quotes straightened
    core: str  # the same without its opening filler words ("Okay, so ...")
    start: int  # offset of ``text`` in the reply
    end: int
    asks: bool  # ends with a question mark


def _sentences(reply: str) -> list[_Sentence]:
    straight = reply.translate(_STRAIGHTEN)
    out = []
    for m in _SENTENCE.finditer(straight):
        raw = m.group()
        text = raw.strip()
        # skip empty pieces and quoted lines of the other person's post ("> ...")
        if not text.strip(".!?\"') ") or text.startswith((">", "&gt;")):
            continue
        start = m.start() + raw.index(text[0])
        lead = _LEAD.match(text)
        skip = lead.end() if lead else 0
        out.append(
            _Sentence(
                text=text,
                core=text[skip:],
                start=start,
                end=start + len(text),
                asks=bool(_QUESTION_MARK.search(text)) and text.count('"') % 2 == 0,
            )
        )
    return out


# ---------------------------------------------------------------- questions

_WH = r"(?:what|how|why|where|when|who|whom|whose|which)"
_AUX = (
    r"(?:do|does|did|is|are|was|were|am|have|has|had|can|could|would|will|should|shall|may|"
    r"might|must)(?:n'?t)?"
)

# A wh-word that asks rather than introduces a clause: "What happened?", "How long ...?",
# but not "When you said that, ..." or "What you're feeling is ..." (wh-word + subject).
_WH_ASKING = rf"{_WH}\b(?!'?\s*(?:i|you|you're|he|she|we|they|your|my|his|her|their|people)\b)"
_WH_START = re.compile(rf"^{_WH_ASKING}", re.IGNORECASE)
# A wh-question later in the sentence: "And you, what do you make of it?",
# "So, um, how are things at home?".
_WH_INSIDE = re.compile(
    rf"(?:[,;:\-]\s*(?:and |so |but |or )?{_WH_ASKING}|\b{_WH}(?:'s|'re| (?:\w+ ){{0,3}}?{_AUX}) "
    r"(?:you|your|it|that|this|they|he|she|things|there|we)\b)",
    re.IGNORECASE,
)
# A wh-question written without its question mark: "how are you doing today".
_WH_UNMARKED = re.compile(
    rf"^{_WH}(?:'s|'re| {_AUX}) (?:you|your|it|that|this|they|he|she|things|there|we)\b",
    re.IGNORECASE,
)
# Auxiliary inversion without a question mark: "are you ok", "do you want to talk".
_INVERSION_UNMARKED = re.compile(
    rf"^{_AUX} (?:you|your|they|he|she|we|anyone|anybody|someone|there)\b",
    re.IGNORECASE,
)
# A question asked by putting the auxiliary first: "Do you ...", "Is it ...".
_INVERTED = re.compile(
    rf"^{_AUX} (?:you|your|i|it|that|this|there|they|he|she|we|anyone|anybody|someone|things)\b",
    re.IGNORECASE,
)
# Invitations to say more, made as requests: "Tell me more", "Can you say more about
# that?", "I'm curious what happened", "Help me understand".
_INVITATION = _rx(
    r"tell(?:ing)? me (?:more|about|what|how|why|when|where|who|a (?:bit|little)|everything|"
    r"anything|something|the story)",
    r"(?:talk|walk) me through",
    r"talk (?:to|with) me",
    r"(?:^|(?<=can you )|(?<=could you )|(?<=would you ))talk (?:a (?:bit|little) (?:more )?)?"
    r"about",
    r"say (?:a (?:bit|little) )?more",
    r"share (?:a (?:bit|little) )?more",
    r"(?:can|could|would) you (?:explain|describe|give (?:me )?an example|think of|share|"
    r"say more)",
    r"help me understand",
    r"i(?:'d| would) (?:love|like) to (?:hear|know|understand)",
    r"i'?m (?:just |really |kind of )?(?:curious|wondering) (?:about|what|how|why|where|when|who)",
    r"i (?:just )?wonder (?:what|how|why|where|who)",
    r"what else",
)


# A question about the speaker, asked of nobody: "How much worse could I get?", "Why do
# we do this to ourselves?". It has a first-person subject and no "you" in it.
_SELF_QUESTION = re.compile(
    rf"^(?:{_WH}\b[^?]*?\b|)(?:{_AUX}) (?:i|we)\b(?!.*\byou)|^(?:i|i'm|we)\b(?!.*\byou)",
    re.IGNORECASE,
)
# Offers asked in the first person still ask them: "Can I help?", "What can I do?"
_OFFER_QUESTION = _rx(r"(?:can|could|may|shall|should) (?:i|we) (?:help|do|get|bring|ask|call)")
# A tag or an aside rather than a question: "right?", "weird, huh?", "so what?"
_TAG_ONLY = re.compile(
    r"^(?:\w+,? )?(?:right|huh|eh|no|yeah|isn't it|aren't they|don't you think|so what|"
    r"you know|get it|lol)\W*$",
    re.IGNORECASE,
)


def _question_kind(s: _Sentence) -> str | None:
    """'open', 'closed' or None for a sentence that is not a question."""
    if _INVITATION.search(s.text):
        return "open"
    if _TAG_ONLY.match(s.core) or (
        _SELF_QUESTION.match(s.core) and not _OFFER_QUESTION.search(s.core)
    ):
        return None
    if s.asks:
        if _WH_START.match(s.core) or _WH_INSIDE.search(s.core):
            return "open"
        return "closed"
    if _WH_UNMARKED.match(s.core):
        return "open"
    if _INVERSION_UNMARKED.match(s.core):
        return "closed"
    return None


# ------------------------------------------------------------------- advice

# Verbs that, opening a sentence, make it an instruction: "Try ...", "Talk to ...".
_IMPERATIVE_VERBS = (
    r"try|talk|speak|reach|call|text|contact|see|visit|go|get|find|seek|ask|tell|take|make|"
    r"keep|stay|give|let|look|write|journal|focus|think|consider|remember|start|stop|avoid|"
    r"set|plan|spend|join|practi[cs]e|use|listen|allow|treat|be|do|eat|sleep|exercise|drink|"
    r"breathe|meditate|read|watch|play|put|sit|walk|rest|relax|hang|hold|learn|work|check|"
    r"share|express|explain|pray|believe|trust|accept|forgive|love|enjoy|celebrate|apply|"
    r"search|google|sign|schedule|list|note|distract|surround|limit|reduce|cut|turn|leave|"
    r"move|quit|continue|create|build|prioriti[sz]e|remind|reward|push|figure|sort|"
    r"research|chat|vent|open|confront|approach|explore|invest|lean|count|pick|choose|"
    r"consult|book|register|enroll|volunteer|hire|buy|cook|dance|sing|draw|paint|break|own|"
    r"initiate|validate|stick|step|slow|prepare|remove|replace|switch|aim|attend|begin|bring|"
    r"challenge|change|communicate|decide|delete|discuss|distance|drop|embrace|establish|"
    r"follow|forget|grab|identify|ignore|imagine|include|meet|mention|notice|offer|pay|"
    r"protect|pursue|reconsider|record|reflect|report|request|respect|respond|return|"
    r"review|send|show|track|cry|laugh|smile|breath|block|unfollow|mute|"
    r"don'?t|do not|never|always"
)
# The imperative, possibly softened or after an opening phrase: "Just try ...", "Please,
# call ...", "If it gets worse, call ...", "Either way, find ...". Not "Tell me ..." or
# "Let me ..." (those invite or offer).
_IMPERATIVE = re.compile(
    r"^(?:[^,]{1,60},\s*)?"
    r"(?:(?:just|please|maybe|perhaps|definitely|really|so|then|also|first|still|by all means|"
    r"simply|gently|always)\s+)*"
    rf"(?P<verb>{_IMPERATIVE_VERBS})\b(?! (?:me|us)\b)(?! you\b)(?!')",
    re.IGNORECASE,
)
# Openings that look imperative but reassure or say goodbye: "Don't worry", "Take care",
# "Have a good day", "Hope you feel better", "Thank you".
_NOT_ADVICE = re.compile(
    r"^(?:don'?t (?:worry|mention|be sorry|apologi[sz]e|give up|lose hope|get me wrong|"
    r"hesitate)|never give up|take care|never mind|hang in there|keep your (?:head|chin) up|"
    r"let me|tell me|talk to me|keep (?:it )?up|keep (?:going|trying|fighting|pushing)|"
    r"stay (?:safe|strong|warm|positive|well)|be (?:well|safe|blessed)|get well|do you|"
    r"do not worry|look(?:s)? like|see you|believe me|trust me|enjoy (?:the|your)|"
    r"talk (?:to you )?(?:later|soon)|have a|thank|let's)\b",
    re.IGNORECASE,
)
# "you" as the subject of a subordinate clause ("if you need to", "when you feel"): what
# follows describes a condition, not them or a step for them.
_NOT_SUBJECT = (
    r"(?<!if )(?<!when )(?<!whenever )(?<!what )(?<!how )(?<!why )(?<!where )(?<!hope )"
    r"(?<!long as )(?<!unless )(?<!until )"
)
# Verbs that carry a suggestion after "you can": "you can call them", "you can ask".
_SUGGESTED_ACTS = (
    r"(?:always |also |still |just )?(?:call|text|reach|contact|seek|join|find|look|talk|ask|"
    r"try|use|go|get|speak|write|tell|explain|start|set|check|visit|apply|make|take|consider|"
    r"search|let|put|bring|invite|schedule|plan|focus|spend)"
)
# Advice carried by a phrase rather than the sentence's first word.
_ADVICE_PHRASE = _rx(
    # modal advice to "you": "you should", "you might want to", "you could call"
    rf"{_NOT_SUBJECT}(?<!sorry )(?<!that )(?<!though )(?<!time )(?<!feel )"
    r"you (?:really |probably |definitely |just |also |might )?(?:should|shud|"
    r"ought to|need to|"
    r"have to|might want to|may want to|might wanna|may wish to|might try|might consider)"
    r"(?! (?:be (?:fine|ok|okay|alright|able|proud)|not feel|feel)\b)",
    r"you could(?!'| (?:be|have|feel|tell|see|say|never|not|hear|imagine)\b)",
    r"you(?:'ll| will) (?:need|have) to|you must(?! (?:be|feel|have)\b)",
    r"(?:it's|it is) (?:important|vital|essential|crucial) (?:that|for) you",
    rf"(?<!sure )(?<!know )(?<!bet )(?<!believe )(?<!think )(?<!hope )(?<!that )you can "
    rf"{_SUGGESTED_ACTS}\b(?! (?:through|over|better|past|it|this|a job|one)\b)",
    r"(?:maybe|perhaps) (?:you|try|it would|it might|consider|look|talk|reach|find|get|take|"
    r"\w+ing)",
    # the speaker's recommendation: "I suggest", "I'd recommend", "my advice"
    r"i (?:would |'d |'d also |would also |strongly |can |could )?(?:suggest|recommend|advise|"
    r"encourage|urge)",
    r"my (?:\w+ )?(?:advice|suggestion|recommendation|piece of advice)",
    r"(?:one|another|a) (?:possible |good )?(?:solution|option|idea|suggestion|tip|thing you "
    r"(?:can|could) do) (?:is|would be|could be|might be|may be)",
    r"if i (?:were|was) you",
    # advice through what I would do: "I'd talk to her first", "I would call them"
    r"i(?:'d| would) (?!(?:like|love|be|have|feel|say|not|think|guess|imagine|agree|understand|"
    r"hate|hope|want|never|probably|also|definitely|really|recommend|suggest|rather)\b)\w+",
    r"i think (?:you (?:should|need|could|might want|ought|have to|must)|it(?:'s| is| would be|"
    r"'d be| might be| may be) (?:best|better|good|a good idea|worth|wise|important|helpful))",
    # what would help: "it might help to", "talking can help", "it's a good idea to"
    r"(?<!\bi )(?<!\bwe )(?:might|may|could|would|can|should) "
    r"(?:really |also |definitely |probably )?(?:help|be (?:very |really )?(?:helpful|useful|"
    r"a good idea|worth|beneficial|wise|a good (?:start|idea|step|way)))",
    r"(?:it's|it is|it'd be|it would be) (?:a good idea|important|worth|best|helpful|wise|"
    r"good|better) to",
    r"(?:is|'s) worth (?:a )?(?:try|trying|a shot|considering|looking)",
    r"(?:may|might) be time to|it(?:'s| is) time to",
    r"the best (?:thing|way|option|bet)",
    r"(?<!\bi )(?<!\bwe )(?<!\bthey )(?<!\bto )try (?:to|and|\w+ing)",
    r"(?<!\bi )(?<!\bwe )(?<!\bto )make sure",
    r"don'?t forget",
)

# Suggestions dressed as questions: "Have you tried ...?", "Why don't you ...?". They
# count as advice, not as a question: the answer they want is "yes, I'll do it".
_SUGGESTION_QUESTION = _rx(
    r"have you (?:ever )?(?:tried|considered|thought (?:about|of)|looked (?:into|at)|"
    r"reached out|contacted|been to see)",
    r"(?:can|could) you (?:make|sit|try|talk|ask|plan|put|write|set|find|go|call|reach|speak|"
    r"take|get|join|start|see if)",
    r"did you (?:try|consider|think about)",
    r"(?:would|could|can|will) you (?:consider|try|be (?:willing|open|able) to)",
    r"(?:is it|would it be) possible (?:for you )?to",
    r"why (?:don'?t|not) you|why not",
    r"(?:how|what) about (?:\w+ing|if you|if we|we|a|an|some|getting|trying)",
)
# "Is there anyone you could talk to?" asks about their support and points to a next step:
# a question and a suggestion at once (ALGEE: encourage other supports).
_SUPPORT_QUESTION = _rx(
    r"(?:anyone|someone|somebody|anybody|any \w+|a \w+|some \w+)(?: \w+){0,4} "
    r"(?:you|that) (?:can|could) (?:talk|turn|reach|lean|confide|call|ask|go|speak|email|"
    r"text|trust|contact|rely)",
    r"(?:is there|do you have) (?:\w+ ){0,3}(?:anyone|someone|somebody|anybody|a friend|friends|"
    r"family) (?:to|who|that)",
)
# "What have you tried?" asks: a wh-question is open, even when it mentions trying.
_SUGGESTING_WH = _rx(r"why (?:don'?t|not)", r"(?:how|what) about")

# ----------------------------------------------------------- reflection

# Feeling words that, said of "you", reflect a feeling back.
_FEELINGS = (
    r"(?:sad|upset|angry|mad|hurt|lonely|alone|scared|afraid|frightened|anxious|worried|"
    r"nervous|stressed|overwhelmed|exhausted|tired|drained|frustrated|confused|lost|stuck|"
    r"hopeless|helpless|worthless|guilty|ashamed|embarrassed|betrayed|rejected|ignored|"
    r"unappreciated|unheard|torn|trapped|numb|empty|down|low|depressed|heartbroken|"
    r"disappointed|jealous|insecure|unsure|uncertain|conflicted|burnt out|burned out|"
    r"happy|relieved|proud|excited|hopeful|grateful|better|worse|pressured|isolated)"
)
# How hard something is: "hard", "exhausting", "a lot".
_HARD = (
    r"(?:hard|tough|difficult|rough|awful|terrible|horrible|painful|scary|frightening|"
    r"stressful|exhausting|overwhelming|frustrating|upsetting|sad|heartbreaking|lonely|unfair|"
    r"a lot|confusing|draining|challenging|devastating|traumati[sz]ing|hurtful|isolating|"
    r"distressing|horrendous|heavy|brutal|a nightmare|no fun|worrying|disappointing|"
    r"infuriating|maddening|discouraging|depressing|hell|tricky|unbearable|shocking)"
)
# Words that soften or strengthen before the feeling: "must be really hard".
_INTENSITY = (
    r"(?:be |have been |feel |really |so |very |incredibly |such |pretty |quite |extremely |"
    r"super |truly |definitely |kind of |a bit |a little |like |a )*"
)
# Praise that follows "sounds like" or "you seem": "sounds like a great plan", "you seem
# like a caring person". That affirms them; it does not reflect what they said.
_PRAISE = (
    r"(?:a |an |such a |very |really |so |like )*(?:good|great|nice|fun|wonderful|lovely|cool|"
    r"awesome|excellent|perfect|solid|smart|fantastic|brilliant|caring|kind|strong|positive|"
    r"loving|capable|intelligent|mature|sweet|brave|determined|responsible|dedicated|"
    r"thoughtful|sensible|reasonable|amazing|plan|idea)\b"
)
# A guess at their meaning or feeling, wherever it sits in the sentence: "it sounds like
# you ...", "it seems", "I can tell", "if I understand you", "that must be exhausting".
_REFLECTION_GUESS = _rx(
    rf"(?:it |that |this )?sounds? (?:like|as if|as though)(?! (?:you(?:'re| are) )?{_PRAISE})",
    rf"(?:it |that )?seems? (?:like|as if|as though|that|to me)(?! (?:you(?:'re| are) )?{_PRAISE})",
    r"it (?:seems|appears|looks like)",
    rf"you (?:seem|sound|appear)(?! (?:like |to be )?{_PRAISE})",
    r"i (?:can )?(?:tell|see|sense|hear|imagine|gather|guess|feel) (?:that )?(?:you|how|this|"
    r"it's|what|why|your)",
    r"i hear (?:that|what)",
    r"(?:what )?i(?:'m| am) (?:also )?hearing|i also am hearing",
    r"i (?:get|have) (?:the|a) (?:feeling|sense|impression)",
    r"it (?:feels|felt) like (?!i\b|i'm\b|my\b)",
    r"(?:if i'?m|if i am|am i) (?:understanding|hearing|getting) (?:you|this|that|it)",
    r"if i understand",
    r"correct me if",
    r"(?:let me see if|to make sure) i",
    r"in other words",
    r"it(?:'s| is) (?:like|as if) you",
    r"part of you",
    r"on (?:the )?one hand",
    # naming the feeling the situation carries: "that sounds exhausting", "must be lonely"
    rf"(?:that|it|this|which) (?:must|would|sounds|seems|can|could) {_INTENSITY}{_HARD}",
    # understanding shown, not just claimed: "I know how you feel", "I can relate"
    r"i (?:can |totally |completely |really )*(?:relate|understand how you|know how you|"
    r"feel you|get you|get where you|know what you(?:'re| are) going|understand what you)",
    r"i know (?:the|that) feeling",
    # understanding that names the feeling: "I understand how frustrating it is"
    r"i (?:can |totally |completely |really |fully )*(?:understand|see|imagine|know) (?:how|why) "
    rf"(?:\w+ ){{0,4}}?(?:feel|felt|feeling|{_HARD}|{_FEELINGS})",
    r"i (?:can )?(?:see|imagine) (?:it|that|this) (?:being|would be|must be|is)",
    # the feeling tied to their situation: "it's hard being away from family"
    rf"(?:that|it|this)(?:'s| is| was| must be| sounds| can be| would be)? (?:\w+ )?{_HARD} "
    r"(?:being|to|when|that you|not|having|living|finding|dealing|going|losing|feeling|trying|"
    r"watching|seeing|getting|waiting|knowing)",
)
# Understanding shown through a shared feeling: "me too", "I've been there". EPITOME
# counts this as an interpretation; it reflects only if the talk then goes back to them.
_SHARED_FEELING = _rx(
    r"(?:^|(?<=[.!,;] ))(?:same|ditto|me too|same here)",
    r"i (?:feel|felt) the same|same (?:thing )?happen(?:s|ed) to me|same (?:with|for) me|"
    r"(?:happens|happened) to me|i(?:'m| am) in the same boat|i(?:'ve| have) been there|"
    r"i(?:'ve| have) (?:felt|been) (?:like )?(?:that|this) (?:way )?too|i feel (?:you|ya)|"
    r"i get (?:you|it)",
)
# A summary opened with "So": "So the job is what keeps you up at night." Not "so" as
# an intensifier ("so sorry"), before a question ("so what ...") or moving on ("so, anyway").
_SUMMARY = re.compile(
    r"^so,? (?!(?:sorry|glad|happy|much|many|what|how|why|when|where|who|do|did|does|are|is|"
    r"was|were|have|has|can|could|would|will|i|let|let's|just|yeah|yes|ok|okay|that's|thats|"
    r"great|good|nice|anyway|far|true|cool|basically|please|if)\b)",
    re.IGNORECASE,
)
# "You're (very) welcome": an answer to thanks, whatever else it looks like.
_WELCOME = re.compile(r"^(?:you'?re|you are|your|ur) (?:\w+ ){0,3}?welcome\b", re.IGNORECASE)
# A statement about them, which mirrors what they said: "You've had enough of the
# arguments." Not thanks ("you're welcome"), a prediction ("you'll ..."), advice ("you
# should ...") or agreement ("you're right").
_YOU_STATEMENT = re.compile(
    r"^(?:and |but |so |now )?(?:you|your|you're|you've|you'd)\b"
    r"(?! (?:should|could|can|need|might|may|must|will|'ll|want to|have to|ought|welcome|too|"
    r"as well|going to|gonna|got that|know|did mention)\b)"
    r"(?!(?:'re| are) (?:(?:so |more than |very |most |absolutely )?welcome|going to|gonna|"
    r"right|correct|absolutely)\b)(?!r? welcome)",
    re.IGNORECASE,
)
# The same guess made by a sentence about "you": "You're worried about ...", "So you
# feel ...". Only in statements (or a statement said with a rising "?"): in "Why do
# you feel that?" the words ask rather than reflect.
_REFLECTION_YOU = re.compile(
    r"(?:\b(?:"
    + "|".join(
        (
            # what they are saying or feeling: "you're saying", "you're worried"
            r"you(?:'re| are) (?:saying|telling me|feeling|worried|scared|afraid|concerned|"
            r"thinking|wondering|struggling|finding|dealing|going through|not sure|unsure|"
            rf"torn|stuck|really|so|very|pretty|quite|kind of|a bit|{_FEELINGS})",
            rf"{_NOT_SUBJECT}you (?:feel|felt|must (?:feel|be|have)|might feel|may feel)",
            rf"{_NOT_SUBJECT}you(?:'ve| have) (?:been|had|felt|gone through|struggled|tried|lost)",
            rf"{_NOT_SUBJECT}you (?:really |still |just )?(?:want|wanted|wish|miss|love|hate|"
            r"care|worry|don'?t want|don'?t know|can'?t)",
            r"(?:makes|made|making|leaves|left) you (?:feel|want|think|wonder)",
        )
    )
    + r")\b)",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- validation

_VALIDATION_PHRASE = _rx(
    # sympathy: "I'm so sorry", "sorry to hear that" (not "sorry for my late reply")
    r"(?:i'?m|i am|so|really|very|truly|deeply) (?:\w+ )?sorry(?! (?:for|about) (?:my|the) "
    r"(?:late|delay|slow|typo|confusion|mistake))",
    r"sorry (?:to hear|for your|that you|you|about (?:your|that|this|what)|this)",
    # naming how hard it is: "that must be hard", "what a tough time", "it's so unfair"
    rf"(?:that|it|this|which|everything) (?:\w+ )?(?:must|would|can|could|sounds|seems|is|was|"
    rf"has been|feels|has to|have to) {_INTENSITY}{_HARD}",
    rf"(?:that's|it's|what a|such a|how) (?:so |really |very |incredibly |pretty |truly )?"
    rf"(?:a )?{_HARD}",
    rf"{_HARD} (?:situation|time|thing|place|position|spot|year|day|week)",
    r"(?:is|are) (?:never|not) easy|not an easy",
    # their feelings make sense: "that makes sense", "it's understandable", "no wonder"
    r"(?:that|it|this|which) makes? (?:total |complete |perfect |a lot of )?sense",
    r"(?:it's|that's|it is|that is|feeling \w+ is) (?:completely |totally |perfectly |very |so |"
    r"absolutely )?(?:understandable|valid|okay|ok|alright|normal|natural|human|fine|"
    r"reasonable) (?:to|that|for|if)",
    r"(?:it's|that's|it is|that is) (?:completely |totally |perfectly |very )?"
    r"(?:understandable|valid)",
    r"your feelings are (?:valid|real|important)",
    r"(?:you have|you've got) every right",
    r"of course you",
    r"no wonder",
    r"anyone would",
    r"there(?:'s| is) no shame",
    r"(?<!do )(?<!if )i (?:can |totally |completely |really |fully )*(?:understand|relate|"
    r"get it|get that|feel for you|feel you|hear you|believe you|see why|see how)",
    r"i know (?:how|what) (?:you|it|that)",
    # appreciation: "thank you for telling me", "I appreciate you sharing"
    r"thank(?:s| you) (?:so much |very much )?(?:for )?(?:sharing|telling|trusting|opening|"
    r"being (?:honest|open)|reaching out|talking to me|letting me)",
    r"i appreciate (?:you|your|that you|how)",
    # affirming strengths and worth: "you're doing great", "you're not alone", "proud of you"
    r"you(?:'re| are| sound like| seem like) (?:not alone|doing (?:great|well|amazing|the right|"
    r"your best|so well|a)|handling|on the right|(?:such |so |very |really |clearly |"
    r"obviously |definitely |a )*(?:strong|brave|courageous|capable|smart|resilient|"
    r"important|worth|worthy|amazing|awesome|good|great|wonderful|loved|kind|caring|valued|"
    r"enough|thoughtful|lucky|intelligent|mature|self-aware|determined)|not (?:crazy|weak|"
    r"a burden|broken|stupid|overreacting|a failure|useless|alone))",
    r"(?:it's|it is|it was|that's|that is|this is|this isn't|it isn't) not your fault|"
    r"(?:it's|it is|this is) not on you",
    r"you deserve",
    r"proud of you|admirable|commend you",
    r"(?:i'?m|i am) (?:so |really |very )?(?:glad|happy|pleased|grateful|thankful) "
    r"(?:you|that|to hear|to see|for you)",
    r"(?:it's|that's|it is|that is) (?:so |really |very )?(?:good|great|wonderful|brilliant|"
    r"awesome) (?:that|you)",
    r"good (?:for you|job|idea|thinking|point|on you|work|choice|step|start|thing)",
    r"well done|congrat\w*|kudos",
    r"(?:that's|it's|that is|that sounds|sounds) (?:so |really |very |like )?(?:great|"
    r"wonderful|awesome|amazing|fantastic|excellent|brilliant|good to hear|a great|fun|"
    r"so much fun|lovely|nice)",
    r"you (?:did|handled|managed|made) (?:\w+ ){0,2}(?:well|great|right|a good|the right)",
    r"you(?:'ve| have) (?:taken|made) (?:the|a) (?:first|big|brave|good|great|huge) step",
    r"(?:it |that )?(?:takes|took) (?:a lot of |real |so much )?(?:courage|strength|guts|bravery)",
    r"(?:i'?m|i am|i'll be|i will be) (?:always |still |right )?(?:here|there) (?:for you|if|to|"
    r"with|whenever|anytime)",
    r"here (?:to|for) (?:listen|you|help)",
    r"you(?:'ve| have)? got this",
    r"i (?:believe|bet|know|trust) (?:in )?you(?: can|'ll| will|'re| are)?",
    r"(?:things|it|life) (?:will|can|does|is going to|are going to) get (?:better|easier)",
    r"hugs?|sending (?:you )?(?:love|hugs|strength|good vibes)|my heart goes out",
    r"i hope (?:you (?:feel|find|get|can)|things|it gets|that helps|everything works)",
    r"hope (?:you're|you are|things|it gets|you feel|you find|you get)|hopefully (?:things|it|you)",
    # encouragement that stays with them: "hang in there", "I'm rooting for you"
    r"hang in there|stay strong|keep your (?:head|chin) up|rooting for you|you can do (?:it|this)",
    r"you(?:'re| are) not the only one",
    r"you(?:'re| are|'re certainly| are certainly| are definitely|'re definitely) not alone|"
    r"you aren't alone|you(?:'re| are) valid|(?:there's|there is) nothing wrong with you",
    r"you have (?:every|the) right to (?:feel|be)|(?:that's|that is|it's) not fair",
    r"heart ?breaking|i feel your pain|(?:i )?know the feeling|feel (?:you|ya) (?:bro|man|dude)",
    r"warm wishes|i wish you well|strength and peace|i'm available",
    r"you (?:can |will |'ll )?(?:definitely |absolutely |surely )?get through",
    r"(?:want|wanna) (?:to )?talk(?: about it)?(?=\?)",
    r"(?:that|it|this) (?:really |totally |just )?sucks",
    # offers to listen: "message me any time", "I'm all ears", "if you ever want to talk"
    r"(?:pm|dm|message|text|call) me|i'?m all ears|feel free to (?:reach|talk|message|pm|dm)",
    r"(?:if|whenever) you (?:ever )?(?:want|need) to (?:talk|vent|chat)",
    r"(?:i|we) can (?:talk|chat) (?:about it|if)",
    # reassurance grounded in them: "I'm sure they'll understand", "I know you'll do well"
    r"(?:i'?m|i am) (?:so |very |quite |really )?(?:sure|confident|certain) (?:that )?(?:you|it|"
    r"they|"
    r"things|he|she|everything|this|there)",
    r"i (?:believe|bet|know|trust) (?:that )?you(?:'ll| will| can| are|'re)",
    rf"you (?:really |definitely |also )?(?:seem|sound|appear)(?: like| to be)? {_PRAISE}",
    r"you (?:are|'re) (?:so |very |really )?(?:gifted|talented|hard-?working|organi[sz]ed|"
    r"on top of|doing (?:everything|all) )",
    r"you (?:have|'ve got) (?:a |such a |really |very |so |the )*(?:good|great|strong|big|kind|"
    r"right|caring) (?:instincts|heart|head|attitude|mindset|plan|reason|point)",
    r"(?:sounds? like|what|that's|that is|those are|those sound like|this is|is) (?:a |an |such "
    r"a |really |very |so )*(?:good|great|fantastic|excellent|smart|wonderful|brilliant|"
    r"healthy|positive) (?:idea|plan|strategy|step|start|skills?|choice|decision|approach|"
    r"hobby|way|coping|attitude|mindset|progress)",
    r"(?:that's|that is|thats|it's|it is) (?:so |really |very )?(?:unfortunate|too bad|a shame)",
    # more affirming: "I applaud you", "they're lucky to have you", "you'll do great"
    r"i (?:applaud|admire|salute) you|i sympathi[sz]e|lucky to have you|that's the spirit",
    r"you(?:'ll| will| are going to|'re going to) (?:do|be) (?:great|fine at|amazing|brilliant)|"
    r"i have no doubt",
    r"(?:a |the )?(?:big|huge|great|brave|important) (?:first )?step",
    r"understandabl[ey]|(?:completely |totally |perfectly )?valid (?:feelings?|reaction|"
    r"concerns?)",
    r"(?:that's|that is|it's|it is) (?:completely |totally |perfectly |very |so )?(?:normal|"
    r"natural)",
    # agreeing with how they see it: "you're right", "so true"
    r"you(?:'re| are) (?:so |absolutely |totally |completely |100% )?right|so true|"
    r"i (?:totally |completely |definitely |absolutely )?agree",
)


# ----------------------------------------------------------- self-disclosure

# Verbs with which "I" takes a stance towards the listener ("I think", "I hope", "I'm
# sorry") or offers something, rather than telling my own story.
_STANCE = (
    r"(?:think|thought|hope|understand|understood|know|see|hear|believe|guess|suppose|assume|"
    r"wonder|mean|meant|agree|suggest|recommend|advise|encourage|urge|invite|offer|would|will|"
    r"can|could|should|shall|must|may|might|need|want|wanted|wish|feel|get|imagine|bet|assure|"
    r"promise|apologi[sz]e|appreciate|care|trust|say|said|ask|asked|doubt|notice|noticed|"
    r"sense|admire|respect|thank|pray|challenge|am|is|was|were|have|has|had|miss|love|like|"
    r"can'?t|cannot|won'?t|wouldn'?t|couldn'?t|shouldn'?t|hate|totally|completely)"
)
# "I" as the subject of my own story: not in a question ("can I help?"), a condition
# ("if I"), or talk about this conversation ("glad I was able to help").
_I_SUBJECT = (
    r"(?<!can )(?<!am )(?<!do )(?<!may )(?<!could )(?<!should )(?<!would )(?<!if )(?<!did )"
    r"(?<!glad )(?<!hope )(?<!happy )(?<!hoping )(?<!have )(?<!that )"
)
# What follows "I was", "I got", "I have been" when it is about this chat, not my life.
_THIS_CHAT = (
    r"(?! (?:able|wondering|going|thinking|hoping|just|temporarily|distracted|told|asking|"
    r"trying to (?:help|understand|figure)|you|that right|to (?:help|talk|chat|connect)|"
    r"of (?:some )?help|helpful)\b)"
)
_SELF_DISCLOSURE_PHRASE = _rx(
    # the speaker's own past or ongoing experience: "I had", "I've been through", "when I"
    rf"{_I_SUBJECT}i (?:also |too |myself |personally |once |still |used to |recently )?"
    r"(?:had|was|went|got|lost|felt|struggled|suffered|dealt|tried|found|started|learned|"
    r"learnt|remember|grew up|moved|lived|worked|quit|broke|experienced|spent|ended|became|"
    r"did|left|stopped|took|used to|go through|struggle|suffer|deal|live|work|have (?:been|had|"
    rf"a|an|two|three|my|depression|anxiety)|study|studied)\b{_THIS_CHAT}",
    rf"{_I_SUBJECT}i(?:'ve| have) (?:also |personally |always |never |recently |just |often )?"
    r"(?:been|had|felt|gone|struggled|dealt|lost|done|tried|found|experienced|suffered|"
    rf"battled|lived|worked|seen|learned)\b{_THIS_CHAT}",
    r"(?:i'?m|i am) (?:also |too )?(?:a|an|going through|dealing|struggling|in the same|"
    r"married|single|divorced|retired|\d+)",
    r"when i\b(?! (?:say|said|mean|ask))",
    r"my (?:own |mom|mum|mother|dad|father|husband|wife|partner|boyfriend|girlfriend|son|"
    r"daughter|kids?|children|family|friends?|sister|brother|siblings?|parents|grandma|"
    r"grandmother|grandpa|grandfather|dog|cat|pets?|therapist|doctor|job|work|boss|"
    r"experience|life|depression|anxiety|ex|marriage|situation|case|personal|first|last|"
    r"childhood|school|college|university)\b(?!\W*$|[!?.,])",
    r"me too|same here|same with me|same for me|i feel the same|i (?:know|get) the feeling",
    r"(?:happened|happens) to me",
    r"in my (?:experience|case)",
    r"for me,? (?:it|the|i|what)",
    r"i(?:'ve| have) been there",
    r"(?:helped|worked for|works for) me",
    # "I" doing or living something, rather than taking a stance towards them:
    # "I don't drive", "I tend to ...", "I usually walk" (not "I think", "I'm sorry")
    rf"{_I_SUBJECT}i (?:(?:also|too|really|still|just|always|never|sometimes|often|usually|"
    r"personally|myself|actually|definitely|honestly|do|don'?t|did|didn'?t|not)\s)*"
    rf"(?!{_STANCE}\b|(?:also|too|really|still|just|always|never|sometimes|often|usually|"
    r"personally|myself|actually|definitely|honestly|truly|do|don'?t|did|didn'?t|used|hope|"
    r"was able|have been able)\b)[a-z]{2,}\b(?! you\b)",
    # what I love or like (not "I love you", "I like that you ...")
    rf"{_I_SUBJECT}i (?:really |also |personally |do )?(?:love|like|enjoy|hate|prefer)"
    r"(?! (?:you|that you|how you|what you|your|the idea|hearing|to hear)\b)",
    r"i(?:'m| am) (?:currently|from|living|working|studying|not (?:a|an) )",
    r"(?:affected|helped|hurt|happened to|bothered) me",
    r"i(?:'ve| have) (?:definitely|certainly|also|too|really) been there",
)


# ---------------------------------------------------------------- information

_INFORMATION_PHRASE = _rx(
    # evidence: "research shows", "studies suggest"
    r"(?:research|studies|a study|science|evidence|statistics|data|experts?|doctors?) "
    r"(?:shows?|suggests?|says?|has shown|have shown|indicates?|finds|found|agree)",
    # how common it is: "it's common", "many people", "one in four"
    r"(?:it is|it's|this is|that's|that is|which is) (?:\w+ )?(?:very |quite |really |so |"
    r"actually |pretty )?(?:common|typical|usual|a (?:common|normal|natural|typical))",
    r"(?:many|most|some|a lot of|lots of|plenty of|millions of|so many|other) (?:people|folks|"
    r"adults|teens|students|parents|others|of us|couples|men|women)",
    r"one in (?:\w+|\d+)",
    r"(?:\d+|a few|several) (?:percent|%)",
    # what help and conditions do: "therapy can help", "antidepressants take weeks"
    r"(?:therapists?|counsel+ors?|doctors?|gps?|psychiatrists?|psychologists?|therapy|"
    r"counsel+ing|medications?|meds|antidepressants?|treatment|cbt|dbt|exercise|meditation|"
    r"sleep|alcohol|caffeine|depression|anxiety|grief|stress|panic attacks?|hotlines?|"
    r"helplines?|support groups?) (?:can|may|might|will|often|usually|tends? to|are|is|have|"
    r"has|help|helps|cause|causes|affects?|takes?|works?)",
    r"there (?:are|is) (?:\w+ ){0,2}(?:many|lots|a lot|plenty|several|free|online|support|"
    r"services|groups|resources|options|ways|programs?|programmes?|hotlines?|helplines?|apps?|"
    r"websites?|sites?|places|organi[sz]ations|charities|counsel\w*|therap\w*)",
    r"(?:is|are) (?:called|known as|a (?:type|form|kind|sign|symptom|part))",
    r"it (?:usually |often |can )?takes? (?:\w+ ){0,2}(?:time|weeks|months|days|years)",
    r"(?:is|are) (?:available|free|confidential|open) ",
)
# A general statement about the world: "Grief comes in waves.", "Most clinics offer ...".
# It talks about neither speaker ("I", "you"), asks nothing, and uses a present-tense verb.
_PARTICIPANT_START = re.compile(
    r"^(?:i|i'm|i've|i'd|i'll|im|me|my|you|you're|you've|you'd|you'll|your|yours|thank|thanks|"
    r"hope|sorry|ok|okay|yes|no|hi|hello|bye|good|great|glad|nice|wow|please|welcome|that's|"
    r"what|which|who|how|why|where|when)\b",
    re.IGNORECASE,
)
_PRESENT_VERB = _rx(
    r"is|are|isn't|aren't|can|can't|cannot|may|might|will|won't|tends?|has|have|does|doesn't|"
    r"helps?|means|takes|makes|causes|affects|works|needs|depends|varies|happens|comes|goes|"
    r"includes?|shows|gives|keeps|leads|becomes|gets|seems|feels|offers?|provides?|requires?|"
    r"lasts|starts|it's|there's|they're|we're|people",
)


# Words that make a statement personal, an opinion, a wish or a belief, not information.
_NOT_GENERAL = _rx(
    r"i|i'm|i've|i'd|i'll|im|me|my|mine|myself|wish|hope|hopefully|sure|believe|feel|think|"
    r"awesome|amazing|lovely|nice|great|wonderful|glad|sorry|proud|love|pleasure|god|jesus|lord",
)


def _general_statement(s: _Sentence) -> bool:
    if s.asks or _PARTICIPANT_START.match(s.core) or len(s.core.split()) < 6:
        return False
    return bool(_PRESENT_VERB.search(s.core)) and not _NOT_GENERAL.search(s.core)


# ------------------------------------------------ reflection from the context

_WORD = re.compile(r"[a-z']+")
_YOU = _rx(r"you|your|you're|you've|you'd|you'll|yourself|youre|ur")
# Common words that carry no topic, so sharing them with the context proves nothing.
# (A word list reads better as text than as a column of quoted strings.)
_STOPWORDS = frozenset(
    """
    about above after again against also always among another anything anyone around because
    been before being below between both cannot could didn't doing don't down during each even
    ever every everything feel feeling feels felt from further going gonna have having here
    just know like little lot make many maybe more most much must never nothing only other
    others over really right same should some something still such sure than that that's their
    them then there these they thing things think this those though through time together too
    under until very want wanted well were what when where which while will with without would
    yeah your yours you're you've yourself able back been come could does done good gets
    getting give given goes into it's i'm i've kind mean people person probably quite said say
    says see seem seems since sort talk tell thank thanks that'd there's they're trying okay
    """.split()  # noqa: SIM905
)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _content_stems(text: str) -> frozenset[str]:
    words = _WORD.findall(text.lower())
    return frozenset(_stem(w) for w in words if len(w) >= 4 and w not in _STOPWORDS)


def _echoes_context(s: _Sentence, context_stems: frozenset[str]) -> bool:
    """A second-person statement that reuses the loved one's own topic words."""
    if not context_stems or not _YOU.search(s.text):
        return False
    return len(_content_stems(s.text) & context_stems) >= 2


# ----------------------------------------------------------------- analysis

_SKILL_REASON = {
    "open_question": "An open question lets them tell it their way, not yours.",
    "closed_question": "A yes/no question checks a fact but gives them little room to talk.",
    "reflection": "Saying back what you heard shows you listened and lets them correct you.",
    "validation": "Validating tells them their feelings make sense and are taken seriously.",
    "advice": "A suggestion can help, once they feel heard and want ideas.",
    "self_disclosure": "A short, relevant share of your own can make them feel less alone.",
    "information": "Accurate information can ease worry or show where help is.",
}
_SKILL_SUGGESTION = {
    "open_question": "Follow their answer with 'Tell me more' or say back what you heard.",
    "closed_question": "To open it up, start with 'what' or 'how': 'How has it been for you?'",
    "reflection": "Check you got it right: 'Is that how it feels?'",
    "validation": "Keep it tied to what they said, so it doesn't sound automatic.",
    "advice": "Ask first whether they want ideas, and offer them as options, not orders.",
    "self_disclosure": "Keep it short and hand it back: 'What's it like for you?'",
    "information": "Ask what they already know and how it fits their situation.",
}
_PREMATURE_ADVICE = "Before suggesting anything, find out more: 'What do you think might help?'"


_ASKS_ABOUT_SUICIDE = (
    "Asking directly about suicide is right: it shows them you can hear the answer.",
    "Whatever they answer, thank them for telling you, stay with them and look for help together.",
)
_SHARED = (
    "Saying you've felt it too shows you understand, as long as the talk goes back to them.",
    "Then hand it back: 'What's it like for you?'",
)


def _finding(name: str, start: int, end: int, why: tuple[str, str] | None = None) -> Finding:
    reason, suggestion = why or (_SKILL_REASON[name], _SKILL_SUGGESTION[name])
    return Finding(
        name=name, kind="skill", start=start, end=end, reason=reason, suggestion=suggestion
    )


def _phrase(
    name: str, pattern: re.Pattern[str], s: _Sentence, why: tuple[str, str] | None = None
) -> Finding | None:
    m = pattern.search(s.text)
    return _finding(name, s.start + m.start(), s.start + m.end(), why) if m else None


def _is_imperative(core: str) -> bool:
    m = _IMPERATIVE.match(core)
    return m is not None and not _NOT_ADVICE.match(core, m.start("verb"))


def _asking_and_advising(s: _Sentence) -> tuple[Finding | None, Finding | None, bool]:
    """The sentence's question and advice findings, and whether it asks them something."""
    kind = _question_kind(s)
    suggests = _phrase("advice", _SUGGESTION_QUESTION, s)
    if suggests is not None and kind == "open" and not _SUGGESTING_WH.search(s.text):
        suggests = None
    # In "Where do you think you should start?" the modal belongs to their own idea.
    asks_them = kind == "open" or bool(_INVERTED.match(s.core))
    advice = suggests or (None if asks_them else _phrase("advice", _ADVICE_PHRASE, s))
    if advice is None and kind == "closed":
        advice = _phrase("advice", _SUPPORT_QUESTION, s)
    if advice is None and kind is None and _is_imperative(s.core):
        advice = _finding("advice", s.start, s.end)
    # "Maybe you could ask her?" is a suggestion said with a rising voice.
    if kind == "closed" and advice is not None and not asks_them:
        kind = None
    if kind is None or suggests is not None:
        return None, advice, asks_them
    why = _ASKS_ABOUT_SUICIDE if asks_about_suicide(s.text) else None
    return _finding(f"{kind}_question", s.start, s.end, why), advice, asks_them


def _reflection(s: _Sentence, context_stems: frozenset[str], advised: bool) -> Finding | None:
    if _WELCOME.match(s.core):
        return None
    found = _phrase("reflection", _REFLECTION_GUESS, s) or _phrase(
        "reflection", _SHARED_FEELING, s, _SHARED
    )
    if found is None and not _INVERTED.match(s.core) and not _WH_START.match(s.core):
        found = _phrase("reflection", _REFLECTION_YOU, s)
        if found is None and _SUMMARY.match(s.text):
            found = _finding("reflection", s.start, s.end)
    if found is None and not advised and _echoes_context(s, context_stems):
        found = _finding("reflection", s.start, s.end)
    return found


def _sentence_skills(s: _Sentence, context_stems: frozenset[str]) -> list[Finding]:
    question, advice, asks_them = _asking_and_advising(s)
    reflection = _reflection(s, context_stems, advice is not None)
    validation = _phrase("validation", _VALIDATION_PHRASE, s)
    # a plain statement about them, with nothing else going on, mirrors what they said
    quiet = reflection is None and advice is None and validation is None and not asks_them
    if quiet and _YOU_STATEMENT.match(s.core):
        reflection = _finding("reflection", s.start, s.end)
    disclosure = _phrase("self_disclosure", _SELF_DISCLOSURE_PHRASE, s)
    found = [f for f in (question, advice, reflection, validation, disclosure) if f is not None]
    information = _phrase("information", _INFORMATION_PHRASE, s)
    if information is None and not found and _general_statement(s):
        information = _finding("information", s.start, s.end)
    if information is not None:
        found.append(information)
    return found


def _skills(sentences: list[_Sentence], context: str) -> list[Finding]:
    context_stems = _content_stems(context)
    found: list[Finding] = []
    for s in sentences:
        found.extend(_sentence_skills(s, context_stems))
    return found


def detect_skills(text: str, context: str = "") -> list[str]:
    """Skill names found in ``text`` (for ``../shared/eval/score.py --callable``)."""
    found = {f.name for f in _skills(_sentences(text), context)}
    return [name for name in SKILLS if name in found]


# ----------------------------------------------------------------- pitfalls

# Where an order to them starts: the sentence start, after a comma, or after a softener
# ("just", "please", "you need to"). "Let it go" is an order; "hard to let it go" is not.
_ORDER = (
    r"(?:^|(?<=[.,;:!?-] )|(?<=\bjust )|(?<=\bplease )|(?<=\btry to )|(?<=\bneed to )|"
    r"(?<=\bshould )|(?<=\bhave to )|(?<=\bgotta )|(?<=\band )|(?<=\bnow )|(?<=\bman )|"
    r"(?<=\bso )|(?<=\boh )|(?<=\bcome on )|(?<=\bwell )|(?<=\bhey ))"
)

_PITFALL_PATTERNS = {
    "minimising": _rx(
        # a silver lining that shrinks the problem: "at least you have a job" (but not
        # "at least you told me", "at least twice", "at least for now")
        r"(?:^|(?<=[,;:!?.-] )|(?<=\bbut )|(?<=\bwell )|(?<=\bstill )|(?<=\bhey ))at least "
        r"(?!you(?:'ve| have)? (?:told|said|shared|reached|talked|opened|came|called|asked|let|"
        r"trusted|are talking|'re talking|are telling|'re telling)|(?:\d+|one|two|three|a few|"
        r"a couple|once|twice|some|for now|for (?:a|the)|until|that|i|i'm|i've|we|"
        rf"{_IMPERATIVE_VERBS})\b)",
        # comparison with others: "others have it worse", "it could be worse"
        r"(?:other|some|lots of|many|plenty of) (?:people|kids|folks) (?:have to |had to )?"
        r"(?:have|had|are|go through|deal with|face)(?: it| things)? (?:\w+ ){0,2}(?:worse|harder)",
        r"(?:people|others|someone) (?:have|has|had) it (?:\w+ ){0,2}worse",
        r"(?:it|things|this|that) could (?:always |have )?(?:be|been) "
        r"(?:a lot |much |way |so )?worse",
        r"worse things happen|there are people (?:starving|dying|worse off)|"
        r"(?:think of|think about) (?:those|people|the people|others) (?:who are |)less fortunate",
        # cheering up instead of listening: "cheer up", "just think positive", "look on the
        # bright side", "everything happens for a reason"
        r"cheer up|chin up|buck up|turn that frown",
        rf"{_ORDER}(?:think|stay|be|keep) (?:more )?positive(?:ly)?",
        rf"{_ORDER}(?:look|focus) on the (?:bright|positive) side|good vibes only",
        r"everything happens for a reason|this too shall pass|"
        r"it(?:'s| is) (?:all )?(?:part of )?(?:god's|a bigger|the) plan",
        # shrinking it: "it's not that bad", "you'll get over it", "it's no big deal"
        r"(?:it's|it is|that's|that is|its) (?:really )?not (?:that|so|even that|a big deal|"
        r"the end of the world|a real problem)\b(?! (?:easy|simple|obvious|your fault|uncommon)\b)",
        r"(?:it's|it is|that's|its) no big deal|not a big deal",
        r"(?:you'll|you will|you'll soon|you're going to) get over (?:it|this|that|him|her)",
        r"(?:^|(?<=just )|(?<=need to )|(?<=should )|(?<=have to )|(?<=gotta ))get over it",
        r"(?:it's|it is) (?:just|only) a (?:phase|bad day|break-?up|job|test|exam)",
        r"everyone (?:gets|feels|has days like|goes through) (?:\w+ )?(?:sad|down|low|that|this|"
        r"stressed|like that)(?: sometimes)?",
        r"you have (?:so much|a lot|everything) to (?:be (?:grateful|thankful|happy) for|live for)",
        r"(?:be|you should be) (?:grateful|thankful) (?:for what|that)|count your blessings",
    ),
    "judgment": _rx(
        # labelling how they feel: "you're overreacting", "being dramatic", "too sensitive"
        r"you(?:'re| are)(?: just| being| so| too| really)* (?:overreacting|dramatic|too sensitive|"
        r"so sensitive|oversensitive|hysterical|silly|ridiculous|selfish|lazy|weak|pathetic|"
        r"childish|a baby|a drama queen|paranoid|irrational|attention[- ]seeking|"
        r"making (?:it|this) (?:up|about you)|making a (?:big deal|fuss|scene))",
        r"(?:stop|quit) (?:being (?:so )?(?:dramatic|sensitive|silly|lazy|selfish|negative|a baby)|"
        r"overreacting|whining|complaining|moaning|feeling sorry for yourself)",
        r"(?:what|why) do you (?:even |really )?have to be (?:sad|depressed|upset|anxious|down|"
        r"unhappy|stressed) about",
        r"you have (?:nothing|no reason) to be (?:sad|depressed|upset|anxious|down|unhappy|"
        r"stressed)",
        # blame: "it's your own fault", "you brought it on yourself"
        r"(?:it's|it is|that's|that is|its) (?:all |really )?your (?:own )?fault",
        r"you (?:brought|did) (?:this|it|that) (?:on|to) yourself|you only have yourself to blame",
        r"you should(?:'ve| have) known better|what were you thinking|you asked for it",
        # dismissing the illness as a choice: "snap out of it", "pull yourself together"
        rf"{_ORDER}(?:snap out of it|pull yourself together|man up|toughen up|get a grip|grow up)|"
        r"(?:just |you just need to )?try harder",
        r"attention[- ]seeking|(?:you're |you are |just )(?:doing it |)(?:for|looking for|"
        r"wanting) attention",
        r"(?:it's|it is|its) (?:all )?in your head",
        r"making a mountain out of a molehill",
    ),
    "secrecy_promise": _rx(
        # promising silence about what they told you: "I promise I won't tell anyone"
        r"(?:i (?:promise|swear)(?: that)?,? )?i(?: won't| will not| will never|'ll never| wont|"
        r" am not going to|'m not going to|'m never going to|'ll not) (?:ever )?"
        r"(?:tell|say (?:a word|anything)|breathe a word|"
        r"mention (?:it|this))(?: (?:anyone|anybody|a soul|a single soul|a word|your \w+|them|"
        r"him|her|people|nobody)|(?=\W*$))(?! (?:without|unless|until|before|about my)\b)",
        r"i (?:promise|swear) (?:not to|to never|never to) (?:tell|say)",
        r"(?:your|this|the|that) secret(?:'s| is| will be)? (?:is )?safe with me",
        r"(?:i'll|i will|i can|i promise to|i promise i'll) keep (?:it|this|that|your secret|"
        r"(?:it|this|that) (?:a )?secret)(?: (?:a )?secret| between us| to myself| quiet)?"
        r"(?! (?:unless|if you(?:'re| are) (?:in danger|at risk|not safe)|until))",
        r"(?:it|this|that) (?:stays|will stay|can stay|is) (?:just )?between (?:us|you and me)",
        r"(?:no ?one|nobody) (?:else )?(?:will|has to|needs to|is going to) (?:ever )?"
        r"(?:know|find out)",
        r"my lips are sealed|cross my heart",
    ),
    "dismissing": _rx(
        # stopping the feeling: "don't cry", "stop worrying", "don't think about it"
        r"(?:please )?(?:don't|do not|dont) cry",
        r"(?:stop|quit) (?:crying|worrying|stressing|thinking about (?:it|that|this)|being sad|"
        r"being upset|dwelling)",
        r"(?:don't|do not|dont|try not to) (?:think|dwell) (?:about|on) (?:it|that|this|him|her)",
        r"(?:don't|do not|dont) (?:be|get) (?:sad|upset|so upset|like that|so negative|down)",
        rf"{_ORDER}(?:forget|put) (?:about )?(?:it|that|this)(?: behind you)?(?=[.!,]|$)",
        rf"{_ORDER}(?:shake it off|let it go|move on from (?:it|this|that)|calm down)",
        # "don't worry" said about the feeling itself, not "don't worry about the dishes"
        r"(?:don't|do not|dont) worry(?= *(?:[.!,;]|$|so much|too much|about (?:it|that|this|"
        r"a thing|anything)|,? (?:it'll|it will|everything|you'll|be happy)))",
        r"no need to (?:worry|cry|be (?:sad|upset)|get upset)",
        # false reassurance: "you'll be fine", "everything will be okay"
        r"(?:you'll|you will|you're going to|you are going to|it'll|it will|everything will|"
        r"everything's going to|everything is going to|it's going to|things will) be "
        r"(?:just )?(?:fine|okay|ok|alright|all right)",
        r"(?:you're|you are) fine",
        # changing the subject: "let's talk about something else", "anyway, did you see ..."
        r"(?:let's|let us|can we|shall we|we should) (?:talk about|think about|focus on|change) "
        r"(?:something|the subject)(?: else| happier| more positive| nicer| fun)?",
        r"(?:let's|let us) not (?:talk|think|dwell) about (?:it|this|that)",
        r"(?:on a (?:lighter|happier|different|brighter) note|enough about that|moving on)",
        r"anyway,? (?:did|have|what|how|so) (?:you|about)",
        r"i (?:don't|do not) want to hear (?:about )?(?:it|this|that)",
    ),
}

# Talking about a phrase, not saying it: "I won't tell you to cheer up", "I'm not going to
# judge you", "people who say 'cheer up'". The cue must end right before the phrase.
_MENTION = re.compile(
    r"(?:won'?t|will not|wouldn'?t|not going to|not gonna|never going to|never gonna|"
    r"don'?t want to|do not want to|not here to|not about to|refuse to|would never|will never|"
    r"i never|not trying to|not saying|never say|never said|not asking you to|no one should|"
    r"nobody should|don'?t think|do not think|not that|can'?t promise|cannot promise|"
    r"won'?t promise|not promise|can'?t keep|won'?t keep|can'?t guarantee|"
    r"(?:tell|tells|told|telling|say|says|said|saying)(?: to)?(?: you)?(?: to| that)?|"
    r"instead of|rather than)"
    r"(?:\W+\w+){0,4}?\W*$",
    re.IGNORECASE,
)

_PITFALL_REASON = {
    "minimising": "Minimising makes their pain sound smaller than it feels to them.",
    "judgment": "Blame or labels make it less likely they will open up again.",
    "self_focus": "This turns the conversation to you, when they need the space.",
    "secrecy_promise": "Promising secrecy can trap you if they are at risk; safety comes first.",
    "dismissing": "Telling them not to feel it, or changing the subject, shuts the talk down.",
}
_PITFALL_SUGGESTION = {
    "minimising": "Acknowledge it instead: 'That sounds really hard.'",
    "judgment": "Stay curious instead: 'What's been making it so hard?'",
    "self_focus": "Keep any share short and hand it back: 'What's it like for you?'",
    "secrecy_promise": (
        "Say: 'I can't promise to keep it secret if you're in danger, but we'll decide together "
        "who to tell.'"
    ),
    "dismissing": "Stay with it: 'It's okay to feel this way. I'm listening.'",
}


def _pitfall(name: str, start: int, end: int) -> Finding:
    return Finding(
        name=name,
        kind="pitfall",
        start=start,
        end=end,
        reason=_PITFALL_REASON[name],
        suggestion=_PITFALL_SUGGESTION[name],
    )


def _quoted(text: str, at: int) -> bool:
    """Whether offset ``at`` sits inside double quotes in ``text``."""
    return text.count('"', 0, at) % 2 == 1


# "Don't worry" that goes with an offer or a promise reassures about what you will do
# ("Don't worry about the dishes, I'll do them"), not about what they feel.
_DONT_WORRY = re.compile(r"^(?:don'?t|do not) worry", re.IGNORECASE)
_OFFER = _rx(r"i'll|i will|i won't|i'm going to|i can|we'll|no ?one|nobody")


def _phrase_pitfalls(s: _Sentence) -> list[Finding]:
    found = []
    for name, pattern in _PITFALL_PATTERNS.items():
        for m in pattern.finditer(s.text):
            if _quoted(s.text, m.start()) or _MENTION.search(s.text, 0, m.start()):
                continue
            if _DONT_WORRY.match(m.group()) and _OFFER.search(s.text):
                continue
            found.append(_pitfall(name, s.start + m.start(), s.start + m.end()))
            break
    return found


# One-upping or making it about your own feelings: "that's nothing", "try being me",
# "this is so hard for me".
_SELF_FOCUS_PHRASE = _rx(
    r"that's nothing|that is nothing|you think that's bad|you think you've got it bad",
    r"i(?:'ve| have) (?:had|got) it (?:\w+ )?worse|mine (?:is|was) (?:\w+ )?worse|"
    r"try being me|imagine how i feel|what about me",
    r"(?:this|that|it) is (?:\w+ )?(?:hard|difficult|tough|awful|too much) for me|"
    r"how do you think (?:this|that|it) makes me feel|you're (?:stressing|upsetting) me",
)
# Claiming to know exactly how they feel, which usually opens a story of one's own.
_SAME_FEELING = _rx(r"i know (?:exactly|just) how you feel|i know exactly what you mean")
# A reply that hands the talk back to them after a share: a question or a reflection.
_HANDS_BACK = frozenset({"open_question", "closed_question", "reflection"})
_MY_SENTENCE = re.compile(r"^(?:i|i'm|i've|i'd|im|me|my|mine|when i)\b", re.IGNORECASE)


def _self_focus(sentences: list[_Sentence], skills: list[Finding]) -> Finding | None:
    """A turn about yourself that never comes back to them."""
    for s in sentences:
        m = _SELF_FOCUS_PHRASE.search(s.text)
        if m and not _MENTION.search(s.text, 0, m.start()):
            return _pitfall("self_focus", s.start + m.start(), s.start + m.end())
    disclosed = {
        s.start
        for s in sentences
        if any(f.name == "self_disclosure" and s.start <= f.start < s.end for f in skills)
    }
    if not disclosed:
        return None
    # my story: sentences that share something of mine, or open with "I"/"my" and leave
    # "you" out
    about_me = [
        s
        for s in sentences
        if s.start in disclosed or (_MY_SENTENCE.match(s.core) and not _YOU.search(s.text))
    ]
    last = max(s.end for s in about_me)
    if any(f.name in _HANDS_BACK and f.start >= last for f in skills):
        return None
    my_words = sum(len(s.text.split()) for s in about_me)
    all_words = sum(len(s.text.split()) for s in sentences)
    knows_same = any(_SAME_FEELING.search(s.text) for s in sentences)
    long_story = len(about_me) >= 3 or (len(about_me) >= 2 and my_words >= 30)
    if (long_story or (knows_same and my_words >= 15)) and my_words >= 0.6 * all_words:
        return _pitfall("self_focus", about_me[0].start, last)
    return None


# ----------------------------------------------------------------- verdict

_DOING = {
    "open_question": "asked an open question",
    "closed_question": "asked a question",
    "reflection": "showed you understood",
    "validation": "validated their feelings",
    "advice": "offered a suggestion",
    "self_disclosure": "shared something of your own",
    "information": "gave some information",
}
_WATCH = {
    "minimising": "minimising",
    "judgment": "judging",
    "self_focus": "making it about you",
    "secrecy_promise": "promising secrecy",
    "dismissing": "brushing the feeling aside",
}
_LISTENING = ("open_question", "reflection", "validation")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _verdict(skills: list[str], pitfalls: list[str], premature: bool, direct: bool) -> str:
    good = [_DOING[n] for n in skills if n in _LISTENING]
    if direct and not pitfalls:
        return (
            "You asked directly about suicide, which is the right thing to do. "
            "Listen to the answer, stay with them and look for help together."
        )
    if pitfalls:
        watch = _join([_WATCH[n] for n in pitfalls])
        first = f"Watch out for {watch}: this can close the conversation down."
        return first + (f" You also {_join(good)}, which helps." if good else "")
    if premature:
        return (
            "You went to advice before finding out more. "
            "Ask an open question or say back what you heard first."
        )
    if good:
        if "open_question" in skills or "reflection" in skills:
            return f"Good listening: you {_join(good)}."
        return f"Good listening: you {_join(good)}. Next, an open question can help them say more."
    if "closed_question" in skills:
        return "A start. Turn it into an open question ('what' or 'how') so they can say more."
    if skills:
        return "No listening skill yet: try an open question, or say back what you heard."
    return "Try an open question, or say back what you heard, to show you're listening."


# ----------------------------------------------------------------- analyse


def analyse(reply: str, context: str = "", *, explored: bool = False) -> Feedback:
    """Feedback on ``reply``, which answers the loved one's ``context``.

    ``explored`` says the user already asked or reflected earlier in the session, so
    advice in this reply is not premature.
    """
    sentences = _sentences(reply)
    skills = _skills(sentences, context)
    pitfalls = [f for s in sentences for f in _phrase_pitfalls(s)]
    focus = _self_focus(sentences, skills)
    if focus is not None:
        pitfalls.append(focus)
    advice = [f.start for f in skills if f.name == "advice"]
    explores = [f.start for f in skills if f.name in _HANDS_BACK]
    premature = bool(advice) and not explored and (not explores or min(advice) < min(explores))
    if premature:
        skills = [
            replace(f, suggestion=_PREMATURE_ADVICE) if f.name == "advice" else f for f in skills
        ]
    skills.sort(key=lambda f: (f.start, SKILLS.index(f.name)))
    pitfalls.sort(key=lambda f: (f.start, PITFALLS.index(f.name)))
    skill_names = [n for n in SKILLS if any(f.name == n for f in skills)]
    pitfall_names = [n for n in PITFALLS if any(f.name == n for f in pitfalls)]
    return Feedback(
        reply=reply,
        skills=tuple(skills),
        pitfalls=tuple(pitfalls),
        verdict=_verdict(skill_names, pitfall_names, premature, asks_about_suicide(reply)),
        premature_advice=premature,
    )
