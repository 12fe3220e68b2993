// What other tools' tests reuse (the production rehearsal of tools/deploy-checks): the contract's
// journey through a gateway (it lives with the end-to-end specs, in @certif/one-process/testing),
// a broker of a test's own, and the scratch databases' helpers.
export { JOURNEY_JWT_SECRET, Journey, type GraphQLAnswer } from '@certif/one-process/testing';
export { PrivateBroker, freePort, type BrokerAddresses } from './private-broker';
export { countRows, dropDatabases, testDatabaseUrl } from './scratch-databases';
