"""Text: decode, clean, segment, fold, cues, dates, numbers."""
