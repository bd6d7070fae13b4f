"""Evaluation against annotated data: each module scores extraction records on one data set."""
