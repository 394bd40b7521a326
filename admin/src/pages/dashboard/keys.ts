// The dashboard's query key, in a module of its own: pages that refresh the dashboard after a change
// import it without pulling the dashboard (and ECharts) into their chunk.
export const DASHBOARD_KEY = ['troika', 'boss_dashboard'] as const
