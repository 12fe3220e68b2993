// Public surface of candidates.
