"""Documents in, below reading: a file's format sniffed by content (plain text in any of the encodings reports come
in, PDF, Word, saved or printed web pages, scans read by OCR) and turned into one text with its provenance
(``DocumentInfo``). Nothing here knows what a figure means; ``reading`` takes the text from here."""
