"""Evaluation harness: datasets with gold annotations, pure scorers, reports and run-vs-run comparison."""

from summarizer.evaluation.dataset import Gold, GoldIndicator, OutputRecord, Sample, load_dataset, load_outputs
from summarizer.evaluation.scorers import ErrorClass, FigureCheck, ReportScore, aggregate, score_output

__all__ = [
    "ErrorClass",
    "FigureCheck",
    "Gold",
    "GoldIndicator",
    "OutputRecord",
    "ReportScore",
    "Sample",
    "aggregate",
    "load_dataset",
    "load_outputs",
    "score_output",
]
