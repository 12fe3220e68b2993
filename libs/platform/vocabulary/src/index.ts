// Vocabularies shared by the contexts' domains (pure constants and types, no framework).
export * from './pathways';
export * from './juror-roles';
