"""The infoflits questionnaire (pure Python): reading it, deciding which questions show, and
turning submitted answers into a Situation."""

from servicepunt.infoflits.questionnaire.answers import AmountReader, AnswerError, apply_answers, visible_questions
from servicepunt.infoflits.questionnaire.model import Option, Question, Questionnaire, Step
from servicepunt.infoflits.questionnaire.reader import load_questionnaire

__all__ = [
    "AmountReader",
    "AnswerError",
    "Option",
    "Question",
    "Questionnaire",
    "Step",
    "apply_answers",
    "load_questionnaire",
    "visible_questions",
]
