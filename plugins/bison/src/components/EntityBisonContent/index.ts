export { EntityBisonContent } from './EntityBisonContent';
