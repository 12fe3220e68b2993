import { checkServerVersion } from './server-version';

describe('the database server version, checked at start (SKIP LOCKED)', () => {
  it.each([
    '8.0.1',
    '8.4.3',
    '9.1.0',
    '10.6.0-MariaDB',
    '11.4.2-MariaDB-ubu2404',
    '5.5.5-10.11.6-MariaDB',
  ])('accepts %s', (version) => expect(() => checkServerVersion(version)).not.toThrow());

  it.each([
    ['5.7.44-log', /MySQL 5\.7\.44 is too old: MySQL 8\.0\.1 or later is required/],
    ['8.0.0', /MySQL 8\.0\.0 is too old/],
    ['10.5.23-MariaDB', /MariaDB 10\.5\.23 is too old: MariaDB 10\.6\.0 or later is required/],
    ['5.5.5-10.4.1-MariaDB', /MariaDB 10\.4\.1 is too old/],
    ['unknown', /cannot read the database server's version/],
  ])('refuses %s with a clear error', (version, message) => {
    expect(() => checkServerVersion(version)).toThrow(message);
  });
});
