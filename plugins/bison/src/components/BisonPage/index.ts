export { BisonPage } from './BisonPage';
export { BisonRouter } from './BisonRouter';
