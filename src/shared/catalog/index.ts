export * from './categories';
export * from './schema';
export * from './validate-form';
export * from './readiness';
export * from './flow-steps';
export { defaultCatalog, defaultCatalogInput, DEFAULT_CATALOG_VERSION } from './default-catalog';
export * from './risk-class';
export * from './county-settings';
