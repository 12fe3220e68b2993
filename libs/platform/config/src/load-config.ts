import { z } from 'zod';

export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(
      `${service}: the environment is not valid, so the service will not start:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads a service's configuration from the environment and validates it before anything starts.
 * Every key of the schema is an environment variable; its `.describe()` text is repeated in the
 * error so that the person starting the service knows what the key is for.
 */
export function loadConfig<S extends z.ZodType<object>>(
  service: string,
  schema: S,
  env: Env = process.env,
): z.infer<S> {
  // Empty strings count as unset: `FOO= npm start` should mean "use the default".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.');
    const shape = 'shape' in schema ? (schema.shape as Record<string, z.ZodType>) : {};
    const description = shape[key]?.description;
    return `${key}: ${issue.message}${description ? ` (${description})` : ''}`;
  });
  throw new ConfigError(service, problems);
}
