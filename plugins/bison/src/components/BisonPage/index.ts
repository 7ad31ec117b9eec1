export { BisonPage } from './BisonPage';
