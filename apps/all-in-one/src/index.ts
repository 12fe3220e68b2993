// Public surface of all-in-one.
