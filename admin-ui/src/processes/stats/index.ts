export { ProcessStatsPanel } from './ProcessStatsPanel';
export type { ProcessStatsPanelProps } from './ProcessStatsPanel';
