import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { tenantNameOfGroup } from '@bison/plugin-bison-common';

/** A catalog Group as the create-team wizard offers it. */
export interface GroupChoice {
  /** Entity ref, e.g. group:default/ml-team. */
  ref: string;
  /** The team name it defaults to: its bison.io/tenant annotation, else its name. */
  tenantName: string;
  /** The team display name it defaults to: its profile display name, else its title or name. */
  displayName: string;
  /** Whether a team is already bound to it. */
  taken: boolean;
}

/** The Groups to choose from, sorted by display name; `teamGroupRefs` are taken. */
export function groupChoices(
  groups: Entity[],
  teamGroupRefs: string[],
): GroupChoice[] {
  const taken = new Set(
    teamGroupRefs.map(ref => ref.toLocaleLowerCase('en-US')),
  );
  return groups
    .map(group => {
      const ref = stringifyEntityRef(group);
      const profile = (group.spec?.profile ?? {}) as { displayName?: string };
      return {
        ref,
        tenantName: tenantNameOfGroup(group),
        displayName:
          profile.displayName || group.metadata.title || group.metadata.name,
        taken: taken.has(ref.toLocaleLowerCase('en-US')),
      };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
