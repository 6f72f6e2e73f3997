"""Colours shared by the writers, so DOCX and PDF look alike."""

from __future__ import annotations

from lofte_reports.doctree.nodes import Tone

TONE_RGB: dict[Tone, str] = {
    "positive": "1B6E20",
    "caution": "8A5300",
    "negative": "A50E0E",
    "neutral": "4A4A4A",
}
"""Text colours for tones, each dark enough for 4.5:1 contrast on white."""
