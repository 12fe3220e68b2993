import nx from '@nx/eslint-plugin';

/**
 * Module boundaries (STYLE.md): a bounded context depends on itself, the shared platform and the
 * other contexts' published contracts; inside it, dependencies point inward:
 * app → service → adapter → application → domain.
 */
// One rule a line reads as a table.
// prettier-ignore
const depConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:referentials', onlyDependOnLibsWithTags: ['scope:referentials', 'scope:shared', 'scope:contracts'] },
  { sourceTag: 'scope:candidates', onlyDependOnLibsWithTags: ['scope:candidates', 'scope:shared', 'scope:contracts'] },
  { sourceTag: 'scope:sessions', onlyDependOnLibsWithTags: ['scope:sessions', 'scope:shared', 'scope:contracts'] },
  { sourceTag: 'scope:issuing', onlyDependOnLibsWithTags: ['scope:issuing', 'scope:shared', 'scope:contracts'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared', 'scope:all'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:service', 'type:platform', 'type:domain'] },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:service', 'type:adapter', 'type:application', 'type:domain', 'type:contract', 'type:platform'] },
  { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:contract', 'type:platform'] },
  { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:contract', 'type:platform'] },
  { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract', 'type:platform', 'type:domain'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:domain'] },
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:service', 'type:platform'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.nx', 'coverage', 'tmp', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Domain code stays free of frameworks: rules are plain functions and types.
    files: ['libs/*/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['typeorm', 'type-graphql', 'graphql', '@apollo/*', 'kafkajs', 'express'] },
      ],
    },
  },
];
