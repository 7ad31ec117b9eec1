/**
 * Catalog module of the Bison plugin suite.
 *
 * @packageDocumentation
 */
export { catalogModuleBison as default } from './module';
