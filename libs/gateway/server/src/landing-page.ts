import type { ApolloServerPlugin } from '@apollo/server';

/**
 * In production introspection is off (unless GRAPHQL_INTROSPECTION=true) and the Sandbox is not
 * served: the page says where the schema is published instead.
 */
export function schemaLocationLandingPage(): ApolloServerPlugin {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Certification platform API</title></head>
<body>
<h1>Certification platform — GraphQL API</h1>
<p>Send <code>POST /graphql</code> with <code>Authorization: Bearer &lt;JWT&gt;</code>.</p>
<p>Introspection is off on this deployment. The schema is published with the platform's public
contract: <code>contract/supergraph-sketch.graphql</code> (the composed shape) and
<code>contract/operations.graphql</code> (the operations front-ends send), and the composed
supergraph is <code>apps/gateway/supergraph.graphql</code> in the platform's repository.</p>
</body></html>`;
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
