import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { teamReadPermission } from '@bison/plugin-bison-common';
import {
  bisonTeamConditions,
  createBisonTeamConditionalDecision,
} from '@bison/plugin-bison-node';

function userOf(credentials: BackstageCredentials): string | undefined {
  return (credentials.principal as { userEntityRef?: string }).userEntityRef;
}

/**
 * Permissions as a policy gives them: the listed users are plain members who
 * may read the teams of their Groups and nothing else; everyone else is
 * allowed everything.
 */
export function memberPermissions(members: Record<string, string[]>) {
  return mockServices.permissions.mock({
    authorize: async (requests, options) => {
      const member = members[userOf(options.credentials) ?? ''];
      return requests.map(() => ({
        result: member ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }));
    },
    authorizeConditional: async (requests, options) => {
      const groups = members[userOf(options.credentials) ?? ''];
      return requests.map(({ permission }) => {
        if (!groups) return { result: AuthorizeResult.ALLOW };
        if (
          isResourcePermission(permission, 'bison-team') &&
          permission.name === teamReadPermission.name
        ) {
          return createBisonTeamConditionalDecision(
            permission,
            bisonTeamConditions.isTeamMember({ claims: groups }),
          );
        }
        return { result: AuthorizeResult.DENY };
      });
    },
  }).factory;
}
