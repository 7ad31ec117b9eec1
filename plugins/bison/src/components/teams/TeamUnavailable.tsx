import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { isForbidden, isNotFound } from '../shared/errorMessage';

/**
 * Why a team cannot be shown: it does not exist, the user may not see it,
 * or the request failed.
 */
export function TeamUnavailable(props: {
  name: string;
  error: Error;
  notFound: { title: string; description: string };
}) {
  const { name, error, notFound } = props;
  if (isNotFound(error)) {
    return <EmptyState missing="data" {...notFound} />;
  }
  if (isForbidden(error)) {
    return (
      <EmptyState
        missing="info"
        title="You do not have access to this team"
        description={`Only members of team '${name}', finance and Bison administrators can see its wallet, cost and statements.`}
      />
    );
  }
  return <ResponseErrorPanel error={error} />;
}
