"""Learned components: a span tagger (two BiLSTM networks, their label probabilities averaged) that marks Source /
Cue / Content words, trained on PolNeAR train."""
