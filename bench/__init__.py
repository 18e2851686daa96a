"""Benchmarks: scripts that print one summary line per figure and write bench/results/*.json."""
