"""Document formats below reading: what turns a file into text with provenance (OCR of scans so far)."""
