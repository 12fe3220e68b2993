// Public surface of issuing.
