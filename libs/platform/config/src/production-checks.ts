import { DEVELOPMENT_INTERNAL_SECRET, DEVELOPMENT_JWT_SECRET } from '@certif/platform-auth';

/**
 * Secrets that are public: the development constants, and the example values of this repository's
 * manifests (infra/compose, infra/k8s/secrets.example), which anyone can read. A production
 * started with one of them can be impersonated by anyone.
 */
export const PUBLIC_SECRETS: readonly string[] = [
  DEVELOPMENT_JWT_SECRET,
  DEVELOPMENT_INTERNAL_SECRET,
  'compose-development-jwt-secret-0123456789abcdef',
  'compose-development-internal-secret-0123456789',
  'replace-with-openssl-rand-hex-32',
];

/** Words of a value that was never replaced by a real secret. */
const PLACEHOLDER =
  /replace-with|replace-me|change-?me|placeholder|example|not-for-prod|development-secret/i;

/** The values of a setting; comma- or space-separated lists (rotation) are checked one by one. */
function values(setting: string | undefined): string[] {
  return (setting ?? '')
    .split(/[\s,]+/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** Why `setting` (a secret or a list of them) may not start production; undefined when it may. */
export function publicSecretProblem(setting: string | undefined): string | undefined {
  for (const value of values(setting)) {
    if (PUBLIC_SECRETS.includes(value)) {
      return 'is a public development or example value; generate one (openssl rand -hex 32)';
    }
    if (PLACEHOLDER.test(value)) {
      return `looks like a placeholder ("${value.slice(0, 12)}…"); generate one (openssl rand -hex 32)`;
    }
  }
  return undefined;
}

/** True when the auth and internal secrets share a value: one leak would then give both. */
export function secretsShareAValue(a: string | undefined, b: string | undefined): boolean {
  const first = new Set(values(a));
  return values(b).some((value) => first.has(value));
}
