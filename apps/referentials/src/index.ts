// Public surface of referentials.
