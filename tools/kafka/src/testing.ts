// What other tools' tests reuse (the production rehearsal of tools/deploy-checks): the contract's
// journey through a gateway, a broker of a test's own, and the scratch databases' helpers.
export { JOURNEY_JWT_SECRET, Journey, type GraphQLAnswer } from './journey';
export { PrivateBroker, freePort, type BrokerAddresses } from './private-broker';
export { countRows, dropDatabases, testDatabaseUrl } from './scratch-databases';
