import { EmptyState } from '@backstage/core-components';

/** What the reports page shows to those who may not read reports. */
export function ReportsNotAllowed() {
  return (
    <EmptyState
      missing="info"
      title="You are not allowed to read reports"
      description="Reports show the cost of every team and namespace, so they need the bison.reports.read permission, which finance and Bison administrators have. Your own teams' cost and statements are on their team pages."
    />
  );
}
