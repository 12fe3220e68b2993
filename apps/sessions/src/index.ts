// Public surface of sessions.
