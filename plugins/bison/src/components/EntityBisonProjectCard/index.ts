export { EntityBisonProjectCard } from './EntityBisonProjectCard';
export { isBisonProjectAvailable } from './isBisonProjectAvailable';
