"""The one rule every anonymous questionnaire follows (the readiness pulse, the PLG health
scan): results only once it is closed, and only from this many answers. While it is open
nothing derived from the answers is shown anywhere but their number, so reading a page
before and after one colleague answers reveals nothing of what they said. Closing keeps the
aggregated results and deletes the raw answers."""

MIN_ANSWERS = 5
