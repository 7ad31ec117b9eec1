export { TeamsTable } from './TeamsTable';
export { TeamPage } from './TeamPage';
export { TeamInfoCard } from './TeamInfoCard';
