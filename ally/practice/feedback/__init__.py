"""Feedback on one practice reply: which listening skills it shows and which pitfalls.

The engine is a set of small, readable rules over the sentences of a reply, plus the
loved one's words it answers (``context``). Each rule names the phrasing it catches.
Nothing here is learned from data: the rules encode the frameworks `ally` teaches
(SHUSH, OARS, V-A-R, #BeThe1To, ALGEE) and the coding conventions of MITI.

Most rules are word patterns: a sentence is split into lower-case words, with
contractions and chat spellings spelled out ("don't", "dont" -> "do not"), and each
pattern is a line of words and word sets, matched with a small backtracking matcher
indexed by first word. The patterns are parsed the first time they are needed, so
importing this package stays cheap (no large regular expressions to compile).

Layout (each module imports only the ones above it in this list):

- ``words``        the tokeniser: words with their spans, contractions spelled out
- ``phrases``      the word-pattern matcher (syntax documented there) and shared word sets
- ``sentences``    sentence splitting, opening fillers, clause ends, topic-word overlap
- ``findings``     Finding, Feedback, the labels, reasons and suggestions, builders
- ``safety``       risk cues, asking directly about suicide, pointing to help
- ``reflection``   reflection (saying back what they said or feel)
- ``questions``    open and closed questions
- ``advice``       advice, suggestions asked as questions, premature advice
- ``validation``   validation
- ``pitfalls``     minimising, judgment, promising secrecy, dismissing
- ``disclosure``   self-disclosure, and the self-focus pitfall
- ``information``  information and general statements
- ``verdict``      the one-line verdict
- ``combine``      ``analyse()`` and ``detect_skills()``: runs the families, builds Feedback

Only the names below are the package's interface; everything with a leading underscore
belongs to the package. Pure: no printing, no clock, no environment, no randomness.
"""

from __future__ import annotations

from ally.practice.feedback.combine import analyse, detect_skills
from ally.practice.feedback.findings import PITFALLS, SAFETY, SKILLS, Feedback, Finding
from ally.practice.feedback.phrases import Phrases
from ally.practice.feedback.safety import asks_about_suicide, mentions_risk, points_to_help
from ally.practice.feedback.words import Words, words_of

__all__ = [
    "PITFALLS",
    "SAFETY",
    "SKILLS",
    "Feedback",
    "Finding",
    "Phrases",
    "Words",
    "analyse",
    "asks_about_suicide",
    "detect_skills",
    "mentions_risk",
    "points_to_help",
    "words_of",
]
