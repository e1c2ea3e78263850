"""Learned components: a CRF that tags Source / Cue / Content tokens, trained on PolNeAR train."""
