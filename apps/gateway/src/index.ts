// Public surface of gateway.
