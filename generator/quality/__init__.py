"""Checks beside the pipeline: plain language (readability), review dates (review), and every
internal link and anchor of a built site (links)."""
