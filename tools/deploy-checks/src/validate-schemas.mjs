// Validates Kubernetes objects against the API's schemas with kubernetes-models, in a process of
// its own: kubernetes-models 5 is ESM-only (Jest runs CommonJS); 4 ships CommonJS too, which
// import() also loads (its classes then come as properties of the default export).
//   stdin:  {"packageDir": "<node_modules/kubernetes-models>", "objects": [...]}
//   stdout: {"problems": ["Deployment/x: …"]}
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { packageDir, objects } = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const problems = [];
for (const object of objects) {
  const id = `${object.kind}/${object.metadata?.name}`;
  // apps/v1 → apps/v1/Deployment.js; v1 (the core group) → v1/Service.js.
  const file = join(packageDir, ...String(object.apiVersion).split('/'), `${object.kind}.js`);
  if (!existsSync(file)) {
    problems.push(
      `${id}: ${object.apiVersion} ${object.kind} is not a Kubernetes API kind kubernetes-models knows`,
    );
    continue;
  }
  const loaded = await import(pathToFileURL(file).href);
  const model = loaded[object.kind] ?? loaded.default?.[object.kind];
  try {
    new model(object).validate();
  } catch (error) {
    const details = (error.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    problems.push(`${id}: ${details.length > 0 ? details.join('; ') : error.message}`);
  }
}
process.stdout.write(JSON.stringify({ problems }));
