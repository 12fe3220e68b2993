import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config';
import { databaseUrl, port } from './keys';

const schema = z.object({ PORT: port(4001), DATABASE_URL: databaseUrl });

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    expect(loadConfig('svc', schema, { PORT: '5000' })).toEqual({ PORT: 5000 });
    expect(loadConfig('svc', schema, {})).toEqual({ PORT: 4001 });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig('svc', schema, { DATABASE_URL: '' })).toEqual({ PORT: 4001 });
  });

  it('names every bad key with what it is for', () => {
    let error: unknown;
    try {
      loadConfig('referentials', schema, { PORT: 'abc', DATABASE_URL: 'postgres://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('referentials: the environment is not valid');
    expect(message).toMatch(/PORT: .*TCP port/);
    expect(message).toMatch(/DATABASE_URL: must start with mysql:\/\//);
  });
});
