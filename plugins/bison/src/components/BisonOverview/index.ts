export { BisonOverview } from './BisonOverview';
