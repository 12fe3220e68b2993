import { findPackage } from './optional-package';

/** The part of the `yaml` package these checks use. */
interface YamlModule {
  parseAllDocuments(
    source: string,
    options?: { merge?: boolean },
  ): { toJS(): unknown; errors: { message: string }[] }[];
  parse(source: string, options?: { merge?: boolean }): unknown;
}

function yamlModule(): YamlModule {
  const dir = findPackage('yaml');
  if (!dir) throw new Error('the yaml package is not installed');
  return require(dir) as YamlModule;
}

/** Every document of a multi-document YAML stream (kubectl kustomize output), empty ones left out. */
export function parseYamlDocuments(source: string): unknown[] {
  return yamlModule()
    .parseAllDocuments(source)
    .map((document) => {
      if (document.errors.length > 0)
        throw new Error(document.errors.map((e) => e.message).join('\n'));
      return document.toJS();
    })
    .filter((value) => value !== null && value !== undefined);
}

/** One YAML document, with `<<` merge keys resolved (compose files use them). */
export function parseYaml(source: string): unknown {
  return yamlModule().parse(source, { merge: true });
}
