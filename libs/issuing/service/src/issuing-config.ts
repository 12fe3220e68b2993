import { subgraphConfigKeys, withAuthChecks, z } from '@certif/platform-config';

/** The issuing service's environment: the subgraph keys, plus its signing key and public URL. */
export const issuingConfigSchema = withAuthChecks(
  subgraphConfigKeys(4004).extend({
    ISSUING_SIGNING_KEY: z
      .string()
      .optional()
      .describe(
        'Ed25519 private key (JWK JSON or PKCS8 PEM) that signs the verifiable credentials; unset in development: generated once and kept in DATA_DIR',
      ),
    ISSUING_RETIRED_SIGNING_KEYS: z
      .string()
      .optional()
      .describe(
        'keys used before a rotation (a JWKS, or a JSON array of Ed25519 JWKs; public halves suffice): still published, so that credentials they signed verify',
      ),
    PUBLIC_BASE_URL: z
      .url()
      .optional()
      .describe(
        'public URL of this service, printed on documents (verification page); default http://localhost:PORT',
      ),
    LAPSE_SWEEP_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(60)
      .describe(
        'how often livrets whose deadline passed are marked LAPSED and published (0: never)',
      ),
  }),
).refine((c) => c.NODE_ENV !== 'production' || c.ISSUING_SIGNING_KEY, {
  path: ['ISSUING_SIGNING_KEY'],
  message:
    'is required when NODE_ENV=production: credentials must be signed with the key whose public half is published',
});

export type IssuingConfig = z.infer<typeof issuingConfigSchema>;
